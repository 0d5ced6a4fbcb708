"""What the screens use of the app, as a protocol, and the live state the app keeps.

``WorkshopApp`` (tpworkshop.tui.app) implements :class:`Workshop` (mypy checks it there);
screens type ``self.workshop`` with it, so no screen imports the app module, which imports
the screens: no import cycle, not even one for types only (an import-linter contract). For
Textual's own App methods, screens use ``self.app``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

from textual.screen import Screen

from tpworkshop.domain.model import Position, Session
from tpworkshop.storage import Store
from tpworkshop.tui.edits import EditFailed
from tpworkshop.tui.steps import StepTimer

T = TypeVar("T")


@dataclass
class LiveState:
    data_version: int = 0
    revision: int = -1
    last_saved: datetime | None = None
    last_error: str | None = None
    guides_problems: list[str] = field(default_factory=list)
    present: int = 1
    ending: bool = False
    facilitator_step: str | None = None


class Workshop(Protocol):
    """The workshop's state and operations, as the screens reach them."""

    store: Store
    session_id: int | None
    session: Session | None
    cli_lang: str | None
    lang: str
    role: str
    participant: str | None
    restricted: bool
    live: LiveState
    show_guide: bool
    timebox_overrides: dict[str, int]
    workshop_start: datetime
    guides: dict[str, Any]
    undoing: bool

    @property
    def display_name(self) -> str: ...

    @property
    def step_screen(self) -> Screen[Any] | None: ...

    def edit(self, operation: Callable[..., T], *args: Any, **kwargs: Any) -> T | EditFailed: ...

    def open_session(self, session_id: int, step: str | None = None) -> None: ...

    def show_picker(self) -> None: ...

    def go_to_step(self, step: str) -> None: ...

    def suggested_step(self) -> str: ...

    def save_position(self, position: Position) -> None: ...

    def timebox_minutes(self, step: str) -> int: ...

    def set_timebox(self, step: str, minutes: int) -> None: ...
    def set_workshop_start(self, start: datetime) -> None: ...

    def timer(self, step: str) -> StepTimer: ...
