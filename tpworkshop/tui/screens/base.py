"""The frame every workshop step shares: status bar, stepper, body, guide panel, footer.

A step screen subclasses :class:`StepScreen`, sets ``STEP``, yields its working
surface from ``compose_body()`` and redraws it from ``self.app.session`` in
``refresh_view()`` (called after every edit, and when another process changed the
session) without losing focus, cursor or half-typed text.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widgets import Footer, Input, TextArea

from tpworkshop.domain.model import Position, Session
from tpworkshop.i18n.catalogs.tui import STEP_NAMES, UI
from tpworkshop.storage import Change
from tpworkshop.tui.bindings import TranslatedBindings
from tpworkshop.tui.steps import WORKSHOP_STEPS, format_clock
from tpworkshop.tui.widgets.guide_panel import GuidePanel
from tpworkshop.tui.widgets.status_bar import EDITING, NAVIGATING, InputState, StatusBar
from tpworkshop.tui.widgets.stepper import Stepper

if TYPE_CHECKING:
    from tpworkshop.tui.workshop import Workshop


PALETTE_KEY_MIN_WIDTH = 100
"""The footer shows Ctrl+P (the command palette) from this terminal width on."""


class StepScreen(TranslatedBindings[None]):
    """A workshop step: the app switches between these rather than pushing them."""

    STEP: ClassVar[str] = "setup"
    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = "base.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"go_step('{step}')", "key.step", show=False)
            for n, step in enumerate(WORKSHOP_STEPS, start=1)
        ),
        Binding("question_mark", "app.help", "key.help", show=False),
    ]

    @property
    def workshop(self) -> Workshop:
        return cast("Workshop", self.app)

    @property
    def session(self) -> Session:
        session = self.workshop.session
        assert session is not None, "step screens exist only with an open session"
        return session

    @property
    def lang(self) -> str:
        return self.workshop.lang

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status-bar")
        yield Stepper(id="stepper")
        with Horizontal(id="step-main"):
            with Vertical(id="step-body"):
                yield from self.compose_body()
            yield GuidePanel(id="guide-panel")
        yield Footer(show_command_palette=self.app.size.width >= PALETTE_KEY_MIN_WIDTH)

    @on(events.Resize)
    def _fit_footer(self, event: events.Resize) -> None:
        """Under 100 columns the footer leaves out the palette's key (F1 names it), so
        that the step's own keys are never cut, in Spanish too."""
        with contextlib.suppress(NoMatches):
            footer = self.query_one(Footer)
            show = event.size.width >= PALETTE_KEY_MIN_WIDTH
            if footer.show_command_palette != show:
                footer.show_command_palette = show
                footer.refresh(recompose=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.apply_guide_visibility()
        self.refresh_chrome()
        self.show_guide()
        self.refresh_view()
        self._land_if_asked()

    def on_screen_resume(self) -> None:
        self.apply_guide_visibility()
        self.refresh_chrome()
        self.show_guide()
        self.refresh_view()
        self._land_if_asked()

    # --- the input model: landing, position, state -------------------------------------

    _landing = True
    """Land on the position when next shown (the app asks on every step change)."""

    def request_landing(self) -> None:
        """The app is about to show this step (a step key, a jump, a resume)."""
        self._landing = True

    def _land_if_asked(self) -> None:
        if self._landing and self.is_mounted and self.workshop.session is not None:
            self._landing = False
            self.land(self.session.position)
            self.refresh_chrome()

    def land(self, position: Position) -> None:
        """Show the item ``position`` names, with the focus on the step's list or map
        (navigating), never in a text field: the keys that follow a step change are
        commands, not text. Each step says what its item and its list are."""

    def before_leaving(self) -> None:
        """The app is about to show another step: save what must be saved first."""

    def commit_pending(self) -> None:
        """Save what is typed and not saved yet (Ctrl+Z is about to undo the last change,
        and typing in progress is that change)."""
        self.before_leaving()

    def after_undo(self, change: Change) -> None:
        """The app has undone ``change`` and redrawn the screen: show what came back, the
        field with the focus included (a redraw never touches that one otherwise)."""

    @property
    def is_current_step(self) -> bool:
        """The step on show (dialogs over it included)."""
        return self.workshop.step_screen is self

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.refresh_chrome()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.refresh_chrome()

    def input_state(self) -> InputState:
        """Editing (a text field has the cursor) or navigating, and where."""
        widget = self.focused
        if isinstance(widget, Input | TextArea) and not getattr(widget, "read_only", False):
            return InputState(EDITING, widget.name or "")
        return InputState(NAVIGATING, widget.name or "" if widget is not None else "")

    def refresh_view(self) -> None:
        """Redraw the working surface from ``self.session``; keep focus and typing."""

    def screen_commands(self) -> Iterable[SystemCommand]:
        """This step's actions for the command palette."""
        return ()

    # --- chrome ----------------------------------------------------------------------

    def show_guide(self) -> None:
        guide = self.workshop.guides.get(self.STEP)
        self.query_one(GuidePanel).show(guide, self.workshop.timebox_minutes(self.STEP), self.lang)

    def apply_guide_visibility(self) -> None:
        panel = self.query_one(GuidePanel)
        if panel.display != self.workshop.show_guide:  # setting it lays the screen out
            panel.display = self.workshop.show_guide
        self.show_guide()

    def refresh_chrome(self) -> None:
        """Redraw the status bar and stepper (also from the 1 s tick, even mid-teardown)."""
        with contextlib.suppress(NoMatches):
            self._refresh_chrome()

    def _refresh_chrome(self) -> None:
        app = self.workshop
        if app.session is None or not self.is_mounted or not self.query(StatusBar):
            return  # not composed yet, or being torn down
        timer = app.timer(self.STEP)
        remaining = timer.remaining
        if remaining <= 0:
            state, clock = "over", UI("timer.over", self.lang, time=format_clock(remaining))
        else:
            state = "running" if timer.running else ("paused" if timer.elapsed else "idle")
            clock = UI(f"timer.{state}", self.lang, time=format_clock(remaining))
        saved = app.live.last_saved.strftime("%H:%M:%S") if app.live.last_saved else None
        title = app.session.name
        if app.role != "facilitator" and app.participant:
            title = f"{title} · {app.participant}"
        if app.live.present > 1:
            title = f"{title}  {UI('presence.count', self.lang, n=app.live.present)}"
        self.query_one(StatusBar).show(
            title=title,
            lang=self.lang,
            saved_at=saved,
            error=app.live.last_error is not None,
            timer_text=clock,
            timer_state=state,
            state=self.input_state(),
        )
        self.query_one(Stepper).show(app.session, self.STEP, app.suggested_step(), self.lang)

    # --- actions ---------------------------------------------------------------------

    def action_go_step(self, step: str) -> None:
        self.workshop.go_to_step(step)

    def action_next_step(self) -> None:
        self.workshop.go_to_step(self.workshop.suggested_step())

    def step_name(self, step: str | None = None) -> str:
        return STEP_NAMES(step or self.STEP, self.lang)

    def note_position(self, **changes: Any) -> None:
        """Remember the selected segment/stage/touchpoint so a resume lands there.

        Only the step on show does: a step in the background (being refreshed, or
        unmounted as the app closes) never moves where a resume lands.
        """
        if not self.is_current_step or self.workshop.session is None:
            return
        position = dataclasses.replace(self.session.position, step=self.STEP, **changes)
        self.workshop.save_position(position)
