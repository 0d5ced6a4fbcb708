"""A navigator of touchpoints in map order, under "segment · stage" headings.

Used by the Details step (its left column) and by the Assess step's "tie an action
to a touchpoint" dialog. Rows are keyed by the touchpoint's ``ref``; redrawing keeps the
highlighted touchpoint and only re-renders rows whose text changed, so a live session
with thousands of touchpoints stays fast: showing the same list object again only moves
the highlight, and moving the highlight repaints two lines (the whole view if it scrolls).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tpworkshop.domain.model import Session, Touchpoint
from tpworkshop.domain.stage_labels import cell_width, cut, short_label
from tpworkshop.domain.text import visible_line

TRACKED = ("owner", "processes", "desired_outcome", "data_generated")
"""The details whose absence the Details step tracks, in marker order."""

HEADER_PREFIX = "h:"
TOUCHPOINT_PREFIX = "tp:"
NONE_ID = "none"


def is_missing(tp: Touchpoint, field: str) -> bool:
    value = getattr(tp, field)
    if isinstance(value, str):
        return not value.strip()
    return not value


def missing_fields(tp: Touchpoint) -> list[str]:
    return [field for field in TRACKED if is_missing(tp, field)]


@dataclass(frozen=True)
class Places:
    """Segment and stage names by key, built once per redraw."""

    segments: dict[str, str]
    stages: dict[str, str]

    @classmethod
    def of(cls, session: Session) -> Places:
        return cls(
            {s.key: s.name for s in session.segments}, {s.key: s.name for s in session.stages}
        )

    def label(self, tp: Touchpoint) -> str:
        segment = self.segments.get(tp.segment, tp.segment)
        stage = self.stages.get(tp.stage, tp.stage)
        return f"{segment} · {stage}"

    def long_label(self, tp: Touchpoint) -> str:
        return f"{tp.name} ({self.label(tp)})"


def heading(segment: str, stage: str, width: int) -> str:
    """``segment · stage`` in ``width`` cells: when it does not fit, the stage keeps what
    tells it apart (a framework's short label: «Pre», «Primer», «Fundam.») and the segment
    gives way first; every cut ends in "…"."""
    segment, stage = visible_line(segment), visible_line(stage)
    whole = f"{segment} · {stage}"
    if cell_width(whole) <= width:
        return whole
    stage = short_label(stage) or stage
    room = width - cell_width(stage) - 3
    if room >= MIN_SEGMENT_CELLS or cell_width(segment) <= room:
        return f"{cut(segment, max(room, 1))} · {stage}"
    segment = cut(segment, MIN_SEGMENT_CELLS)
    return f"{segment} · {cut(stage, max(width - cell_width(segment) - 3, 1))}"


MIN_SEGMENT_CELLS = 6


Marker = Callable[[Touchpoint], str]
"""A short code per touchpoint (say ``"O·R·"``) shown before its name."""

MarkStyle = Callable[[str], Text]
"""How a code looks; called once per distinct code."""


class TouchpointPicker(ScrollView, can_focus=True):
    """Touchpoints grouped by cell, one line each; arrows move, Enter chooses.

    A line-API widget: only the visible lines are rendered, so a map of thousands of
    touchpoints redraws and filters at once.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("home", "edge(-1)", show=False),
        Binding("end", "edge(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("enter", "choose", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "touchpoint-picker--header",
        "touchpoint-picker--none",
        "touchpoint-picker--cursor",
        "touchpoint-picker--cursor-blurred",
    }

    cursor: reactive[int | None] = reactive(None, init=False, repaint=False)
    """The highlighted row; its watcher repaints only the two rows concerned."""

    class Picked(Message):
        """The user moved the highlight to a touchpoint (``ref``), or to "none" (``None``).

        Not posted when the picker was given ``on_pick``, nor by ``highlight_ref``.
        """

        def __init__(self, picker: TouchpointPicker, ref: str | None) -> None:
            super().__init__()
            self.picker = picker
            self.ref = ref

        @property
        def control(self) -> TouchpointPicker:
            return self.picker

    class Chosen(Message):
        """Enter on a touchpoint (``ref``), or on "none" (``None``)."""

        def __init__(self, picker: TouchpointPicker, ref: str | None) -> None:
            super().__init__()
            self.picker = picker
            self.ref = ref

        @property
        def control(self) -> TouchpointPicker:
            return self.picker

    def __init__(
        self,
        *,
        on_pick: Callable[[str | None], None] | None = None,
        id: str | None = None,
        classes: str | None = None,
        name: str | None = None,
    ) -> None:
        """``on_pick(ref)`` is called at once when the user moves the highlight (instead of
        posting ``Picked``), so what it redraws lands in the same frame as the cursor."""
        super().__init__(id=id, classes=classes, name=name)
        self._on_pick = on_pick
        self._shown: tuple[Any, ...] | None = None
        self._rows: list[tuple[str, str, str]] = []
        self._index: dict[str, int] = {}
        self._headings: dict[str, tuple[str, str]] = {}
        """Each heading row's segment and stage names, to fit them apart (see heading)."""
        self._mark_style: MarkStyle | None = None
        self._mark_cache: dict[str, Text] = {}
        self._strips: dict[tuple[Any, ...], Strip] = {}

    # --- content ---------------------------------------------------------------------

    def show(
        self,
        session: Session,
        touchpoints: Sequence[Touchpoint],
        selected: str | None,
        *,
        marker: Marker | None = None,
        mark_style: MarkStyle | None = None,
        none_label: str | None = None,
    ) -> None:
        """Show ``touchpoints`` (in the order given) and highlight ``selected``.

        Showing the same list object of the same session again only moves the highlight:
        callers pass a list they keep per session (sessions are replaced, never changed).
        """
        if mark_style is not None and mark_style != self._mark_style:
            self._mark_style = mark_style
            self._mark_cache = {}
            self._strips = {}
        if not self._showing(session, touchpoints, marker, none_label):
            self._shown = (session, touchpoints, marker, none_label)
            self._set_rows(session, touchpoints, marker, none_label)
        self.highlight_ref(selected, none=none_label is not None)

    def _showing(
        self,
        session: Session,
        touchpoints: Sequence[Touchpoint],
        marker: Marker | None,
        none_label: str | None,
    ) -> bool:
        if self._shown is None:
            return False
        shown_session, shown_touchpoints, shown_marker, shown_none = self._shown
        return (
            shown_session is session
            and shown_touchpoints is touchpoints
            and shown_marker == marker  # a bound method is a new object at each access
            and shown_none == none_label
        )

    def _set_rows(
        self,
        session: Session,
        touchpoints: Sequence[Touchpoint],
        marker: Marker | None,
        none_label: str | None,
    ) -> None:
        places = Places.of(session)
        rows: list[tuple[str, str, str]] = []
        if none_label is not None:
            rows.append((NONE_ID, "", none_label))
        cell: tuple[str, str] | None = None
        for tp in touchpoints:
            if (tp.segment, tp.stage) != cell:
                cell = (tp.segment, tp.stage)
                key = f"{HEADER_PREFIX}{tp.segment}:{tp.stage}"
                rows.append((key, "", places.label(tp)))
                self._headings[key] = (
                    places.segments.get(tp.segment, tp.segment),
                    places.stages.get(tp.stage, tp.stage),
                )
            code = marker(tp) if marker is not None else ""
            rows.append((f"{TOUCHPOINT_PREFIX}{tp.ref}", code, tp.name))
        if rows == self._rows:
            return
        keep = self.highlighted_key
        self._rows = rows
        self._index = {row[0]: i for i, row in enumerate(rows)}
        self._resize_virtual()
        self.refresh()
        if keep is not None and keep in self._index:
            self.set_reactive(TouchpointPicker.cursor, self._index[keep])
        elif self.cursor is not None and self.cursor >= len(rows):
            self.set_reactive(TouchpointPicker.cursor, None)

    def _resize_virtual(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._rows))

    @property
    def highlighted_key(self) -> str | None:
        if self.cursor is None or not 0 <= self.cursor < len(self._rows):
            return None
        return self._rows[self.cursor][0]

    @property
    def highlighted_ref(self) -> str | None:
        key = self.highlighted_key
        return ref_of(key) if key is not None else None

    @property
    def refs(self) -> list[str]:
        """The touchpoints shown, in order."""
        return [ref for key, _, _ in self._rows if (ref := ref_of(key)) is not None]

    def highlight_ref(self, ref: str | None, *, none: bool = False) -> None:
        """Highlight ``ref`` (or "none"); the owner chose it, so nothing is posted."""
        key = f"{TOUCHPOINT_PREFIX}{ref}" if ref is not None else (NONE_ID if none else None)
        if key is not None and key in self._index:
            self.cursor = self._index[key]

    # --- rendering -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, self.rich_style)
        row = self._rows[index]
        state = (
            "cursor"
            if index == self.cursor and self.has_focus
            else "blurred"
            if index == self.cursor
            else ""
        )
        cache_key = (row, state, width)
        strip = self._strips.get(cache_key)
        if strip is None:
            strip = self._render_row(row, state, width)
            if len(self._strips) > 512:
                self._strips.clear()
            self._strips[cache_key] = strip
        return strip.apply_offsets(scroll_x, index)

    def _render_row(self, row: tuple[str, str, str], state: str, width: int) -> Strip:
        key, code, label = row
        base = self.rich_style
        if key.startswith(HEADER_PREFIX) or key == NONE_ID:
            if key in self._headings:
                label = heading(*self._headings[key], width)
            text = Text(visible_line(label))  # names as typed: never markup or control
            kind = "header" if key.startswith(HEADER_PREFIX) else "none"
            text.stylize(self.get_component_rich_style(f"touchpoint-picker--{kind}"))
        else:
            text = Text()
            if code:
                text.append_text(self._marks(code))
                text.append(" ")
            else:
                text.append("  ")
            text.append(visible_line(label))
        text.truncate(width, overflow="ellipsis", pad=True)
        if state:
            name = "touchpoint-picker--cursor" + ("" if state == "cursor" else "-blurred")
            text.stylize(self.get_component_rich_style(name), 0, len(text))
        segments = list(text.render(self.app.console))
        return Strip(segments).apply_style(base).crop_extend(0, width, base)

    def _marks(self, code: str) -> Text:
        marks = self._mark_cache.get(code)
        if marks is None:
            marks = self._mark_style(code) if self._mark_style is not None else Text(code)
            self._mark_cache[code] = marks
        return marks

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = {}

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._rows))
        self._strips = {}

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)

    def _refresh_row(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self._rows):
            self.refresh_line(index)

    # --- moving ----------------------------------------------------------------------

    def _selectable(self, index: int) -> bool:
        return 0 <= index < len(self._rows) and not self._rows[index][0].startswith(HEADER_PREFIX)

    def _next_selectable(self, start: int, step: int) -> int | None:
        index = start
        while 0 <= index < len(self._rows):
            if self._selectable(index):
                return index
            index += step
        return None

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        if new is None or not 0 <= new < len(self._rows):
            return
        # Keep the heading above the first touchpoint of a cell in view too.
        top = new - 1 if new > 0 and self._rows[new - 1][0].startswith(HEADER_PREFIX) else new
        self.scroll_to_region(
            Region(0, top, 1, new - top + 1), animate=False, force=True, immediate=True
        )

    def _pick(self, index: int) -> None:
        """The user moved the highlight: tell the owner (at once if it gave ``on_pick``)."""
        if index == self.cursor:
            return
        self.cursor = index
        ref = ref_of(self._rows[index][0])
        if self._on_pick is not None:
            self._on_pick(ref)
        else:
            self.post_message(self.Picked(self, ref))

    def action_move(self, step: int) -> None:
        start = (self.cursor + step) if self.cursor is not None else 0
        found = self._next_selectable(start, step)
        if found is not None:
            self._pick(found)

    def action_edge(self, step: int) -> None:
        start = 0 if step < 0 else len(self._rows) - 1
        found = self._next_selectable(start, -step)
        if found is not None:
            self._pick(found)

    def action_page(self, step: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        current = self.cursor if self.cursor is not None else 0
        start = max(0, min(len(self._rows) - 1, current + step * height))
        found = self._next_selectable(start, step)
        if found is None:
            found = self._next_selectable(start, -step)
        if found is not None:
            self._pick(found)

    def action_choose(self) -> None:
        if self.cursor is not None and self._selectable(self.cursor):
            self.post_message(self.Chosen(self, ref_of(self._rows[self.cursor][0])))

    def on_click(self, event: Click) -> None:
        index = event.y + self.scroll_offset.y
        if self._selectable(index):
            if self.cursor == index and event.chain >= 2:
                self.action_choose()
            self._pick(index)


def ref_of(option_id: str) -> str | None:
    if option_id.startswith(TOUCHPOINT_PREFIX):
        return option_id[len(TOUCHPOINT_PREFIX) :]
    return None
