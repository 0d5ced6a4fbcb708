"""The six workshop steps in one line: the current one marked, each with its progress."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tpworkshop.domain.model import Session
from tpworkshop.tui.strings import STEP_NAMES

STEPS = ("setup", "segments", "touchpoints", "details", "assess", "analysis")


def step_progress(session: Session, step: str) -> str:
    """A short figure per step: counts, or the share of touchpoints done."""
    tps = session.touchpoints
    if step == "setup":
        return str(len(session.stages))
    if step == "segments":
        return str(len(session.segments))
    if step == "touchpoints":
        return str(len(tps))
    if step == "details":
        done = sum(1 for t in tps if t.owner and t.processes and t.desired_outcome)
        return f"{round(100 * done / len(tps))}%" if tps else "-"
    if step == "assess":
        done = sum(1 for t in tps if t.effectiveness is not None)
        return f"{round(100 * done / len(tps))}%" if tps else "-"
    return ""


class Stepper(Static):
    """Renders ``1 Setup 5 · 2 Segments 2 · ...`` with the current step reversed.

    The figures scan every touchpoint, and the stepper is redrawn after every edit and on
    every 1 s tick: they are computed once per session object (the app loads a new one
    when anything changed and never changes one in place), and the line is redrawn only
    when it changed.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._figures: tuple[Session | None, dict[str, str]] = (None, {})
        self._drawn: tuple[object, ...] | None = None

    def figure(self, session: Session, step: str) -> str:
        """``step_progress(session, step)``, remembered for this session object."""
        cached_for, figures = self._figures
        if cached_for is not session:
            figures = {}
            self._figures = (session, figures)
        if step not in figures:
            figures[step] = step_progress(session, step)
        return figures[step]

    def show(self, session: Session, current: str, suggested: str, lang: str) -> None:
        roomy = self.size.width >= 96
        figures = tuple(
            self.figure(session, step) if roomy or step == current else "" for step in STEPS
        )
        drawn = (figures, current, suggested, lang)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        text = Text(no_wrap=True, overflow="ellipsis")
        for n, (step, figure) in enumerate(zip(STEPS, figures, strict=True), start=1):
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
