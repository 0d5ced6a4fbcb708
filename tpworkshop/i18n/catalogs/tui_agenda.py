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
            "en": "+/- change the highlighted row by 5 min; the rest moves. T sets the start, S starts now. Saved with the session.",
            "es": "+/- cambian 5 min la fila marcada; el resto se desplaza. T fija la hora de inicio, S empieza ahora. Se guarda con la sesión.",
        },
        "slot.welcome": {"en": "Welcome", "es": "Bienvenida"},
        "slot.break": {"en": "Break", "es": "Pausa"},
        "slot.lunch": {"en": "Lunch", "es": "Comida"},
        "slot.close": {"en": "Close", "es": "Cierre"},
        "key.start_at": {"en": "Start time", "es": "Hora de inicio"},
        "start.title": {
            "en": "When does the workshop start?",
            "es": "¿A qué hora empieza el taller?",
        },
        "start.label": {"en": "Start (HH:MM)", "es": "Inicio (HH:MM)"},
        "start.invalid": {
            "en": "Write the start as hours and minutes, for example 09:30.",
            "es": "Escribe el inicio en horas y minutos, por ejemplo 09:30.",
        },
        "key.longer": {"en": "+5 min", "es": "+5 min"},
        "key.shorter": {"en": "-5 min", "es": "-5 min"},
        "key.start_now": {"en": "Start now", "es": "Empezar ahora"},
        "key.go": {"en": "Go to step", "es": "Ir al paso"},
        "key.close": {"en": "Close", "es": "Cerrar"},
    },
)
