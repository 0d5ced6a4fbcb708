"""The text fields of the whole app: entering one never selects its text.

Textual's Input selects all its text when it gets the focus, so the first key typed
after a Tab (or a jump) replaced what was there: a run of Tab, F6 and a digit turned a
session's name into "7". Here the cursor goes to the end of the text and typing adds
to it; replacing takes an explicit key (Ctrl+U clears before the cursor, Ctrl+K after
it, Shift+arrows select). A multi-line field (:class:`TextField`) does the same: its
cursor is at the end when it is entered, so what the room types adds to the text
instead of going in front of it.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input, TextArea


class TextInput(Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)


class TextField(TextArea):
    """A multi-line field: entered with the cursor at the end of its text, nothing selected."""

    def on_focus(self, event: events.Focus) -> None:
        self.move_cursor(self.document.end)
