"""An Input for rapid entry: type a name, Enter, type the next.

Textual delivers Enter to the Input's bindings only after the key has bubbled up to
the app, while the next printable keys are inserted straight away; a fast typist's
"Alpha⏎Beta⏎" would then submit "AlphaBeta" twice. This Input takes Enter in its own
key handler, in order: it snapshots the text, clears itself at once and posts the
usual ``Input.Submitted`` with the snapshot. A refused entry is put back with
``restore()``.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class EntryInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            value = self.value
            self.value = ""
            self.post_message(self.Submitted(self, value, None))
            return
        await super()._on_key(event)

    def restore(self, value: str) -> None:
        """Give back a refused entry, unless the user has already typed something new."""
        if not self.value:
            self.value = value
            self.cursor_position = len(value)
