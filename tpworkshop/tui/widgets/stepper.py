"""The six workshop steps in one line: the current one marked, each with its progress."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from tpworkshop.domain.model import Session, Touchpoint
from tpworkshop.i18n.catalogs.tui import STEP_NAMES
from tpworkshop.tui.session_diff import changed_touchpoints
from tpworkshop.tui.steps import WORKSHOP_STEPS


def details_done(tp: Touchpoint) -> bool:
    return bool(tp.owner and tp.processes and tp.desired_outcome)


def assessed(tp: Touchpoint) -> bool:
    return tp.effectiveness is not None


@dataclass(frozen=True)
class Tally:
    """How many touchpoints have their details, and how many are rated."""

    total: int
    detailed: int
    rated: int

    @classmethod
    def of(cls, session: Session) -> Tally:
        tps = session.touchpoints
        return cls(len(tps), sum(map(details_done, tps)), sum(map(assessed, tps)))

    def after(self, previous: Session, session: Session) -> Tally:
        """This tally (of ``previous``) brought up to ``session`` from what changed."""
        changes = changed_touchpoints(previous, session)
        if changes is None:
            return Tally.of(session)
        added, gone = changes
        return Tally(
            len(session.touchpoints),
            self.detailed + sum(map(details_done, added)) - sum(map(details_done, gone)),
            self.rated + sum(map(assessed, added)) - sum(map(assessed, gone)),
        )


def share(done: int, total: int) -> str:
    return f"{round(100 * done / total)}%" if total else "-"


def step_progress(session: Session, step: str, tally: Tally | None = None) -> str:
    """A short figure per step: counts, or the share of touchpoints done."""
    if step == "setup":
        return str(len(session.stages))
    if step == "segments":
        return str(len(session.segments))
    if step not in ("touchpoints", "details", "assess"):
        return ""
    tally = tally or Tally.of(session)
    if step == "touchpoints":
        return str(tally.total)
    return share(tally.detailed if step == "details" else tally.rated, tally.total)


class Stepper(Static):
    """Renders ``1 Setup 5 · 2 Segments 2 · ...`` with the current step reversed.

    The figures count over every touchpoint, and the stepper is redrawn after every edit
    and on every 1 s tick: they are computed once per session object (the app loads a
    new one when anything changed and never changes one in place), after a reload from
    the previous counts and the touchpoints that changed, and the line is redrawn only
    when it changed.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tally: tuple[Session, Tally] | None = None
        self._figures: tuple[Session | None, dict[str, str]] = (None, {})
        self._drawn: tuple[object, ...] | None = None

    def tally(self, session: Session) -> Tally:
        known = self._tally
        if known is None:
            tally = Tally.of(session)
        elif known[0] is session:
            return known[1]
        else:
            tally = known[1].after(known[0], session)
        self._tally = (session, tally)
        return tally

    def figure(self, session: Session, step: str) -> str:
        """``step_progress(session, step)``, remembered for this session object."""
        cached_for, figures = self._figures
        if cached_for is not session:
            figures = {}
            self._figures = (session, figures)
        if step not in figures:
            figures[step] = step_progress(session, step, self.tally(session))
        return figures[step]

    def show(self, session: Session, current: str, suggested: str, lang: str) -> None:
        roomy = self.size.width >= 96
        figures = tuple(
            self.figure(session, step) if roomy or step == current else ""
            for step in WORKSHOP_STEPS
        )
        drawn = (figures, current, suggested, lang)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        text = Text(no_wrap=True, overflow="ellipsis")
        for n, (step, figure) in enumerate(zip(WORKSHOP_STEPS, figures, strict=True), start=1):
            label = f" {n} {STEP_NAMES(step, lang)}"
            label += f" {figure} " if figure else " "
            if step == current:
                style = "bold reverse"
            elif step == suggested:
                style = "bold underline"
            else:
                style = ""
            text.append(label, style=style)
        self.update(text, layout=False)  # one fixed-height line: no re-layout needed
