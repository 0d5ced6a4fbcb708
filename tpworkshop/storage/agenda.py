"""Where the facilitator is, and the agenda: start time and timeboxes."""

from __future__ import annotations

import json
from datetime import datetime

from tpworkshop.domain import model
from tpworkshop.domain.model import STEPS, Position
from tpworkshop.storage.connection import StoreBase
from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.rows import _agenda_text, named


class AgendaMixin(StoreBase):
    """Position and agenda: no content change for the position."""

    def save_position(self, session_id: int, position: Position) -> None:
        """Where the facilitator is; not a content change, so ``updated`` stays."""
        step = position.step if position.step in STEPS else "setup"
        with self._write() as conn:
            conn.execute(
                "UPDATE sessions SET step = ?, current_segment = ?, current_stage = ?,"
                " current_touchpoint = ?, current_view = ? WHERE id = ?",
                (
                    step,
                    position.segment,
                    position.stage,
                    position.touchpoint,
                    position.view,
                    session_id,
                ),
            )

    def set_agenda_start(self, session_id: int, start: datetime | str | None) -> None:
        """When the workshop starts (None: not set; the app counts from when it opened)."""
        self._require_facilitator()
        value = model.clean("session", "agenda_start", start)
        self._update_row(
            "session",
            session_id,
            {"agenda_start": _agenda_text(value)},
            session_id=session_id,
            touched=(),
        )

    def set_timebox(self, session_id: int, step: str, minutes: int | None) -> None:
        """A step's timebox on the agenda, in minutes; None goes back to the guide's."""
        self._require_facilitator()
        step = model.agenda_step("timebox", step)
        with self._write() as conn:
            row = named(
                conn, "SELECT timebox_overrides FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if row is None:
                raise StorageError("gone", what="session")
            self._record(conn, session_id, "update", "session", session_id)
            overrides = json.loads(row["timebox_overrides"])
            if minutes is None:
                overrides.pop(step, None)
            else:
                overrides[step] = model.timebox("timebox", minutes)
            conn.execute(
                "UPDATE sessions SET timebox_overrides = ? WHERE id = ?",
                (json.dumps(overrides, sort_keys=True), session_id),
            )
            self._touch(conn, session_id, ())
