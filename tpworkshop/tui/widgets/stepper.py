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
    """Renders ``1 Setup 5 · 2 Segments 2 · ...`` with the current step reversed."""

    def show(self, session: Session, current: str, suggested: str, lang: str) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        roomy = self.size.width >= 96
        for n, step in enumerate(STEPS, start=1):
            label = f" {n} {STEP_NAMES(step, lang)}"
            figure = step_progress(session, step) if roomy or step == current else ""
            label += f" {figure} " if figure else " "
            if step == current:
                style = "bold reverse"
            elif step == suggested:
                style = "bold underline"
            else:
                style = ""
            text.append(label, style=style)
        self.update(text, layout=False)  # one fixed-height line: no re-layout needed
