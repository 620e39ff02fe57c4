//! Canadian French copy (Quebec usage), "vous" form. Same keys and
//! placeholders as `en.rs`; the compiler refuses a missing key.
//!
//! Terms: login details / credentials = « renseignements de connexion »; log in
//! = « se connecter »; routing number = « numéro d'acheminement »; bank or
//! credit union = « banque ou caisse »; institution = « institution
//! financière »; checking account = « compte chèques »; email = « courriel »;
//! support = « soutien ». Typography: `\u{a0}` (no-break space) inside « » and
//! before a colon; none before ? or ! (Quebec usage).

use super::Key::{self, *};

/// The text of `key` in this locale; every key must have one (the `match` is exhaustive).
pub fn text(key: Key) -> &'static str {
    match key {
        // Chrome and shared
        WidgetLabel => "Connecter un compte",
        CommonBack => "Retour",
        CommonCancel => "Annuler",
        CommonDone => "Terminé",
        CommonRetry => "Réessayer",
        CommonLoading => "Chargement…",
        CommonOptional => "(facultatif)",
        CommonInstitution => "votre institution financière",
        CommonNewTab => "(s'ouvre dans un nouvel onglet)",
        CommonFromInstitution => "Message de {name}\u{a0}:",

        // Loading the configured member or institution
        LoadTitle => "Préparation en cours",
        LoadNotFoundTitle => "Nous n'avons pas trouvé cette connexion",
        LoadNotFoundBody => "Elle a peut-être été supprimée. Vous pouvez plutôt rechercher votre institution financière.",
        LoadFailedTitle => "Nous n'avons pas pu charger cette connexion",
        LoadFailedBody => "Un problème est survenu de notre côté. Veuillez réessayer dans un moment.",
        LoadSearch => "Rechercher une institution financière",

        // Search
        SearchTitle => "Trouvez votre banque",
        SearchLabel => "Recherchez votre banque ou votre caisse",
        SearchPlaceholder => "Nom ou numéro d'acheminement",
        SearchHint => "Entrez au moins 2 caractères.",
        SearchClear => "Effacer la recherche",
        SearchPopular => "Institutions populaires",
        SearchLoading => "Recherche en cours…",
        SearchPopularLoading => "Chargement des institutions…",
        SearchPopularFailed => "Nous n'avons pas pu charger les institutions. Vérifiez votre connexion Internet et réessayez.",
        SearchResultsOne => "1 résultat pour «\u{a0}{query}\u{a0}»",
        SearchResultsMany => "{count} résultats pour «\u{a0}{query}\u{a0}»",
        SearchResultsMore => "{count} résultats affichés pour «\u{a0}{query}\u{a0}»",
        SearchMore => "Afficher plus de résultats",
        SearchMoreLoading => "Chargement d'autres résultats…",
        SearchMoreFailed => "Nous n'avons pas pu charger d'autres résultats.",
        SearchNoneTitle => "Aucun résultat pour «\u{a0}{query}\u{a0}»",
        SearchNoneBody => "Vérifiez l'orthographe, essayez un nom plus court ou cherchez par numéro d'acheminement.",
        SearchFailedTitle => "La recherche ne fonctionne pas pour le moment",
        SearchFailedBody => "Un problème est survenu pendant la recherche. Veuillez réessayer.",
        SearchUnavailable => "Non disponible",
        SearchOpening => "Ouverture de {name}…",
        SearchOpenFailed => "Nous n'avons pas pu ouvrir {name}. Veuillez réessayer.",

        // Unavailable institution
        InstitutionUnavailableTitle => "Impossible de connecter {name} pour le moment",
        InstitutionUnavailableBody => "Les connexions à cette institution ne sont pas offertes pour le moment. Vous pouvez choisir une autre institution ou revenir plus tard.",
        InstitutionChooseAnother => "Choisir une autre institution",

        // Credentials
        CredentialsTitle => "Connectez-vous à {name}",
        CredentialsUpdateTitle => "Mettez à jour vos renseignements de connexion pour {name}",
        CredentialsIntro => "Entrez les renseignements que vous utilisez pour vous connecter à {name}. Ils sont transmis directement au service de connexion et ne sont pas conservés ici.",
        CredentialsShowPassword => "Afficher le mot de passe",
        CredentialsShow => "Afficher",
        CredentialsFieldRequired => "Entrez votre {label}.",
        CredentialsSubmit => "Continuer",
        CredentialsSubmitting => "Vérification…",
        CredentialsSubmittingNote => "Envoi sécurisé de vos renseignements. Cela peut prendre un moment.",
        CredentialsFieldsFailed => "Nous n'avons pas pu charger le formulaire de connexion de {name}.",
        CredentialsForgotPassword => "Mot de passe oublié?",
        CredentialsForgotUsername => "Nom d'utilisateur oublié?",
        CredentialsTrouble => "Difficulté à vous connecter?",
        CredentialsGetHelp => "Obtenir de l'aide",
        CredentialsDisconnect => "Déconnecter cette institution",

        // Why credentials are asked again
        UpdateReasonPrevented => "Les dernières tentatives de connexion ont échoué. Veuillez entrer de nouveau vos renseignements de connexion.",
        UpdateReasonDenied => "Les renseignements de connexion ne correspondent pas à ceux de {name}. Veuillez les entrer de nouveau.",
        UpdateReasonReauthorize => "{name} vous demande de vous reconnecter pour que cette connexion continue de fonctionner.",
        UpdateReasonMissing => "Il nous faut vos renseignements de connexion pour {name} avant de pouvoir mettre vos données à jour.",
        UpdateReasonGeneric => "Veuillez entrer de nouveau vos renseignements de connexion pour {name}.",

        // Submit errors
        ErrorGeneric => "Un problème est survenu. Veuillez réessayer.",
        ErrorNotEnabled => "Ce type de connexion n'est pas activé pour cette application.",
        ErrorCheckInput => "Cela n'a pas fonctionné. Vérifiez vos renseignements et réessayez.",
        ErrorUnreachable => "Nous ne recevons pas de réponse pour le moment. Vérifiez votre connexion Internet et réessayez.",

        // Connecting
        ConnectingTitle => "Connexion à {name}",
        ConnectingStarting => "Établissement d'une connexion sécurisée…",
        ConnectingVerifying => "Vérification de vos renseignements de connexion…",
        ConnectingSyncing => "Récupération des renseignements de votre compte…",
        ConnectingNote => "Cela peut prendre une minute. Veuillez garder cette page ouverte.",
        ConnectingFailedTitle => "Nous avons perdu le contact avec {name}",
        ConnectingCancel => "Annuler",

        // MFA
        MfaTitle => "Confirmez votre identité",
        MfaAccountTitle => "Choisissez un compte",
        MfaIntro => "{name} a besoin d'une étape de plus pour confirmer votre identité.",
        MfaAccountIntro => "Choisissez le compte que vous voulez connecter.",
        MfaPreviousWrong => "Cette réponse n'a pas été acceptée. Veuillez réessayer.",
        MfaTimedOut => "Le délai de réponse est écoulé. Veuillez répondre à la nouvelle question.",
        MfaAnswerRequired => "Entrez une réponse.",
        MfaChoose => "Choisissez une option",
        MfaChooseRequired => "Choisissez une option pour continuer.",
        MfaAccountRequired => "Choisissez un compte pour continuer.",
        MfaImageLabel => "Image associée à cette question",
        MfaSubmit => "Continuer",
        MfaSubmitting => "Vérification…",
        MfaNone => "Il n'y a aucune question pour le moment.",

        // Connected
        ConnectedTitle => "Connexion réussie",
        ConnectedBody => "La connexion à {name} est établie.",
        ConnectedDone => "Terminé",

        // Login errors by connection status (the aggregator's meanings)
        StatusRejectedTitle => "Cette réponse n'a pas fonctionné",
        StatusRejectedBody => "{name} n'a pas accepté votre réponse. Réessayez pour obtenir une nouvelle question.",
        StatusExpiredTitle => "Le délai est écoulé",
        StatusExpiredBody => "La réponse n'a pas été envoyée à temps. Réessayez pour obtenir une nouvelle question.",
        StatusLockedTitle => "Votre compte est verrouillé",
        StatusLockedBody => "{name} a verrouillé votre compte. Connectez-vous à son site Web et suivez les étapes pour le déverrouiller, puis revenez ici.",
        StatusImpededTitle => "{name} requiert votre attention",
        StatusImpededBody => "Une action est requise sur le site Web de {name}, comme accepter de nouvelles conditions ou lire un message. Connectez-vous à ce site, puis revenez ici pour réessayer.",
        StatusDegradedTitle => "Cette connexion est en cours d'amélioration",
        StatusDegradedBody => "Les connexions à {name} fonctionnent mal pour le moment. Veuillez réessayer plus tard.",
        StatusDisconnectedTitle => "Nous ne pouvons pas obtenir vos données pour le moment",
        StatusDisconnectedBody => "Depuis un certain temps, nous n'arrivons pas à obtenir vos données de {name}. Nous travaillons à régler le problème.",
        StatusDiscontinuedTitle => "Cette connexion n'est plus offerte",
        StatusDiscontinuedBody => "Les connexions à {name} ne sont plus prises en charge. Vous pouvez plutôt suivre ce compte manuellement.",
        StatusClosedTitle => "Cette connexion est fermée",
        StatusClosedBody => "Cette connexion à {name} a été fermée. Si le compte est de nouveau ouvert, vous pourrez le connecter à nouveau.",
        StatusDelayedTitle => "Cela prend plus de temps que d'habitude",
        StatusDelayedBody => "La récupération de vos données de {name} prend du temps. Vous pouvez réessayer maintenant ou revenir plus tard.",
        StatusFailedTitle => "La connexion a échoué",
        StatusFailedBody => "Un problème est survenu pendant la vérification de vos renseignements auprès de {name}. Veuillez réessayer plus tard.",
        StatusDisabledTitle => "Les mises à jour sont suspendues",
        StatusDisabledBody => "La récupération des données de {name} a été désactivée. Communiquez avec le soutien si vous croyez qu'il s'agit d'une erreur.",
        StatusCredentialsTitle => "Nouveaux renseignements de connexion requis",
        StatusCredentialsBody => "Veuillez entrer de nouveau vos renseignements de connexion pour {name}.",
        StatusUnknownTitle => "Un problème est survenu",
        StatusUnknownBody => "Nous n'avons pas pu terminer la connexion à {name}. Veuillez réessayer.",

        // Actions on error screens
        StatusActionTryAgain => "Réessayer",
        StatusActionUpdateCredentials => "Mettre à jour les renseignements de connexion",
        StatusActionVisitWebsite => "Aller au site Web de {name}",
        StatusActionTryAnother => "Choisir une autre institution",
        StatusActionGetHelp => "Obtenir de l'aide",
        StatusActionDisconnect => "Déconnecter {name}",

        // Actionable error codes
        Code1000Title => "Aucun compte admissible",
        Code1000Body => "Nous n'avons trouvé chez {name} aucun compte chèques ou d'épargne utilisable pour les virements. Reconnectez-vous avec un autre profil ou connectez une autre institution financière.",
        Code1001Title => "Aucun compte trouvé",
        Code1001Body => "Nous n'avons trouvé aucun compte chez {name}. Ils sont peut-être fermés, ou l'accès a peut-être été retiré.",
        Code1002Title => "Autorisations supplémentaires requises",
        Code1002Body => "Certaines autorisations n'ont pas été accordées, alors nous ne pouvons pas voir vos comptes chez {name}. Reconnectez-vous et autorisez l'accès à vos comptes.",
        Code3000Title => "{name} ne répond pas",
        Code3000Body => "Nous ne parvenons pas à joindre {name} pour le moment. Veuillez réessayer un peu plus tard.",
        Code3001Title => "{name} est en maintenance",
        Code3001Body => "{name} effectue une maintenance planifiée. Veuillez réessayer plus tard.",
        Code3002Title => "{name} n'est pas disponible",
        Code3002Body => "{name} n'est pas disponible pour le moment. Vous pouvez choisir une autre institution.",

        // Disconnected
        DisconnectedTitle => "Déconnexion de {name} effectuée",
        DisconnectedBody => "La connexion à {name} a été supprimée.",

        // Support
        SupportTitle => "Demander de l'aide",
        SupportIntro => "Dites-nous ce qui ne va pas et nous vous répondrons par courriel.",
        SupportEmail => "Votre adresse courriel",
        SupportEmailInvalid => "Entrez une adresse courriel comme name@example.com.",
        SupportSubject => "Objet",
        SupportSubjectRequired => "Entrez un objet.",
        SupportMessage => "Que se passe-t-il?",
        SupportMessageRequired => "Décrivez le problème.",
        SupportSend => "Envoyer la demande",
        SupportSending => "Envoi en cours…",
        SupportSentTitle => "Demande envoyée",
        SupportSentBody => "Merci. Nous vous répondrons à {email}.",

        // Disconnect dialog
        DisconnectTitle => "Déconnecter {name}?",
        DisconnectBody => "Votre application cessera de recevoir des mises à jour de {name}.",
        DisconnectReasonLegend => "Pourquoi voulez-vous déconnecter cette institution?",
        DisconnectReasonRequired => "Choisissez une raison.",
        DisconnectReasonNotMine => "Je n'utilise plus ce compte, ou il n'est pas à moi",
        DisconnectReasonNoShare => "Je ne veux pas partager ces données",
        DisconnectReasonCannotConnect => "Je n'arrive pas à établir la connexion",
        DisconnectReasonOther => "Autre raison",
        DisconnectConfirm => "Déconnecter",
        DisconnectConfirming => "Déconnexion en cours…",
        DisconnectFailed => "Nous n'avons pas pu déconnecter {name}. Veuillez réessayer.",

        // OAuth: logging in on the institution's own website
        OAuthTitle => "Connectez-vous sur le site de {name}",
        OAuthIntro => "{name} se connecte au moyen de son propre site Web sécurisé. Vous vous connectez là-bas, pas ici, et vos renseignements de connexion ne sont jamais transmis à cette application.",
        OAuthStepGo => "Vous irez sur le site de {name} pour vous connecter en toute sécurité.",
        OAuthStepReturn => "Vous reviendrez ensuite ici pour terminer la connexion.",
        OAuthGo => "Aller sur le site de {name}",
        OAuthPreparing => "Préparation de la page de connexion de {name}…",
        OAuthReauthorize => "{name} vous demande de vous connecter de nouveau pour que cette connexion continue de fonctionner.",
        OAuthUnsafeUrl => "L'adresse de la page de connexion de {name} n'est pas sécurisée, alors nous ne l'avons pas ouverte. Veuillez réessayer plus tard ou choisir une autre institution.",
        OAuthWaitingTitle => "Terminez votre connexion sur le site de {name}",
        OAuthWaitingBody => "Nous avons ouvert {name} dans un nouvel onglet. Connectez-vous là-bas et autorisez l'accès. Cette page continuera d'elle-même quand vous aurez terminé.",
        OAuthWaitingBodyApp => "Connectez-vous à {name} dans le navigateur qui s'est ouvert et autorisez l'accès. Revenez ensuite ici\u{a0}: cette page continuera d'elle-même.",
        OAuthWaitingStatus => "En attente de {name}…",
        OAuthBlocked => "Votre navigateur a empêché l'ouverture de l'onglet de {name}.",
        OAuthContinueNewTab => "Continuer dans un nouvel onglet",
        OAuthClosed => "L'onglet de {name} a été fermé avant la fin. Ouvrez-le de nouveau pour continuer, ou recommencez.",
        OAuthOpenAgain => "Ouvrir {name} de nouveau",
        OAuthPollTrouble => "Nous avons du mal à joindre {name}. Nous continuons d'essayer.",
        OAuthTimedOut => "Nous n'avons pas reçu de réponse de {name} à temps. Veuillez réessayer.",
        OAuthErrorTitle => "Nous n'avons pas pu nous connecter à {name}",
        OAuthErrorUnknown => "Un problème est survenu pendant la connexion à {name}. Veuillez réessayer.",
        OAuthErrorCancelled => "Il semble que vous ayez choisi de ne pas partager les renseignements de votre compte. Pour connecter {name}, réessayez et autorisez l'accès.",
        OAuthErrorDenied => "Un problème est survenu lors de la connexion à {name}. Veuillez réessayer.",
        OAuthErrorImpeded => "{name} requiert votre attention sur son site Web. Connectez-vous là-bas, suivez les étapes indiquées, puis réessayez.",
        OAuthErrorProvider => "{name} a rencontré un problème. Veuillez réessayer, ou revenir plus tard.",
        OAuthErrorServer => "Un problème est survenu de notre côté. Veuillez réessayer.",
        OAuthErrorSession => "Votre session avec {name} a pris fin avant que vous ayez terminé. Veuillez réessayer.",
        // Embedding: the iframe page (widget.html) when it cannot start
        FrameErrorTitle => "Cette connexion ne peut pas démarrer",
        FrameErrorBody => "La page qui l'a ouverte a fourni un réglage que le widget ne peut pas utiliser. Veuillez réessayer plus tard.",
        FrameErrorDetails => "Détails pour les développeurs du site",
        FrameTitle => "Connectez votre compte",
    }
}
