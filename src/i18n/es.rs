//! Spanish copy: neutral Latin-American Spanish, "usted" form. Same keys and
//! placeholders as `en.rs`; a key missing here falls back to English.
//!
//! Terms: login details / credentials = "datos de acceso"; log in = "iniciar
//! sesión"; routing number = "número de ruta"; credit union = "cooperativa de
//! crédito"; checking account = "cuenta de cheques"; email = "correo
//! electrónico"; support = "soporte".

pub fn text(key: &str) -> Option<&'static str> {
    Some(match key {
        // Chrome and shared
        "widget.label" => "Conectar una cuenta",
        "common.back" => "Atrás",
        "common.close" => "Cerrar",
        "common.cancel" => "Cancelar",
        "common.continue" => "Continuar",
        "common.done" => "Listo",
        "common.retry" => "Intentar de nuevo",
        "common.loading" => "Cargando…",
        "common.required" => "Obligatorio",
        "common.optional" => "(opcional)",
        "common.institution" => "su institución",
        "common.new_tab" => "(se abre en una pestaña nueva)",
        "common.from_institution" => "Mensaje de {name}:",

        // Loading the configured member or institution
        "load.title" => "Preparando todo",
        "load.not_found.title" => "No encontramos esa conexión",
        "load.not_found.body" => "Es posible que se haya eliminado. Puede buscar su institución.",
        "load.failed.title" => "No pudimos cargar esta conexión",
        "load.failed.body" => "Algo salió mal de nuestro lado. Inténtelo de nuevo en un momento.",
        "load.search" => "Buscar una institución",

        // Search
        "search.title" => "Busque su banco",
        "search.label" => "Busque su banco o cooperativa de crédito",
        "search.placeholder" => "Nombre o número de ruta",
        "search.hint" => "Escriba al menos 2 caracteres.",
        "search.clear" => "Borrar búsqueda",
        "search.popular" => "Instituciones populares",
        "search.loading" => "Buscando…",
        "search.popular_loading" => "Cargando instituciones…",
        "search.popular_failed" => "No pudimos cargar las instituciones. Revise su conexión e inténtelo de nuevo.",
        "search.results_one" => "1 resultado para “{query}”",
        "search.results_many" => "{count} resultados para “{query}”",
        "search.results_more" => "Se muestran {count} resultados para “{query}”",
        "search.more" => "Mostrar más resultados",
        "search.more_loading" => "Cargando más resultados…",
        "search.more_failed" => "No pudimos cargar más resultados.",
        "search.none.title" => "No hay resultados para “{query}”",
        "search.none.body" => "Revise la ortografía, pruebe con un nombre más corto o busque por número de ruta.",
        "search.failed.title" => "La búsqueda no funciona en este momento",
        "search.failed.body" => "Algo salió mal al buscar. Inténtelo de nuevo.",
        "search.unavailable" => "No disponible",
        "search.opening" => "Abriendo {name}…",
        "search.open_failed" => "No pudimos abrir {name}. Inténtelo de nuevo.",
        "search.select" => "Conectar {name}",

        // Unavailable institution
        "institution.unavailable.title" => "No es posible conectar {name} en este momento",
        "institution.unavailable.body" => "Las conexiones con esta institución no están disponibles por ahora. Puede elegir otra institución o volver más tarde.",
        "institution.choose_another" => "Elegir otra institución",

        // Credentials
        "credentials.title" => "Inicie sesión en {name}",
        "credentials.update_title" => "Actualice sus datos de acceso de {name}",
        "credentials.intro" => "Ingrese los datos que usa para iniciar sesión en {name}. Se envían directamente al servicio de conexión y no se guardan aquí.",
        "credentials.show_password" => "Mostrar contraseña",
        "credentials.show" => "Mostrar",
        "credentials.field_required" => "Ingrese su {label}.",
        "credentials.errors" => "Revise los campos marcados.",
        "credentials.submit" => "Continuar",
        "credentials.submitting" => "Verificando…",
        "credentials.submitting_note" => "Estamos enviando sus datos de forma segura. Esto puede tardar un momento.",
        "credentials.fields_failed" => "No pudimos cargar el formulario de inicio de sesión de {name}.",
        "credentials.forgot_password" => "¿Olvidó su contraseña?",
        "credentials.forgot_username" => "¿Olvidó su nombre de usuario?",
        "credentials.trouble" => "¿Problemas para iniciar sesión?",
        "credentials.get_help" => "Obtener ayuda",
        "credentials.disconnect" => "Desconectar esta institución",

        // Why credentials are asked again
        "update.reason.prevented" => "Los últimos intentos de conexión no funcionaron. Vuelva a ingresar sus datos de acceso.",
        "update.reason.denied" => "Los datos de acceso no coinciden con los que tiene {name}. Vuelva a ingresarlos.",
        "update.reason.reauthorize" => "{name} le pide que vuelva a iniciar sesión para que esta conexión siga funcionando.",
        "update.reason.missing" => "Necesitamos sus datos de acceso de {name} para poder actualizar su información.",
        "update.reason.generic" => "Vuelva a ingresar sus datos de acceso de {name}.",

        // Submit errors
        "error.generic" => "Algo salió mal. Inténtelo de nuevo.",
        "error.not_enabled" => "Este tipo de conexión no está activado para esta aplicación.",
        "error.check_input" => "No funcionó. Revise sus datos e inténtelo de nuevo.",
        "error.unreachable" => "No recibimos respuesta en este momento. Revise su conexión e inténtelo de nuevo.",

        // Connecting
        "connecting.title" => "Conectando con {name}",
        "connecting.starting" => "Iniciando una conexión segura…",
        "connecting.verifying" => "Verificando sus datos de acceso…",
        "connecting.syncing" => "Obteniendo la información de su cuenta…",
        "connecting.note" => "Esto puede tardar un minuto. No cierre esta página.",
        "connecting.failed.title" => "Perdimos el contacto con {name}",
        "connecting.cancel" => "Cancelar",

        // MFA
        "mfa.title" => "Confirme su identidad",
        "mfa.account_title" => "Elija una cuenta",
        "mfa.intro" => "{name} necesita un paso más para confirmar que es usted.",
        "mfa.account_intro" => "Elija la cuenta que desea conectar.",
        "mfa.previous_wrong" => "No se aceptó esa respuesta. Inténtelo de nuevo.",
        "mfa.timed_out" => "Se acabó el tiempo para responder. Responda la nueva pregunta.",
        "mfa.answer_required" => "Ingrese una respuesta.",
        "mfa.choose" => "Elija una opción",
        "mfa.choose_required" => "Elija una opción para continuar.",
        "mfa.account_required" => "Elija una cuenta para continuar.",
        "mfa.image_label" => "Imagen de esta pregunta",
        "mfa.submit" => "Continuar",
        "mfa.submitting" => "Verificando…",
        "mfa.none" => "No hay ninguna pregunta por responder en este momento.",

        // Connected
        "connected.title" => "Conexión exitosa",
        "connected.body" => "Se conectó {name} correctamente.",
        "connected.done" => "Listo",

        // Login errors by connection status (seed 002 meanings)
        "status.rejected.title" => "Esa respuesta no funcionó",
        "status.rejected.body" => "{name} no aceptó su respuesta. Vuelva a intentarlo para recibir una nueva pregunta.",
        "status.expired.title" => "Se acabó el tiempo",
        "status.expired.body" => "La respuesta no se envió a tiempo. Vuelva a intentarlo para recibir una nueva pregunta.",
        "status.locked.title" => "Su cuenta está bloqueada",
        "status.locked.body" => "{name} bloqueó su cuenta. Inicie sesión en su sitio web y siga los pasos para desbloquearla; luego vuelva aquí.",
        "status.impeded.title" => "{name} necesita su atención",
        "status.impeded.body" => "Hay algo pendiente en el sitio web de {name}, como aceptar nuevos términos o leer un mensaje. Inicie sesión allí y luego vuelva a intentarlo aquí.",
        "status.degraded.title" => "Estamos mejorando esta conexión",
        "status.degraded.body" => "Las conexiones con {name} no funcionan bien en este momento. Inténtelo de nuevo más tarde.",
        "status.disconnected.title" => "No podemos obtener sus datos en este momento",
        "status.disconnected.body" => "Hace un tiempo que no podemos obtener sus datos de {name}. Estamos trabajando para solucionarlo.",
        "status.discontinued.title" => "Conexión ya no disponible",
        "status.discontinued.body" => "Ya no se admiten conexiones con {name}. En su lugar, puede llevar el control de esta cuenta manualmente.",
        "status.closed.title" => "Esta conexión está cerrada",
        "status.closed.body" => "Esta conexión con {name} se cerró. Si la cuenta vuelve a estar abierta, puede conectarla de nuevo.",
        "status.delayed.title" => "Esto está tardando más de lo normal",
        "status.delayed.body" => "Obtener sus datos de {name} está tardando. Puede intentarlo de nuevo ahora o volver más tarde.",
        "status.failed.title" => "No pudimos conectarnos",
        "status.failed.body" => "Algo salió mal al verificar sus datos con {name}. Inténtelo de nuevo más tarde.",
        "status.disabled.title" => "Las actualizaciones están en pausa",
        "status.disabled.body" => "Se desactivó la obtención de datos de {name}. Comuníquese con soporte si cree que es un error.",
        "status.credentials.title" => "Se necesitan nuevos datos de acceso",
        "status.credentials.body" => "Vuelva a ingresar sus datos de acceso de {name}.",
        "status.unknown.title" => "Algo salió mal",
        "status.unknown.body" => "No pudimos terminar de conectarnos con {name}. Inténtelo de nuevo.",

        // Actions on error screens
        "status.action.try_again" => "Intentar de nuevo",
        "status.action.update_credentials" => "Actualizar datos de acceso",
        "status.action.visit_website" => "Ir al sitio web de {name}",
        "status.action.try_another" => "Elegir otra institución",
        "status.action.get_help" => "Obtener ayuda",
        "status.action.disconnect" => "Desconectar {name}",

        // Actionable error codes
        "code.1000.title" => "No hay cuentas elegibles",
        "code.1000.body" => "No encontramos en {name} una cuenta de cheques o de ahorros que se pueda usar para transferencias. Vuelva a iniciar sesión con otro perfil o conecte otra institución.",
        "code.1001.title" => "No se encontraron cuentas",
        "code.1001.body" => "No encontramos ninguna cuenta en {name}. Es posible que estén cerradas o que se haya retirado el acceso.",
        "code.1002.title" => "Se necesitan más permisos",
        "code.1002.body" => "No se otorgaron algunos permisos, así que no podemos ver sus cuentas en {name}. Vuelva a iniciar sesión y permita el acceso a sus cuentas.",
        "code.3000.title" => "{name} no responde",
        "code.3000.body" => "No podemos comunicarnos con {name} en este momento. Inténtelo de nuevo en un rato.",
        "code.3001.title" => "{name} está en mantenimiento",
        "code.3001.body" => "{name} está realizando un mantenimiento programado. Inténtelo de nuevo más tarde.",
        "code.3002.title" => "{name} no está disponible",
        "code.3002.body" => "{name} no está disponible en este momento. Puede elegir otra institución.",

        // Disconnected
        "disconnected.title" => "Se desconectó {name}",
        "disconnected.body" => "Se eliminó la conexión con {name}.",

        // Support
        "support.title" => "Solicitar ayuda",
        "support.intro" => "Cuéntenos qué está fallando y le responderemos por correo electrónico.",
        "support.email" => "Su correo electrónico",
        "support.email_invalid" => "Ingrese un correo electrónico como name@example.com.",
        "support.subject" => "Asunto",
        "support.subject_required" => "Ingrese un asunto.",
        "support.message" => "¿Qué está pasando?",
        "support.message_required" => "Describa el problema.",
        "support.send" => "Enviar solicitud",
        "support.sending" => "Enviando…",
        "support.sent.title" => "Solicitud enviada",
        "support.sent.body" => "Gracias. Le responderemos a {email}.",

        // Disconnect dialog
        "disconnect.title" => "¿Desconectar {name}?",
        "disconnect.body" => "Su aplicación dejará de recibir actualizaciones de {name}.",
        "disconnect.reason.legend" => "¿Cuál es el motivo de la desconexión?",
        "disconnect.reason.required" => "Elija un motivo.",
        "disconnect.reason.not_mine" => "Ya no uso esta cuenta o no es mía",
        "disconnect.reason.no_share" => "No quiero compartir estos datos",
        "disconnect.reason.cannot_connect" => "No logro que la conexión funcione",
        "disconnect.reason.other" => "Otro motivo",
        "disconnect.confirm" => "Desconectar",
        "disconnect.confirming" => "Desconectando…",
        "disconnect.failed" => "No pudimos desconectar {name}. Inténtelo de nuevo.",
        _ => return None,
    })
}
