"""The one-line text field of the whole app: entering it never selects its text.

Textual's Input selects all its text when it gets the focus, so the first key typed
after a Tab (or a jump) replaced what was there: a run of Tab, F6 and a digit turned a
session's name into "7". Here the cursor goes to the end of the text and typing adds
to it; replacing takes an explicit key (Ctrl+U clears before the cursor, Ctrl+K after
it, Shift+arrows select).
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input


class TextInput(Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
