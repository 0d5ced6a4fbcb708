"""The facilitation guide of the current step, in a side panel that can be hidden."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static


class GuidePanel(VerticalScroll, can_focus=False):
    DEFAULT_CLASSES = "guide-panel"

    def compose(self) -> ComposeResult:
        yield Static(id="guide-title")
        yield Markdown(id="guide-body")

    def show(self, guide: Any, timebox_minutes: int, lang: str) -> None:
        if guide is None:
            return
        title = f"{guide.title}  ·  {timebox_minutes} min"
        self.query_one("#guide-title", Static).update(title)
        body = f"**{guide.goal}**\n\n{guide.body}"
        self.query_one("#guide-body", Markdown).update(body)
