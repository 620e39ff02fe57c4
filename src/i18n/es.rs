//! Spanish copy: neutral Latin-American Spanish, "usted" form. Same keys and
//! placeholders as `en.rs`; the compiler refuses a missing key.
//!
//! Terms: login details / credentials = "datos de acceso"; log in = "iniciar
//! sesión"; routing number = "número de ruta"; credit union = "cooperativa de
//! crédito"; checking account = "cuenta de cheques"; email = "correo
//! electrónico"; support = "soporte".

use super::Key::{self, *};

/// The text of `key` in this locale; every key must have one (the `match` is exhaustive).
pub fn text(key: Key) -> &'static str {
    match key {
        // Chrome and shared
        WidgetLabel => "Conectar una cuenta",
        CommonBack => "Atrás",
        CommonCancel => "Cancelar",
        CommonDone => "Listo",
        CommonRetry => "Intentar de nuevo",
        CommonLoading => "Cargando…",
        CommonOptional => "(opcional)",
        CommonInstitution => "su institución",
        CommonNewTab => "(se abre en una pestaña nueva)",
        CommonFromInstitution => "Mensaje de {name}:",

        // Loading the configured member or institution
        LoadTitle => "Preparando todo",
        LoadNotFoundTitle => "No encontramos esa conexión",
        LoadNotFoundBody => "Es posible que se haya eliminado. Puede buscar su institución.",
        LoadFailedTitle => "No pudimos cargar esta conexión",
        LoadFailedBody => "Algo salió mal de nuestro lado. Inténtelo de nuevo en un momento.",
        LoadSearch => "Buscar una institución",

        // Search
        SearchTitle => "Busque su banco",
        SearchLabel => "Busque su banco o cooperativa de crédito",
        SearchPlaceholder => "Nombre o número de ruta",
        SearchHint => "Escriba al menos 2 caracteres.",
        SearchClear => "Borrar búsqueda",
        SearchPopular => "Instituciones populares",
        SearchLoading => "Buscando…",
        SearchPopularLoading => "Cargando instituciones…",
        SearchPopularFailed => "No pudimos cargar las instituciones. Revise su conexión e inténtelo de nuevo.",
        SearchResultsOne => "1 resultado para “{query}”",
        SearchResultsMany => "{count} resultados para “{query}”",
        SearchResultsMore => "Se muestran {count} resultados para “{query}”",
        SearchMore => "Mostrar más resultados",
        SearchMoreLoading => "Cargando más resultados…",
        SearchMoreFailed => "No pudimos cargar más resultados.",
        SearchNoneTitle => "No hay resultados para “{query}”",
        SearchNoneBody => "Revise la ortografía, pruebe con un nombre más corto o busque por número de ruta.",
        SearchFailedTitle => "La búsqueda no funciona en este momento",
        SearchFailedBody => "Algo salió mal al buscar. Inténtelo de nuevo.",
        SearchUnavailable => "No disponible",
        SearchOpening => "Abriendo {name}…",
        SearchOpenFailed => "No pudimos abrir {name}. Inténtelo de nuevo.",

        // Unavailable institution
        InstitutionUnavailableTitle => "No es posible conectar {name} en este momento",
        InstitutionUnavailableBody => "Las conexiones con esta institución no están disponibles por ahora. Puede elegir otra institución o volver más tarde.",
        InstitutionChooseAnother => "Elegir otra institución",

        // Credentials
        CredentialsTitle => "Inicie sesión en {name}",
        CredentialsUpdateTitle => "Actualice sus datos de acceso de {name}",
        CredentialsIntro => "Ingrese los datos que usa para iniciar sesión en {name}. Se envían directamente al servicio de conexión y no se guardan aquí.",
        CredentialsShowPassword => "Mostrar contraseña",
        CredentialsShow => "Mostrar",
        CredentialsFieldRequired => "Ingrese su {label}.",
        CredentialsSubmit => "Continuar",
        CredentialsSubmitting => "Verificando…",
        CredentialsSubmittingNote => "Estamos enviando sus datos de forma segura. Esto puede tardar un momento.",
        CredentialsFieldsFailed => "No pudimos cargar el formulario de inicio de sesión de {name}.",
        CredentialsForgotPassword => "¿Olvidó su contraseña?",
        CredentialsForgotUsername => "¿Olvidó su nombre de usuario?",
        CredentialsTrouble => "¿Problemas para iniciar sesión?",
        CredentialsGetHelp => "Obtener ayuda",
        CredentialsDisconnect => "Desconectar esta institución",

        // Why credentials are asked again
        UpdateReasonPrevented => "Los últimos intentos de conexión no funcionaron. Vuelva a ingresar sus datos de acceso.",
        UpdateReasonDenied => "Los datos de acceso no coinciden con los que tiene {name}. Vuelva a ingresarlos.",
        UpdateReasonReauthorize => "{name} le pide que vuelva a iniciar sesión para que esta conexión siga funcionando.",
        UpdateReasonMissing => "Necesitamos sus datos de acceso de {name} para poder actualizar su información.",
        UpdateReasonGeneric => "Vuelva a ingresar sus datos de acceso de {name}.",

        // Submit errors
        ErrorGeneric => "Algo salió mal. Inténtelo de nuevo.",
        ErrorNotEnabled => "Este tipo de conexión no está activado para esta aplicación.",
        ErrorCheckInput => "No funcionó. Revise sus datos e inténtelo de nuevo.",
        ErrorUnreachable => "No recibimos respuesta en este momento. Revise su conexión e inténtelo de nuevo.",

        // Connecting
        ConnectingTitle => "Conectando con {name}",
        ConnectingStarting => "Iniciando una conexión segura…",
        ConnectingVerifying => "Verificando sus datos de acceso…",
        ConnectingSyncing => "Obteniendo la información de su cuenta…",
        ConnectingNote => "Esto puede tardar un minuto. No cierre esta página.",
        ConnectingFailedTitle => "Perdimos el contacto con {name}",
        ConnectingCancel => "Cancelar",

        // MFA
        MfaTitle => "Confirme su identidad",
        MfaAccountTitle => "Elija una cuenta",
        MfaIntro => "{name} necesita un paso más para confirmar que es usted.",
        MfaAccountIntro => "Elija la cuenta que desea conectar.",
        MfaPreviousWrong => "No se aceptó esa respuesta. Inténtelo de nuevo.",
        MfaTimedOut => "Se acabó el tiempo para responder. Responda la nueva pregunta.",
        MfaAnswerRequired => "Ingrese una respuesta.",
        MfaChoose => "Elija una opción",
        MfaChooseRequired => "Elija una opción para continuar.",
        MfaAccountRequired => "Elija una cuenta para continuar.",
        MfaImageLabel => "Imagen de esta pregunta",
        MfaSubmit => "Continuar",
        MfaSubmitting => "Verificando…",
        MfaNone => "No hay ninguna pregunta por responder en este momento.",

        // Connected
        ConnectedTitle => "Conexión exitosa",
        ConnectedBody => "Se conectó {name} correctamente.",
        ConnectedDone => "Listo",

        // Login errors by connection status (the aggregator's meanings)
        StatusRejectedTitle => "Esa respuesta no funcionó",
        StatusRejectedBody => "{name} no aceptó su respuesta. Vuelva a intentarlo para recibir una nueva pregunta.",
        StatusExpiredTitle => "Se acabó el tiempo",
        StatusExpiredBody => "La respuesta no se envió a tiempo. Vuelva a intentarlo para recibir una nueva pregunta.",
        StatusLockedTitle => "Su cuenta está bloqueada",
        StatusLockedBody => "{name} bloqueó su cuenta. Inicie sesión en su sitio web y siga los pasos para desbloquearla; luego vuelva aquí.",
        StatusImpededTitle => "{name} necesita su atención",
        StatusImpededBody => "Hay algo pendiente en el sitio web de {name}, como aceptar nuevos términos o leer un mensaje. Inicie sesión allí y luego vuelva a intentarlo aquí.",
        StatusDegradedTitle => "Estamos mejorando esta conexión",
        StatusDegradedBody => "Las conexiones con {name} no funcionan bien en este momento. Inténtelo de nuevo más tarde.",
        StatusDisconnectedTitle => "No podemos obtener sus datos en este momento",
        StatusDisconnectedBody => "Hace un tiempo que no podemos obtener sus datos de {name}. Estamos trabajando para solucionarlo.",
        StatusDiscontinuedTitle => "Conexión ya no disponible",
        StatusDiscontinuedBody => "Ya no se admiten conexiones con {name}. En su lugar, puede llevar el control de esta cuenta manualmente.",
        StatusClosedTitle => "Esta conexión está cerrada",
        StatusClosedBody => "Esta conexión con {name} se cerró. Si la cuenta vuelve a estar abierta, puede conectarla de nuevo.",
        StatusDelayedTitle => "Esto está tardando más de lo normal",
        StatusDelayedBody => "Obtener sus datos de {name} está tardando. Puede intentarlo de nuevo ahora o volver más tarde.",
        StatusFailedTitle => "No pudimos conectarnos",
        StatusFailedBody => "Algo salió mal al verificar sus datos con {name}. Inténtelo de nuevo más tarde.",
        StatusDisabledTitle => "Las actualizaciones están en pausa",
        StatusDisabledBody => "Se desactivó la obtención de datos de {name}. Comuníquese con soporte si cree que es un error.",
        StatusCredentialsTitle => "Se necesitan nuevos datos de acceso",
        StatusCredentialsBody => "Vuelva a ingresar sus datos de acceso de {name}.",
        StatusUnknownTitle => "Algo salió mal",
        StatusUnknownBody => "No pudimos terminar de conectarnos con {name}. Inténtelo de nuevo.",

        // Actions on error screens
        StatusActionTryAgain => "Intentar de nuevo",
        StatusActionUpdateCredentials => "Actualizar datos de acceso",
        StatusActionVisitWebsite => "Ir al sitio web de {name}",
        StatusActionTryAnother => "Elegir otra institución",
        StatusActionGetHelp => "Obtener ayuda",
        StatusActionDisconnect => "Desconectar {name}",

        // Actionable error codes
        Code1000Title => "No hay cuentas elegibles",
        Code1000Body => "No encontramos en {name} una cuenta de cheques o de ahorros que se pueda usar para transferencias. Vuelva a iniciar sesión con otro perfil o conecte otra institución.",
        Code1001Title => "No se encontraron cuentas",
        Code1001Body => "No encontramos ninguna cuenta en {name}. Es posible que estén cerradas o que se haya retirado el acceso.",
        Code1002Title => "Se necesitan más permisos",
        Code1002Body => "No se otorgaron algunos permisos, así que no podemos ver sus cuentas en {name}. Vuelva a iniciar sesión y permita el acceso a sus cuentas.",
        Code3000Title => "{name} no responde",
        Code3000Body => "No podemos comunicarnos con {name} en este momento. Inténtelo de nuevo en un rato.",
        Code3001Title => "{name} está en mantenimiento",
        Code3001Body => "{name} está realizando un mantenimiento programado. Inténtelo de nuevo más tarde.",
        Code3002Title => "{name} no está disponible",
        Code3002Body => "{name} no está disponible en este momento. Puede elegir otra institución.",

        // Disconnected
        DisconnectedTitle => "Se desconectó {name}",
        DisconnectedBody => "Se eliminó la conexión con {name}.",

        // Support
        SupportTitle => "Solicitar ayuda",
        SupportIntro => "Cuéntenos qué está fallando y le responderemos por correo electrónico.",
        SupportEmail => "Su correo electrónico",
        SupportEmailInvalid => "Ingrese un correo electrónico como name@example.com.",
        SupportSubject => "Asunto",
        SupportSubjectRequired => "Ingrese un asunto.",
        SupportMessage => "¿Qué está pasando?",
        SupportMessageRequired => "Describa el problema.",
        SupportSend => "Enviar solicitud",
        SupportSending => "Enviando…",
        SupportSentTitle => "Solicitud enviada",
        SupportSentBody => "Gracias. Le responderemos a {email}.",

        // Disconnect dialog
        DisconnectTitle => "¿Desconectar {name}?",
        DisconnectBody => "Su aplicación dejará de recibir actualizaciones de {name}.",
        DisconnectReasonLegend => "¿Cuál es el motivo de la desconexión?",
        DisconnectReasonRequired => "Elija un motivo.",
        DisconnectReasonNotMine => "Ya no uso esta cuenta o no es mía",
        DisconnectReasonNoShare => "No quiero compartir estos datos",
        DisconnectReasonCannotConnect => "No logro que la conexión funcione",
        DisconnectReasonOther => "Otro motivo",
        DisconnectConfirm => "Desconectar",
        DisconnectConfirming => "Desconectando…",
        DisconnectFailed => "No pudimos desconectar {name}. Inténtelo de nuevo.",

        // OAuth: logging in on the institution's own website
        OAuthTitle => "Inicie sesión en el sitio de {name}",
        OAuthIntro => "{name} se conecta a través de su propio sitio web seguro. Usted inicia sesión allí, no aquí, y sus datos de acceso nunca se comparten con esta aplicación.",
        OAuthStepGo => "Irá a {name} para iniciar sesión de forma segura.",
        OAuthStepReturn => "Luego volverá aquí para terminar la conexión.",
        OAuthGo => "Ir a {name}",
        OAuthPreparing => "Preparando la página de inicio de sesión de {name}…",
        OAuthReauthorize => "{name} necesita que inicie sesión de nuevo para que esta conexión siga funcionando.",
        OAuthUnsafeUrl => "La dirección de la página de inicio de sesión de {name} no es segura, así que no la abrimos. Inténtelo más tarde o elija otra institución.",
        OAuthWaitingTitle => "Termine de iniciar sesión en {name}",
        OAuthWaitingBody => "Abrimos {name} en una pestaña nueva. Inicie sesión allí y permita el acceso. Esta página continuará sola cuando termine.",
        OAuthWaitingBodyApp => "Inicie sesión en {name} en el navegador que se abrió y permita el acceso. Luego vuelva aquí: esta página continuará sola.",
        OAuthWaitingStatus => "Esperando a {name}…",
        OAuthBlocked => "Su navegador impidió que se abriera la pestaña de {name}.",
        OAuthContinueNewTab => "Continuar en una pestaña nueva",
        OAuthClosed => "La pestaña de {name} se cerró antes de que terminara. Ábrala de nuevo para continuar o vuelva a empezar.",
        OAuthOpenAgain => "Abrir {name} de nuevo",
        OAuthPollTrouble => "Tenemos problemas para comunicarnos con {name}. Seguiremos intentándolo.",
        OAuthTimedOut => "No recibimos respuesta de {name} a tiempo. Inténtelo de nuevo.",
        OAuthErrorTitle => "No pudimos conectarnos con {name}",
        OAuthErrorUnknown => "Algo salió mal al conectarse con {name}. Inténtelo de nuevo.",
        OAuthErrorCancelled => "Parece que decidió no compartir la información de su cuenta. Para conectar {name}, inténtelo de nuevo y permita el acceso.",
        OAuthErrorDenied => "Hubo un problema al iniciar sesión en {name}. Inténtelo de nuevo.",
        OAuthErrorImpeded => "{name} necesita su atención en su sitio web. Inicie sesión allí, siga los pasos que le indique y luego inténtelo de nuevo.",
        OAuthErrorProvider => "{name} tuvo un problema. Inténtelo de nuevo o vuelva más tarde.",
        OAuthErrorServer => "Algo salió mal de nuestro lado. Inténtelo de nuevo.",
        OAuthErrorSession => "Su sesión con {name} terminó antes de que usted terminara. Inténtelo de nuevo.",
        // Embedding: the iframe page (widget.html) when it cannot start
        FrameErrorTitle => "Esta conexión no puede iniciarse",
        FrameErrorBody => "La página que la abrió indicó una configuración que el widget no puede usar. Inténtelo de nuevo más tarde.",
        FrameErrorDetails => "Detalles para los desarrolladores del sitio",
        FrameTitle => "Conecte su cuenta",
    }
}
