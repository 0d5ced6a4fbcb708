"""A grid of counts (segments x stages, channels x stages) shaded by density.

Empty cells of the coverage map are meant to stand out (an alarm colour and a dash, so
they still show without colour); empty cells of a channel grid are quiet dots. The grid is
a DataTable with a cell cursor, so the screen can jump to what a cell names.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.widgets import DataTable

from tpworkshop.domain.stage_labels import stage_labels
from tpworkshop.domain.text import visible_line

# Shades from few to many touchpoints; explicit fore- and background so they read on
# light and dark themes alike.
_SHADES = (
    "black on color(194)",
    "black on color(151)",
    "black on color(114)",
    "bold white on color(28)",
)
_ALARM = "bold white on color(124)"
_QUIET = "dim"
LABEL_MIN, LABEL_MAX = 8, 22
CELL_MIN, CELL_MAX = 5, 14
CHROME = 5  # the grid's margins and a vertical scrollbar

Labels = Sequence[tuple[str, str]]  # (key, display name)


def shade(count: int, top: int) -> int:
    """0 for an empty cell, else 1..len(_SHADES) by the count's share of the busiest cell."""
    if count <= 0:
        return 0
    level = math.ceil(len(_SHADES) * count / max(top, count))
    return min(len(_SHADES), max(1, level))


def _fit(text: str, width: int) -> str:
    """One line of at most ``width`` characters, as typed (control characters as symbols);
    the callers put it in a Text, never read as markup."""
    text = visible_line(text)
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def column_labels(columns: Labels, width: int) -> list[str]:
    """The stages' headers in ``width`` cells, told apart: a framework's short label, or
    a cut that keeps what differs, ending in "…" (domain.stage_labels)."""
    return stage_labels([visible_line(name) for _, name in columns], width)


def cell_text(count: int, top: int, width: int, *, alarm_empty: bool) -> Text:
    """One cell: the count centred in ``width - 1`` shaded columns, then a gap."""
    level = shade(count, top)
    if level == 0:
        mark, style = ("—", _ALARM) if alarm_empty else ("·", _QUIET)
    else:
        mark, style = str(count), _SHADES[level - 1]
    return Text.assemble((mark.center(width - 1), style), " ")


def column_widths(width: int, rows: Labels, columns: Labels) -> tuple[int, int]:
    """(label width, cell width) so that the grid fits ``width`` columns where it can."""
    longest = max((len(name) for _, name in rows), default=0)
    label = max(LABEL_MIN, min(LABEL_MAX, longest + 1))
    if not columns:
        return label, CELL_MIN
    room = max(width - label - CHROME, 0) // len(columns)
    return label, max(CELL_MIN, min(CELL_MAX, room))


def density_table(
    corner: str,
    rows: Labels,
    columns: Labels,
    counts: Mapping[tuple[str, str], int],
    width: int,
    *,
    alarm_empty: bool = True,
) -> Table:
    """The same grid as a read-only Rich table (for the wide overview)."""
    label_w, cell_w = column_widths(width, rows, columns)
    top = max(counts.values(), default=0)
    table = Table(box=None, padding=0, show_edge=False, pad_edge=False)
    table.add_column(Text(_fit(corner, label_w - 1)), width=label_w, no_wrap=True)
    for label in column_labels(columns, cell_w - 1):
        table.add_column(Text(label), width=cell_w, no_wrap=True)
    for row_key, name in rows:
        cells = [
            cell_text(counts.get((row_key, key), 0), top, cell_w, alarm_empty=alarm_empty)
            for key, _ in columns
        ]
        table.add_row(Text(_fit(name, label_w - 1)), *cells)
    return table


class DensityGrid(DataTable[Any]):
    """Rows x stages of counts with a cell cursor; ``show`` keeps the cursor on its cell."""

    def __init__(self, *, alarm_empty: bool = True, **kwargs: Any) -> None:
        super().__init__(cursor_type="cell", cell_padding=0, zebra_stripes=False, **kwargs)
        self.alarm_empty = alarm_empty
        self.row_keys: list[str] = []
        self.column_keys: list[str] = []
        self._shown: tuple[object, ...] | None = None

    def show(
        self,
        corner: str,
        rows: Labels,
        columns: Labels,
        counts: Mapping[tuple[str, str], int],
        width: int,
    ) -> None:
        """Redraw only when something changed, keeping the cursor on the same keys."""
        label_w, cell_w = column_widths(width, rows, columns)
        shown = (corner, tuple(rows), tuple(columns), tuple(counts.items()), label_w, cell_w)
        if shown == self._shown:
            return
        self._shown = shown
        was = self.selected_keys()
        self.clear(columns=True)
        self.row_keys = [key for key, _ in rows]
        self.column_keys = [key for key, _ in columns]
        top = max(counts.values(), default=0)
        self.add_column(Text(_fit(corner, label_w - 1)), width=label_w, key="__label__")
        for (key, _), label in zip(columns, column_labels(columns, cell_w - 1), strict=True):
            self.add_column(Text(label), width=cell_w, key=f"c:{key}")
        for row_key, name in rows:
            self.add_row(
                Text(_fit(name, label_w - 1), style="bold"),
                *[
                    cell_text(
                        counts.get((row_key, key), 0), top, cell_w, alarm_empty=self.alarm_empty
                    )
                    for key, _ in columns
                ],
                key=f"r:{row_key}",
            )
        self._restore_cursor(was)

    def _restore_cursor(self, was: tuple[str | None, str | None] | None) -> None:
        if not self.row_keys:
            return
        row, column = 0, 1 if self.column_keys else 0
        if was is not None:
            row_key, column_key = was
            if row_key in self.row_keys:
                row = self.row_keys.index(row_key)
            if column_key is None:
                column = 0
            elif column_key in self.column_keys:
                column = self.column_keys.index(column_key) + 1
        self.move_cursor(row=row, column=column, animate=False)

    def selected_keys(self) -> tuple[str | None, str | None] | None:
        """(row key, column key) under the cursor; the column key is None on the labels."""
        if not self.row_keys or self.cursor_coordinate is None:
            return None
        row, column = self.cursor_coordinate
        if not 0 <= row < len(self.row_keys):
            return None
        column_key = self.column_keys[column - 1] if 0 < column <= len(self.column_keys) else None
        return self.row_keys[row], column_key
