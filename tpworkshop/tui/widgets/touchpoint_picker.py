"""A navigator of touchpoints in map order, under "segment · stage" headings.

Used by the Details step (its left column) and by the Assess step's "tie an action
to a touchpoint" dialog. Rows are keyed by the touchpoint's ``ref``; redrawing keeps the
highlighted touchpoint and only re-renders rows whose text changed, so a live session
with thousands of touchpoints stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tpworkshop.domain.model import Session, Touchpoint

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


Marker = Callable[[Touchpoint], Text]


class TouchpointPicker(OptionList):
    """Touchpoints grouped by cell; arrows move, Enter chooses."""

    class Picked(Message):
        """The highlight moved to a touchpoint (``ref``), or to "none" (``None``)."""

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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, compact=True)
        self._signature: list[tuple[str, str]] = []

    # --- content ---------------------------------------------------------------------

    def show(
        self,
        session: Session,
        touchpoints: Sequence[Touchpoint],
        selected: str | None,
        *,
        marker: Marker | None = None,
        none_label: str | None = None,
    ) -> None:
        """Show ``touchpoints`` (in the order given) and highlight ``selected``."""
        places = Places.of(session)
        entries: list[tuple[str, Text, bool]] = []
        if none_label is not None:
            entries.append((NONE_ID, Text(none_label, style="italic"), False))
        cell: tuple[str, str] | None = None
        for tp in touchpoints:
            if (tp.segment, tp.stage) != cell:
                cell = (tp.segment, tp.stage)
                header = Text(places.label(tp), style="bold")
                entries.append((f"{HEADER_PREFIX}{tp.segment}:{tp.stage}", header, True))
            prompt = Text()
            if marker is not None:
                prompt.append_text(marker(tp))
                prompt.append(" ")
            prompt.append(tp.name)
            entries.append((f"{TOUCHPOINT_PREFIX}{tp.ref}", prompt, False))
        self._apply(entries)
        self.highlight_ref(selected, none=none_label is not None)

    def _apply(self, entries: list[tuple[str, Text, bool]]) -> None:
        signature = [(key, prompt.markup) for key, prompt, _ in entries]
        if signature == self._signature:
            return
        if [key for key, _ in signature] == [key for key, _ in self._signature]:
            for (key, text), (old_key, old_text), (_, prompt, _) in zip(
                signature, self._signature, entries, strict=True
            ):
                if text != old_text and key == old_key:
                    self.replace_option_prompt(key, prompt)
        else:
            highlighted = self.highlighted_option
            keep = highlighted.id if highlighted is not None else None
            self.set_options(
                Option(prompt, id=key, disabled=disabled) for key, prompt, disabled in entries
            )
            if keep is not None and keep in {key for key, _, _ in entries}:
                self.highlighted = self.get_option_index(keep)
        self._signature = signature

    def highlight_ref(self, ref: str | None, *, none: bool = False) -> None:
        key = f"{TOUCHPOINT_PREFIX}{ref}" if ref is not None else (NONE_ID if none else None)
        if key is None or key not in {k for k, _ in self._signature}:
            return
        index = self.get_option_index(key)
        if self.highlighted != index:
            self.highlighted = index

    @property
    def highlighted_ref(self) -> str | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return ref_of(option.id)

    # --- events ----------------------------------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Picked(self, ref_of(event.option.id)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self, ref_of(event.option.id)))


def ref_of(option_id: str) -> str | None:
    if option_id.startswith(TOUCHPOINT_PREFIX):
        return option_id[len(TOUCHPOINT_PREFIX) :]
    return None
