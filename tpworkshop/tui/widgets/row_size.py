"""Changing a line-drawn list's row count without laying out the whole screen."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


def set_row_size(view: ScrollView, size: Size) -> None:
    """Give ``view`` the virtual ``size``. When only the row count changed, the list keeps
    its place on screen: its scrollbar is updated here instead of a layout of the whole
    screen (~15-20 ms a key). A new width, or showing or hiding the scrollbar, still asks
    for a layout."""
    if size == view.virtual_size:
        return
    if not view.is_mounted or not view.container_size or size.width != view.virtual_size.width:
        view.virtual_size = size
        return
    view.set_reactive(type(view).virtual_size, size)
    view._scroll_update(size)
