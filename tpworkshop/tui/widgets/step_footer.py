"""The footer of every step: Textual's Footer, mounted with the screen and rebuilt only
when the keys it shows change (see :class:`StepFooter`)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.compose import compose
from textual.screen import Screen
from textual.widgets import Footer


class StepFooter(Footer):
    """Textual's Footer, with its keys mounted with the screen and rebuilt only when the
    keys it shows change.

    Textual's Footer shows nothing until a first bindings change, then removes and mounts
    all its keys after every one (focus moving, a screen pushed, ``refresh_bindings()``):
    each rebuild a layout of the screen and a frame, and its batch holds back every paint
    until the keys are mounted. Opening a session rebuilt the same keys four times, ~100 ms
    before the screen settled. Here the screen mounts the first keys (:meth:`show_keys`)
    before its first paint, changes that arrive together are looked at once, and the keys
    are rebuilt only when the ones shown differ.
    """

    def __init__(self) -> None:
        super().__init__()
        self._composed: tuple[object, ...] | None = None
        self._check_pending = False

    def compose(self) -> ComposeResult:
        # Textual's Footer draws nothing until its bindings are ready: the screen is still
        # mounting (its check_action may look for widgets not there yet).
        self._composed = self._shown_keys() if self._bindings_ready else None
        yield from super().compose()

    def _shown_keys(self) -> tuple[object, ...]:
        """What compose() draws: every shown binding's key, label, state and tooltip."""
        app = self.app
        keys: list[object] = [self.show_command_palette, app.ENABLE_COMMAND_PALETTE]
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING:
                keys.append((binding, app.get_key_display(binding), enabled, tooltip))
        return tuple(keys)

    async def show_keys(self) -> None:
        """Mount the keys now (the screen calls it once mounted, its bindings translated)."""
        self._bindings_ready = True
        await self._recompose_if_changed()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if not self._bindings_ready or self._check_pending:
            return  # before show_keys(), or a look already on its way
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._check_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._check_pending = False
        if not self.is_attached or self._shown_keys() == self._composed:
            return
        if not self.children:
            # Nothing to take away: no recompose, whose batch holds back the screen's
            # paints until the keys are mounted. (Composed as the footer itself, as
            # Textual does: the keys bind to its reactives.)
            with self._context():
                keys = compose(self)
            await self.mount_all(keys)
            return
        await self.recompose()
