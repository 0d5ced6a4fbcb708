"""Strings of tui/screens/setup.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.setup",
    {
        "label.name": {"en": "Name", "es": "Nombre"},
        "label.organisation": {"en": "Organisation", "es": "Organización"},
        "label.facilitator": {"en": "Facilitator", "es": "Facilitador(a)"},
        "label.participants": {"en": "Participants", "es": "Participantes"},
        "label.language": {"en": "Language", "es": "Idioma"},
        "label.dots_per_participant": {"en": "Dots each", "es": "Votos c/u"},
        "label.notes": {"en": "Notes", "es": "Notas"},
        "placeholder.name": {"en": "Workshop name", "es": "Nombre del taller"},
        "placeholder.organisation": {"en": "Company or team", "es": "Empresa o equipo"},
        "placeholder.facilitator": {"en": "Who runs it", "es": "Quién lo dirige"},
        "placeholder.participants": {
            "en": "names, separated by commas",
            "es": "nombres, separados por comas",
        },
        "placeholder.dots_per_participant": {"en": "0-20", "es": "0-20"},
        "lang.en": {"en": "English", "es": "inglés"},
        "lang.es": {"en": "Spanish", "es": "español"},
        "not_saved": {
            "en": "{error} Not saved until fixed.",
            "es": "{error} No se guarda hasta corregirlo.",
        },
        "stages.title": {
            "en": "{framework} · total weight {total}",
            "es": "{framework} · peso total {total}",
        },
        "stages.hint": {
            "en": "F framework · Enter rename · X remove",
            "es": "F marco · Intro renombrar · X quitar",
        },
        "stages.empty": {
            "en": "No stages yet. Press A to add one, or F to pick a framework.",
            "es": "Aún no hay etapas. Pulsa A para añadir una o F para elegir un marco.",
        },
        "col.n": {"en": "#", "es": "#"},
        "col.stage": {"en": "Stage", "es": "Etapa"},
        "col.weight": {"en": "Weight", "es": "Peso"},
        "col.tps": {"en": "Touchpoints", "es": "P. de contacto"},
        # bindings
        "key.add": {"en": "Add", "es": "Añadir"},
        "key.rename": {"en": "Rename", "es": "Renombrar"},
        "key.heavier": {"en": "Weight up", "es": "Más peso"},
        "key.lighter": {"en": "Weight down", "es": "Menos peso"},
        "key.up": {"en": "Move earlier", "es": "Mover antes"},
        "key.down": {"en": "Move later", "es": "Mover después"},
        "key.remove": {"en": "Remove", "es": "Quitar"},
        "key.framework": {"en": "Framework", "es": "Marco"},
        "key.fields": {"en": "Edit fields", "es": "Editar datos"},
        "key.stages": {"en": "Back to stages", "es": "Volver a las etapas"},
        "group.weight": {"en": "Weight", "es": "Peso"},
        "group.move": {"en": "Move", "es": "Mover"},
        # dialogs and notices
        "add.title": {"en": "New stage", "es": "Nueva etapa"},
        "add.name": {"en": "Stage name", "es": "Nombre de la etapa"},
        "add.weight": {
            "en": "Weight 1-5 (how much this stage matters to the business)",
            "es": "Peso 1-5 (cuánto importa esta etapa al negocio)",
        },
        "rename.title": {"en": "Rename the stage “{name}”", "es": "Renombrar la etapa «{name}»"},
        "remove.none": {
            "en": "Remove the stage “{name}”? It holds no touchpoints.",
            "es": "¿Quitar la etapa «{name}»? No tiene puntos de contacto.",
        },
        "remove.one": {
            "en": "Remove the stage “{name}”? It holds 1 touchpoint, which goes too.",
            "es": "¿Quitar la etapa «{name}»? Tiene 1 punto de contacto, que también se borrará.",
        },
        "remove.many": {
            "en": "Remove the stage “{name}”? It holds {n} touchpoints, which go too.",
            "es": "¿Quitar la etapa «{name}»? Tiene {n} puntos de contacto, que también se borrarán.",
        },
        "removed": {"en": "Removed the stage “{name}”.", "es": "Se quitó la etapa «{name}»."},
        "weight.limit": {
            "en": "A stage weighs from 1 to 5.",
            "es": "El peso de una etapa va de 1 a 5.",
        },
        "framework.title": {
            "en": "Stage framework (↑↓ to choose, Enter to confirm)",
            "es": "Marco de etapas (↑↓ para elegir, Intro para confirmar)",
        },
        "framework.current": {"en": "(current)", "es": "(actual)"},
        "framework.custom_hint": {
            "en": "starts empty: the team adds its own stages",
            "es": "empieza vacío: el equipo añade sus propias etapas",
        },
        "framework.same": {
            "en": "The session already uses “{name}”.",
            "es": "La sesión ya usa «{name}».",
        },
        "framework.confirm.one": {
            "en": "Switch to “{name}”? The current stages are replaced and the 1 touchpoint on the map is removed with them.",
            "es": "¿Cambiar a «{name}»? Se reemplazan las etapas actuales y con ellas se borra el punto de contacto del mapa.",
        },
        "framework.confirm.many": {
            "en": "Switch to “{name}”? The current stages are replaced and all {n} touchpoints on the map are removed with them.",
            "es": "¿Cambiar a «{name}»? Se reemplazan las etapas actuales y con ellas se borran los {n} puntos de contacto del mapa.",
        },
        "framework.done": {
            "en": "The stages now follow “{name}”.",
            "es": "Las etapas siguen ahora «{name}».",
        },
        # palette
        "cmd.add": {"en": "Add a stage", "es": "Añadir una etapa"},
        "cmd.add.help": {
            "en": "A new stage at the end of the journey",
            "es": "Una etapa nueva al final del recorrido",
        },
        "cmd.rename": {"en": "Rename the selected stage", "es": "Renombrar la etapa elegida"},
        "cmd.rename.help": {
            "en": "Its key and touchpoints stay",
            "es": "Su clave y sus puntos de contacto se mantienen",
        },
        "cmd.heavier": {"en": "Stage weight up", "es": "Subir el peso de la etapa"},
        "cmd.heavier.help": {
            "en": "The stage matters more to the business (1-5)",
            "es": "La etapa importa más al negocio (1-5)",
        },
        "cmd.lighter": {"en": "Stage weight down", "es": "Bajar el peso de la etapa"},
        "cmd.lighter.help": {
            "en": "The stage matters less to the business (1-5)",
            "es": "La etapa importa menos al negocio (1-5)",
        },
        "cmd.up": {"en": "Move the stage earlier", "es": "Mover la etapa antes"},
        "cmd.up.help": {
            "en": "One place earlier in the journey",
            "es": "Un lugar antes en el recorrido",
        },
        "cmd.down": {"en": "Move the stage later", "es": "Mover la etapa después"},
        "cmd.down.help": {
            "en": "One place later in the journey",
            "es": "Un lugar después en el recorrido",
        },
        "cmd.remove": {"en": "Remove the selected stage", "es": "Quitar la etapa elegida"},
        "cmd.remove.help": {
            "en": "Asks first; its touchpoints go too",
            "es": "Pregunta antes; sus puntos de contacto también se borran",
        },
        "cmd.framework": {"en": "Change the stage framework", "es": "Cambiar el marco de etapas"},
        "cmd.framework.help": {
            "en": "Lifecycle, five-stage, 5P, Webb or custom",
            "es": "Ciclo de vida, cinco etapas, 5P, Webb o propias",
        },
        "cmd.fields": {"en": "Edit the session's details", "es": "Editar los datos de la sesión"},
        "cmd.fields.help": {
            "en": "Name, organisation, facilitator, participants, language, notes",
            "es": "Nombre, organización, facilitador(a), participantes, idioma, notas",
        },
        "cmd.stages": {"en": "Go to the stage list", "es": "Ir a la lista de etapas"},
        "cmd.stages.help": {
            "en": "Where the stage keys work (Escape from a field)",
            "es": "Donde funcionan las teclas de etapas (Esc desde un campo)",
        },
    },
)
