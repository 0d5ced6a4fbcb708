"""Strings of tui/widgets/assess_dialogs.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

TEXT = Catalog(
    "tui.assess_dialogs",
    {
        "rate.title": {
            "en": "How well does “{name}” work today?",
            "es": "¿Qué tal funciona hoy «{name}»?",
        },
        "rate.help": {
            "en": "Press 1 (poor) to 5 (excellent), 0 to clear. Esc or Ctrl+G cancels.",
            "es": "Pulsa de 1 (mal) a 5 (excelente), 0 para borrar. Esc o Ctrl+G cancela.",
        },
        "rate.scale": {
            "en": "1 poor · 2 weak · 3 fair · 4 good · 5 excellent",
            "es": "1 mal · 2 flojo · 3 correcto · 4 bien · 5 excelente",
        },
        "key.rate": {"en": "Rate {n}", "es": "Valorar {n}"},
        "key.clear": {"en": "Clear", "es": "Borrar"},
        "key.cancel": {"en": "Cancel", "es": "Cancelar"},
        "key.choose": {"en": "Choose", "es": "Elegir"},
        "choose.help": {
            "en": "↑↓ move · Enter chooses · Esc or Ctrl+G cancels",
            "es": "↑↓ mover · Intro elige · Esc o Ctrl+G cancela",
        },
    },
)
