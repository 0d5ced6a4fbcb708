"""An Input for rapid entry: type a name, Enter, type the next.

Textual delivers Enter to the Input's bindings only after the key has bubbled up to
the app, while the next printable keys are inserted straight away; a fast typist's
"Alpha⏎Beta⏎" would then submit "AlphaBeta" twice. This Input takes Enter in its own
key handler, in order: it snapshots the text, clears itself at once and hands the
snapshot on: to ``on_submit`` when given (called right there, so the field, the saved
entry and everything it changes are painted in one frame), else as the usual
``Input.Submitted``. A refused entry is put back with ``restore()``.

Keys that leave the field (Up to the map, Escape...) are a second race: the app hands
each key to the widget focused when it reads it, and over SSH "Up" and the next key
often come in one read, so both reach this field before a screen binding could move
the focus. ``on_leave(key)`` names the widget such a key goes to; the focus moves right
there, and keys already handed to the field after that are passed on to the widget
that now has focus, as if the user had typed them there.

Typing costs a repaint, not a layout of the screen (see :mod:`quiet_input`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.widget import Widget

from tpworkshop.tui.widgets.quiet_input import QuietInput

Leave = Callable[[str], Widget | None]


class EntryInput(QuietInput):
    def __init__(
        self,
        *args: Any,
        on_submit: Callable[[str], None] | None = None,
        on_leave: Leave | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._on_submit = on_submit
        self._on_leave = on_leave

    async def _on_key(self, event: events.Key) -> None:
        focused = self.screen.focused
        if focused is not None and focused is not self:
            # Read together with a key that has moved the focus away: it belongs there.
            event.stop()
            event.prevent_default()
            focused._forward_event(events.Key(event.key, event.character))
            return
        target = self._on_leave(event.key) if self._on_leave and not event.is_printable else None
        if target is not None:
            event.stop()
            event.prevent_default()
            self.screen.set_focus(target)
            return
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
