"""Command-line help and messages, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

CLI = Catalog(
    "cli",
    {
        "description": {
            "en": "Facilitate touchpoint-mapping workshops: map segments x stages, fill details, assess, and read the gap analysis. Without a command, opens the app at the session picker.",
            "es": "Conduce talleres de mapeo de puntos de contacto: mapea segmentos x etapas, completa los detalles, evalúa y lee el análisis de brechas. Sin una orden, abre la aplicación en la lista de sesiones.",
        },
        "epilog": {
            "en": "SESSION is a session's id, its name (any case) or a unique prefix of it. The database is sessions/tpworkshop.db unless --db or TPWORKSHOP_DB says otherwise.",
            "es": "SESIÓN es el id de una sesión, su nombre (da igual en mayúsculas o minúsculas) o un prefijo único de él. La base de datos es sessions/tpworkshop.db salvo que --db o TPWORKSHOP_DB digan otra cosa.",
        },
        "opt.db": {
            "en": "database file (default: $TPWORKSHOP_DB or sessions/tpworkshop.db)",
            "es": "archivo de base de datos (por defecto: $TPWORKSHOP_DB o sessions/tpworkshop.db)",
        },
        "opt.lang": {
            "en": "language of the interface: en or es (beats the session's and LANG)",
            "es": "idioma de la interfaz: en o es (prevalece sobre el de la sesión y LANG)",
        },
        "opt.guides": {
            "en": "a folder of facilitation guides that override the shipped ones (repeatable)",
            "es": "una carpeta de guías de facilitación que sustituyen a las incluidas (repetible)",
        },
        "opt.version": {"en": "show the version and exit", "es": "mostrar la versión y salir"},
        "opt.help": {"en": "show this help and exit", "es": "mostrar esta ayuda y salir"},
        "opt.restricted": {
            "en": "restricted mode for shared hosts: no import/export to paths, no other sessions",
            "es": "modo restringido para servidores compartidos: sin importar/exportar rutas ni otras sesiones",
        },
        "cmd.new": {"en": "create a session and open it", "es": "crear una sesión y abrirla"},
        "cmd.open": {
            "en": "resume a session at the step it was left",
            "es": "retomar una sesión en el paso donde se dejó",
        },
        "cmd.join": {
            "en": "join a live session as a participant",
            "es": "unirse a una sesión en vivo como participante",
        },
        "cmd.list": {"en": "list the saved sessions", "es": "listar las sesiones guardadas"},
        "cmd.history": {
            "en": "list a session's changes: when, who, what (undone ones marked)",
            "es": "listar los cambios de una sesión: cuándo, quién, qué (marcando los deshechos)",
        },
        "no_history": {
            "en": "No changes recorded in this session yet.",
            "es": "Aún no hay cambios registrados en esta sesión.",
        },
        "history.undone": {"en": "  (undone)", "es": "  (deshecho)"},
        "cmd.gaps": {
            "en": "print a session's gap analysis",
            "es": "imprimir el análisis de brechas de una sesión",
        },
        "cmd.export": {
            "en": "export a session (TOML summary or a report)",
            "es": "exportar una sesión (resumen TOML o un informe)",
        },
        "cmd.import": {
            "en": "import a TOML summary as a session",
            "es": "importar un resumen TOML como sesión",
        },
        "cmd.demo": {
            "en": "open a ready example session",
            "es": "abrir una sesión de ejemplo lista",
        },
        "arg.name": {"en": "the session's name", "es": "el nombre de la sesión"},
        "arg.session": {
            "en": "id, name or unique name prefix",
            "es": "id, nombre o prefijo único del nombre",
        },
        "arg.path": {"en": "the .toml file", "es": "el archivo .toml"},
        "opt.framework": {
            "en": "stage framework: {choices}",
            "es": "marco de etapas: {choices}",
        },
        "opt.session_lang": {
            "en": "the session's language: en or es",
            "es": "el idioma de la sesión: en o es",
        },
        "opt.no_open": {
            "en": "create only; do not open the app",
            "es": "solo crear; no abrir la aplicación",
        },
        "opt.as": {
            "en": "your name, shown to the facilitator",
            "es": "tu nombre, visible para quien facilita",
        },
        "opt.format": {"en": "output format: {choices}", "es": "formato de salida: {choices}"},
        "opt.output": {
            "en": "write to this file instead of standard output",
            "es": "escribir en este archivo en lugar de la salida estándar",
        },
        "opt.replace": {
            "en": "replace the session with the same name instead of adding a copy",
            "es": "sustituir la sesión del mismo nombre en lugar de añadir una copia",
        },
        "created": {"en": "Created session {id} {name!r}.", "es": "Sesión {id} {name!r} creada."},
        "imported": {
            "en": "Imported {name!r} as session {id}.",
            "es": "Se importó {name!r} como sesión {id}.",
        },
        "replaced": {
            "en": "Replaced session {name!r} (now session {id}).",
            "es": "Se sustituyó la sesión {name!r} (ahora sesión {id}).",
        },
        "exported": {"en": "Wrote {path}.", "es": "Se escribió {path}."},
        "demo_ready": {
            "en": "The demo is session {id} {name!r}.",
            "es": "La demo es la sesión {id} {name!r}.",
        },
        "no_database": {
            "en": "There is no database at {path}: create a session first with 'tpworkshop new NAME', 'tpworkshop import PATH' or 'tpworkshop demo'.",
            "es": "No hay ninguna base de datos en {path}: crea antes una sesión con 'tpworkshop new NOMBRE', 'tpworkshop import RUTA' o 'tpworkshop demo'.",
        },
        "no_sessions": {
            "en": "No sessions yet; 'tpworkshop new NAME' or 'tpworkshop demo' starts one.",
            "es": "Aún no hay sesiones; 'tpworkshop new NOMBRE' o 'tpworkshop demo' crea una.",
        },
        "import_problems.one": {
            "en": "{path} was not imported; nothing was written. 1 problem:",
            "es": "{path} no se importó; no se escribió nada. 1 problema:",
        },
        "import_problems.many": {
            "en": "{path} was not imported; nothing was written. {count} problems:",
            "es": "{path} no se importó; no se escribió nada. {count} problemas:",
        },
        "cannot_write": {
            "en": "Cannot write {path}: {detail}.",
            "es": "No se puede escribir {path}: {detail}.",
        },
        "restricted": {
            "en": "Not allowed in restricted mode: {what}.",
            "es": "No permitido en modo restringido: {what}.",
        },
        "name_control": {
            "en": "Your name must be printable text, without control characters; try again with another one.",
            "es": "Tu nombre debe ser texto imprimible, sin caracteres de control; prueba otra vez con otro.",
        },
        "join_ended": {
            "en": "The facilitator has ended this live session; you can join when they open it again.",
            "es": "Quien facilita ha terminado esta sesión en vivo; podrás unirte cuando la vuelva a abrir.",
        },
        "needs_terminal": {
            "en": "The app needs an interactive terminal; run it in a terminal or use --no-open.",
            "es": "La aplicación necesita un terminal interactivo; ejecútala en un terminal o usa --no-open.",
        },
        "interrupted": {
            "en": "Interrupted; everything shown as saved is saved.",
            "es": "Interrumpido; todo lo que se mostró como guardado está guardado.",
        },
        "participant.default": {"en": "participant", "es": "participante"},
        "unexpected": {"en": "Unexpected error: {detail}", "es": "Error inesperado: {detail}"},
        "col.id": {"en": "Id", "es": "Id"},
        "col.name": {"en": "Name", "es": "Nombre"},
        "col.org": {"en": "Organisation", "es": "Organización"},
        "col.framework": {"en": "Framework", "es": "Marco"},
        "col.updated": {"en": "Last change", "es": "Último cambio"},
        "col.step": {"en": "Step", "es": "Paso"},
        "col.tps": {"en": "Touchpoints", "es": "P. de contacto"},
        "col.progress": {"en": "Progress", "es": "Progreso"},
        "summary.title": {"en": "Gap summary of {name!r}", "es": "Resumen de brechas de {name!r}"},
        # --- gaps as a linter ---------------------------------------------------------
        "arg.gaps_session": {
            "en": "id, name or unique name prefix of a session, or a .toml file to analyse "
            "without a database",
            "es": "id, nombre o prefijo único de una sesión, o un archivo .toml que analizar "
            "sin base de datos",
        },
        "opt.all": {
            "en": "list every finding, one by one, instead of grouping them",
            "es": "listar todos los hallazgos, uno a uno, en lugar de agruparlos",
        },
        "opt.check": {
            "en": "exit with code 3 when a finding (not accepted) reaches --fail-on",
            "es": "salir con el código 3 si algún hallazgo (no aceptado) llega a --fail-on",
        },
        "opt.fail_on": {
            "en": "the severity that fails --check: {choices}",
            "es": "la gravedad que hace fallar --check: {choices}",
        },
        "fail_on_needs_check": {
            "en": "--fail-on only makes sense with --check",
            "es": "--fail-on solo tiene sentido con --check",
        },
        "check_failed": {
            "en": "{count} findings are {level} or worse (--fail-on {fail_on}).",
            "es": "{count} hallazgos son de gravedad {level} o mayor (--fail-on {fail_on}).",
        },
        "check_failed.one": {
            "en": "1 finding is {level} or worse (--fail-on {fail_on}).",
            "es": "1 hallazgo es de gravedad {level} o mayor (--fail-on {fail_on}).",
        },
        "file_problems.one": {
            "en": "{path} cannot be analysed. 1 problem:",
            "es": "{path} no se puede analizar. 1 problema:",
        },
        "file_problems.many": {
            "en": "{path} cannot be analysed. {count} problems:",
            "es": "{path} no se puede analizar. {count} problemas:",
        },
        # placeholders of the help (argparse's metavars)
        "metavar.command": {"en": "COMMAND", "es": "ORDEN"},
        "metavar.name": {"en": "NAME", "es": "NOMBRE"},
        "metavar.session": {"en": "SESSION", "es": "SESIÓN"},
        "metavar.session_or_file": {"en": "SESSION|PATH.toml", "es": "SESIÓN|RUTA.toml"},
        "metavar.path": {"en": "PATH", "es": "RUTA"},
        "metavar.key": {"en": "KEY", "es": "CLAVE"},
        "metavar.dir": {"en": "DIR", "es": "CARPETA"},
        # a list of the values an option takes, in its help
        "choices.or": {"en": " or ", "es": " o "},
        "choices.default": {"en": "default", "es": "por defecto"},
    },
)

# What the values an option takes mean, where the value itself is an English word: the value
# is typed as it is, so the help quotes it and says what it means («'high' (alta)»).
VALUE_GLOSS = Catalog(
    "cli.values",
    {
        "lifecycle": {"en": "customer lifecycle", "es": "ciclo de vida del cliente"},
        "five-stage": {"en": "five-stage journey", "es": "recorrido en cinco etapas"},
        "5p": {"en": "5P", "es": "5P"},
        "webb": {"en": "Webb", "es": "Webb"},
        "custom": {"en": "your own stages", "es": "etapas propias"},
        "table": {"en": "table", "es": "tabla"},
        "text": {"en": "text", "es": "texto"},
        "json": {"en": "JSON", "es": "JSON"},
        "markdown": {"en": "Markdown", "es": "Markdown"},
        "toml": {"en": "TOML", "es": "TOML"},
        "csv": {"en": "CSV", "es": "CSV"},
        "svg": {"en": "SVG", "es": "SVG"},
        "html": {"en": "HTML", "es": "HTML"},
        "high": {"en": "high", "es": "alta"},
        "medium": {"en": "medium", "es": "media"},
        "low": {"en": "low", "es": "baja"},
    },
)

# The stage framework in `tpworkshop list`, short enough for its column.
FRAMEWORK_SHORT = Catalog(
    "cli.frameworks",
    {
        "lifecycle": {"en": "Lifecycle", "es": "Ciclo vida"},
        "five-stage": {"en": "5 stages", "es": "5 etapas"},
        "5p": {"en": "5P", "es": "5P"},
        "webb": {"en": "Webb", "es": "Webb"},
        "custom": {"en": "Custom", "es": "Propio"},
    },
)


def choices_help(values: tuple[str, ...], lang: str, default: str | None = None) -> str:
    """``'text' (texto), 'json' or 'markdown'``: each value quoted as typed, with what it
    means in ``lang`` when that differs from the value (and the default marked)."""
    parts = []
    for value in values:
        notes = []
        gloss = VALUE_GLOSS(value, lang) if value in VALUE_GLOSS else value
        if gloss.lower() != value.lower():
            notes.append(gloss)
        if value == default:
            notes.append(CLI("choices.default", lang))
        parts.append(f"'{value}' ({', '.join(notes)})" if notes else f"'{value}'")
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + CLI("choices.or", lang) + parts[-1]


# argparse's own words, keyed by its English text (what its gettext hook receives).
ARGPARSE = Catalog(
    "cli.argparse",
    {
        english: {"en": english, "es": spanish}
        for english, spanish in {
            "usage: ": "uso: ",
            "positional arguments": "argumentos",
            "options": "opciones",
            "show this help message and exit": "mostrar esta ayuda y salir",
            "invalid choice: %(value)r (choose from %(choices)s)": (
                "opción no válida: %(value)r (elige entre %(choices)s)"
            ),
            "the following arguments are required: %s": "faltan estos argumentos: %s",
            "unrecognized arguments: %s": "argumentos no reconocidos: %s",
            "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
            "expected one argument": "se esperaba un argumento",
            "expected at least one argument": "se esperaba al menos un argumento",
            "expected at most one argument": "se esperaba como mucho un argumento",
            "ambiguous option: %(option)s could match %(matches)s": (
                "opción ambigua: %(option)s puede ser %(matches)s"
            ),
            "invalid %(type)s value: %(value)r": "valor no válido: %(value)r",
            "ignored explicit argument %r": "se ha ignorado el argumento %r",
            "not allowed with argument %s": "no se permite junto con el argumento %s",
            "one of the arguments %s is required": "hace falta uno de los argumentos %s",
            "unknown parser %(parser_name)r (choices: %(choices)s)": (
                "orden desconocida: %(parser_name)r (elige entre: %(choices)s)"
            ),
            "can't open '%(filename)s': %(error)s": "no se puede abrir '%(filename)s': %(error)s",
            "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
        }.items()
    },
)
