"""Strings of tui/widgets/analysis_curve.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.analysis_curve",
    {
        "col.stage": {"en": "Stage", "es": "Etapa"},
        "col.effectiveness": {"en": "Effectiveness (1–5)", "es": "Efectividad (1–5)"},
        "col.weight": {"en": "Weight", "es": "Peso"},
        "col.share": {"en": "Touchpoints", "es": "Puntos de contacto"},
        # under 100 columns
        "col.effectiveness.short": {"en": "Effectiveness (1–5)", "es": "Efect. (1–5)"},
        "col.share.short": {"en": "Touchpoints", "es": "P. de contacto"},
        "unrated": {"en": "— not rated", "es": "— sin valorar"},
        "flag.under": {"en": "▼ under-invested", "es": "▼ falta de inversión"},
        "flag.over": {"en": "▲ over-invested", "es": "▲ exceso de inversión"},
        "legend": {
            "en": (
                "Weight: the stage's share of the total weight. Touchpoints: its share of all "
                "touchpoints. ▼▲ come from the gap analysis."
            ),
            "es": (
                "Peso: la parte del peso total que tiene la etapa. Puntos de contacto: su parte "
                "del total de puntos de contacto. ▼▲ salen del análisis de brechas."
            ),
        },
        "empty": {
            "en": "No stages yet: add them in step 1 (Setup).",
            "es": "Aún no hay etapas: añádelas en el paso 1 (Preparar).",
        },
    },
)
