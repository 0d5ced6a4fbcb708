"""Strings of tui/widgets/touchpoint_channel.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

CHANNEL_TEXT = Catalog(
    "tui.touchpoint_channel",
    {
        "title": {"en": "Channel of “{name}”", "es": "Canal de «{name}»"},
        "placeholder": {
            "en": "Type a channel, e.g. website, store, email",
            "es": "Escribe un canal, p. ej. sitio web, tienda, correo electrónico",
        },
        "hint": {
            "en": "Enter saves · → completes · ↓ picks from the list · empty clears · Esc/Ctrl+G cancels",
            "es": "Intro guarda · → completa · ↓ elige de la lista · vacío lo borra · Esc/Ctrl+G cancela",
        },
        "used": {"en": "{channel}  ({n}×)", "es": "{channel}  ({n}×)"},
        "key.cancel": {"en": "Cancel", "es": "Cancelar"},
        "key.list": {"en": "List", "es": "Lista"},
        "key.input": {"en": "Type", "es": "Escribir"},
        # Common channels (DOMAIN.md), offered after those the session already uses.
        "common": {
            "en": "store|website|social network|contact centre|chat|email|SMS|post|TV|printed ad|phone|app",
            "es": "tienda|sitio web|red social|centro de contacto|chat|correo electrónico|SMS|correo postal|TV|anuncio impreso|teléfono|app",
        },
    },
)
