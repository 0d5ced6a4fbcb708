"""A fast list of touchpoints (one map cell), drawn a line at a time.

A cell can hold hundreds of touchpoints; a DataTable measures every cell of every
new row, which costs tenths of a second. This widget only formats the lines on
screen, so filling it or moving the cursor costs the same for 5 rows or 5,000.
The first line is a header that stays put while the rows scroll. Rows are identified
by key (a touchpoint ref) so the owner can keep the cursor on the same touchpoint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tpworkshop.domain.text import visible_line
from tpworkshop.tui.widgets.line_styles import LineStyles

EMPTY = "·"


@dataclass(frozen=True)
class ListColumn:
    """A column ``width`` cells wide; a ``flex`` one takes the room the others leave,
    ``width`` at least."""

    key: str
    label: str
    width: int
    dim: bool = False
    flex: bool = False


class TouchpointList(LineStyles, ScrollView, can_focus=True):
    """Rows of short texts under a fixed header; Up/Down/PgUp/PgDn/Home/End, Enter."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "touchpoint-list--header",
        "touchpoint-list--cursor",
        "touchpoint-list--cursor-blurred",
        "touchpoint-list--odd",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "edge(0)", show=False),
        Binding("end", "edge(1)", show=False),
        Binding("enter", "select", show=False),
    ]

    class Highlighted(Message):
        """The cursor moved to the row ``key`` (None when the list is empty)."""

        def __init__(self, touchpoint_list: TouchpointList, key: str | None) -> None:
            super().__init__()
            self.touchpoint_list = touchpoint_list
            self.key = key

        @property
        def control(self) -> TouchpointList:
            return self.touchpoint_list

    class Selected(Message):
        """Enter (or a click) on the row ``key``."""

        def __init__(self, touchpoint_list: TouchpointList, key: str) -> None:
            super().__init__()
            self.touchpoint_list = touchpoint_list
            self.key = key

        @property
        def control(self) -> TouchpointList:
            return self.touchpoint_list

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, name: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes, name=name)
        self.columns: list[ListColumn] = []
        self._widths: list[int] = []
        self.keys: list[str] = []
        self.rows: dict[str, tuple[str, ...]] = {}
        self.cursor = 0

    # --- data ------------------------------------------------------------------------

    def set_columns(self, columns: Sequence[ListColumn]) -> None:
        self.columns = list(columns)
        self._fit_columns(self.scrollable_content_region.width)
        self.refresh()

    def set_rows(self, rows: Sequence[tuple[str, tuple[str, ...]]], cursor_key: str | None) -> None:
        """Replace the rows; the cursor goes to ``cursor_key`` if present, else stays at
        its index (clamped), so deleting a row lands on its neighbour."""
        self.keys = [key for key, _ in rows]
        self.rows = dict(rows)
        if cursor_key is not None and cursor_key in self.rows:
            index = self.keys.index(cursor_key)
        else:
            index = self.cursor
        self._resize_virtual()
        self.move_cursor(index, force=True)
        self.refresh()

    @property
    def current_key(self) -> str | None:
        return self.keys[self.cursor] if self.keys else None

    def move_cursor(self, index: int, *, force: bool = False) -> None:
        index = max(0, min(index, len(self.keys) - 1)) if self.keys else 0
        changed = index != self.cursor
        self.cursor = index
        self._scroll_to_cursor()
        if changed or force:
            self.refresh()
            self.post_message(self.Highlighted(self, self.current_key))

    def select_key(self, key: str) -> bool:
        if key not in self.rows:
            return False
        self.move_cursor(self.keys.index(key))
        return True

    # --- geometry --------------------------------------------------------------------

    @property
    def _body_height(self) -> int:
        """Rows visible under the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _resize_virtual(self) -> None:
        """The scrolled size: the columns' width, a line per row and the header.

        Assigning ``virtual_size`` asks Textual for a layout pass of the whole screen
        (10-20 ms at 2,000 touchpoints), and after any layout pass Textual repaints
        the scrollbar of every scrolled view one frame later (another 20-30 ms before a
        key's last byte). The list's own size never follows its rows (its height is
        ``1fr`` and its scrollbar always shown), so a new row count only needs the
        scrollbar told and the list repainted; only a new width (the columns fitted to
        a resize) goes through Textual's layout.
        """
        size = Size(sum(width + 2 for width in self._widths), len(self.keys) + 1)
        old = self.virtual_size
        if size == old:
            return
        if size.width != old.width or not self.is_mounted:
            self.virtual_size = size
            return
        self.set_reactive(TouchpointList.virtual_size, size)
        self.vertical_scrollbar.window_virtual_size = size.height
        if self.scroll_y > self.max_scroll_y:  # fewer rows: no blank lines past the last
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.refresh()

    def _fit_columns(self, width: int) -> None:
        """Give the flex column the room the fixed ones leave in ``width`` cells."""
        fixed = sum(column.width + 2 for column in self.columns if not column.flex)
        self._widths = [
            max(column.width, width - fixed - 2) if column.flex else column.width
            for column in self.columns
        ]
        self._resize_virtual()

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        height = self._body_height
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        if self.columns:
            self._fit_columns(self.scrollable_content_region.width)
        self._scroll_to_cursor()

    # --- drawing ---------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.base_style()
        if y == 0:
            style = base + self.line_style("touchpoint-list--header", "bold")
            strip = self._header_strip(style)
        else:
            index = y - 1 + scroll_y
            if index >= len(self.keys):
                return Strip.blank(width, base)
            style = self._row_style(index, base)
            strip = self._row_strip(index, style)
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def _header_strip(self, style: Style) -> Strip:
        cells = [
            Segment(" " + set_cell_size(column.label, width) + " ", style)
            for column, width in zip(self.columns, self._widths, strict=True)
        ]
        return Strip(cells)

    def _row_style(self, index: int, base: Style) -> Style:
        style = base
        if index % 2:
            style += self.line_style("touchpoint-list--odd", "")
        if index == self.cursor:
            if self.has_focus:
                style += self.line_style("touchpoint-list--cursor", "reverse")
            else:
                style += self.line_style("touchpoint-list--cursor-blurred", "underline")
        return style

    def _row_strip(self, index: int, style: Style) -> Strip:
        values = self.rows[self.keys[index]]
        dim = style + Style(dim=True)
        segments = []
        for column, width, value in zip(self.columns, self._widths, values, strict=False):
            text = visible_line(value) or EMPTY  # drawn as segments: literal, never markup
            if cell_len(text) > width:
                text = set_cell_size(text, width - 1) + "…"
            segments.append(
                Segment(
                    " " + set_cell_size(text, width) + " ",
                    dim if column.dim or not value else style,
                )
            )
        return Strip(segments)

    # --- input -----------------------------------------------------------------------

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor + direction * self._body_height)

    def action_edge(self, end: int) -> None:
        self.move_cursor(len(self.keys) - 1 if end else 0)

    def action_select(self) -> None:
        key = self.current_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            return
        index = event.y - 1 + round(self.scroll_y)
        if 0 <= index < len(self.keys):
            self.move_cursor(index)
            if event.chain >= 2:
                self.action_select()
