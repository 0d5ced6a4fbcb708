"""Strings of tui/screens/analysis.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.analysis",
    {
        # tabs (the letter is the key that opens the tab)
        "tab.findings": {"en": "Findings (f)", "es": "Hallazgos (f)"},
        "tab.map": {"en": "Map (m)", "es": "Mapa (m)"},
        "tab.channels": {"en": "Channels (c)", "es": "Canales (c)"},
        "tab.curve": {"en": "Curve (e)", "es": "Curva (e)"},
        "tab.priorities": {"en": "Priorities (p)", "es": "Prioridades (p)"},
        "tab.matrix": {"en": "Matrix (i)", "es": "Matriz (i)"},
        "name.findings": {"en": "Findings", "es": "Hallazgos"},
        "name.map": {"en": "Coverage map", "es": "Mapa de cobertura"},
        "name.channels": {"en": "Channels by stage", "es": "Canales por etapa"},
        "name.curve": {"en": "Experience curve", "es": "Curva de experiencia"},
        "name.priorities": {"en": "Top priorities", "es": "Prioridades"},
        "name.matrix": {"en": "Importance × performance", "es": "Importancia × desempeño"},
        # bindings
        "key.findings": {"en": "Findings", "es": "Hallazgos"},
        "key.map": {"en": "Coverage map", "es": "Mapa de cobertura"},
        "key.channels": {"en": "Channels", "es": "Canales"},
        "key.curve": {"en": "Experience curve", "es": "Curva de experiencia"},
        "key.priorities": {"en": "Priorities", "es": "Prioridades"},
        "key.matrix": {"en": "Matrix", "es": "Matriz"},
        "key.open": {"en": "Go to", "es": "Ir a"},
        "key.export": {"en": "Export TOML", "es": "Exportar"},
        "key.report": {"en": "Export as…", "es": "Exportar como…"},
        "key.all": {"en": "Group", "es": "Agrupar"},
        "key.accept": {"en": "Accept", "es": "Aceptar"},
        "key.unaccept": {"en": "Take back", "es": "Retirar"},
        # summary
        "summary.coverage": {"en": "Coverage {value}", "es": "Cobertura {value}"},
        "summary.details": {"en": "Details {value}", "es": "Detalles {value}"},
        "touchpoints.one": {"en": "1 touchpoint", "es": "1 punto de contacto"},
        "touchpoints.many": {"en": "{n} touchpoints", "es": "{n} puntos de contacto"},
        "pains.one": {"en": "1 pain point", "es": "1 punto de dolor"},
        "pains.many": {"en": "{n} pain points", "es": "{n} puntos de dolor"},
        "actions.one": {"en": "1 open action", "es": "1 acción abierta"},
        "actions.many": {"en": "{n} open actions", "es": "{n} acciones abiertas"},
        # findings
        "severity.high": {"en": "High", "es": "Alta"},
        "severity.medium": {"en": "Medium", "es": "Media"},
        "severity.low": {"en": "Low", "es": "Baja"},
        "group.one": {"en": "{severity} · 1 finding", "es": "{severity} · 1 hallazgo"},
        "group.many": {"en": "{severity} · {n} findings", "es": "{severity} · {n} hallazgos"},
        "group.more": {
            "en": "… and {n} more (export to read them all)",
            "es": "… y {n} más (exporta para leerlos todos)",
        },
        "findings.none": {
            "en": "No gaps found: every cell has touchpoints and every touchpoint its details.",
            "es": "No hay brechas: cada celda tiene puntos de contacto y cada punto de contacto, sus detalles.",
        },
        "findings.nothing": {
            "en": "Nothing to analyse yet: add segments (step 2) and touchpoints (step 3).",
            "es": "Aún no hay nada que analizar: añade segmentos (paso 2) y puntos de contacto (paso 3).",
        },
        # groups, accepted findings
        "accepted.one": {
            "en": "Accepted · 1 finding, counted in no figure",
            "es": "Aceptados · 1 hallazgo, no cuenta en ninguna cifra",
        },
        "accepted.many": {
            "en": "Accepted · {n} findings, counted in no figure",
            "es": "Aceptados · {n} hallazgos, no cuentan en ninguna cifra",
        },
        "stale.one": {
            "en": "Stale · 1 acceptance matches no finding any more",
            "es": "Caducadas · 1 aceptación ya no coincide con ningún hallazgo",
        },
        "stale.many": {
            "en": "Stale · {n} acceptances match no finding any more",
            "es": "Caducadas · {n} aceptaciones ya no coinciden con ningún hallazgo",
        },
        "accepted.reason": {"en": "accepted: {reason}", "es": "aceptado: {reason}"},
        "accepted.by": {
            "en": "accepted by {by}: {reason}",
            "es": "aceptado por {by}: {reason}",
        },
        "accept.title": {"en": "Accept: {finding}", "es": "Aceptar: {finding}"},
        "accept.reason": {
            "en": "Why the team accepts it (one line)",
            "es": "Por qué lo acepta el equipo (una línea)",
        },
        "accept.pick": {
            "en": "This kind has {n} findings: highlight the one to accept, then press a.",
            "es": "Este tipo tiene {n} hallazgos: resalta el que quieras aceptar y pulsa a.",
        },
        "accept.done": {
            "en": "Accepted: it counts in no figure now (u takes it back).",
            "es": "Aceptado: ya no cuenta en ninguna cifra (u lo retira).",
        },
        "accept.nothing": {
            "en": "Highlight a finding to accept it.",
            "es": "Resalta un hallazgo para aceptarlo.",
        },
        "unaccept.done": {
            "en": "Taken back: the finding counts again.",
            "es": "Retirado: el hallazgo vuelve a contar.",
        },
        "unaccept.nothing": {
            "en": "Highlight an accepted finding to take it back.",
            "es": "Resalta un hallazgo aceptado para retirarlo.",
        },
        # grids
        "map.corner": {"en": "Segment", "es": "Segmento"},
        "map.legend": {
            "en": "— an empty cell · darker = more touchpoints · Enter opens the cell in step 3",
            "es": "— celda vacía · más oscuro = más puntos de contacto · Intro abre la celda en el paso 3",
        },
        "map.none": {
            "en": "No map yet: add segments (step 2) and stages (step 1).",
            "es": "Aún no hay mapa: añade segmentos (paso 2) y etapas (paso 1).",
        },
        "channels.corner": {"en": "Channel", "es": "Canal"},
        "channels.legend": {
            "en": "· channel not used in that stage · darker = more touchpoints · Enter opens it in step 3",
            "es": "· canal sin uso en esa etapa · más oscuro = más puntos de contacto · Intro lo abre en el paso 3",
        },
        "channels.none": {
            "en": "No touchpoint has a channel yet: set channels in step 3 (Touchpoints).",
            "es": "Ningún punto de contacto tiene canal todavía: asígnalos en el paso 3 (Mapa).",
        },
        "channels.unset.one": {
            "en": "1 of {total} touchpoints has no channel yet, so it is not in this grid.",
            "es": "1 de {total} puntos de contacto aún no tiene canal, así que no está en esta tabla.",
        },
        "channels.unset.many": {
            "en": "{n} of {total} touchpoints have no channel yet, so they are not in this grid.",
            "es": "{n} de {total} puntos de contacto aún no tienen canal, así que no están en esta tabla.",
        },
        "channels.more": {
            "en": "Showing the {shown} busiest of {total} channels.",
            "es": "Se muestran los {shown} canales con más uso de {total}.",
        },
        # priorities
        "priorities.none": {
            "en": "No priorities yet: flag pain points, vote or rate touchpoints in step 5 (Assess).",
            "es": "Aún no hay prioridades: marca puntos de dolor, vota o valora en el paso 5 (Evaluar).",
        },
        "priorities.legend": {
            "en": "Highest score first; each score says what it adds up from. Enter opens the touchpoint in step 4.",
            "es": "Primero la puntuación más alta; cada una dice de qué se compone. Intro abre el punto de contacto en el paso 4.",
        },
        "priority.score": {"en": "Score {reason}", "es": "Puntuación {reason}"},
        "best.header": {"en": "Working well: copy these", "es": "Funcionan bien: cópialos"},
        "best.none": {
            "en": "Nothing to copy yet: no touchpoint is rated 4 or 5 without being a pain point.",
            "es": "Aún no hay nada que copiar: ningún punto de contacto tiene 4 o 5 sin ser un punto de dolor.",
        },
        "best.facts": {
            "en": "rated {rating}/5 · importance {importance}",
            "es": "valorado {rating}/5 · importancia {importance}",
        },
        "priority.pain": {"en": "pain point", "es": "punto de dolor"},
        "priority.rated": {"en": "rated {n}/5", "es": "valorado {n}/5"},
        "priority.votes.one": {"en": "1 vote", "es": "1 voto"},
        "priority.votes.many": {"en": "{n} votes", "es": "{n} votos"},
        "overview.map": {"en": "Coverage map", "es": "Mapa de cobertura"},
        "overview.priorities": {"en": "Top priorities", "es": "Prioridades"},
        # export
        "export.title": {"en": "Export {format}", "es": "Exportar {format}"},
        "export.path": {
            "en": "Path of the file to write",
            "es": "Ruta del archivo que se escribirá",
        },
        "export.path_empty": {
            "en": "Type the path of the file to write.",
            "es": "Escribe la ruta del archivo que se va a crear.",
        },
        "export.is_dir": {
            "en": "{path} is a folder: add a file name.",
            "es": "{path} es una carpeta: añade un nombre de archivo.",
        },
        "export.no_dir": {
            "en": "The folder {folder} does not exist.",
            "es": "La carpeta {folder} no existe.",
        },
        "export.exists": {
            "en": "{path} already exists. Replace it?",
            "es": "{path} ya existe. ¿Quieres reemplazarlo?",
        },
        "export.done": {"en": "Wrote {path}.", "es": "Se escribió {path}."},
        "export.failed": {
            "en": "Could not write {path}: {reason}.",
            "es": "No se pudo escribir {path}: {reason}.",
        },
        "export.restricted": {
            "en": "Exporting files is turned off in this restricted session.",
            "es": "En esta sesión restringida no se pueden exportar archivos.",
        },
        "export.participant": {
            "en": "Only the facilitator can export files.",
            "es": "Solo quien facilita puede exportar archivos.",
        },
        "export.choose": {"en": "Export the analysis as", "es": "Exportar el análisis como"},
        "format.toml": {
            "en": "TOML — the whole session with its gap analysis",
            "es": "TOML — toda la sesión con su análisis de brechas",
        },
        "format.markdown": {"en": "Markdown report", "es": "Informe en Markdown"},
        "format.csv": {"en": "CSV tables", "es": "Tablas CSV"},
        "format.svg": {"en": "SVG picture of the map", "es": "Imagen SVG del mapa"},
        "format.html": {"en": "HTML report", "es": "Informe HTML"},
        # palette
        "cmd.tab": {"en": "Analysis: show the {view}", "es": "Análisis: ver {view}"},
        "cmd.tab.help": {
            "en": "Switch the view of the gap analysis",
            "es": "Cambiar la vista del análisis de brechas",
        },
        "cmd.open": {
            "en": "Analysis: go to the selected finding",
            "es": "Análisis: ir al hallazgo seleccionado",
        },
        "cmd.open.help": {
            "en": "Open the touchpoint or cell it names",
            "es": "Abrir el punto de contacto o la celda que menciona",
        },
        "cmd.all": {
            "en": "Analysis: every finding, or by kind",
            "es": "Análisis: todos los hallazgos, o por tipo",
        },
        "cmd.all.help": {
            "en": "Switch between the findings grouped by kind and every finding",
            "es": "Alternar entre los hallazgos agrupados por tipo y todos los hallazgos",
        },
        "cmd.accept": {
            "en": "Analysis: accept the selected finding",
            "es": "Análisis: aceptar el hallazgo seleccionado",
        },
        "cmd.accept.help": {
            "en": "With a one-line reason; it then counts in no figure",
            "es": "Con un motivo de una línea; después no cuenta en ninguna cifra",
        },
        "cmd.unaccept": {
            "en": "Analysis: take back the selected acceptance",
            "es": "Análisis: retirar la aceptación seleccionada",
        },
        "cmd.unaccept.help": {
            "en": "The finding counts again",
            "es": "El hallazgo vuelve a contar",
        },
        "cmd.export": {"en": "Export the session as TOML", "es": "Exportar la sesión a TOML"},
        "cmd.export.help": {
            "en": "Write the whole session and its gap analysis to a file",
            "es": "Escribir toda la sesión y su análisis de brechas en un archivo",
        },
        "cmd.report": {"en": "Export the analysis as…", "es": "Exportar el análisis como…"},
        "cmd.report.help": {
            "en": "Choose a format, then a file",
            "es": "Elegir un formato y luego un archivo",
        },
    },
)
