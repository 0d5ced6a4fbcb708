"""A live workshop: what participants' apps poll, dots, and who is connected."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from tpworkshop.domain import model
from tpworkshop.domain.model import Position
from tpworkshop.storage.connection import StoreBase
from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.rows import _iso, _parse_time, _votes_of, named, now
from tpworkshop.storage.touchpoints import _check_votes_room


@dataclass(frozen=True)
class LiveState:
    """What a live app polls: the content revision and where the facilitator is."""

    revision: int
    position: Position
    ended: bool = False


@dataclass(frozen=True)
class Presence:
    name: str
    role: str
    step: str
    last_seen: datetime

    def idle_seconds(self, at: datetime | None = None) -> float:
        return ((at or now()) - self.last_seen).total_seconds()


class LiveMixin(StoreBase):
    """The live session: its state, dots and presence."""

    def live_state(self, session_id: int) -> LiveState:
        with self._read() as conn:
            row = named(
                conn,
                "SELECT revision, step, current_segment, current_stage, current_touchpoint,"
                " current_view, live_ended FROM sessions WHERE id = ?",
                (session_id,),
            ).fetchone()
        if row is None:
            raise StorageError("gone", what="session")
        position = Position(
            step=row["step"],
            segment=row["current_segment"],
            stage=row["current_stage"],
            touchpoint=row["current_touchpoint"],
            view=row["current_view"],
        )
        return LiveState(int(row["revision"]), position, row["live_ended"] is not None)

    def end_live(self, session_id: int) -> None:
        """The facilitator ends the live session: participants' apps close."""
        self._require_facilitator()
        with self._write() as conn:
            conn.execute(
                "UPDATE sessions SET live_ended = ? WHERE id = ?", (_iso(now()), session_id)
            )

    def start_live(self, session_id: int) -> None:
        """The facilitator (re)opens the session: participants may join again."""
        self._require_facilitator()
        with self._write() as conn:
            conn.execute("UPDATE sessions SET live_ended = NULL WHERE id = ?", (session_id,))

    def place_dot(self, session_id: int, touchpoint_id: int, voter: str) -> int:
        """One of ``voter``'s dots on a touchpoint; refused when their dots are used up.

        The budget check, the dot and the vote count are one transaction, so two people
        voting in the same instant both count and nobody exceeds the budget.
        """
        voter = model.clean("session", "facilitator", voter) or "?"
        with self._write() as conn:
            session = named(
                conn, "SELECT dots_per_participant FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if session is None:
                raise StorageError("gone", what="session")
            limit = session["dots_per_participant"]
            used = named(
                conn,
                "SELECT count(*) AS used FROM dots WHERE session_id = ? AND voter = ?",
                (session_id, voter),
            ).fetchone()["used"]
            if used >= limit:
                raise StorageError("no_dots", voter=voter, limit=limit)
            if self._session_of(conn, "touchpoints", touchpoint_id) != session_id:
                raise StorageError("gone", what="touchpoint")
            _check_votes_room(conn, touchpoint_id, 1)
            self._record(conn, session_id, "dot", "touchpoint", touchpoint_id)
            conn.execute(
                "INSERT INTO dots (session_id, touchpoint_id, voter) VALUES (?, ?, ?)",
                (session_id, touchpoint_id, voter),
            )
            conn.execute("UPDATE touchpoints SET votes = votes + 1 WHERE id = ?", (touchpoint_id,))
            self._touch(conn, session_id, (touchpoint_id,))
            return _votes_of(conn, touchpoint_id)

    def withdraw_dot(self, session_id: int, touchpoint_id: int, voter: str) -> bool:
        """Take back one of ``voter``'s dots from a touchpoint; False if they had none."""
        with self._write() as conn:
            row = named(
                conn,
                "SELECT id FROM dots WHERE session_id = ? AND touchpoint_id = ? AND voter = ?"
                " LIMIT 1",
                (session_id, touchpoint_id, voter.strip()),
            ).fetchone()
            if row is None:
                return False
            self._record(conn, session_id, "undot", "touchpoint", touchpoint_id)
            conn.execute("DELETE FROM dots WHERE id = ?", (row["id"],))
            conn.execute(
                "UPDATE touchpoints SET votes = max(0, votes - 1) WHERE id = ?", (touchpoint_id,)
            )
            self._touch(conn, session_id, (touchpoint_id,))
            return True

    def dots_of(self, session_id: int, voter: str) -> dict[str, int]:
        """Touchpoint ref -> how many of ``voter``'s dots are on it."""
        with self._read() as conn:
            rows = named(
                conn,
                """SELECT t.ref, count(*) AS dots FROM dots d
                   JOIN touchpoints t ON t.id = d.touchpoint_id
                   WHERE d.session_id = ? AND d.voter = ? GROUP BY t.ref""",
                (session_id, voter.strip()),
            ).fetchall()
        return {row["ref"]: int(row["dots"]) for row in rows}

    def heartbeat(self, session_id: int, name: str, role: str, step: str) -> None:
        """Say who is connected and on which step (no content change: no revision bump)."""
        with self._write() as conn:
            conn.execute(
                """INSERT INTO presence (session_id, name, role, step, last_seen, pid)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT (session_id, name) DO UPDATE SET role = excluded.role,
                     step = excluded.step, last_seen = excluded.last_seen, pid = excluded.pid""",
                (session_id, name, role, step, _iso(now()), os.getpid()),
            )

    def leave(self, session_id: int, name: str) -> None:
        with self._write() as conn:
            conn.execute(
                "DELETE FROM presence WHERE session_id = ? AND name = ?", (session_id, name)
            )

    def present(self, session_id: int, within_seconds: float = 6.0) -> list[Presence]:
        """Who sent a heartbeat recently, facilitator first, then by name."""
        with self._read() as conn:
            rows = named(
                conn,
                "SELECT name, role, step, last_seen FROM presence WHERE session_id = ?"
                " ORDER BY role != 'facilitator', name",
                (session_id,),
            ).fetchall()
        moment = now()
        people = [
            Presence(r["name"], r["role"], r["step"], _parse_time(r["last_seen"])) for r in rows
        ]
        return [p for p in people if p.idle_seconds(moment) <= within_seconds]
