"""Strings of tui/screens/agenda.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.agenda",
    {
        "title": {"en": "Agenda", "es": "Agenda"},
        "col.step": {"en": "Step", "es": "Paso"},
        "col.start": {"en": "Starts", "es": "Empieza"},
        "col.end": {"en": "Ends", "es": "Termina"},
        "col.minutes": {"en": "Minutes", "es": "Minutos"},
        "total": {
            "en": "Started {start} · {minutes} min in all · ends {end}",
            "es": "Inicio {start} · {minutes} min en total · termina {end}",
        },
        "hint": {
            "en": "+/- change the highlighted step by 5 min; the rest moves. S starts the workshop now.",
            "es": "+/- cambian 5 min el paso marcado; el resto se desplaza. S fija el inicio ahora.",
        },
        "key.longer": {"en": "+5 min", "es": "+5 min"},
        "key.shorter": {"en": "-5 min", "es": "-5 min"},
        "key.start_now": {"en": "Start now", "es": "Empezar ahora"},
        "key.go": {"en": "Go to step", "es": "Ir al paso"},
        "key.close": {"en": "Close", "es": "Cerrar"},
    },
)
