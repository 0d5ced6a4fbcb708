"""The facilitator app: holds the open session, the step timers and the live refresh.

Screens read ``app.session`` (a domain Session, reloaded after every edit) and change
it only through ``app.edit(store_method, ...)``, which commits, shows the saved state
or one clear sentence, and reloads. The UI never writes SQL.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.keys import format_key
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tpworkshop.domain.model import Position, Session
from tpworkshop.domain.text import visible, without_controls
from tpworkshop.domain.validation import ValidationError
from tpworkshop.i18n import Catalog, resolve_language
from tpworkshop.i18n.catalogs.tui import STEP_NAMES, UI
from tpworkshop.i18n.catalogs.tui_input import INPUT_TEXT
from tpworkshop.i18n.catalogs.tui_keys import KEY_NAMES
from tpworkshop.storage import Actor, StorageError, Store, describe_undo
from tpworkshop.tui import collector
from tpworkshop.tui.edits import EDIT_FAILED, EditFailed
from tpworkshop.tui.key_queue import KeyQueue, KeySettled
from tpworkshop.tui.palette import NoMatchesProvider
from tpworkshop.tui.screens.base import StepScreen
from tpworkshop.tui.steps import WORKSHOP_STEPS, StepTimer
from tpworkshop.tui.workshop import LiveState, Workshop

T = TypeVar("T")

LIVE_POLL_SECONDS = 0.3
HEARTBEAT_SECONDS = 2.0

DEFAULT_TIMEBOX_MIN = 15


def _as_typed(event: events.Key | events.Paste) -> list[events.Key | events.Paste]:
    """The keys the person pressed. A terminal sends Alt+E as Escape then E, and so it
    reads an Escape followed quickly by a letter (fast typing, keys read together over
    SSH) as Alt+E: the Escape was lost and the letter typed into the field it was meant
    to leave. The app binds no Alt key, so Alt+<character> is read as those two keys."""
    if isinstance(event, events.Key) and event.key.startswith("alt+"):
        character = event.character
        if character is not None and len(character) == 1 and character.isprintable():
            return [events.Key("escape", "\x1b"), events.Key(event.key[4:], character)]
    return [event]


def key_display(key: str, lang: str) -> str:
    """A bound key as keyboards in ``lang`` name it: 'shift+tab' -> 'Mayús+Tab' (es),
    'pagedown' -> 'AvPág', 'space' -> 'Espacio', 'f5' -> 'F5'; Ctrl keeps Textual's '^q'."""
    *modifiers, name = key.split("+")
    if name in KEY_NAMES:
        shown = KEY_NAMES(name, lang)
    elif len(name) > 1 and name[0] == "f" and name[1:].isdigit():
        shown = name.upper()
    else:
        shown = format_key(name)
    if "ctrl" in modifiers:
        modifiers.remove("ctrl")
        shown = f"^{shown}"
    return "+".join([*(KEY_NAMES(m, lang) if m in KEY_NAMES else m for m in modifiers), shown])


class WorkshopApp(App[int | None]):
    """tpworkshop's Textual app."""

    TITLE = "tpworkshop"
    # Textual's system commands (get_system_commands below, in the interface language),
    # and «no matches» said in that language too.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        *App.COMMANDS,
        NoMatchesProvider,
    }
    CSS_PATH = "app.tcss"
    # The app's keys act before any widget sees them (priority), so they do the same in
    # every widget: a text area never turns F6/F7 into a selection, nor Ctrl+Z into its
    # own undo. F5 and F6 are the step's (next step, switch pane); the screen says what.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "key.help", priority=True),
        Binding("f2", "toggle_guide", "key.guide", show=False, priority=True),
        Binding("f3", "toggle_timer", "key.timer", show=False, priority=True),
        Binding("f4", "extend_timer", "key.extend", show=False, priority=True),
        Binding("f5", "next_step", "key.next", priority=True),
        Binding("f6", "switch_pane", "key.pane", show=False, priority=True),
        Binding("f7", "who", "key.who", show=False, priority=True),
        Binding("f8", "toggle_follow", "key.follow", priority=True),
        Binding("f9", "agenda", "key.agenda", show=False, priority=True),
        Binding("ctrl+z", "undo", "key.undo", show=False, priority=True),
        Binding("ctrl+q", "quit", "key.quit", priority=True),
    ]
    BINDING_CATALOGS: ClassVar[tuple[Catalog, ...]] = (UI, INPUT_TEXT)

    def __init__(
        self,
        store: Store,
        *,
        session_id: int | None = None,
        lang: str | None = None,
        guide_dirs: Sequence[Path] = (),
        role: str = "facilitator",
        participant: str | None = None,
        restricted: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.session_id = session_id
        self.session: Session | None = None
        self.cli_lang = lang
        self.lang = resolve_language(lang)
        self.guide_dirs = tuple(guide_dirs)
        self.role = role
        self.participant = participant
        self.restricted = restricted
        # Who the store records this app's changes as, and undoes them for.
        store.actor = (
            Actor()
            if role == "facilitator"
            else Actor("participant", participant or UI("role.participant", self.lang))
        )
        self.live = LiveState()
        self.following = True
        self.show_guide = True
        self.timers: dict[str, StepTimer] = {}
        self.timebox_overrides: dict[str, int] = {}
        self.workshop_start = datetime.now().replace(second=0, microsecond=0)
        self.guides: dict[str, Any] = {}
        self._step_screens: dict[str, StepScreen] = {}
        self._stale_screens: list[Screen[Any]] = []
        self._screen_generation = 0
        self._needs_cache: tuple[Session, dict[str, bool]] | None = None
        self.undoing = False
        """True while the app redraws after its own undo (Details then warns of nothing)."""
        self.keys = KeyQueue(self, self.dispatch_input)

    # --- lifecycle -------------------------------------------------------------------

    def on_mount(self) -> None:
        self.show_guide = self.size.width >= 110
        self.set_interval(1.0, self._tick_timer)
        self.set_interval(LIVE_POLL_SECONDS, self._poll_changes)
        self.set_interval(HEARTBEAT_SECONDS, self._heartbeat)
        # Not here but just after: Textual holds back every paint until the app's mount
        # is over, so the first screen would be composed, laid out and rendered once in
        # vain (~40 ms), then all over again.
        self.call_later(self._show_first_screen)

    def on_unmount(self) -> None:
        collector.thaw()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event = self._storable_paste(event)
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            for key in _as_typed(event):
                await self.keys.read(key)
            return
        if isinstance(event, events.Key) and event.is_forwarded:
            self.keys.reached_app(event)
        await super().on_event(event)

    def _storable_paste(self, paste: events.Paste) -> events.Paste:
        """A paste without control characters (FORMAT.md): they are dropped, and the
        person is told in one sentence; line endings become newlines. Every field of
        every screen gets its pastes through here."""
        text, dropped = without_controls(paste.text)
        if dropped:
            self.notify(UI("paste.dropped", self.lang), severity="warning", timeout=6)
        return paste if text == paste.text else events.Paste(text)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Textual's notify, never as markup: a sentence may hold a name someone typed
        (``markup`` is accepted, and ignored, for the callers that pass it)."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    async def dispatch_input(self, event: events.Key | events.Paste) -> None:
        """Hand one key (or paste) to the focused widget, the app's way (see KeyQueue)."""
        if isinstance(event, events.Key) and event.key == "ctrl+g":
            # Ctrl+G is Escape, everywhere: a bare Escape can be slow or swallowed over
            # SSH and in tmux, so every "back" and "close" also answers to Ctrl+G.
            event = events.Key("escape", None)
        await super().on_event(event)

    def on_key_settled(self, message: KeySettled) -> None:
        self.keys.settled(message.token)

    def _show_first_screen(self) -> None:
        if self.session_id is not None:
            self.open_session(self.session_id)
        else:
            self.show_picker()

    def show_picker(self) -> None:
        from tpworkshop.tui.screens.picker import PickerScreen

        collector.thaw()
        self._forget_step_screens()
        self.session = None
        self.session_id = None
        self.lang = resolve_language(self.cli_lang)
        if len(self.screen_stack) > 1:
            self.switch_screen(PickerScreen())
        else:
            self.push_screen(PickerScreen())
        if self._stale_screens:
            self.call_after_refresh(self._uninstall_stale_screens)

    def open_session(self, session_id: int, step: str | None = None) -> None:
        """Load a session and land on the step, segment and touchpoint it was left at."""
        try:
            session = self.store.load(session_id)
        except StorageError as error:
            self.notify(error.message(self.lang), severity="error")
            return
        collector.thaw()  # the previous session's objects can be collected again
        self._forget_step_screens()
        self.session_id = session_id
        self.session = session
        self.lang = resolve_language(self.cli_lang, session.language)
        self.live.data_version = self.store.data_version()
        self._load_guides()
        self.timers = {}
        # The agenda as the facilitator left it: its start and the changed timeboxes.
        self.timebox_overrides = dict(session.timebox_overrides)
        if session.agenda_start is not None:
            self.workshop_start = session.agenda_start
        self.live.facilitator_step = session.position.step
        self.live.ending = False
        if self.role == "facilitator":
            with contextlib.suppress(StorageError):
                self.store.start_live(session_id)
        target = step or session.position.step
        self.go_to_step(target if target in WORKSHOP_STEPS else "setup")
        self.call_after_refresh(collector.freeze_what_is_open)

    def _load_guides(self) -> None:
        from tpworkshop.guides.loader import load_guides

        guides, problems = load_guides(self.lang, self.guide_dirs)
        self.guides = guides
        self.live.guides_problems = [f"{p.path}: {p.message}" for p in problems]
        for problem in self.live.guides_problems:
            self.notify(problem, severity="warning", timeout=10)

    def _forget_step_screens(self) -> None:
        """Drop the step screens of the previous session (or language).

        A screen still on the stack cannot be uninstalled yet; it is kept aside and
        uninstalled once it has been switched away from.
        """
        self._stale_screens.extend(self._step_screens.values())
        self._step_screens.clear()
        self._screen_generation += 1
        self._uninstall_stale_screens()

    def _uninstall_stale_screens(self) -> None:
        for screen in list(self._stale_screens):
            if screen not in self.screen_stack:
                self._stale_screens.remove(screen)
                self.uninstall_screen(screen)

    def timebox_minutes(self, step: str) -> int:
        if step in self.timebox_overrides:
            return self.timebox_overrides[step]
        guide = self.guides.get(step)
        return int(getattr(guide, "timebox", 0) or DEFAULT_TIMEBOX_MIN)

    def set_timebox(self, step: str, minutes: int) -> None:
        """Adjust a step's (or slot's) timebox live: the agenda moves, the step's timer
        follows, and the facilitator's change is saved with the session."""
        self.timebox_overrides[step] = minutes
        if self.session_id is not None and self.role == "facilitator":
            self.edit(self.store.set_timebox, self.session_id, step, minutes)
        if step in self.timers:
            timer = self.timers[step]
            timer.total = minutes * 60
            timer.warned = timer.remaining <= 0
        self._refresh_chrome()

    def _sync_agenda(self, session: Session) -> None:
        """The agenda as saved (the facilitator may have changed it in another process):
        its start, and each changed timebox, which the step's timer follows."""
        if session.agenda_start is not None:
            self.workshop_start = session.agenda_start
        if session.timebox_overrides == self.timebox_overrides:
            return
        self.timebox_overrides = dict(session.timebox_overrides)
        for step, timer in self.timers.items():
            timer.total = self.timebox_minutes(step) * 60
            timer.warned = timer.remaining <= 0

    def set_workshop_start(self, start: datetime) -> None:
        """When the workshop starts; the facilitator's choice is saved with the session."""
        self.workshop_start = start
        if self.session_id is not None and self.role == "facilitator":
            self.edit(self.store.set_agenda_start, self.session_id, start)

    def timer(self, step: str) -> StepTimer:
        if step not in self.timers:
            self.timers[step] = StepTimer(total=self.timebox_minutes(step) * 60)
        return self.timers[step]

    # --- steps -----------------------------------------------------------------------

    def go_to_step(self, step: str) -> None:
        from tpworkshop.tui.screens import step_screen_class

        if self.session is None or step not in WORKSHOP_STEPS:
            return
        screen = self._step_screens.get(step)
        if screen is None:
            screen = step_screen_class(step)()
            self._step_screens[step] = screen
            self.install_screen(screen, name=f"step-{step}-{self._screen_generation}")
        if self.screen is screen:
            return
        leaving = self.step_screen
        if leaving is not None and leaving is not screen:
            leaving.before_leaving()
        screen.request_landing()
        if isinstance(self.screen, StepScreen) or len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        if self._stale_screens:
            self.call_after_refresh(self._uninstall_stale_screens)
        position = dataclasses.replace(self.session.position, step=step)
        self.save_position(position)

    @property
    def step_screen(self) -> StepScreen | None:
        """The step on show: the top step screen (a dialog may be over it)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, StepScreen):
                return screen
        return None

    @property
    def current_step(self) -> str | None:
        """The step on show, a dialog over it or not (None at the session list)."""
        if not self.screen_stack:  # starting up or shutting down
            return None
        step = getattr(self.step_screen, "STEP", None)
        return step if step in WORKSHOP_STEPS else None

    def suggested_step(self) -> str:
        """The first step that still needs work, after the current one if possible."""
        session = self.session
        if session is None:
            return "setup"
        needs = self._step_needs(session)
        current = self.current_step or "setup"
        order = list(WORKSHOP_STEPS)
        after = order[order.index(current) + 1 :]
        return next((s for s in after if needs[s]), after[0] if after else "analysis")

    def _step_needs(self, session: Session) -> dict[str, bool]:
        """Which steps still need work: scans every touchpoint, so once per session object
        (the chrome asks on every edit and every second; a reload makes a new session)."""
        cached = self._needs_cache
        if cached is not None and cached[0] is session:
            return cached[1]
        tps = session.touchpoints
        needs = {
            "setup": not session.stages,
            "segments": not session.segments,
            "touchpoints": not tps,
            "details": any(not t.owner or not t.desired_outcome for t in tps),
            "assess": any(t.effectiveness is None for t in tps),
            "analysis": True,
        }
        self._needs_cache = (session, needs)
        return needs

    def save_position(self, position: Position) -> None:
        if self.session is None or self.session_id is None or self.role != "facilitator":
            if self.session is not None:
                self.session.position = position
            return
        if position == self.session.position:
            return
        self.session.position = position
        try:
            self.store.save_position(self.session_id, position)
        except StorageError as error:
            self.notify(error.message(self.lang), severity="error")

    # --- edits -----------------------------------------------------------------------

    @property
    def display_name(self) -> str:
        """Who this app is, in presence lists and on dots."""
        if self.role == "facilitator":
            name = self.session.facilitator if self.session else ""
            return name or UI("role.facilitator", self.lang)
        return self.participant or UI("role.participant", self.lang)

    def edit(self, operation: Callable[..., T], *args: Any, **kwargs: Any) -> T | EditFailed:
        """Run one store write; on success reload and mark saved, else show why (a
        participant's facilitator-only change is refused by the store itself)."""
        try:
            result = operation(*args, **kwargs)
        except ValidationError as error:
            self._edit_failed(error.message(self.lang))
            return EDIT_FAILED
        except StorageError as error:
            self._edit_failed(error.message(self.lang))
            return EDIT_FAILED
        self.live.last_saved = datetime.now()
        self.live.last_error = None
        self.reload()
        return result

    def _edit_failed(self, sentence: str) -> None:
        self.live.last_error = sentence
        self.notify(sentence, severity="error", timeout=6)
        self._refresh_chrome()

    def reload(self) -> None:
        if self.session_id is None:
            return
        try:
            self.live.data_version = self.store.data_version()
            self.live.revision = self.store.live_state(self.session_id).revision
            # The app never changes a loaded session's touchpoints: the reload may hand
            # back the unchanged ones instead of building them all again.
            self.session = self.store.load(self.session_id, previous=self.session)
        except StorageError as error:
            self.notify(error.message(self.lang), severity="error")
            return
        self._sync_agenda(self.session)
        self._refresh_screens()
        self._refresh_chrome()

    def _refresh_screens(self) -> None:
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_view", None)
            if refresh is not None:
                refresh()

    def _refresh_chrome(self) -> None:
        if not self.screen_stack:
            return
        refresh = getattr(self.screen, "refresh_chrome", None)
        if refresh is not None:
            refresh()

    def _poll_changes(self) -> None:
        """Pick up commits made by other processes (participants, other terminals).

        ``data_version`` is a cheap check; the content revision decides whether to
        reload, so presence heartbeats do not cost a reload.
        """
        if self.session_id is None or self.session is None:
            return
        try:
            version = self.store.data_version()
            if version == self.live.data_version:
                return
            self.live.data_version = version
            state = self.store.live_state(self.session_id)
        except StorageError:
            return
        if state.ended and self.role != "facilitator":
            self._live_session_ended()
            return
        if state.revision != self.live.revision:
            self.reload()
        if self.role != "facilitator" and self.following:
            self._follow(state.position)
        self._refresh_chrome()

    def _follow(self, position: Position, *, force: bool = False) -> None:
        """A participant's app goes where the facilitator goes (when they move)."""
        if self.session is None:
            return
        moved_on = position.step != self.live.facilitator_step
        self.live.facilitator_step = position.step
        self.session.position = position
        if not (moved_on or force):
            return
        moved = position.step in WORKSHOP_STEPS and position.step != self.current_step
        if moved and isinstance(self.screen, StepScreen):
            self.go_to_step(position.step)

    def _live_session_ended(self) -> None:
        if self.live.ending:
            return
        self.live.ending = True
        self.notify(UI("live.ended", self.lang), severity="warning", timeout=5)
        self.set_timer(3.0, self.exit_app)

    def action_end_live(self) -> None:
        from tpworkshop.tui.screens.dialogs import ConfirmDialog

        if self.session_id is None or self.role != "facilitator":
            return
        session_id = self.session_id

        def confirmed(yes: bool | None) -> None:
            if yes and self.edit(self.store.end_live, session_id) is not EDIT_FAILED:
                self.notify(UI("live.ended.done", self.lang))

        self.push_screen(ConfirmDialog(UI("live.end.confirm", self.lang), danger=True), confirmed)

    def _heartbeat(self) -> None:
        if self.session_id is None or self.session is None:
            return
        # Presence is best effort; never bother the user with it.
        with contextlib.suppress(StorageError):
            self.store.heartbeat(
                self.session_id, self.display_name, self.role, self.current_step or ""
            )
            self.live.present = len(self.store.present(self.session_id))

    def leave_session(self) -> None:
        if self.session_id is not None and self.session is not None:
            with contextlib.suppress(StorageError):
                self.store.leave(self.session_id, self.display_name)

    def _tick_timer(self) -> None:
        step = self.current_step
        if step is None:
            return
        timer = self.timer(step)
        if timer.running and timer.remaining <= 0 and not timer.warned:
            timer.warned = True
            self.bell()
            self.notify(
                UI("timer.up_toast", self.lang, step=STEP_NAMES(step, self.lang)),
                severity="warning",
                timeout=10,
            )
        self._refresh_chrome()

    # --- actions ---------------------------------------------------------------------

    def action_help(self) -> None:
        from tpworkshop.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen())

    def action_toggle_guide(self) -> None:
        self.show_guide = not self.show_guide
        for screen in self.screen_stack:
            apply = getattr(screen, "apply_guide_visibility", None)
            if apply is not None:
                apply()

    def action_toggle_timer(self) -> None:
        step = self.current_step
        if step is not None:
            self.timer(step).toggle()
            self._refresh_chrome()

    def action_extend_timer(self) -> None:
        step = self.current_step
        if step is not None:
            self.timer(step).extend(5 * 60)
            self._refresh_chrome()

    def action_reset_timer(self) -> None:
        step = self.current_step
        if step is not None:
            self.timer(step).reset(self.timebox_minutes(step) * 60)
            self._refresh_chrome()

    def action_go_step(self, step: str) -> None:
        self.go_to_step(step)

    def action_sessions(self) -> None:
        if not self.restricted:
            self.show_picker()

    def action_switch_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_toggle_follow(self) -> None:
        if self.role == "facilitator":
            return
        self.following = not self.following
        self.refresh_bindings()  # F5 comes back when not following, and goes when following
        self.notify(UI("follow.on" if self.following else "follow.off", self.lang))
        if self.following and self.session_id is not None:
            self._follow(self.store.live_state(self.session_id).position, force=True)

    def action_agenda(self) -> None:
        """F9 opens the agenda, and closes it again."""
        from tpworkshop.tui.screens.agenda import AgendaScreen

        if isinstance(self.screen, AgendaScreen):
            self.screen.dismiss(None)
        elif self.session_id is not None:
            self.push_screen(AgendaScreen(self.current_step))

    def action_who(self) -> None:
        """F7 shows who is connected, and closes that list again."""
        from tpworkshop.tui.screens.presence import PresenceScreen

        if isinstance(self.screen, PresenceScreen):
            self.screen.dismiss(None)
        elif self.session_id is not None:
            self.push_screen(PresenceScreen())

    def action_next_step(self) -> None:
        """F5: the suggested next step (from a step screen, not from a dialog over it)."""
        if isinstance(self.screen, StepScreen):
            self.go_to_step(self.suggested_step())

    def action_switch_pane(self) -> None:
        """F6: the screen's own "switch pane" (the list and the form, the map and the name
        field...); in a field, F6 always leaves it for the screen's list."""
        switch = getattr(self.screen, "action_switch_pane", None)
        if switch is not None:
            switch()

    def action_undo(self) -> None:
        """Ctrl+Z: undo this person's own last change, of any kind, through the store's
        edit history, and say in one sentence what it undid (or why it cannot)."""
        screen = self.step_screen
        if self.session_id is None or screen is None:
            return
        # Typing not saved yet is the last change: save it, so it is what is undone.
        screen.commit_pending()
        try:
            change = self.store.undo(self.session_id)
        except StorageError as error:
            self.notify(error.message(self.lang), severity="warning", timeout=8)
            return
        self.live.last_saved = datetime.now()
        self.live.last_error = None
        self.undoing = True
        try:
            self.reload()
        finally:
            self.undoing = False
        screen.after_undo(change)
        self.notify(describe_undo(change, self.lang), timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_follow":
            return self.role != "facilitator"
        if action in ("next_step", "undo"):
            # A step's keys, not a dialog's (in a dialog's field Ctrl+Z is the field's own).
            if not isinstance(self.screen, StepScreen):
                return False
            # A participant who follows goes where the facilitator goes: F5 would only
            # take them away (and its place in the footer keeps F8 whole at 80 columns).
            return not (action == "next_step" and self.role != "facilitator" and self.following)
        if action == "switch_pane":
            # Shown (and live) only where the screen on top has something to do with it.
            return hasattr(self.screen, "action_switch_pane")
        return True

    async def action_quit(self) -> None:
        self.exit_app()

    # --- keys and the command palette --------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer and the help, named as keyboards in the language name them."""
        return binding.key_display or key_display(binding.key, self.lang)

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the interface language."""
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            placeholder = UI("palette.placeholder", self.lang)
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        lang = self.lang
        if self.session is not None:
            for n, step in enumerate(WORKSHOP_STEPS, start=1):
                name = STEP_NAMES(step, lang)
                yield SystemCommand(
                    UI("cmd.step", lang, n=n, step=name),
                    UI("cmd.step.help", lang, step=name),
                    lambda step=step: self.go_to_step(step),
                )
            yield SystemCommand(
                UI("cmd.guide", lang), UI("cmd.guide.help", lang), self.action_toggle_guide
            )
            yield SystemCommand(
                UI("cmd.timer", lang), UI("cmd.timer.help", lang), self.action_toggle_timer
            )
            yield SystemCommand(
                UI("cmd.extend", lang), UI("cmd.extend.help", lang), self.action_extend_timer
            )
            yield SystemCommand(
                UI("cmd.timer.reset", lang),
                UI("cmd.timer.reset.help", lang),
                self.action_reset_timer,
            )
            if not self.restricted:
                yield SystemCommand(
                    UI("cmd.sessions", lang), UI("cmd.sessions.help", lang), self.action_sessions
                )
            yield SystemCommand(
                INPUT_TEXT("cmd.undo", lang), INPUT_TEXT("cmd.undo.help", lang), self.action_undo
            )
            yield SystemCommand(UI("cmd.who", lang), UI("cmd.who.help", lang), self.action_who)
            yield SystemCommand(
                UI("cmd.agenda", lang), UI("cmd.agenda.help", lang), self.action_agenda
            )
            if self.role != "facilitator":
                yield SystemCommand(
                    UI("cmd.follow", lang), UI("cmd.follow.help", lang), self.action_toggle_follow
                )
            else:
                yield SystemCommand(
                    UI("cmd.end_live", lang), UI("cmd.end_live.help", lang), self.action_end_live
                )
        yield from getattr(screen, "screen_commands", lambda: [])()
        yield SystemCommand(UI("cmd.help", lang), UI("cmd.help.help", lang), self.action_help)
        yield SystemCommand(
            UI("cmd.theme", lang), UI("cmd.theme.help", lang), self.action_switch_theme
        )
        yield SystemCommand(UI("cmd.quit", lang), UI("cmd.quit.help", lang), self.exit_app)

    def exit_app(self) -> None:
        self.leave_session()
        self.exit(self.session_id)


def make_app(
    db_path: Path | str,
    *,
    session_id: int | None = None,
    lang: str | None = None,
    guide_dirs: Sequence[Path] = (),
    role: str = "facilitator",
    participant: str | None = None,
    restricted: bool = False,
    store: Store | None = None,
) -> WorkshopApp:
    """The app on a database file; the CLI and the tests both build it here. ``store``: one
    already open on that file (the CLI's), so the file is not opened and checked twice."""
    return WorkshopApp(
        store if store is not None else Store(db_path),
        session_id=session_id,
        lang=lang,
        guide_dirs=guide_dirs,
        role=role,
        participant=participant,
        restricted=restricted,
    )


if TYPE_CHECKING:

    def _is_a_workshop(app: WorkshopApp) -> Workshop:
        """mypy checks here that the app has all the screens use of it (tui.workshop)."""
        return app
