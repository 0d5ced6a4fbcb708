"""Keys read together are handled in order, each against the focus it reaches.

Textual hands each key to the widget that has the focus when the app *reads* it; the
widget's own handlers run in the widget's task, and the key's bindings run once it has
bubbled back up to the app. Over a laggy SSH link, or when text is pasted as keys,
several keys come in one read: every one of them is handed to the same widget before
the first has had any effect. ``m Right Enter`` on the cell list sent Right and Enter to
the list (rename!) while ``m`` was still on its way to move the focus to the map.

The app gives every key it reads to a :class:`KeyQueue`, which hands a key on only once
the key before it has been dealt with. Behind each key it sends a :class:`KeySettled`
message to the same widget; the message bubbles up the same path as the key, behind
it, so when it reaches the app the key has been through every handler and binding.
The next key then goes to whatever has the focus by then. A key that ran a binding may
have moved the focus or opened a dialog through messages and the app's queue: a second
KeySettled goes round behind those messages, and the next key waits for the screen's
next refresh. A typed character that a field took for itself changes
nothing of the kind, so the next key follows at once (typing stays fast).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

LOST_AFTER_SECONDS = 0.15
"""A KeySettled that never arrives (its widget was removed by the key): go on anyway."""


class KeySettled(Message):
    """Follows a key through the widgets; at the app, the key has been dealt with."""

    def __init__(self, token: int) -> None:
        super().__init__()
        self.token = token


class KeyQueue:
    def __init__(
        self, app: App[Any], dispatch: Callable[[events.Key | events.Paste], Awaitable[None]]
    ) -> None:
        self.app = app
        self.dispatch = dispatch
        self.pending: deque[events.Key | events.Paste] = deque()
        self._token = 0
        self._busy = False
        self._reached_app = False
        self._second_round = False
        self._event: events.Key | events.Paste | None = None
        self._screen: Screen[object] | None = None

    @property
    def idle(self) -> bool:
        """No key waiting and none in hand (tests wait for this)."""
        return not self._busy and not self.pending

    async def read(self, event: events.Key | events.Paste) -> None:
        """A key (or a paste) the app has just read from the terminal."""
        self.pending.append(event)
        if not self._busy:
            await self._hand_on_next()

    def reached_app(self, event: events.Key) -> None:
        """The key in hand came back up to the app: its bindings run now."""
        if event is self._event:
            self._reached_app = True

    def settled(self, token: int) -> None:
        """The key's KeySettled reached the app: hand on the next key when it is safe."""
        if not self._busy or token != self._token:
            return
        event = self._event
        app = self.app
        typed = (
            isinstance(event, events.Key)
            and event.is_printable
            and not self._reached_app
            and app.screen is self._screen
        )
        if typed:
            app.call_later(self._release, token)
        elif not self._second_round:
            # The key ran a binding, and a binding often posts a message (the map's Enter
            # posts CellSelected) whose handler moves the focus: one more KeySettled,
            # through the focus as it is now, comes back behind that message.
            self._second_round = True
            (app.focused or app.screen).post_message(KeySettled(token))
        else:
            app.call_after_refresh(self._release, token)

    async def _hand_on_next(self) -> None:
        while not self._busy and self.pending:
            event = self.pending.popleft()
            app = self.app
            self._token += 1
            token = self._token
            self._busy = True
            self._reached_app = False
            self._second_round = False
            self._event = event
            self._screen = app.screen
            target: Widget = app.focused or app.screen
            await self.dispatch(event)
            if token != self._token:
                return  # released meanwhile (the app is closing)
            target.post_message(KeySettled(token))
            app.set_timer(LOST_AFTER_SECONDS, partial(self._lost, token))

    async def _release(self, token: int) -> None:
        if not self._busy or token != self._token:
            return
        self._busy = False
        self._event = None
        await self._hand_on_next()

    def _lost(self, token: int) -> None:
        if self._busy and token == self._token:
            self.app.call_after_refresh(self._release, token)
