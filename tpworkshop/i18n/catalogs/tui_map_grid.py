"""Strings of tui/widgets/map_grid.py, in en and es."""

from __future__ import annotations

from tpworkshop.i18n import Catalog

MAP_TEXT = Catalog(
    "tui.map_grid",
    {
        "key.choose": {"en": "Choose cell", "es": "Elegir celda"},
    },
)
