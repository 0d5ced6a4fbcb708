"""An Input for rapid entry: type a name, Enter, type the next.

Textual delivers Enter to the Input's bindings only after the key has bubbled up to
the app, while the next printable keys are inserted straight away; a fast typist's
"Alpha⏎Beta⏎" would then submit "AlphaBeta" twice. This Input takes Enter in its own
key handler, in order: it snapshots the text, clears itself at once and hands the
snapshot on: to ``on_submit`` when given (called right there, so the field, the saved
entry and everything it changes are painted in one frame), else as the usual
``Input.Submitted``. A refused entry is put back with ``restore()``.

Keys that leave the field (Up to the map, Escape...) move the focus right here, in the
key's own handler: ``leave_to(key)`` names the widget such a key goes to. Keys read
together with it wait in the app's KeyQueue until this one is dealt with, then go to
the widget that has the focus by then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.widget import Widget

from tpworkshop.tui.widgets.text_input import TextInput

LeaveTo = Callable[[str], Widget | None]


class EntryInput(TextInput):
    def __init__(
        self,
        *args: Any,
        on_submit: Callable[[str], None] | None = None,
        leave_to: LeaveTo | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._submit_entry = on_submit
        self._leave_target = leave_to

    async def on_key(self, event: events.Key) -> None:
        # Runs before Input's own key handler: prevent_default() keeps a key from it.
        leave_to = self._leave_target
        target = leave_to(event.key) if leave_to is not None and not event.is_printable else None
        if target is not None:
            event.stop()
            event.prevent_default()
            self.screen.set_focus(target)
            return
        if event.key == "enter":
            # Not prevent_default(): Input's handler still shows the cursor, as for any key.
            event.stop()
            value = self.value
            self.value = ""
            if self._submit_entry is not None:
                self._submit_entry(value)
            else:
                self.post_message(self.Submitted(self, value, None))

    def restore(self, value: str) -> None:
        """Give back a refused entry, unless the user has already typed something new."""
        if not self.value:
            self.value = value
            self.cursor_position = len(value)
