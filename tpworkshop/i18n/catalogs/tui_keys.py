"""Key names shown in the footer and the F1 help, in en and es (facilitation_guides/glossary.md).

Textual writes keys as it names them (``shift+tab``, ``space``, ``del``, ``pgdn``); these are
the names printed on keyboards in each language. Arrows and Enter keep Textual's symbols.
"""

from __future__ import annotations

from tpworkshop.i18n import Catalog

KEY_NAMES = Catalog(
    "tui.keys",
    {
        "shift": {"en": "Shift", "es": "Mayús"},
        "ctrl": {"en": "Ctrl", "es": "Ctrl"},
        "alt": {"en": "Alt", "es": "Alt"},
        "super": {"en": "Cmd", "es": "Cmd"},
        "tab": {"en": "Tab", "es": "Tab"},
        "space": {"en": "Space", "es": "Espacio"},
        "delete": {"en": "Del", "es": "Supr"},
        "escape": {"en": "Esc", "es": "Esc"},
        "pageup": {"en": "PgUp", "es": "RePág"},
        "pagedown": {"en": "PgDn", "es": "AvPág"},
        "home": {"en": "Home", "es": "Inicio"},
        "end": {"en": "End", "es": "Fin"},
        "insert": {"en": "Ins", "es": "Insert"},
        "backspace": {"en": "⌫", "es": "⌫"},
    },
)
