"""An Input for rapid entry: type a name, Enter, type the next.

Textual delivers Enter to the Input's bindings only after the key has bubbled up to
the app, while the next printable keys are inserted straight away; a fast typist's
"Alpha⏎Beta⏎" would then submit "AlphaBeta" twice. This Input takes Enter in its own
key handler, in order: it snapshots the text, clears itself at once and hands the
snapshot on: to ``on_submit`` when given (called right there, so the field, the saved
entry and everything it changes are painted in one frame), else as the usual
``Input.Submitted``. A refused entry is put back with ``restore()``.

Typing costs a repaint, not a layout of the screen (see :mod:`quiet_input`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events

from tpworkshop.tui.widgets.quiet_input import QuietInput


class EntryInput(QuietInput):
    def __init__(
        self, *args: Any, on_submit: Callable[[str], None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._on_submit = on_submit

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            value = self.value
            self.value = ""
            self._restart_blink()  # as for any other key: the cursor shows, steady
            if self._on_submit is not None:
                self._on_submit(value)
            else:
                self.post_message(self.Submitted(self, value, None))
            return
        await super()._on_key(event)

    def restore(self, value: str) -> None:
        """Give back a refused entry, unless the user has already typed something new."""
        if not self.value:
            self.value = value
            self.cursor_position = len(value)
