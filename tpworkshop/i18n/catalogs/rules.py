"""The gap analysis's rule names, as a finding's title shows them.

Kept beside the other catalogues, below every layer, so the edit history can name an
accepted finding's rule («Sin responsable (tp-2)») without importing the analysis.
"""

from __future__ import annotations

from tpworkshop.i18n import Catalog

RULE_LABELS = Catalog(
    "analysis.rules",
    {
        "empty-cell": {"en": "Empty cell", "es": "Celda vacía"},
        "empty-stage": {"en": "Empty stage", "es": "Etapa vacía"},
        "no-owner": {"en": "No owner", "es": "Sin responsable"},
        "no-process": {"en": "No process", "es": "Sin proceso"},
        "no-outcome": {"en": "No desired outcome", "es": "Sin resultado deseado"},
        "no-data": {"en": "No data", "es": "Sin datos"},
        "under-invested": {"en": "Under-invested", "es": "Falta de inversión"},
        "over-invested": {"en": "Over-invested", "es": "Exceso de inversión"},
        "low-effectiveness": {"en": "Low effectiveness", "es": "Baja efectividad"},
        "pain-without-action": {"en": "Pain without action", "es": "Dolor sin acción"},
        "single-channel": {"en": "Single channel", "es": "Un solo canal"},
        "no-proactive": {"en": "Nothing proactive", "es": "Nada proactivo"},
        "owner-overload": {"en": "Owner overload", "es": "Responsable sobrecargado"},
        "weak-moment": {"en": "Weak moment of truth", "es": "Momento de la verdad débil"},
        "unproven-moment": {
            "en": "Unproven moment of truth",
            "es": "Momento de la verdad sin evidencia",
        },
        "overused-channel": {"en": "Overused channel", "es": "Canal sobrecargado"},
        "replicate": {"en": "Copy what works", "es": "Copia lo que funciona"},
        "inconsistent": {"en": "Inconsistent", "es": "Incoherencia"},
    },
)
