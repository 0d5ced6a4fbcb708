"""The facilitation guide of the current step, in a side panel that can be hidden.

The guide is drawn as one rich Markdown renderable in a single Static (Textual's
Markdown widget builds a widget per block, ~100 per guide, on every step screen).
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.markdown import Markdown
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static


class GuidePanel(VerticalScroll, can_focus=False):
    DEFAULT_CLASSES = "guide-panel"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Any, int] | None = None

    def compose(self):  # noqa: ANN201 - ComposeResult
        yield Static(id="guide-body")

    def show(self, guide: Any, timebox_minutes: int, lang: str) -> None:
        """Render only when visible and changed: hidden panels cost nothing."""
        if guide is None or not self.display or self._shown == (guide, timebox_minutes):
            return
        self._shown = (guide, timebox_minutes)
        title = Text(f"{guide.title}  ·  {timebox_minutes} min", style="bold")
        body = Markdown(f"**{guide.goal}**\n\n{guide.body}")
        self.query_one("#guide-body", Static).update(Group(title, Text(""), body))
