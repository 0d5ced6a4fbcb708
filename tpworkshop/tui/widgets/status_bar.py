"""Top line: the input state, the session's name, the saved state and the step's timer.

The input state comes first, always: "✎ Editing · Need" when the cursor is in a field
(keys are text), "☰ Navigating · Map" otherwise (letters are commands). The session's
name takes the room that is left, cut with "…"; the saved state and the timer stay whole
at the right.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widgets import Static

from tpworkshop.domain.text import visible_line
from tpworkshop.i18n.catalogs.tui import UI
from tpworkshop.i18n.catalogs.tui_input import INPUT_TEXT

EDITING = "editing"
NAVIGATING = "navigating"


@dataclass(frozen=True)
class InputState:
    """What the keys do now: ``editing`` a field (named), or ``navigating`` (a pane)."""

    mode: str = NAVIGATING
    where: str = ""


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
        state: InputState | None = None,
    ) -> None:
        state = state or InputState()
        width = self.size.width or self.app.size.width
        drawn = (title, lang, saved_at, error, timer_text, timer_state, state, width)
        if drawn == self._drawn:
            return  # redrawn every second by the tick: only when something changed
        self._drawn = drawn
        text = Text(no_wrap=True, overflow="ellipsis")
        badge = INPUT_TEXT(f"state.{state.mode}", lang)
        if state.where:
            badge = f"{badge} · {state.where}"
        editing = state.mode == EDITING
        text.append(f" {badge} ", style="bold black on yellow" if editing else "bold reverse")
        right = Text(no_wrap=True)
        if error:
            right.append(UI("not_saved", lang), style="bold red")
        elif saved_at:
            right.append(UI("saved", lang, time=saved_at), style="green")
        else:
            right.append(UI("all_saved", lang), style="green")
        right.append("  ")
        style = {"over": "bold white on red", "running": "bold", "paused": "yellow"}.get(
            timer_state, "dim"
        )
        right.append(timer_text, style=style)
        title = visible_line(title)  # the session's name, as typed
        room = width - text.cell_len - right.cell_len - 3
        if room >= 4:
            shown = title if cell_len(title) <= room else set_cell_size(title, room - 1) + "…"
            text.append(f" {shown} ", style="bold")
            text.append(" " * max(0, room - cell_len(shown)))
        else:
            text.append(" ")
        text.append(right)
        self.update(text, layout=False)  # one fixed-height line: no re-layout needed
