//! Canadian French copy (Quebec usage), "vous" form. Same keys and
//! placeholders as `en.rs`; a key missing here falls back to English.
//!
//! Terms: login details / credentials = « renseignements de connexion »; log in
//! = « se connecter »; routing number = « numéro d'acheminement »; bank or
//! credit union = « banque ou caisse »; institution = « institution
//! financière »; checking account = « compte chèques »; email = « courriel »;
//! support = « soutien ». Typography: `\u{a0}` (no-break space) inside « » and
//! before a colon; none before ? or ! (Quebec usage).

pub fn text(key: &str) -> Option<&'static str> {
    Some(match key {
        // Chrome and shared
        "widget.label" => "Connecter un compte",
        "common.back" => "Retour",
        "common.close" => "Fermer",
        "common.cancel" => "Annuler",
        "common.continue" => "Continuer",
        "common.done" => "Terminé",
        "common.retry" => "Réessayer",
        "common.loading" => "Chargement…",
        "common.required" => "Obligatoire",
        "common.optional" => "(facultatif)",
        "common.institution" => "votre institution financière",
        "common.new_tab" => "(s'ouvre dans un nouvel onglet)",
        "common.from_institution" => "Message de {name}\u{a0}:",

        // Loading the configured member or institution
        "load.title" => "Préparation en cours",
        "load.not_found.title" => "Nous n'avons pas trouvé cette connexion",
        "load.not_found.body" => "Elle a peut-être été supprimée. Vous pouvez plutôt rechercher votre institution financière.",
        "load.failed.title" => "Nous n'avons pas pu charger cette connexion",
        "load.failed.body" => "Un problème est survenu de notre côté. Veuillez réessayer dans un moment.",
        "load.search" => "Rechercher une institution financière",

        // Search
        "search.title" => "Trouvez votre banque",
        "search.label" => "Recherchez votre banque ou votre caisse",
        "search.placeholder" => "Nom ou numéro d'acheminement",
        "search.hint" => "Entrez au moins 2 caractères.",
        "search.clear" => "Effacer la recherche",
        "search.popular" => "Institutions populaires",
        "search.loading" => "Recherche en cours…",
        "search.popular_loading" => "Chargement des institutions…",
        "search.popular_failed" => "Nous n'avons pas pu charger les institutions. Vérifiez votre connexion Internet et réessayez.",
        "search.results_one" => "1 résultat pour «\u{a0}{query}\u{a0}»",
        "search.results_many" => "{count} résultats pour «\u{a0}{query}\u{a0}»",
        "search.results_more" => "{count} résultats affichés pour «\u{a0}{query}\u{a0}»",
        "search.more" => "Afficher plus de résultats",
        "search.more_loading" => "Chargement d'autres résultats…",
        "search.more_failed" => "Nous n'avons pas pu charger d'autres résultats.",
        "search.none.title" => "Aucun résultat pour «\u{a0}{query}\u{a0}»",
        "search.none.body" => "Vérifiez l'orthographe, essayez un nom plus court ou cherchez par numéro d'acheminement.",
        "search.failed.title" => "La recherche ne fonctionne pas pour le moment",
        "search.failed.body" => "Un problème est survenu pendant la recherche. Veuillez réessayer.",
        "search.unavailable" => "Non disponible",
        "search.opening" => "Ouverture de {name}…",
        "search.open_failed" => "Nous n'avons pas pu ouvrir {name}. Veuillez réessayer.",
        "search.select" => "Connecter {name}",

        // Unavailable institution
        "institution.unavailable.title" => "Impossible de connecter {name} pour le moment",
        "institution.unavailable.body" => "Les connexions à cette institution ne sont pas offertes pour le moment. Vous pouvez choisir une autre institution ou revenir plus tard.",
        "institution.choose_another" => "Choisir une autre institution",

        // Credentials
        "credentials.title" => "Connectez-vous à {name}",
        "credentials.update_title" => "Mettez à jour vos renseignements de connexion pour {name}",
        "credentials.intro" => "Entrez les renseignements que vous utilisez pour vous connecter à {name}. Ils sont transmis directement au service de connexion et ne sont pas conservés ici.",
        "credentials.show_password" => "Afficher le mot de passe",
        "credentials.show" => "Afficher",
        "credentials.field_required" => "Entrez votre {label}.",
        "credentials.errors" => "Certains champs sont à vérifier.",
        "credentials.submit" => "Continuer",
        "credentials.submitting" => "Vérification…",
        "credentials.submitting_note" => "Envoi sécurisé de vos renseignements. Cela peut prendre un moment.",
        "credentials.fields_failed" => "Nous n'avons pas pu charger le formulaire de connexion de {name}.",
        "credentials.forgot_password" => "Mot de passe oublié?",
        "credentials.forgot_username" => "Nom d'utilisateur oublié?",
        "credentials.trouble" => "Difficulté à vous connecter?",
        "credentials.get_help" => "Obtenir de l'aide",
        "credentials.disconnect" => "Déconnecter cette institution",

        // Why credentials are asked again
        "update.reason.prevented" => "Les dernières tentatives de connexion ont échoué. Veuillez entrer de nouveau vos renseignements de connexion.",
        "update.reason.denied" => "Les renseignements de connexion ne correspondent pas à ceux de {name}. Veuillez les entrer de nouveau.",
        "update.reason.reauthorize" => "{name} vous demande de vous reconnecter pour que cette connexion continue de fonctionner.",
        "update.reason.missing" => "Il nous faut vos renseignements de connexion pour {name} avant de pouvoir mettre vos données à jour.",
        "update.reason.generic" => "Veuillez entrer de nouveau vos renseignements de connexion pour {name}.",

        // Submit errors
        "error.generic" => "Un problème est survenu. Veuillez réessayer.",
        "error.not_enabled" => "Ce type de connexion n'est pas activé pour cette application.",
        "error.check_input" => "Cela n'a pas fonctionné. Vérifiez vos renseignements et réessayez.",
        "error.unreachable" => "Nous ne recevons pas de réponse pour le moment. Vérifiez votre connexion Internet et réessayez.",

        // Connecting
        "connecting.title" => "Connexion à {name}",
        "connecting.starting" => "Établissement d'une connexion sécurisée…",
        "connecting.verifying" => "Vérification de vos renseignements de connexion…",
        "connecting.syncing" => "Récupération des renseignements de votre compte…",
        "connecting.note" => "Cela peut prendre une minute. Veuillez garder cette page ouverte.",
        "connecting.failed.title" => "Nous avons perdu le contact avec {name}",
        "connecting.cancel" => "Annuler",

        // MFA
        "mfa.title" => "Confirmez votre identité",
        "mfa.account_title" => "Choisissez un compte",
        "mfa.intro" => "{name} a besoin d'une étape de plus pour confirmer votre identité.",
        "mfa.account_intro" => "Choisissez le compte que vous voulez connecter.",
        "mfa.previous_wrong" => "Cette réponse n'a pas été acceptée. Veuillez réessayer.",
        "mfa.timed_out" => "Le délai de réponse est écoulé. Veuillez répondre à la nouvelle question.",
        "mfa.answer_required" => "Entrez une réponse.",
        "mfa.choose" => "Choisissez une option",
        "mfa.choose_required" => "Choisissez une option pour continuer.",
        "mfa.account_required" => "Choisissez un compte pour continuer.",
        "mfa.image_label" => "Image associée à cette question",
        "mfa.submit" => "Continuer",
        "mfa.submitting" => "Vérification…",
        "mfa.none" => "Il n'y a aucune question pour le moment.",

        // Connected
        "connected.title" => "Connexion réussie",
        "connected.body" => "La connexion à {name} est établie.",
        "connected.done" => "Terminé",

        // Login errors by connection status (seed 002 meanings)
        "status.rejected.title" => "Cette réponse n'a pas fonctionné",
        "status.rejected.body" => "{name} n'a pas accepté votre réponse. Réessayez pour obtenir une nouvelle question.",
        "status.expired.title" => "Le délai est écoulé",
        "status.expired.body" => "La réponse n'a pas été envoyée à temps. Réessayez pour obtenir une nouvelle question.",
        "status.locked.title" => "Votre compte est verrouillé",
        "status.locked.body" => "{name} a verrouillé votre compte. Connectez-vous à son site Web et suivez les étapes pour le déverrouiller, puis revenez ici.",
        "status.impeded.title" => "{name} requiert votre attention",
        "status.impeded.body" => "Une action est requise sur le site Web de {name}, comme accepter de nouvelles conditions ou lire un message. Connectez-vous à ce site, puis revenez ici pour réessayer.",
        "status.degraded.title" => "Cette connexion est en cours d'amélioration",
        "status.degraded.body" => "Les connexions à {name} fonctionnent mal pour le moment. Veuillez réessayer plus tard.",
        "status.disconnected.title" => "Nous ne pouvons pas obtenir vos données pour le moment",
        "status.disconnected.body" => "Depuis un certain temps, nous n'arrivons pas à obtenir vos données de {name}. Nous travaillons à régler le problème.",
        "status.discontinued.title" => "Cette connexion n'est plus offerte",
        "status.discontinued.body" => "Les connexions à {name} ne sont plus prises en charge. Vous pouvez plutôt suivre ce compte manuellement.",
        "status.closed.title" => "Cette connexion est fermée",
        "status.closed.body" => "Cette connexion à {name} a été fermée. Si le compte est de nouveau ouvert, vous pourrez le connecter à nouveau.",
        "status.delayed.title" => "Cela prend plus de temps que d'habitude",
        "status.delayed.body" => "La récupération de vos données de {name} prend du temps. Vous pouvez réessayer maintenant ou revenir plus tard.",
        "status.failed.title" => "La connexion a échoué",
        "status.failed.body" => "Un problème est survenu pendant la vérification de vos renseignements auprès de {name}. Veuillez réessayer plus tard.",
        "status.disabled.title" => "Les mises à jour sont suspendues",
        "status.disabled.body" => "La récupération des données de {name} a été désactivée. Communiquez avec le soutien si vous croyez qu'il s'agit d'une erreur.",
        "status.credentials.title" => "Nouveaux renseignements de connexion requis",
        "status.credentials.body" => "Veuillez entrer de nouveau vos renseignements de connexion pour {name}.",
        "status.unknown.title" => "Un problème est survenu",
        "status.unknown.body" => "Nous n'avons pas pu terminer la connexion à {name}. Veuillez réessayer.",

        // Actions on error screens
        "status.action.try_again" => "Réessayer",
        "status.action.update_credentials" => "Mettre à jour les renseignements de connexion",
        "status.action.visit_website" => "Aller au site Web de {name}",
        "status.action.try_another" => "Choisir une autre institution",
        "status.action.get_help" => "Obtenir de l'aide",
        "status.action.disconnect" => "Déconnecter {name}",

        // Actionable error codes
        "code.1000.title" => "Aucun compte admissible",
        "code.1000.body" => "Nous n'avons trouvé chez {name} aucun compte chèques ou d'épargne utilisable pour les virements. Reconnectez-vous avec un autre profil ou connectez une autre institution financière.",
        "code.1001.title" => "Aucun compte trouvé",
        "code.1001.body" => "Nous n'avons trouvé aucun compte chez {name}. Ils sont peut-être fermés, ou l'accès a peut-être été retiré.",
        "code.1002.title" => "Autorisations supplémentaires requises",
        "code.1002.body" => "Certaines autorisations n'ont pas été accordées, alors nous ne pouvons pas voir vos comptes chez {name}. Reconnectez-vous et autorisez l'accès à vos comptes.",
        "code.3000.title" => "{name} ne répond pas",
        "code.3000.body" => "Nous ne parvenons pas à joindre {name} pour le moment. Veuillez réessayer un peu plus tard.",
        "code.3001.title" => "{name} est en maintenance",
        "code.3001.body" => "{name} effectue une maintenance planifiée. Veuillez réessayer plus tard.",
        "code.3002.title" => "{name} n'est pas disponible",
        "code.3002.body" => "{name} n'est pas disponible pour le moment. Vous pouvez choisir une autre institution.",

        // Disconnected
        "disconnected.title" => "Déconnexion de {name} effectuée",
        "disconnected.body" => "La connexion à {name} a été supprimée.",

        // Support
        "support.title" => "Demander de l'aide",
        "support.intro" => "Dites-nous ce qui ne va pas et nous vous répondrons par courriel.",
        "support.email" => "Votre adresse courriel",
        "support.email_invalid" => "Entrez une adresse courriel comme name@example.com.",
        "support.subject" => "Objet",
        "support.subject_required" => "Entrez un objet.",
        "support.message" => "Que se passe-t-il?",
        "support.message_required" => "Décrivez le problème.",
        "support.send" => "Envoyer la demande",
        "support.sending" => "Envoi en cours…",
        "support.sent.title" => "Demande envoyée",
        "support.sent.body" => "Merci. Nous vous répondrons à {email}.",

        // Disconnect dialog
        "disconnect.title" => "Déconnecter {name}?",
        "disconnect.body" => "Votre application cessera de recevoir des mises à jour de {name}.",
        "disconnect.reason.legend" => "Pourquoi voulez-vous déconnecter cette institution?",
        "disconnect.reason.required" => "Choisissez une raison.",
        "disconnect.reason.not_mine" => "Je n'utilise plus ce compte, ou il n'est pas à moi",
        "disconnect.reason.no_share" => "Je ne veux pas partager ces données",
        "disconnect.reason.cannot_connect" => "Je n'arrive pas à établir la connexion",
        "disconnect.reason.other" => "Autre raison",
        "disconnect.confirm" => "Déconnecter",
        "disconnect.confirming" => "Déconnexion en cours…",
        "disconnect.failed" => "Nous n'avons pas pu déconnecter {name}. Veuillez réessayer.",
        _ => return None,
    })
}
