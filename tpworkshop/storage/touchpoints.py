"""Touchpoints: add, edit, vote, move, reorder, copy, delete and restore."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Sequence
from typing import Any

from tpworkshop.domain import model, validation
from tpworkshop.domain.model import Touchpoint
from tpworkshop.storage.connection import StoreBase
from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.rows import (
    _INSERT_TOUCHPOINT,
    _SELECT_TOUCHPOINT,
    _next_position,
    _next_ref,
    _place_name,
    _to_columns,
    _touchpoint_from_row,
    _touchpoint_params,
    _votes_of,
    named,
)


class TouchpointsMixin(StoreBase):
    """One touchpoint at a time, each edit one transaction."""

    def add_touchpoint(
        self, session_id: int, segment: str, stage: str, name: str, **fields: Any
    ) -> Touchpoint:
        values = model.clean_many("touchpoint", {"name": name, **fields})
        with self._write() as conn:
            segment_id, stage_id = self._cell_ids(conn, session_id, segment, stage)
            change = self._record(conn, session_id, "add", "touchpoint")
            tp = Touchpoint(
                ref=_next_ref(conn, session_id),
                segment=segment,
                stage=stage,
                position=_next_position(
                    conn, "touchpoints", "segment_id = ? AND stage_id = ?", (segment_id, stage_id)
                ),
                **values,
            )
            cursor = conn.execute(
                _INSERT_TOUCHPOINT, _touchpoint_params(tp, session_id, segment_id, stage_id)
            )
            change.row_id = int(cursor.lastrowid or 0)
            tp = dataclasses.replace(tp, db_id=change.row_id)
            self._touch(conn, session_id, (change.row_id,))
        return tp

    def _cell_ids(
        self, conn: sqlite3.Connection, session_id: int, segment: str, stage: str
    ) -> tuple[int, int]:
        seg = named(
            conn, "SELECT id FROM segments WHERE session_id = ? AND key = ?", (session_id, segment)
        ).fetchone()
        stg = named(
            conn, "SELECT id FROM stages WHERE session_id = ? AND key = ?", (session_id, stage)
        ).fetchone()
        if seg is None:
            raise StorageError("gone", what="segment")
        if stg is None:
            raise StorageError("gone", what="stage")
        return int(seg["id"]), int(stg["id"])

    def update_touchpoint(self, touchpoint_id: int, **fields: Any) -> None:
        """Write only the given fields, so concurrent edits of other fields survive."""
        values = model.clean_many("touchpoint", fields)
        for name in ("segment", "stage", "ref"):
            values.pop(name, None)
        self._update_row(
            "touchpoint",
            touchpoint_id,
            _to_columns(values),
            touched=(touchpoint_id,),
            fields=fields,
        )

    def add_votes(self, touchpoint_id: int, delta: int) -> int:
        """Add (or with a negative delta withdraw) room votes atomically; never below 0,
        and refused (nothing changed) past the most a touchpoint holds (FORMAT.md)."""
        delta = validation.in_range("votes", delta, -validation.MAX_VOTES, validation.MAX_VOTES)
        with self._write() as conn:
            session_id = self._session_of(conn, "touchpoints", touchpoint_id)
            _check_votes_room(conn, touchpoint_id, delta)
            change = self._record(conn, session_id, "votes", "touchpoint", touchpoint_id)
            before = _votes_of(conn, touchpoint_id)
            conn.execute(
                "UPDATE touchpoints SET votes = max(0, votes + ?) WHERE id = ?",
                (delta, touchpoint_id),
            )
            after = _votes_of(conn, touchpoint_id)
            change.summarise("votes", before, after)
            self._touch(conn, session_id, (touchpoint_id,))
            return after

    def move_touchpoint(
        self, touchpoint_id: int, stage: str | None = None, segment: str | None = None
    ) -> None:
        """Move to another cell (the end of it)."""
        with self._write() as conn:
            row = named(
                conn,
                """SELECT t.session_id, g.key AS segment, s.key AS stage FROM touchpoints t
                   JOIN segments g ON g.id = t.segment_id JOIN stages s ON s.id = t.stage_id
                   WHERE t.id = ?""",
                (touchpoint_id,),
            ).fetchone()
            if row is None:
                raise StorageError("gone", what="touchpoint")
            session_id = int(row["session_id"])
            to_segment, to_stage = segment or row["segment"], stage or row["stage"]
            segment_id, stage_id = self._cell_ids(conn, session_id, to_segment, to_stage)
            change = self._record(conn, session_id, "move", "touchpoint", touchpoint_id)
            change.summarise(
                "place",
                _place_name(conn, session_id, row["segment"], row["stage"]),
                _place_name(conn, session_id, to_segment, to_stage),
            )
            position = _next_position(
                conn, "touchpoints", "segment_id = ? AND stage_id = ?", (segment_id, stage_id)
            )
            conn.execute(
                "UPDATE touchpoints SET segment_id = ?, stage_id = ?, position = ? WHERE id = ?",
                (segment_id, stage_id, position, touchpoint_id),
            )
            self._touch(conn, session_id, (touchpoint_id,))

    def reorder_touchpoint(self, touchpoint_id: int, offset: int) -> None:
        """Move a touchpoint up or down within its cell."""
        with self._write() as conn:
            row = named(
                conn,
                "SELECT session_id, segment_id, stage_id FROM touchpoints WHERE id = ?",
                (touchpoint_id,),
            ).fetchone()
            if row is None:
                raise StorageError("gone", what="touchpoint")
            session_id = int(row["session_id"])
            self._record(conn, session_id, "reorder", "touchpoint", touchpoint_id)
            ids = [
                r["id"]
                for r in named(
                    conn,
                    "SELECT id FROM touchpoints WHERE segment_id = ? AND stage_id = ?"
                    " ORDER BY position, id",
                    (row["segment_id"], row["stage_id"]),
                )
            ]
            index = ids.index(touchpoint_id)
            target = max(0, min(len(ids) - 1, index + offset))
            ids.insert(target, ids.pop(index))
            for position, item in enumerate(ids):
                conn.execute("UPDATE touchpoints SET position = ? WHERE id = ?", (position, item))
            self._touch(conn, session_id, ids)

    def copy_touchpoint(self, touchpoint_id: int, segments: Sequence[str]) -> list[Touchpoint]:
        """Copy name, channel, kind, initiative and need to other segments' same stage.

        Details, assessment and votes stay with the original: each segment lives the
        touchpoint its own way. One transaction for all copies.
        """
        copies: list[Touchpoint] = []
        with self._write() as conn:
            row = named(
                conn,
                """SELECT t.session_id, s.key AS stage, t.name, t.channel, t.kind, t.initiative,
                     t.need
                   FROM touchpoints t JOIN stages s ON s.id = t.stage_id WHERE t.id = ?""",
                (touchpoint_id,),
            ).fetchone()
            if row is None:
                raise StorageError("gone", what="touchpoint")
            session_id, stage = int(row["session_id"]), row["stage"]
            change = self._record(conn, session_id, "copy", "touchpoint", touchpoint_id)
            change.summarise("segments", None, list(segments))
            for segment in segments:
                segment_id, stage_id = self._cell_ids(conn, session_id, segment, stage)
                tp = Touchpoint(
                    ref=_next_ref(conn, session_id),
                    segment=segment,
                    stage=stage,
                    name=row["name"],
                    channel=row["channel"],
                    kind=row["kind"],
                    initiative=row["initiative"],
                    need=row["need"],
                    position=_next_position(
                        conn,
                        "touchpoints",
                        "segment_id = ? AND stage_id = ?",
                        (segment_id, stage_id),
                    ),
                )
                cursor = conn.execute(
                    _INSERT_TOUCHPOINT, _touchpoint_params(tp, session_id, segment_id, stage_id)
                )
                copies.append(dataclasses.replace(tp, db_id=int(cursor.lastrowid or 0)))
            self._touch(conn, session_id, [copy.db_id for copy in copies if copy.db_id is not None])
        return copies

    def delete_touchpoint(self, touchpoint_id: int) -> tuple[Touchpoint, list[int]]:
        """Delete; returns what undo needs: the touchpoint and the actions that named it."""
        with self._write() as conn:
            row = conn.execute(_SELECT_TOUCHPOINT, (touchpoint_id,)).fetchone()
            if row is None:
                raise StorageError("gone", what="touchpoint")
            tp = _touchpoint_from_row(row)
            session_id = self._session_of(conn, "touchpoints", touchpoint_id)
            self._record(conn, session_id, "delete", "touchpoint", touchpoint_id)
            action_ids = [
                r["id"]
                for r in named(
                    conn, "SELECT id FROM actions WHERE touchpoint_id = ?", (touchpoint_id,)
                )
            ]
            conn.execute("DELETE FROM touchpoints WHERE id = ?", (touchpoint_id,))
            self._touch(conn, session_id, (touchpoint_id,))
        return tp, action_ids

    def restore_touchpoint(self, session_id: int, tp: Touchpoint, action_ids: list[int]) -> int:
        """Undo a delete: same ref, same place in its cell, actions re-linked."""
        with self._write() as conn:
            segment_id, stage_id = self._cell_ids(conn, session_id, tp.segment, tp.stage)
            change = self._record(conn, session_id, "restore", "touchpoint")
            conn.execute(
                "UPDATE touchpoints SET position = position + 1"
                " WHERE segment_id = ? AND stage_id = ? AND position >= ?",
                (segment_id, stage_id, tp.position),
            )
            cursor = conn.execute(
                _INSERT_TOUCHPOINT, _touchpoint_params(tp, session_id, segment_id, stage_id)
            )
            new_id = change.row_id = int(cursor.lastrowid or 0)
            for action_id in action_ids:
                conn.execute(
                    "UPDATE actions SET touchpoint_id = ? WHERE id = ? AND touchpoint_id IS NULL",
                    (new_id, action_id),
                )
            self._touch(conn, session_id)
        return new_id


def _check_votes_room(conn: sqlite3.Connection, touchpoint_id: int, delta: int) -> None:
    """Refuse (inside the transaction) a vote that would take the count past its range."""
    row = named(conn, "SELECT votes FROM touchpoints WHERE id = ?", (touchpoint_id,)).fetchone()
    if row is not None and delta > 0 and row["votes"] + delta > validation.MAX_VOTES:
        votes = row["votes"] + delta
        validation.in_range("votes", votes, validation.MIN_VOTES, validation.MAX_VOTES)
