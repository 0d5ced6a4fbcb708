"""Top line: session name, role, saved state and the step's countdown timer."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tpworkshop.domain.text import visible_line
from tpworkshop.i18n.catalogs.tui import UI


class StatusBar(Static):
    _drawn: tuple[object, ...] | None = None

    def show(
        self,
        *,
        title: str,
        lang: str,
        saved_at: str | None,
        error: bool,
        timer_text: str,
        timer_state: str,
    ) -> None:
        drawn = (title, lang, saved_at, error, timer_text, timer_state)
        if drawn == self._drawn:
            return  # redrawn every second by the tick: only when something changed
        self._drawn = drawn
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(" tpworkshop ", style="bold reverse")
        text.append(f" {visible_line(title)} ", style="bold")  # the session's name, as typed
        if error:
            text.append(UI("not_saved", lang), style="bold red")
        elif saved_at:
            text.append(UI("saved", lang, time=saved_at), style="green")
        else:
            text.append(UI("all_saved", lang), style="green")
        text.append("  ")
        style = {"over": "bold white on red", "running": "bold", "paused": "yellow"}.get(
            timer_state, "dim"
        )
        text.append(timer_text, style=style)
        self.update(text, layout=False)  # one fixed-height line: no re-layout needed
