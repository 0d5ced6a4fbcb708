"""What the workshop decides: actions, and findings the team accepts."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from tpworkshop.domain import model
from tpworkshop.storage.connection import StoreBase
from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.rows import _next_position, named


class ActionsMixin(StoreBase):
    """Actions and accepted findings."""

    def accept_finding(
        self,
        session_id: int,
        rule: str,
        reason: str,
        *,
        segment: str | None = None,
        stage: str | None = None,
        touchpoint: str | None = None,
        by: str = "",
    ) -> int:
        """Record that the team accepts a finding (FORMAT.md ``[[accepted]]``); its id.
        The facilitator's decision for the room: refused to a participant."""
        self._require_facilitator("facilitator_accepts")
        values = model.clean_many(
            "accepted",
            {
                "rule": rule,
                "reason": reason,
                "segment": segment,
                "stage": stage,
                "touchpoint": touchpoint,
                "by": by,
            },
        )
        with self._write() as conn:
            change = self._record(conn, session_id, "accept", "accepted")
            position = _next_position(conn, "accepted", "session_id = ?", (session_id,))
            cursor = conn.execute(
                "INSERT INTO accepted (session_id, position, rule, segment, stage, touchpoint,"
                " reason, accepted_by) VALUES (?,?,?,?,?,?,?,?)",
                (
                    session_id,
                    position,
                    values["rule"],
                    values["segment"],
                    values["stage"],
                    values["touchpoint"],
                    values["reason"],
                    values["by"],
                ),
            )
            change.row_id = int(cursor.lastrowid or 0)
            self._touch(conn, session_id, ())
        return change.row_id

    def update_accepted(self, accepted_id: int, **fields: Any) -> None:
        """Change an accepted finding's reason (or who accepted it); facilitator only."""
        self._require_facilitator("facilitator_accepts")
        values = model.clean_many("accepted", fields)
        if "by" in values:
            values["accepted_by"] = values.pop("by")
        self._update_row("accepted", accepted_id, values, touched=(), fields=fields)

    def unaccept_finding(self, accepted_id: int) -> None:
        """Take an acceptance back: the finding counts again; facilitator only."""
        self._require_facilitator("facilitator_accepts")
        with self._write() as conn:
            session_id = self._session_of(conn, "accepted", accepted_id)
            self._record(conn, session_id, "unaccept", "accepted", accepted_id)
            conn.execute("DELETE FROM accepted WHERE id = ?", (accepted_id,))
            self._touch(conn, session_id, ())

    def add_action(
        self,
        session_id: int,
        title: str,
        *,
        touchpoint: str | None = None,
        owner: str = "",
        due: date | str | None = None,
        status: str = "open",
    ) -> int:
        values = model.clean_many(
            "action",
            {
                "title": title,
                "touchpoint": touchpoint,
                "owner": owner,
                "due": due,
                "status": status,
            },
        )
        with self._write() as conn:
            tp_id = self._touchpoint_id(conn, session_id, values["touchpoint"])
            change = self._record(conn, session_id, "add", "action")
            cursor = conn.execute(
                "INSERT INTO actions (session_id, position, title, touchpoint_id, owner, due,"
                " status) VALUES (?,?,?,?,?,?,?)",
                (
                    session_id,
                    _next_position(conn, "actions", "session_id = ?", (session_id,)),
                    values["title"],
                    tp_id,
                    values["owner"],
                    values["due"].isoformat() if values["due"] else None,
                    values["status"],
                ),
            )
            change.row_id = int(cursor.lastrowid or 0)
            self._touch(conn, session_id, ())
        return change.row_id

    def _touchpoint_id(
        self, conn: sqlite3.Connection, session_id: int, ref: str | None
    ) -> int | None:
        if not ref:
            return None
        row = named(
            conn, "SELECT id FROM touchpoints WHERE session_id = ? AND ref = ?", (session_id, ref)
        ).fetchone()
        if row is None:
            raise StorageError("gone", what="touchpoint")
        return int(row["id"])

    def update_action(self, action_id: int, **fields: Any) -> None:
        values = model.clean_many("action", fields)
        if "due" in values:
            values["due"] = values["due"].isoformat() if values["due"] else None
        with self._write() as conn:
            session_id = self._session_of(conn, "actions", action_id)
            self._record(conn, session_id, "update", "action", action_id, fields=fields)
            if "touchpoint" in values:
                values["touchpoint_id"] = self._touchpoint_id(
                    conn, session_id, values.pop("touchpoint")
                )
            if values:
                assignments = ", ".join(f"{column} = ?" for column in values)
                conn.execute(
                    f"UPDATE actions SET {assignments} WHERE id = ?", (*values.values(), action_id)
                )
            self._touch(conn, session_id, ())

    def delete_action(self, action_id: int) -> None:
        with self._write() as conn:
            session_id = self._session_of(conn, "actions", action_id)
            self._record(conn, session_id, "delete", "action", action_id)
            conn.execute("DELETE FROM actions WHERE id = ?", (action_id,))
            self._touch(conn, session_id, ())
