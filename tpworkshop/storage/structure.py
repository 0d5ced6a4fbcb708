"""A session's structure: its stages (the journey's columns) and segments (its rows)."""

from __future__ import annotations

import sqlite3
from typing import Any

from tpworkshop.domain import model
from tpworkshop.domain.frameworks import framework_stages
from tpworkshop.domain.model import Stage
from tpworkshop.domain.text import slugify
from tpworkshop.storage.connection import StoreBase
from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.rows import _ENTITIES, _next_position, named


class StructureMixin(StoreBase):
    """Stages and segments: add, rename, reorder, remove, switch framework."""

    def add_stage(self, session_id: int, name: str, weight: int = 3, key: str | None = None) -> str:
        self._require_facilitator()
        clean_name = model.clean("stage", "name", name)
        clean_weight = model.clean("stage", "weight", weight)
        with self._write() as conn:
            taken = {
                r["key"]
                for r in named(conn, "SELECT key FROM stages WHERE session_id = ?", (session_id,))
            }
            stage_key = model.clean("stage", "key", key) if key else slugify(clean_name, taken)
            if stage_key in taken:
                raise StorageError("key_taken", key=stage_key)
            change = self._record(conn, session_id, "add", "stage")
            position = _next_position(conn, "stages", "session_id = ?", (session_id,))
            cursor = conn.execute(
                "INSERT INTO stages (session_id, key, name, weight, position) VALUES (?,?,?,?,?)",
                (session_id, stage_key, clean_name, clean_weight, position),
            )
            change.row_id = int(cursor.lastrowid or 0)
            self._touch(conn, session_id, ())
        return stage_key

    def update_stage(self, stage_id: int, **fields: Any) -> None:
        self._require_facilitator()
        values = model.clean_many("stage", fields)
        values.pop("key", None)
        self._update_row("stage", stage_id, values, touched=(), fields=fields)

    def remove_stage(self, stage_id: int) -> None:
        """Removes the stage and, in the same transaction, its touchpoints."""
        self._require_facilitator()
        with self._write() as conn:
            session_id = self._session_of(conn, "stages", stage_id)
            self._record(conn, session_id, "delete", "stage", stage_id)
            conn.execute("DELETE FROM stages WHERE id = ?", (stage_id,))
            self._touch(conn, session_id)

    def move_stage(self, stage_id: int, offset: int) -> None:
        self._require_facilitator()
        self._move("stages", stage_id, offset)

    def replace_stages(self, session_id: int, framework: str, language: str) -> None:
        """Switch framework: new stages, touchpoints of removed stages go too."""
        self._require_facilitator()
        values = model.clean_many("session", {"framework": framework, "language": language})
        stages = framework_stages(values["framework"], values["language"])
        with self._write() as conn:
            before = named(
                conn, "SELECT framework FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if before is None:
                raise StorageError("gone", what="session")
            change = self._record(conn, session_id, "framework", "session", session_id)
            change.summarise("framework", before["framework"], values["framework"])
            conn.execute("DELETE FROM stages WHERE session_id = ?", (session_id,))
            _insert_stages(conn, session_id, stages)
            conn.execute(
                "UPDATE sessions SET framework = ? WHERE id = ?", (values["framework"], session_id)
            )
            self._touch(conn, session_id)

    def _move(self, table: str, row_id: int, offset: int) -> None:
        """Swap a stage or segment with its neighbour ``offset`` places away."""
        with self._write() as conn:
            session_id = self._session_of(conn, table, row_id)
            ids = [
                r["id"]
                for r in named(
                    conn,
                    f"SELECT id FROM {table} WHERE session_id = ? ORDER BY position, id",
                    (session_id,),
                )
            ]
            index = ids.index(row_id)
            target = max(0, min(len(ids) - 1, index + offset))
            if target == index:
                return
            self._record(conn, session_id, "reorder", _ENTITIES[table], row_id)
            ids.insert(target, ids.pop(index))
            for position, item in enumerate(ids):
                conn.execute(f"UPDATE {table} SET position = ? WHERE id = ?", (position, item))
            self._touch(conn, session_id, ())

    def add_segment(self, session_id: int, name: str, description: str = "") -> str:
        clean_name = model.clean("segment", "name", name)
        clean_description = model.clean("segment", "description", description)
        with self._write() as conn:
            taken = {
                r["key"]
                for r in named(conn, "SELECT key FROM segments WHERE session_id = ?", (session_id,))
            }
            segment_key = slugify(clean_name, taken)
            change = self._record(conn, session_id, "add", "segment")
            position = _next_position(conn, "segments", "session_id = ?", (session_id,))
            cursor = conn.execute(
                "INSERT INTO segments (session_id, key, name, description, position)"
                " VALUES (?,?,?,?,?)",
                (session_id, segment_key, clean_name, clean_description, position),
            )
            change.row_id = int(cursor.lastrowid or 0)
            self._touch(conn, session_id, ())
        return segment_key

    def update_segment(self, segment_id: int, **fields: Any) -> None:
        values = model.clean_many("segment", fields)
        values.pop("key", None)
        self._update_row("segment", segment_id, values, touched=(), fields=fields)

    def remove_segment(self, segment_id: int) -> None:
        """Removes the segment and, in the same transaction, its touchpoints."""
        self._require_facilitator()
        with self._write() as conn:
            session_id = self._session_of(conn, "segments", segment_id)
            self._record(conn, session_id, "delete", "segment", segment_id)
            conn.execute("DELETE FROM segments WHERE id = ?", (segment_id,))
            self._touch(conn, session_id)

    def move_segment(self, segment_id: int, offset: int) -> None:
        self._move("segments", segment_id, offset)


def _insert_stages(
    conn: sqlite3.Connection, session_id: int, stages: list[Stage]
) -> dict[str, int]:
    ids: dict[str, int] = {}
    for index, stage in enumerate(stages):
        cursor = conn.execute(
            "INSERT INTO stages (session_id, key, name, weight, position) VALUES (?,?,?,?,?)",
            (session_id, stage.key, stage.name, stage.weight, index),
        )
        ids[stage.key] = int(cursor.lastrowid or 0)
    return ids
