"""The touchpoint map: segments (rows) x stages (columns), one count per cell.

A reusable widget: give it a Session with :meth:`MapGrid.show`; it keeps its cell
cursor on the same segment and stage across redraws, updates counts in place, and
posts :class:`MapGrid.CellHighlighted` / :class:`MapGrid.CellSelected` with the keys
of the cell (never coordinates, which shift when segments or stages change).
Stage headers and segment names are shortened to fit the width; at 80 columns seven
stages still fit, and when they do not the table scrolls with the cursor in view.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable

from tpworkshop.domain.model import Session, Touchpoint
from tpworkshop.i18n import Catalog

MAP_TEXT = Catalog(
    "tui.map_grid",
    {
        "key.choose": {"en": "Choose cell", "es": "Elegir celda"},
    },
)

Cell = tuple[str, str]
EMPTY_CELL = "·"
MIN_STAGE_WIDTH = 4
COMFORTABLE_WIDTH = 16
MAX_LABEL_SHARE = 5  # the segment names take at most 1/5 of the width
MIN_LABEL_WIDTH = 8


def count_cells(touchpoints: Iterable[Touchpoint]) -> Counter[Cell]:
    """Touchpoints per (segment key, stage key), in one pass."""
    return Counter((tp.segment, tp.stage) for tp in touchpoints)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis when it does not fit."""
    if len(text) <= width:
        return text
    return text[: max(1, width - 1)] + "…"


class MapGrid(DataTable[Text]):
    """Segments x stages with counts; arrows move the cell cursor, Enter chooses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "key.choose"),
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
        """Enter (or a click) on the cell (``segment_key``, ``stage_key``)."""

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
        on_move: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__(
            id=id,
            classes=classes,
            cursor_type="cell",
            show_row_labels=True,
            zebra_stripes=False,
            cursor_foreground_priority="renderable",
        )
        self._segments: list[str] = []
        self._stages: list[str] = []
        self._shape: tuple[object, ...] = ()
        self._counts: dict[Cell, int] = {}
        self._session: Session | None = None
        self._on_move = on_move
        self._rebuilding = False

    # --- public API ------------------------------------------------------------------

    @property
    def current(self) -> Cell | None:
        """The (segment key, stage key) under the cursor, or None for an empty map."""
        if not self._segments or not self._stages:
            return None
        row, column = self.cursor_coordinate
        row = min(max(row, 0), len(self._segments) - 1)
        column = min(max(column, 0), len(self._stages) - 1)
        return self._segments[row], self._stages[column]

    def show(self, session: Session, counts: Mapping[Cell, int] | None = None) -> None:
        """Draw ``session``; ``counts`` may be given when the caller already has them."""
        self._session = session
        if counts is None:
            counts = count_cells(session.touchpoints)
        shape = self._shape_of(session)
        if shape != self._shape:
            self._rebuild(session, counts, shape)
        else:
            self._update_counts(counts)

    def select_cell(self, segment_key: str, stage_key: str) -> bool:
        """Put the cursor on a cell (scrolled into view); False if it does not exist."""
        if segment_key not in self._segments or stage_key not in self._stages:
            return False
        self.move_cursor(
            row=self._segments.index(segment_key), column=self._stages.index(stage_key)
        )
        return True

    def cell_text(self, count: int) -> Text:
        """How a count looks; an empty cell is a dim dot so gaps stand out."""
        if count == 0:
            return Text(EMPTY_CELL, style="dim", justify="center")
        return Text(str(count), style="bold", justify="center")

    # --- drawing ---------------------------------------------------------------------

    def _available_width(self) -> int:
        return self.size.width or self.app.size.width

    def _shape_of(self, session: Session) -> tuple[object, ...]:
        return (
            tuple((s.key, s.name) for s in session.segments),
            tuple((s.key, s.name) for s in session.stages),
            self._available_width(),
        )

    def _widths(self, session: Session) -> tuple[int, int]:
        """(segment label width, stage column width) that fit the available width."""
        width = self._available_width()
        longest_segment = max((len(s.name) for s in session.segments), default=0)
        label = min(longest_segment, max(MIN_LABEL_WIDTH, width // MAX_LABEL_SHARE))
        stages = max(1, len(session.stages))
        longest_stage = max((len(s.name) for s in session.stages), default=MIN_STAGE_WIDTH)
        # each column has one cell of padding either side; keep 2 for the label padding
        # and 1 for a vertical scrollbar
        room = (width - label - 2 - 1) // stages - 2
        # wide screens get roomier cells (a projected map reads better), up to a point
        return label, max(MIN_STAGE_WIDTH, min(max(longest_stage, COMFORTABLE_WIDTH), room))

    def _rebuild(
        self, session: Session, counts: Mapping[Cell, int], shape: tuple[object, ...]
    ) -> None:
        self._rebuilding = True
        try:
            self._fill(session, counts, shape)
        finally:
            self._rebuilding = False

    def _fill(
        self, session: Session, counts: Mapping[Cell, int], shape: tuple[object, ...]
    ) -> None:
        keep = self.current
        label_width, stage_width = self._widths(session)
        self._shape = shape
        self._segments = [s.key for s in session.segments]
        self._stages = [s.key for s in session.stages]
        self.clear(columns=True)
        for stage in session.stages:
            self.add_column(
                Text(shorten(stage.name, stage_width), justify="center"),
                width=stage_width,
                key=stage.key,
            )
        self._counts = {}
        self.refresh(layout=True)
        for segment in session.segments:
            row = []
            for stage in session.stages:
                count = counts.get((segment.key, stage.key), 0)
                self._counts[(segment.key, stage.key)] = count
                row.append(self.cell_text(count))
            self.add_row(*row, key=segment.key, label=Text(shorten(segment.name, label_width)))
        if keep is not None and self.select_cell(*keep):
            return
        self.move_cursor(
            row=min(self.cursor_row, max(0, len(self._segments) - 1)),
            column=min(self.cursor_column, max(0, len(self._stages) - 1)),
        )

    def _update_counts(self, counts: Mapping[Cell, int]) -> None:
        for cell, old in self._counts.items():
            new = counts.get(cell, 0)
            if new != old:
                self._counts[cell] = new
                self.update_cell(cell[0], cell[1], self.cell_text(new))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Known at once (the DataTable learns its virtual size only when idle, which
        # left an auto-height map zero lines tall on first display).
        return len(self._segments) + (1 if self.show_header else 0)

    # --- events ----------------------------------------------------------------------

    def on_idle(self, event: events.Idle) -> None:
        # DataTable measures new rows (and learns it has row labels) when idle, after
        # this handler; repaint once that is done so the segment names show at once.
        if self._require_update_dimensions:
            self.call_later(self.refresh, layout=True)

    def on_resize(self, event: events.Resize) -> None:
        if self._session is not None and self._shape and event.size.width != self._shape[2]:
            self.show(self._session, self._counts)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        """Tell the owner at once, in this same frame: the CellHighlighted message reaches
        the screen only after Textual has painted the cursor, and the screen's redraw
        then waits for the next frame (20-30 ms more for every arrow key)."""
        super().watch_cursor_coordinate(old, new)
        if old != new and self._on_move is not None and not self._rebuilding:
            cell = self.current
            if cell is not None:
                self._on_move(*cell)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        # Read the cursor now rather than the event's coordinate: a rebuild can leave
        # stale highlight events in the queue.
        event.stop()
        cell = self.current
        if cell is not None:
            self.post_message(self.CellHighlighted(self, *cell))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        cell = self.current
        if cell is not None:
            self.post_message(self.CellSelected(self, *cell))
