"""The touchpoint map: segments (rows) x stages (columns), one count per cell.

A reusable widget: give it a Session with :meth:`MapGrid.show`; it keeps its cell
cursor on the same segment and stage across redraws, updates counts in place, and
posts :class:`MapGrid.CellHighlighted` / :class:`MapGrid.CellSelected` with the keys
of the cell (never coordinates, which shift when segments or stages change).
Stage headers and segment names are shortened to fit the width; at 80 columns seven
stages still fit, and when they do not the map scrolls with the cursor in view.

It draws itself a line at a time (only the lines on screen, from a dict of counts):
a DataTable re-rendered every cell through rich after each count changed, which cost
10-15 ms on every added touchpoint. The header row and the segment names stay put
while the cells scroll.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tpworkshop.domain.model import Session, Touchpoint
from tpworkshop.domain.stage_labels import stage_labels
from tpworkshop.domain.text import visible_line
from tpworkshop.i18n.catalogs.tui_map_grid import MAP_TEXT
from tpworkshop.tui.widgets.line_styles import LineStyles

Cell = tuple[str, str]
EMPTY_CELL = "·"
MIN_STAGE_WIDTH = 4
COMFORTABLE_WIDTH = 16
MAX_LABEL_SHARE = 5  # the segment names take at most 1/5 of the width
MIN_LABEL_WIDTH = 8
PADDING = 1  # blank cells either side of every column


def count_cells(touchpoints: Iterable[Touchpoint]) -> Counter[Cell]:
    """Touchpoints per (segment key, stage key), in one pass."""
    return Counter((tp.segment, tp.stage) for tp in touchpoints)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis when it does not fit; drawn as
    segments, so literally (control characters as symbols)."""
    text = visible_line(text)
    if len(text) <= width:
        return text
    return text[: max(1, width - 1)] + "…"


class MapGrid(LineStyles, ScrollView, can_focus=True):
    """Segments x stages with counts; arrows move the cell cursor, Enter chooses."""

    BINDING_CATALOGS = (MAP_TEXT,)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "map-grid--header",
        "map-grid--header-cursor",
        "map-grid--cursor",
        "map-grid--cursor-blurred",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "key.choose"),
        Binding("up", "move(0, -1)", show=False),
        Binding("down", "move(0, 1)", show=False),
        Binding("left", "move(-1, 0)", show=False),
        Binding("right", "move(1, 0)", show=False),
        Binding("home", "edge(-1)", show=False),
        Binding("end", "edge(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
    ]

    class CellHighlighted(Message):
        """The cursor is on the cell (``segment_key``, ``stage_key``)."""

        def __init__(self, grid: MapGrid, segment_key: str, stage_key: str) -> None:
            super().__init__()
            self.grid = grid
            self.segment_key = segment_key
            self.stage_key = stage_key

        @property
        def control(self) -> MapGrid:
            return self.grid

    class CellSelected(Message):
        """Enter (or a click on the highlighted cell) on (``segment_key``, ``stage_key``)."""

        def __init__(self, grid: MapGrid, segment_key: str, stage_key: str) -> None:
            super().__init__()
            self.grid = grid
            self.segment_key = segment_key
            self.stage_key = stage_key

        @property
        def control(self) -> MapGrid:
            return self.grid

    def __init__(
        self,
        *,
        id: str | None = None,
        classes: str | None = None,
        name: str | None = None,
        on_move: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, name=name)
        self._segments: list[str] = []
        self._stages: list[str] = []
        self._labels: list[str] = []
        self._headers: list[str] = []
        self._label_width = 0
        self._stage_width = MIN_STAGE_WIDTH
        self._shape: tuple[object, ...] = ()
        self._counts: dict[Cell, int] = {}
        self._session: Session | None = None
        self._on_move = on_move
        self.cursor_row = 0
        self.cursor_column = 0

    # --- public API ------------------------------------------------------------------

    @property
    def current(self) -> Cell | None:
        """The (segment key, stage key) under the cursor, or None for an empty map."""
        if not self._segments or not self._stages:
            return None
        return self._segments[self.cursor_row], self._stages[self.cursor_column]

    @property
    def segment_keys(self) -> list[str]:
        return list(self._segments)

    @property
    def stage_keys(self) -> list[str]:
        return list(self._stages)

    def show(self, session: Session, counts: Mapping[Cell, int] | None = None) -> None:
        """Draw ``session``; ``counts`` may be given when the caller already has them."""
        self._session = session
        if counts is None:
            counts = count_cells(session.touchpoints)
        shape = self._shape_of(session)
        counts = dict(counts)
        if shape != self._shape:
            self._rebuild(session, shape)
            self._counts = counts
            self.refresh()
            return
        changed = {cell[0] for cell in counts.keys() ^ self._counts.keys()}
        changed.update(cell[0] for cell, n in counts.items() if self._counts.get(cell) != n)
        self._counts = counts
        self._refresh_rows(changed)

    def _refresh_rows(self, segment_keys: Iterable[str]) -> None:
        """Repaint the rows of these segments (after an edit: one row, not the map)."""
        width = self.size.width
        top = round(self.scroll_y)
        rows = {key: row for row, key in enumerate(self._segments)}
        for key in segment_keys:
            y = rows.get(key, -1) + 1 - top  # line 0 is the header
            if 1 <= y < self.size.height:
                self.refresh(Region(0, y, width, 1))

    def select_cell(self, segment_key: str, stage_key: str) -> bool:
        """Put the cursor on a cell (scrolled into view); False if it does not exist."""
        if segment_key not in self._segments or stage_key not in self._stages:
            return False
        self._move_to(self._segments.index(segment_key), self._stages.index(stage_key))
        return True

    def get_cell(self, segment_key: str, stage_key: str) -> Text:
        """What the cell shows (tests and screen readers of the widget)."""
        return self.cell_text(self._counts.get((segment_key, stage_key), 0))

    def cell_text(self, count: int) -> Text:
        """How a count looks; an empty cell is a dim dot so gaps stand out."""
        if count == 0:
            return Text(EMPTY_CELL, style="dim", justify="center")
        return Text(str(count), style="bold", justify="center")

    # --- geometry --------------------------------------------------------------------

    def _available_width(self) -> int:
        return self.size.width or self.app.size.width

    def _shape_of(self, session: Session, width: int | None = None) -> tuple[object, ...]:
        return (
            tuple((s.key, s.name) for s in session.segments),
            tuple((s.key, s.name) for s in session.stages),
            width or self._available_width(),
        )

    def _widths(self, session: Session, width: int) -> tuple[int, int]:
        """(segment label width, stage column width) that fit ``width``."""
        longest_segment = max((len(s.name) for s in session.segments), default=0)
        label = min(longest_segment, max(MIN_LABEL_WIDTH, width // MAX_LABEL_SHARE))
        stages = max(1, len(session.stages))
        longest_stage = max((len(s.name) for s in session.stages), default=MIN_STAGE_WIDTH)
        # each column has one cell of padding either side; keep 2 for the label padding
        # and 1 for a vertical scrollbar
        room = (width - label - 2 - 1) // stages - 2
        # wide screens get roomier cells (a projected map reads better), up to a point
        return label, max(MIN_STAGE_WIDTH, min(max(longest_stage, COMFORTABLE_WIDTH), room))

    @property
    def _label_area(self) -> int:
        return self._label_width + 2 * PADDING

    @property
    def _column_width(self) -> int:
        return self._stage_width + 2 * PADDING

    @property
    def _body_height(self) -> int:
        """Rows visible under the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _rebuild(self, session: Session, shape: tuple[object, ...]) -> None:
        """Fit the columns to ``shape``'s width."""
        keep = self.current
        self._shape = shape
        width = shape[2]
        assert isinstance(width, int)
        self._label_width, self._stage_width = self._widths(session, width)
        self._segments = [s.key for s in session.segments]
        self._stages = [s.key for s in session.stages]
        self._labels = [shorten(s.name, self._label_width) for s in session.segments]
        # Stages told apart at any width: a framework's short label, or a cut keeping
        # what differs («Fundam.», «Principal»), never «Contacto p…» twice.
        names = [visible_line(s.name) for s in session.stages]
        self._headers = stage_labels(names, self._stage_width)
        self.virtual_size = Size(
            self._label_area + len(self._stages) * self._column_width, len(self._segments) + 1
        )
        if keep is not None and keep[0] in self._segments and keep[1] in self._stages:
            row, column = self._segments.index(keep[0]), self._stages.index(keep[1])
        else:
            row, column = self.cursor_row, self.cursor_column
        self.cursor_row = max(0, min(row, len(self._segments) - 1))
        self.cursor_column = max(0, min(column, len(self._stages) - 1))
        self.call_after_refresh(self._scroll_to_cursor)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._segments) + 1

    # --- cursor ----------------------------------------------------------------------

    def _move_to(self, row: int, column: int) -> None:
        if not self._segments or not self._stages:
            return
        row = max(0, min(row, len(self._segments) - 1))
        column = max(0, min(column, len(self._stages) - 1))
        if (row, column) == (self.cursor_row, self.cursor_column):
            self._scroll_to_cursor()
            return
        self.cursor_row, self.cursor_column = row, column
        self._scroll_to_cursor()
        self.refresh()
        cell = self.current
        if cell is not None:
            # The owner redraws at once, in this frame (a message would cost a frame).
            if self._on_move is not None:
                self._on_move(*cell)
            self.post_message(self.CellHighlighted(self, *cell))

    def _scroll_to_cursor(self) -> None:
        x, y = round(self.scroll_x), round(self.scroll_y)
        height = self._body_height
        if self.cursor_row < y:
            y = self.cursor_row
        elif self.cursor_row >= y + height:
            y = self.cursor_row - height + 1
        view = max(1, self.scrollable_content_region.width - self._label_area)
        left = self.cursor_column * self._column_width
        right = left + self._column_width
        if left < x:
            x = left
        elif right > x + view:
            x = right - view
        if (x, y) != (round(self.scroll_x), round(self.scroll_y)):
            self.scroll_to(x=x, y=y, animate=False, immediate=True)

    def action_move(self, columns: int, rows: int) -> None:
        self._move_to(self.cursor_row + rows, self.cursor_column + columns)

    def action_edge(self, direction: int) -> None:
        column = len(self._stages) - 1 if direction > 0 else 0
        self._move_to(self.cursor_row, column)

    def action_page(self, direction: int) -> None:
        self._move_to(self.cursor_row + direction * self._body_height, self.cursor_column)

    def action_select_cursor(self) -> None:
        cell = self.current
        if cell is not None:
            self.post_message(self.CellSelected(self, *cell))

    # --- drawing ---------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.base_style()
        if y == 0:
            style = base + self.line_style("map-grid--header", "bold")
            label = Segment(" " * self._label_area, style)
            cells = self._header_segments(style)
        else:
            row = y - 1 + round(self.scroll_y)
            if row >= len(self._segments):
                return Strip.blank(width, base)
            label = self._label_segment(row, base)
            cells = self._row_segments(row, base)
        view = max(0, width - self._label_area)
        scroll_x = round(self.scroll_x)
        body = Strip(cells).crop_extend(scroll_x, scroll_x + view, base)
        return Strip([label, *body]).crop_extend(0, width, base)

    def _cursor_style(self) -> Style:
        if self.has_focus:
            return self.line_style("map-grid--cursor", "reverse")
        return self.line_style("map-grid--cursor-blurred", "underline")

    def _header_segments(self, style: Style) -> list[Segment]:
        cursor = style + self.line_style("map-grid--header-cursor", "bold")
        pad = " " * PADDING
        return [
            Segment(
                pad + header.center(self._stage_width) + pad,
                cursor if index == self.cursor_column else style,
            )
            for index, header in enumerate(self._headers)
        ]

    def _label_segment(self, row: int, base: Style) -> Segment:
        style = base + self.line_style("map-grid--header", "bold")
        if row == self.cursor_row:
            style += self.line_style("map-grid--header-cursor", "bold")
        pad = " " * PADDING
        return Segment(pad + set_cell_size(self._labels[row], self._label_width) + pad, style)

    def _row_segments(self, row: int, base: Style) -> list[Segment]:
        segment_key = self._segments[row]
        counts = self._counts
        width = self._stage_width
        pad = " " * PADDING
        bold, dim = base + Style(bold=True), base + Style(dim=True)
        cursor = base + self._cursor_style()
        segments = []
        for column, stage_key in enumerate(self._stages):
            count = counts.get((segment_key, stage_key), 0)
            text = (str(count) if count else EMPTY_CELL).center(width)
            if row == self.cursor_row and column == self.cursor_column:
                style = cursor + Style(bold=True) if count else cursor
            else:
                style = bold if count else dim
            segments.append(Segment(pad + text + pad, style))
        return segments

    # --- events ----------------------------------------------------------------------

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._session is not None and self._shape and event.size.width != self._shape[2]:
            self.show(self._session, self._counts)
        self._scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        if not self._segments or not self._stages:
            return
        row = self.cursor_row if event.y == 0 else event.y - 1 + round(self.scroll_y)
        if event.x < self._label_area:
            column = self.cursor_column
        else:
            column = (event.x - self._label_area + round(self.scroll_x)) // self._column_width
        if not (0 <= row < len(self._segments) and 0 <= column < len(self._stages)):
            return
        event.stop()
        again = (row, column) == (self.cursor_row, self.cursor_column)
        self._move_to(row, column)
        if again or event.chain >= 2:
            self.action_select_cursor()
