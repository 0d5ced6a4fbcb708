"""Strings of tui/widgets/analysis_matrix.py and the Matrix tab, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.analysis_matrix",
    {
        "key.choose": {"en": "Go to", "es": "Ir a"},
        "column": {"en": "rated {n}", "es": "valorado {n}"},
        "more": {"en": "+{n} more", "es": "+{n} más"},
        "up": {"en": "▲ {quadrant}", "es": "▲ {quadrant}"},
        "down": {"en": "▼ {quadrant}", "es": "▼ {quadrant}"},
        "cell.empty": {
            "en": "Importance {importance} × rated {rating} · {quadrant} · opportunity {opportunity}: no touchpoint here.",
            "es": "Importancia {importance} × valorado {rating} · {quadrant} · oportunidad {opportunity}: ningún punto de contacto aquí.",
        },
        "cell.one": {
            "en": "Importance {importance} × rated {rating} · {quadrant} ({hint}) · opportunity {opportunity}: {names}",
            "es": "Importancia {importance} × valorado {rating} · {quadrant} ({hint}) · oportunidad {opportunity}: {names}",
        },
        "cell.many": {
            "en": "Importance {importance} × rated {rating} · {quadrant} ({hint}) · opportunity {opportunity}, {n} touchpoints: {names}",
            "es": "Importancia {importance} × valorado {rating} · {quadrant} ({hint}) · oportunidad {opportunity}, {n} puntos de contacto: {names}",
        },
        "legend": {
            "en": "Importance: the touchpoint's own, else its stage's weight. {rated} of {total} touchpoints are rated and placed. Arrows move, Enter goes to the touchpoint.",
            "es": "Importancia: la del punto de contacto o, si no tiene, el peso de su etapa. {rated} de {total} puntos de contacto están valorados y situados. Las flechas mueven, Intro va al punto de contacto.",
        },
        "none": {
            "en": "No touchpoint is rated yet, so none can be placed: rate them in step 5 (Assess).",
            "es": "Aún no hay puntos de contacto valorados que situar: valóralos en el paso 5 (Evaluar).",
        },
        "pick": {
            "en": "Importance {importance} × rated {rating}: which touchpoint?",
            "es": "Importancia {importance} × valorado {rating}: ¿qué punto de contacto?",
        },
        "nothing_here": {
            "en": "No touchpoint in this cell.",
            "es": "No hay ningún punto de contacto en esta celda.",
        },
    },
)
