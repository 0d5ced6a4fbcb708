"""A row table whose rows have keys, for the stage and segment lists.

``show_rows`` redraws it from the session after any commit (ours or another
process's) and keeps the cursor on the same row by key, so a facilitator who is
reordering or weighing a row never loses their place.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from tpworkshop.tui.display import plain_line

Row = tuple[str, Sequence[str]]

# Footer groups shared by the stage and segment lists; descriptions are catalog keys.
WEIGHT_GROUP = Binding.Group("group.weight", compact=True)
MOVE_GROUP = Binding.Group("group.move", compact=True)


def weight_dots(weight: int, top: int = 5) -> str:
    """3 -> '●●●○○'."""
    weight = max(0, min(top, weight))
    return "●" * weight + "○" * (top - weight)


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters, with an ellipsis when cut."""
    line = " ".join(text.split())
    if width <= 1 or len(line) <= width:
        return line
    return line[: width - 1].rstrip() + "…"


class KeyedTable(DataTable[Text]):
    """A zebra row-cursor DataTable addressed by row keys; cells are shown literally
    (never as markup), whatever they hold."""

    class Resized(Message):
        """The table's width changed (so clipped cells can be redrawn to fit)."""

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, name: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes, name=name, cursor_type="row", zebra_stripes=True)
        self._shown: list[tuple[str, tuple[str, ...]]] = []

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())

    @property
    def keys(self) -> list[str]:
        return [key for key, _ in self._shown]

    @property
    def selected_key(self) -> str | None:
        if not self._shown:
            return None
        row = min(max(self.cursor_row, 0), len(self._shown) - 1)
        row_key, _ = self.coordinate_to_cell_key(Coordinate(row, 0))
        return row_key.value

    def show_rows(self, rows: Sequence[Row], *, select: str | None = None) -> None:
        """Redraw only if something changed; the cursor stays on its key (or its index)."""
        wanted = [(key, tuple(cells)) for key, cells in rows]
        if wanted == self._shown:
            if select is not None:
                self.select_key(select)
            return
        keep = select if select is not None else self.selected_key
        index = self.cursor_row
        self.clear()
        # clear() keeps each column as wide as the widest cell it ever held: a column whose
        # cells were clipped shorter would then push the next one off screen, cut without
        # an ellipsis. Start again from the header, as add_column does.
        for column in self.columns.values():
            if column.auto_width:
                column.content_width = column.label.cell_len
        for key, cells in wanted:
            self.add_row(*(plain_line(cell) for cell in cells), key=key)
        self._shown = wanted
        keys = self.keys
        if not keys:
            return
        target = keys.index(keep) if keep in keys else min(max(index, 0), len(keys) - 1)
        self.move_cursor(row=target, animate=False)

    def select_key(self, key: str | None) -> None:
        if key in self.keys:
            self.move_cursor(row=self.keys.index(key), animate=False)
