"""Strings of tui/screens/picker.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.picker",
    {
        "title": {
            "en": "Touchpoint-mapping workshops — pick a session",
            "es": "Talleres de mapeo de puntos de contacto — elige una sesión",
        },
        "empty": {
            "en": "No sessions yet. Press N to start one, D for the demo, I to import a TOML file.",
            "es": "Aún no hay sesiones. Pulsa N para empezar una, D para la demo, I para importar un TOML.",
        },
        "col.name": {"en": "Session", "es": "Sesión"},
        "col.org": {"en": "Organisation", "es": "Organización"},
        "col.updated": {"en": "Last change", "es": "Último cambio"},
        "col.progress": {"en": "Progress", "es": "Progreso"},
        "col.step": {"en": "Step", "es": "Paso"},
        "col.tps": {"en": "Touchpoints", "es": "P. de contacto"},
        "key.open": {"en": "Open", "es": "Abrir"},
        "key.new": {"en": "New", "es": "Nueva"},
        "key.demo": {"en": "Demo", "es": "Demo"},
        "key.import": {"en": "Import", "es": "Importar"},
        "key.delete": {"en": "Delete", "es": "Borrar"},
        "new.title": {"en": "New session", "es": "Nueva sesión"},
        "new.name": {"en": "Session name", "es": "Nombre de la sesión"},
        "new.org": {"en": "Organisation (optional)", "es": "Organización (opcional)"},
        "new.facilitator": {"en": "Facilitator (optional)", "es": "Facilitador(a) (opcional)"},
        "new.framework": {"en": "Stage framework", "es": "Marco de etapas"},
        "import.title": {"en": "Import a TOML file", "es": "Importar un archivo TOML"},
        "import.path": {"en": "Path of the .toml file", "es": "Ruta del archivo .toml"},
        "import.done": {"en": "Imported {name!r}.", "es": "Se importó {name!r}."},
        "delete.confirm": {
            "en": "Delete the session {name!r} and everything in it? This cannot be undone.",
            "es": "¿Borrar la sesión {name!r} y todo su contenido? No se puede deshacer.",
        },
        "deleted": {"en": "Deleted {name!r}.", "es": "Se borró {name!r}."},
        "cmd.new": {"en": "New session", "es": "Nueva sesión"},
        "cmd.new.help": {
            "en": "Start a new workshop session",
            "es": "Empezar una sesión de taller nueva",
        },
        "cmd.demo": {"en": "Open the demo", "es": "Abrir la demo"},
        "cmd.demo.help": {"en": "A ready example session", "es": "Una sesión de ejemplo lista"},
        "cmd.import": {"en": "Import a TOML file", "es": "Importar un archivo TOML"},
        "cmd.import.help": {"en": "A session exported before", "es": "Una sesión exportada antes"},
    },
)
