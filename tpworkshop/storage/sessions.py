"""Sessions: listing, finding, creating, importing, loading whole and deleting."""

from __future__ import annotations

import json
import sqlite3
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tpworkshop.domain import model
from tpworkshop.domain.frameworks import framework_stages
from tpworkshop.domain.model import Accepted, Action, Segment, Session, Stage
from tpworkshop.domain.text import fold
from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.rows import (
    _INSERT_TOUCHPOINT,
    _agenda_text,
    _free_name,
    _iso,
    _parse_time,
    _session_from_row,
    _touchpoint_params,
    named,
    now,
)
from tpworkshop.storage.snapshot import SnapshotMixin
from tpworkshop.storage.structure import _insert_stages


@dataclass(frozen=True)
class ImportResult:
    """Where :meth:`Store.import_session` stored a session."""

    id: int
    name: str
    replaced: bool


@dataclass(frozen=True)
class SessionSummary:
    id: int
    name: str
    organisation: str
    language: str
    framework: str
    updated: datetime
    step: str
    segments: int
    touchpoints: int
    detailed: int
    assessed: int

    @property
    def progress(self) -> float:
        """Share of the six workshop steps with something in them (0..1)."""
        done = [
            True,
            self.segments > 0,
            self.touchpoints > 0,
            self.detailed > 0,
            self.assessed > 0,
            self.touchpoints > 0 and self.assessed == self.touchpoints,
        ]
        return sum(done) / len(done)


class SessionsMixin(SnapshotMixin):
    """Whole sessions."""

    def list_sessions(self) -> list[SessionSummary]:
        with self._read() as conn:
            rows = named(
                conn,
                """
                SELECT s.id, s.name, s.organisation, s.language, s.framework, s.updated, s.step,
                  (SELECT count(*) FROM segments g WHERE g.session_id = s.id) AS segments,
                  (SELECT count(*) FROM touchpoints t WHERE t.session_id = s.id) AS touchpoints,
                  (SELECT count(*) FROM touchpoints t WHERE t.session_id = s.id AND t.owner != '')
                    AS detailed,
                  (SELECT count(*) FROM touchpoints t
                     WHERE t.session_id = s.id AND t.effectiveness IS NOT NULL) AS assessed
                FROM sessions s ORDER BY s.updated DESC, s.id DESC
                """,
            ).fetchall()
        return [
            SessionSummary(
                id=row["id"],
                name=row["name"],
                organisation=row["organisation"],
                language=row["language"],
                framework=row["framework"],
                updated=_parse_time(row["updated"]),
                step=row["step"],
                segments=row["segments"],
                touchpoints=row["touchpoints"],
                detailed=row["detailed"],
                assessed=row["assessed"],
            )
            for row in rows
        ]

    def resolve(self, ref: str) -> int:
        """A session id from an id, an exact name (any case) or a unique name prefix."""
        with self._read() as conn:
            rows = named(conn, "SELECT id, name FROM sessions ORDER BY id").fetchall()
        text = ref.strip()
        if text.isdigit() and any(r["id"] == int(text) for r in rows):
            return int(text)
        wanted = text.casefold()
        exact = [r for r in rows if r["name"].casefold() == wanted]
        if len(exact) == 1:
            return int(exact[0]["id"])
        matches = exact or [r for r in rows if wanted and r["name"].casefold().startswith(wanted)]
        if len(matches) == 1:
            return int(matches[0]["id"])
        if not matches:
            raise StorageError("no_session", ref=ref)
        candidates = ", ".join(f"{r['id']} {r['name']!r}" for r in matches)
        raise StorageError("ambiguous", ref=ref, candidates=candidates)

    def name_exists(self, name: str) -> bool:
        """Whether a session has this name, compared like names (a hint for forms: the
        inserting transaction decides)."""
        with self._read() as conn:
            row = conn.execute("SELECT 1 FROM sessions WHERE name_key = ?", (fold(name),))
            return row.fetchone() is not None

    def create_session(
        self,
        name: str,
        *,
        framework: str = "five-stage",
        language: str = "en",
        organisation: str = "",
        facilitator: str = "",
        participants: Sequence[str] = (),
        rename: bool = False,
    ) -> int:
        """A new session with the framework's stages; its id. A name already taken is
        refused (``name_taken``), or with ``rename`` gets the first free suffix " (2)"...
        decided inside the inserting transaction, so processes creating at the same
        instant all get different names."""
        self._require_facilitator()
        values = model.clean_many(
            "session",
            {
                "name": name,
                "framework": framework,
                "language": language,
                "organisation": organisation,
                "facilitator": facilitator,
                "participants": list(participants),
            },
        )
        session = Session(**values)
        session.stages = framework_stages(values["framework"], values["language"])
        return self.insert_session(session, rename=rename)

    def unique_name(self, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)``... whichever is free now (a preview: an
        insert chooses again inside its own transaction)."""
        with self._read() as conn:
            return _free_name(conn, name, rename=True)

    def insert_session(
        self, session: Session, *, replace: int | None = None, rename: bool = True
    ) -> int:
        """Write a whole session (new, imported or demo) in one transaction; its id.

        With ``replace`` set to a session id, that session is deleted in the same
        transaction, so a failed import leaves the old one intact. A name already taken
        gets the first free suffix (" (2)", " (3)"...), chosen inside the transaction;
        with ``rename=False`` it is refused instead (``name_taken``).
        """
        return self.import_session(session, replace=replace, rename=rename).id

    def import_session(
        self,
        session: Session,
        *,
        replace: int | None = None,
        replace_same_name: bool = False,
        rename: bool = True,
    ) -> ImportResult:
        """:meth:`insert_session`, saying under which name the session was stored and
        whether it replaced one. ``replace_same_name``: the session whose name is the same
        (compared like names) is deleted in the same transaction (``import --replace``)."""
        self._require_facilitator()
        stamp = now()
        with self._write() as conn:
            if replace_same_name:
                row = named(
                    conn, "SELECT id FROM sessions WHERE name_key = ?", (fold(session.name),)
                ).fetchone()
                replace = int(row["id"]) if row is not None else None
            if replace is not None:
                self._forget(replace)
                conn.execute("DELETE FROM sessions WHERE id = ?", (replace,))
            name = _free_name(conn, session.name, rename)
            session_id = self._insert_session_row(conn, session, stamp, name)
            stage_ids = _insert_stages(conn, session_id, session.stages)
            segment_ids = self._insert_segments(conn, session_id, session.segments)
            tp_ids = self._insert_touchpoints(conn, session_id, session, segment_ids, stage_ids)
            self._insert_actions(conn, session_id, session.actions, tp_ids)
            self._insert_accepted(conn, session_id, session.accepted)
            conn.execute(
                "UPDATE sessions SET last_ref = (SELECT coalesce(max(CAST(substr(ref, 4)"
                " AS INTEGER)), 0) FROM touchpoints INDEXED BY touchpoints_ref_number"
                " WHERE session_id = ? AND ref GLOB 'tp-[0-9]*') WHERE id = ?",
                (session_id, session_id),
            )
        return ImportResult(session_id, name, replace is not None)

    def _insert_session_row(
        self, conn: sqlite3.Connection, session: Session, stamp: datetime, name: str
    ) -> int:
        position = session.position
        cursor = conn.execute(
            """INSERT INTO sessions (name, name_key, organisation, facilitator, participants,
                 language, framework, notes, created, updated, step, current_segment,
                 current_stage, current_touchpoint, dots_per_participant, agenda_start,
                 timebox_overrides)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                name,
                fold(name),
                session.organisation,
                session.facilitator,
                json.dumps(session.participants, ensure_ascii=False),
                session.language,
                session.framework,
                session.notes,
                _iso(session.created or stamp),
                _iso(session.updated or stamp),
                position.step,
                position.segment,
                position.stage,
                position.touchpoint,
                session.dots_per_participant,
                _agenda_text(session.agenda_start),
                json.dumps(session.timebox_overrides, sort_keys=True),
            ),
        )
        return int(cursor.lastrowid or 0)

    def _insert_segments(
        self, conn: sqlite3.Connection, session_id: int, segments: list[Segment]
    ) -> dict[str, int]:
        ids: dict[str, int] = {}
        for index, segment in enumerate(segments):
            cursor = conn.execute(
                "INSERT INTO segments (session_id, key, name, description, position)"
                " VALUES (?,?,?,?,?)",
                (session_id, segment.key, segment.name, segment.description, index),
            )
            ids[segment.key] = int(cursor.lastrowid or 0)
        return ids

    def _insert_touchpoints(
        self,
        conn: sqlite3.Connection,
        session_id: int,
        session: Session,
        segment_ids: dict[str, int],
        stage_ids: dict[str, int],
    ) -> dict[str, int]:
        conn.executemany(
            _INSERT_TOUCHPOINT,
            (
                _touchpoint_params(tp, session_id, segment_ids[tp.segment], stage_ids[tp.stage])
                for tp in session.in_map_order()
            ),
        )
        rows = conn.execute("SELECT ref, id FROM touchpoints WHERE session_id = ?", (session_id,))
        return {ref: int(tp_id) for ref, tp_id in rows}

    def _insert_actions(
        self,
        conn: sqlite3.Connection,
        session_id: int,
        actions: list[Action],
        tp_ids: dict[str, int],
    ) -> None:
        for index, action in enumerate(actions):
            conn.execute(
                "INSERT INTO actions (session_id, position, title, touchpoint_id, owner, due,"
                " status) VALUES (?,?,?,?,?,?,?)",
                (
                    session_id,
                    index,
                    action.title,
                    tp_ids.get(action.touchpoint) if action.touchpoint else None,
                    action.owner,
                    action.due.isoformat() if action.due else None,
                    action.status,
                ),
            )

    def _insert_accepted(
        self, conn: sqlite3.Connection, session_id: int, accepted: list[Accepted]
    ) -> None:
        conn.executemany(
            "INSERT INTO accepted (session_id, position, rule, segment, stage, touchpoint,"
            " reason, accepted_by) VALUES (?,?,?,?,?,?,?,?)",
            (
                (session_id, index, a.rule, a.segment, a.stage, a.touchpoint, a.reason, a.by)
                for index, a in enumerate(accepted)
            ),
        )

    def delete_session(self, session_id: int) -> None:
        self._require_facilitator()
        self._forget(session_id)
        with self._write() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def load(self, session_id: int, *, previous: Session | None = None) -> Session:
        """The whole session, in order, from one consistent snapshot.

        Every call returns new objects, except for a caller that passes as ``previous`` the
        session this store's last load of it returned, and promises to change neither: the
        touchpoints whose rows did not change since are then that session's own objects
        (the app reloads after every edit; rebuilding 10,000 touchpoints costs ~15 ms).
        """
        with self._read() as conn:
            row = named(conn, "SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise StorageError("gone", what="session")
            session = _session_from_row(dict(row))
            session.stages = [
                Stage(key=r["key"], name=r["name"], weight=r["weight"], db_id=r["id"])
                for r in named(
                    conn,
                    "SELECT id, key, name, weight FROM stages WHERE session_id = ?"
                    " ORDER BY position, id",
                    (session_id,),
                )
            ]
            session.segments = [
                Segment(key=r["key"], name=r["name"], description=r["description"], db_id=r["id"])
                for r in named(
                    conn,
                    "SELECT id, key, name, description FROM segments WHERE session_id = ?"
                    " ORDER BY position, id",
                    (session_id,),
                )
            ]
            rows = self._touchpoints(
                conn,
                session_id,
                int(row["revision"]),
                session.segments,
                session.stages,
            )
            session.touchpoints = self._build(session_id, rows, previous)
            session.actions = [
                Action(
                    title=r["title"],
                    touchpoint=r["touchpoint"],
                    owner=r["owner"],
                    due=date.fromisoformat(r["due"]) if r["due"] else None,
                    status=r["status"],
                    db_id=r["id"],
                )
                for r in named(
                    conn,
                    """SELECT a.id, a.title, t.ref AS touchpoint, a.owner, a.due, a.status FROM actions a
                       LEFT JOIN touchpoints t ON t.id = a.touchpoint_id
                       WHERE a.session_id = ? ORDER BY a.position, a.id""",
                    (session_id,),
                )
            ]
            session.accepted = [
                Accepted(
                    rule=r["rule"],
                    reason=r["reason"],
                    segment=r["segment"],
                    stage=r["stage"],
                    touchpoint=r["touchpoint"],
                    by=r["accepted_by"],
                    db_id=r["id"],
                )
                for r in named(
                    conn,
                    "SELECT id, rule, segment, stage, touchpoint, reason, accepted_by"
                    " FROM accepted WHERE session_id = ? ORDER BY position, id",
                    (session_id,),
                )
            ]
            self._handed[session_id].session = weakref.ref(session)
        return session

    def update_session(self, session_id: int, **fields: Any) -> None:
        """Change session fields (facilitator only). A name another session has (compared
        like names) is refused with ``name_taken``: the database's unique index decides."""
        self._require_facilitator()
        values = model.clean_many("session", fields)
        if "name" in values:
            values["name_key"] = fold(values["name"])
        if "participants" in values:
            values["participants"] = json.dumps(values["participants"], ensure_ascii=False)
        if "agenda_start" in values:
            values["agenda_start"] = _agenda_text(values["agenda_start"])
        if "timebox_overrides" in values:
            values["timebox_overrides"] = json.dumps(values["timebox_overrides"], sort_keys=True)
        self._update_row(
            "session", session_id, values, session_id=session_id, touched=(), fields=fields
        )
