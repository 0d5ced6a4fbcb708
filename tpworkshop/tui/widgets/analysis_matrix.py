"""The importance x performance matrix (after Martilla & James), drawn in the terminal.

Rows are importance 5 (top) to 1, columns the rating 1 (left) to 5; a heavy rule splits
them into the four quadrants of GAPS.md: fix-first (important, rated 3 or lower, top
left), keep-up (top right), low-priority (bottom left) and overkill (bottom right). Each of
the 25 cells shows the names of the touchpoints placed there, as many as its lines hold,
then "+N more". Arrows move a cell cursor; Enter posts :class:`ImportanceMatrix.CellSelected`
with the refs of the cell's touchpoints (the screen decides where that goes).

A reusable widget: give it :class:`MatrixItem` values with :meth:`ImportanceMatrix.show`.
Every text is drawn literally (names are data, never markup).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from tpworkshop.analysis.describe import quadrant_label
from tpworkshop.domain.text import visible_line
from tpworkshop.i18n.catalogs.tui_analysis_matrix import TEXT
from tpworkshop.tui.widgets.line_styles import LineStyles

SCALE = (1, 2, 3, 4, 5)
HIGH_IMPORTANCE = 4  # from this importance up, the top quadrants (GAPS.md)
GOOD_RATING = 4  # from this rating up, the right quadrants
LABEL_WIDTH = 3  # " 5 " before each row
MAX_CELL_LINES = 4
MIN_COLUMN = 4

Cell = tuple[int, int]
"""(importance, rating)."""


@dataclass(frozen=True)
class MatrixItem:
    """A rated touchpoint placed on the matrix."""

    ref: str
    label: str
    importance: int
    rating: int


def quadrant_of(importance: int, rating: int) -> str:
    if importance >= HIGH_IMPORTANCE:
        return "keep-up" if rating >= GOOD_RATING else "fix-first"
    return "overkill" if rating >= GOOD_RATING else "low-priority"


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: cut with "…" when too long, padded when short."""
    text = visible_line(text)
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def cell_lines(labels: Sequence[str], lines: int, more: str) -> list[str]:
    """What a cell shows on its ``lines`` lines: names, the last line "+N more" if needed.

    ``more`` is a template with ``{n}``.
    """
    if len(labels) <= lines:
        return [*labels, *([""] * (lines - len(labels)))]
    shown = max(lines - 1, 0)
    if shown == 0:
        return [more.format(n=len(labels))]
    return [*labels[:shown], more.format(n=len(labels) - shown)]


class ImportanceMatrix(LineStyles, can_focus=True):
    """Importance (rows) x rating (columns); arrows move the cell cursor, Enter chooses."""

    BINDING_CATALOGS = (TEXT,)
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "matrix--fix-first",
        "matrix--keep-up",
        "matrix--overkill",
        "matrix--low-priority",
        "matrix--cursor",
        "matrix--axis",
        "matrix--rule",
        "matrix--empty",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "key.choose", show=False),
        Binding("up", "move(1, 0)", show=False),
        Binding("down", "move(-1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("home", "corner", show=False),
    ]

    class CellHighlighted(Message):
        """The cursor is on a cell; ``refs`` are its touchpoints in map order."""

        def __init__(
            self, matrix: ImportanceMatrix, importance: int, rating: int, refs: list[str]
        ) -> None:
            super().__init__()
            self.matrix = matrix
            self.importance = importance
            self.rating = rating
            self.refs = refs

        @property
        def control(self) -> ImportanceMatrix:
            return self.matrix

    class CellSelected(CellHighlighted):
        """Enter (or a click) on a cell."""

    def __init__(
        self,
        *,
        on_move: Callable[[int, int, list[str]], None] | None = None,
        id: str | None = None,
        classes: str | None = None,
        name: str | None = None,
    ) -> None:
        """``on_move(importance, rating, refs)`` is called at once when the cursor moves,
        instead of posting CellHighlighted: what it shows is then painted in the key's own
        frame, not one frame (about 30 ms) later."""
        super().__init__(id=id, classes=classes, name=name)
        self._on_move = on_move
        self.lang = "en"
        self._cells: dict[Cell, list[MatrixItem]] = {}
        self._shown: tuple[object, ...] = ()
        self.cursor: Cell = (5, 1)
        self._moved = False

    # --- public API ------------------------------------------------------------------

    def show(self, items: Sequence[MatrixItem], lang: str) -> None:
        """Place ``items``; the cursor stays on its cell (at first: the first fix-first)."""
        shown = (lang, tuple(items))
        if shown == self._shown:
            return
        self._shown = shown
        self.lang = lang
        cells: defaultdict[Cell, list[MatrixItem]] = defaultdict(list)
        for item in items:
            cells[(item.importance, item.rating)].append(item)
        self._cells = dict(cells)
        if not self._moved:
            self.cursor = self._first_cell()
        self.refresh()
        self._announce(self.CellHighlighted)

    def items_at(self, importance: int, rating: int) -> list[MatrixItem]:
        return list(self._cells.get((importance, rating), ()))

    @property
    def selected(self) -> list[MatrixItem]:
        return self.items_at(*self.cursor)

    def move_to(self, importance: int, rating: int) -> None:
        self.cursor = (min(max(importance, 1), 5), min(max(rating, 1), 5))
        self._moved = True
        self.refresh()
        self._announce(self.CellHighlighted)

    def _first_cell(self) -> Cell:
        """The most urgent cell that holds a touchpoint: important first, worst rated."""
        order = sorted(
            ((imp, rating) for imp in SCALE for rating in SCALE),
            key=lambda cell: (-cell[0] + cell[1], -cell[0]),
        )
        return next((cell for cell in order if self._cells.get(cell)), (5, 1))

    def _announce(self, kind: type[CellHighlighted]) -> None:
        importance, rating = self.cursor
        refs = [item.ref for item in self.selected]
        if kind is self.CellHighlighted and self._on_move is not None:
            self._on_move(importance, rating, refs)
        else:
            self.post_message(kind(self, importance, rating, refs))

    # --- keys and mouse -----------------------------------------------------------------

    def action_move(self, importance: int, rating: int) -> None:
        self.move_to(self.cursor[0] + importance, self.cursor[1] + rating)

    def action_corner(self) -> None:
        self.move_to(5, 1)

    def action_select_cursor(self) -> None:
        self._announce(self.CellSelected)

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the cell; a click on the cursor's cell chooses it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        cell = self._cell_at(offset.x, offset.y)
        if cell is None:
            return
        if cell == self.cursor:
            self.action_select_cursor()
        else:
            self.move_to(*cell)

    def _cell_at(self, x: int, y: int) -> Cell | None:
        width, lines = self._geometry()
        row = y - 1
        if row < 0:
            return None
        top = 2 * lines
        if row < top:
            importance = 5 - row // lines
        elif row == top:
            return None
        elif row - top - 1 < 3 * lines:
            importance = 3 - (row - top - 1) // lines
        else:
            return None
        column = x - LABEL_WIDTH
        if column < 0:
            return None
        if column >= 3 * width:
            column -= 1  # the rule between the quadrants
        rating = column // width + 1
        return (importance, rating) if 1 <= rating <= 5 else None

    # --- drawing ------------------------------------------------------------------------

    def _geometry(self) -> tuple[int, int]:
        """The width of a column and the number of lines of a cell, from the size."""
        width = max((self.content_size.width - LABEL_WIDTH - 1) // 5, MIN_COLUMN)
        lines = min(max((self.content_size.height - 2) // 5, 1), MAX_CELL_LINES)
        return width, lines

    def _quadrant_style(self, importance: int, rating: int) -> Style:
        return self.line_style(f"matrix--{quadrant_of(importance, rating)}")

    def render(self) -> Text:
        width, lines = self._geometry()
        axis = self.line_style("matrix--axis", "dim")
        rule = self.line_style("matrix--rule", "bold")
        cursor = self.line_style("matrix--cursor", "reverse")
        empty = self.line_style("matrix--empty", "dim")
        more = TEXT("more", self.lang, n="{n}")
        text = Text(no_wrap=True, overflow="crop", end="")
        # the header: the ratings
        text.append(" " * LABEL_WIDTH, axis)
        for rating in SCALE:
            if rating == GOOD_RATING:
                text.append("┃", rule)
            text.append(fit(TEXT("column", self.lang, n=rating).center(width), width), axis)
        for importance in reversed(SCALE):
            if importance == HIGH_IMPORTANCE - 1:
                text.append("\n")
                self._rule_line(text, width, rule)
            shown = {
                rating: cell_lines(
                    [item.label for item in self._cells.get((importance, rating), ())],
                    lines,
                    more,
                )
                for rating in SCALE
            }
            for line in range(lines):
                text.append("\n")
                label = f"{importance:>2} " if line == 0 else " " * LABEL_WIDTH
                text.append(label, axis)
                for rating in SCALE:
                    if rating == GOOD_RATING:
                        text.append("┃", rule)
                    style = self._quadrant_style(importance, rating)
                    if (importance, rating) == self.cursor:
                        style = style + cursor
                    words = shown[rating][line]
                    if not words and line == 0 and not self._cells.get((importance, rating)):
                        text.append(fit(" ·", width), style + empty)
                    else:
                        text.append(fit(f" {words}" if words else "", width), style)
        return text

    def _rule_line(self, text: Text, width: int, rule: Style) -> None:
        """The rule between importance 4 and 3, naming the quadrants above and below."""
        lang = self.lang
        text.append(" " * LABEL_WIDTH, rule)
        halves = (
            (3 * width, "fix-first", "low-priority"),
            (2 * width, "keep-up", "overkill"),
        )
        for number, (size, up, down) in enumerate(halves):
            if number:
                text.append("╋", rule)
            words = (
                f"─ {TEXT('up', lang, quadrant=quadrant_label(up, lang))}"
                f" ─ {TEXT('down', lang, quadrant=quadrant_label(down, lang))} "
            )
            if cell_len(words) > size:
                words = "─"
            words = fit(words, size).rstrip()
            if cell_len(words) < size:
                words += " "
            text.append(words.ljust(size, "─"), rule)
