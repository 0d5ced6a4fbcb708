"""The data layer: every edit is one short transaction that writes only the rows it changes.

Several processes (participants over SSH) may edit the same session at once, so writes
take the write lock up front (``BEGIN IMMEDIATE``), wait for a busy database, retry,
and never rewrite a whole session.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tpworkshop.domain import model, validation
from tpworkshop.domain.frameworks import framework_stages
from tpworkshop.domain.model import (
    LIST_FIELDS,
    STEPS,
    Accepted,
    Action,
    Position,
    Segment,
    Session,
    Stage,
    Touchpoint,
)
from tpworkshop.domain.text import fold, slugify
from tpworkshop.storage import history
from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.history import Actor, Change
from tpworkshop.storage.schema import APPLICATION_ID, SCHEMA_VERSION, build_migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
WRITE_ATTEMPTS = 4
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # a rollback journal's first 8 bytes


def default_db_path(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    return Path(env.get("TPWORKSHOP_DB") or Path("sessions") / "tpworkshop.db")


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


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


def _creation_interrupted(path: Path) -> bool:
    """Whether ``path`` is a database whose very first transaction was cut short.

    Only a brand-new file is ever written through a rollback journal (the first thing
    a Store does is switch it to WAL); a kill in that instant leaves a hot journal
    whose header says the file was empty (0 pages) before. A read-only connection
    cannot roll it back and fails with "attempt to write a readonly database", so the
    file would be refused for ever; the read-write open that follows rolls it back to
    the empty file it was, and creation starts again. Nothing committed can be lost:
    there was nothing. Only the ``-journal`` file is opened here, never the database:
    SQLite locks the database and ``-shm`` files only, so closing it drops no lock.
    """
    try:
        with Path(f"{path}-journal").open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return (
        len(header) == 20
        and header[:8] == JOURNAL_MAGIC
        and int.from_bytes(header[16:20], "big") == 0
    )


def inspect_file(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not a tpworkshop database we can open.

    Only SQLite opens the file: a plain ``open()``/``close()`` of a database would drop
    every POSIX lock this process holds on it (SQLite's own connections included), and
    another process could then delete the WAL under our feet.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    if _creation_interrupted(path):
        return  # the read-write open rolls it back to the empty file it was
    if not (os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)):
        # SQLite in WAL mode needs to write beside the file even to read it.
        raise StorageError("read_only", path=str(path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StorageError("cannot_open", path=str(path), detail=str(error)) from error
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error):
            raise StorageError("not_tpworkshop", path=str(path)) from error
        if "readonly" in str(error) and Path(f"{path}-journal").exists():
            # A hot journal: another program's change cut short, which only a
            # read-write open would roll back. Not ours: we write through WAL.
            raise StorageError("unfinished", path=str(path)) from error
        if isinstance(error, sqlite3.OperationalError) and "malformed" not in str(error):
            raise StorageError("cannot_open", path=str(path), detail=str(error)) from error
        raise StorageError("corrupt", path=str(path), detail=str(error)) from error
    finally:
        conn.close()
    if check != "ok":
        raise StorageError("corrupt", path=str(path), detail=check)
    if app_id != APPLICATION_ID and not (app_id == 0 and tables == 0):
        raise StorageError("not_tpworkshop", path=str(path))
    if version > SCHEMA_VERSION:
        raise StorageError("newer", path=str(path), found=version, known=SCHEMA_VERSION)


class Store:
    """All reads and writes of sessions. Thread-safe: one connection behind a lock."""

    def __init__(self, path: Path | str, actor: Actor | None = None) -> None:
        self.path = Path(path)
        self.actor = actor or Actor()
        """Who the changes made through this store are recorded as (and undone for)."""
        inspect_file(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as error:
            raise StorageError("cannot_open", path=str(self.path), detail=str(error)) from error
        self._lock = threading.RLock()
        self.conn = conn
        self._db: Database | None = None
        self._snapshots: dict[int, _Snapshot] = {}
        self._handed: dict[int, _Handed] = {}
        self._pending: list[tuple[int, tuple[int, ...] | None]] = []
        self._change: history.OpenChange | None = None
        try:
            self._configure()
            self._migrate()
            history.install_recorder(self.conn)
        except sqlite3.Error as error:
            conn.close()
            raise self._translate(error) from error

    # --- connection ------------------------------------------------------------------

    @property
    def db(self) -> Database:
        """The connection as a sqlite-utils Database (imported on first use: it is slow to
        import, and only migrations need it)."""
        with self._lock:
            if self._db is None:
                from sqlite_utils import Database

                self._db = Database(self.conn, execute_plugins=False)
            return self._db

    def _configure(self) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        # What sqlite-utils' Database sets on a connection it wraps; kept the same whether
        # or not the Database is built.
        self.conn.execute("PRAGMA recursive_triggers = ON")
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self) -> None:
        with self._lock:
            if self.conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
                return
            # Hold the write lock for the whole upgrade so two processes opening an old
            # file at once cannot both migrate it; each migration nests as a savepoint.
            # Foreign keys are off meanwhile (it can only be switched outside a transaction):
            # a migration that rebuilds a table drops the old one, which with them on
            # would delete its children. They are checked whole before the commit.
            self.conn.execute("PRAGMA foreign_keys = OFF")
            try:
                self._begin_immediate()
                try:
                    build_migrations().apply(self.db)
                    broken = self.conn.execute("PRAGMA foreign_key_check").fetchone()
                    if broken is not None:
                        raise sqlite3.IntegrityError(f"foreign key broken in {broken[0]}")
                    self.conn.execute("COMMIT")
                except BaseException:
                    self._rollback()
                    raise
            finally:
                self.conn.execute("PRAGMA foreign_keys = ON")

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def data_version(self) -> int:
        """Changes when another connection commits (cheap; polled for live updates)."""
        with self._lock:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _translate(self, error: sqlite3.Error) -> StorageError:
        text = str(error).lower()
        path = str(self.path)
        if "readonly" in text or "read-only" in text:
            return StorageError("read_only", path=path)
        if "full" in text:
            return StorageError("disk_full", path=path)
        if "locked" in text or "busy" in text:
            return StorageError("busy", path=path)
        if "malformed" in text or "not a database" in text:
            return StorageError("corrupt", path=path, detail=str(error))
        return StorageError("write_failed", path=path, detail=str(error))

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction holding the write lock; retried while another process writes."""
        with self._lock:
            self._begin_immediate()
            self._pending = []
            self._change = None
            try:
                yield self.conn
                if self._change is not None:
                    history.close_change(self.conn, self._change)
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                self._pending = []
                self._rollback()
                raise self._translate(error) from error
            except BaseException:
                self._pending = []
                self._rollback()
                raise
            finally:
                self._change = None
            self._apply_pending()

    def _require_facilitator(self) -> None:
        """Refuse a facilitator-only change (session fields, the agenda, framework, stages
        and weights, removing segments, ending the live session, creating, importing and
        deleting sessions) from a participant, whichever way it is asked for."""
        if not self.actor.is_facilitator:
            raise StorageError("facilitator_only")

    def _record(
        self,
        conn: sqlite3.Connection,
        session_id: int,
        kind: str,
        entity: str,
        row_id: int | None = None,
        *,
        fields: Iterable[str] = (),
    ) -> history.OpenChange:
        """Record the change this transaction makes (see tpworkshop.storage.history): who
        makes it, what kind, on which entity; the rows it writes are recorded by SQLite."""
        self._change = history.open_change(
            conn, session_id, self.actor, kind, entity, row_id=row_id, fields=fields
        )
        return self._change

    def _begin_immediate(self) -> None:
        for attempt in range(WRITE_ATTEMPTS):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                retryable = "locked" in str(error) or "busy" in str(error)
                if not retryable or attempt == WRITE_ATTEMPTS - 1:
                    raise self._translate(error) from error
                time.sleep(0.05 * (attempt + 1))

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for multi-query reads."""
        with self._lock:
            try:
                self.conn.execute("BEGIN")
                try:
                    yield self.conn
                finally:
                    self._rollback()
            except sqlite3.Error as error:
                raise self._translate(error) from error

    def _touch(
        self, conn: sqlite3.Connection, session_id: int, touched: Iterable[int] | None = None
    ) -> None:
        """Mark a content change: ``updated`` and the revision live apps poll.

        ``touched`` names the touchpoint rows the write inserted, changed or deleted, so the
        next :meth:`load` re-reads only those; ``()`` when it changed none, and None (the
        default, always safe) when it may have changed any: the next load reads them all.
        """
        cursor = conn.execute(
            "UPDATE sessions SET updated = ?, revision = revision + 1 WHERE id = ?",
            (_iso(now()), session_id),
        )
        if cursor.rowcount == 0:
            raise StorageError("gone", what="session")
        self._pending.append((session_id, None if touched is None else tuple(touched)))

    # --- the touchpoint snapshot behind load() ------------------------------------------
    #
    # Every edit reloads the session (the app shows what the database holds), and at
    # 10,000 touchpoints reading and building every row costs ~100 ms. So the store keeps,
    # per session, the touchpoints as last read (immutable tuples, never handed out) and
    # its own writes say which rows they touched; the next load re-reads only those. The
    # snapshot is used only when nothing else wrote meanwhile: the session's revision is
    # the one this store's own writes led to, and ``PRAGMA data_version`` (which changes
    # when any other connection commits) has not moved. Otherwise the load reads all.

    def _apply_pending(self) -> None:
        """After a commit: count this store's revision bumps into the snapshots."""
        pending, self._pending = self._pending, []
        for session_id, touched in pending:
            snapshot = self._snapshots.get(session_id)
            if snapshot is None:
                continue
            if touched is None:
                del self._snapshots[session_id]
            else:
                snapshot.revision += 1
                snapshot.dirty.update(touched)

    def _forget(self, session_id: int) -> None:
        with self._lock:
            self._snapshots.pop(session_id, None)
            self._handed.pop(session_id, None)

    def _touchpoints(
        self,
        conn: sqlite3.Connection,
        session_id: int,
        revision: int,
        segments: list[Segment],
        stages: list[Stage],
    ) -> list[tuple[Any, ...]]:
        """The session's touchpoints in map order, as _row_values() tuples."""
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        shape = (tuple(s.db_id for s in segments), tuple(s.db_id for s in stages))
        snapshot = self._snapshots.get(session_id)
        if snapshot is None or snapshot.revision != revision or snapshot.version != version:
            ordered = _read_touchpoints(conn, session_id, segments, stages)
            snapshot = _Snapshot(revision, version, {v[_DB_ID]: v for v in ordered})
            snapshot.order(ordered, shape)
            self._snapshots[session_id] = snapshot
        else:
            if snapshot.ordered is not None and snapshot.shape != shape:
                snapshot.ordered = None  # stages or segments added, removed or reordered
            if snapshot.dirty:
                self._reread(conn, session_id, snapshot, segments, stages)
            if snapshot.ordered is None:
                ordered = sorted(snapshot.rows.values(), key=_map_key(segments, stages))
                snapshot.order(ordered, shape)
        return snapshot.ordered or []

    def _build(
        self, session_id: int, rows: list[tuple[Any, ...]], previous: Session | None
    ) -> list[Touchpoint]:
        """The Touchpoints of ``rows``: new ones, or, for the caller that passed the session
        this store handed it last (``previous``), that session's own objects for the rows
        that did not change."""
        handed = self._handed.get(session_id)
        if previous is None or handed is None or handed.session() is not previous:
            built = {}
            touchpoints = []
            for values in rows:
                tp = _build_touchpoint(values)
                built[values[_DB_ID]] = (values, tp)
                touchpoints.append(tp)
            self._handed[session_id] = _Handed(built)
            return touchpoints
        # The previous session is being replaced: its map is brought up to date in place,
        # only the changed rows cost anything (~1 ms for 10,000 touchpoints).
        built = handed.touchpoints
        get = built.get
        touchpoints = []
        append = touchpoints.append
        for values in rows:
            entry = get(values[_DB_ID])
            if entry is not None and entry[0] is values:
                append(entry[1])
                continue
            same = entry is not None and entry[0] == values  # the same row, read again
            tp = entry[1] if same else _build_touchpoint(values)  # type: ignore[index]
            built[values[_DB_ID]] = (values, tp)
            append(tp)
        if len(built) != len(touchpoints):  # some were deleted
            pairs = zip(rows, touchpoints, strict=True)
            built = {values[_DB_ID]: (values, tp) for values, tp in pairs}
        self._handed[session_id] = _Handed(built)
        return touchpoints

    def _reread(
        self,
        conn: sqlite3.Connection,
        session_id: int,
        snapshot: _Snapshot,
        segments: list[Segment],
        stages: list[Stage],
    ) -> None:
        """Re-read the rows this store's writes touched, and put them in their places."""
        key = _map_key(segments, stages)
        segment_keys = {s.db_id: s.key for s in segments if s.db_id is not None}
        stage_keys = {s.db_id: s.key for s in stages if s.db_id is not None}
        ids = sorted(snapshot.dirty)
        snapshot.dirty.clear()
        fresh: dict[int, tuple[Any, ...]] = {}
        for start in range(0, len(ids), _IDS_PER_QUERY):
            chunk = ids[start : start + _IDS_PER_QUERY]
            query = _SELECT_TOUCHPOINTS_BY_ID.format(ids=", ".join("?" * len(chunk)))
            for row in conn.execute(query, (session_id, *chunk)):
                values = _row_values(row, segment_keys, stage_keys)
                if values is not None:
                    fresh[values[_DB_ID]] = values
        ordered = snapshot.ordered
        if ordered is not None and len(ids) > _REPLACE_IN_PLACE:
            ordered = snapshot.ordered = None  # many rows: sorting again is cheaper
        stale = False  # whether ``snapshot.index`` lags behind ``ordered``
        for tp_id in ids:
            old = snapshot.rows.get(tp_id)
            new = fresh.get(tp_id)
            if new is None:
                snapshot.rows.pop(tp_id, None)
            else:
                snapshot.rows[tp_id] = new
            if ordered is None:
                continue
            if stale:  # an earlier row moved: every later index may have shifted
                snapshot.order(ordered, snapshot.shape)
                stale = False
            if old is not None and new is not None and _place(old) == _place(new):
                ordered[snapshot.index[tp_id]] = new  # same place in map order
                continue
            if old is not None:
                del ordered[snapshot.index[tp_id]]
            if new is not None:
                bisect.insort(ordered, new, key=key)
            stale = True
        if stale and ordered is not None:
            snapshot.order(ordered, snapshot.shape)

    # --- sessions --------------------------------------------------------------------

    def list_sessions(self) -> list[SessionSummary]:
        with self._read() as conn:
            rows = conn.execute(
                """
                SELECT s.id, s.name, s.organisation, s.language, s.framework, s.updated, s.step,
                  (SELECT count(*) FROM segments g WHERE g.session_id = s.id),
                  (SELECT count(*) FROM touchpoints t WHERE t.session_id = s.id),
                  (SELECT count(*) FROM touchpoints t WHERE t.session_id = s.id AND t.owner != ''),
                  (SELECT count(*) FROM touchpoints t
                     WHERE t.session_id = s.id AND t.effectiveness IS NOT NULL)
                FROM sessions s ORDER BY s.updated DESC, s.id DESC
                """
            ).fetchall()
        return [
            SessionSummary(
                id=row[0],
                name=row[1],
                organisation=row[2],
                language=row[3],
                framework=row[4],
                updated=_parse_time(row[5]),
                step=row[6],
                segments=row[7],
                touchpoints=row[8],
                detailed=row[9],
                assessed=row[10],
            )
            for row in rows
        ]

    def resolve(self, ref: str) -> int:
        """A session id from an id, an exact name (any case) or a unique name prefix."""
        with self._read() as conn:
            rows = conn.execute("SELECT id, name FROM sessions ORDER BY id").fetchall()
        text = ref.strip()
        if text.isdigit() and any(r[0] == int(text) for r in rows):
            return int(text)
        wanted = text.casefold()
        exact = [r for r in rows if r[1].casefold() == wanted]
        if len(exact) == 1:
            return int(exact[0][0])
        matches = exact or [r for r in rows if wanted and r[1].casefold().startswith(wanted)]
        if len(matches) == 1:
            return int(matches[0][0])
        if not matches:
            raise StorageError("no_session", ref=ref)
        candidates = ", ".join(f"{r[0]} {r[1]!r}" for r in matches)
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
                row = conn.execute(
                    "SELECT id FROM sessions WHERE name_key = ?", (fold(session.name),)
                ).fetchone()
                replace = int(row[0]) if row is not None else None
            if replace is not None:
                self._forget(replace)
                conn.execute("DELETE FROM sessions WHERE id = ?", (replace,))
            name = _free_name(conn, session.name, rename)
            session_id = self._insert_session_row(conn, session, stamp, name)
            stage_ids = self._insert_stages(conn, session_id, session.stages)
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

    def _insert_stages(
        self, conn: sqlite3.Connection, session_id: int, stages: list[Stage]
    ) -> dict[str, int]:
        ids: dict[str, int] = {}
        for index, stage in enumerate(stages):
            cursor = conn.execute(
                "INSERT INTO stages (session_id, key, name, weight, position) VALUES (?,?,?,?,?)",
                (session_id, stage.key, stage.name, stage.weight, index),
            )
            ids[stage.key] = int(cursor.lastrowid or 0)
        return ids

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
            row = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise StorageError("gone", what="session")
            names = [d[0] for d in conn.execute("SELECT * FROM sessions LIMIT 0").description]
            session = _session_from_row(dict(zip(names, row, strict=True)))
            session.stages = [
                Stage(key=r[1], name=r[2], weight=r[3], db_id=r[0])
                for r in conn.execute(
                    "SELECT id, key, name, weight FROM stages WHERE session_id = ?"
                    " ORDER BY position, id",
                    (session_id,),
                )
            ]
            session.segments = [
                Segment(key=r[1], name=r[2], description=r[3], db_id=r[0])
                for r in conn.execute(
                    "SELECT id, key, name, description FROM segments WHERE session_id = ?"
                    " ORDER BY position, id",
                    (session_id,),
                )
            ]
            rows = self._touchpoints(
                conn,
                session_id,
                int(row[names.index("revision")]),
                session.segments,
                session.stages,
            )
            session.touchpoints = self._build(session_id, rows, previous)
            session.actions = [
                Action(
                    title=r[1],
                    touchpoint=r[2],
                    owner=r[3],
                    due=date.fromisoformat(r[4]) if r[4] else None,
                    status=r[5],
                    db_id=r[0],
                )
                for r in conn.execute(
                    """SELECT a.id, a.title, t.ref, a.owner, a.due, a.status FROM actions a
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
                for r in _named_rows(
                    conn.execute(
                        "SELECT id, rule, segment, stage, touchpoint, reason, accepted_by"
                        " FROM accepted WHERE session_id = ? ORDER BY position, id",
                        (session_id,),
                    )
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
            row = conn.execute(
                "SELECT timebox_overrides FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if row is None:
                raise StorageError("gone", what="session")
            self._record(conn, session_id, "update", "session", session_id)
            overrides = json.loads(row[0])
            if minutes is None:
                overrides.pop(step, None)
            else:
                overrides[step] = model.timebox("timebox", minutes)
            conn.execute(
                "UPDATE sessions SET timebox_overrides = ? WHERE id = ?",
                (json.dumps(overrides, sort_keys=True), session_id),
            )
            self._touch(conn, session_id, ())

    # --- accepted findings -------------------------------------------------------------

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
        """Record that the team accepts a finding (FORMAT.md ``[[accepted]]``); its id."""
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
        """Change an accepted finding's reason (or who accepted it)."""
        values = model.clean_many("accepted", fields)
        if "by" in values:
            values["accepted_by"] = values.pop("by")
        self._update_row("accepted", accepted_id, values, touched=(), fields=fields)

    def unaccept_finding(self, accepted_id: int) -> None:
        """Take an acceptance back: the finding counts again."""
        with self._write() as conn:
            session_id = self._session_of(conn, "accepted", accepted_id)
            self._record(conn, session_id, "unaccept", "accepted", accepted_id)
            conn.execute("DELETE FROM accepted WHERE id = ?", (accepted_id,))
            self._touch(conn, session_id, ())

    def _update_row(
        self,
        entity: str,
        row_id: int,
        values: dict[str, Any],
        *,
        session_id: int | None = None,
        touched: Iterable[int] | None = None,
        fields: Iterable[str] = (),
    ) -> None:
        """One entity's edit: the given columns of one row, recorded as an ``update``."""
        if not values:
            return
        table = history.TABLES[entity]
        assignments = ", ".join(f"{column} = ?" for column in values)
        with self._write() as conn:
            sid = session_id if session_id is not None else self._session_of(conn, table, row_id)
            self._record(conn, sid, "update", entity, row_id, fields=fields or values)
            try:
                cursor = conn.execute(
                    f"UPDATE {table} SET {assignments} WHERE id = ?", (*values.values(), row_id)
                )
            except sqlite3.IntegrityError as error:
                if "sessions.name_key" in str(error):
                    raise StorageError("name_taken", name=values["name"]) from error
                raise
            if cursor.rowcount == 0:
                raise StorageError("gone", what=entity)
            self._touch(conn, sid, touched)

    def _session_of(self, conn: sqlite3.Connection, table: str, row_id: int) -> int:
        if table == "sessions":
            exists = conn.execute("SELECT 1 FROM sessions WHERE id = ?", (row_id,)).fetchone()
            if exists is None:
                raise StorageError("gone", what="session")
            return row_id
        row = conn.execute(f"SELECT session_id FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise StorageError("gone", what=_ENTITIES.get(table, table))
        return int(row[0])

    # --- stages ----------------------------------------------------------------------

    def add_stage(self, session_id: int, name: str, weight: int = 3, key: str | None = None) -> str:
        self._require_facilitator()
        clean_name = model.clean("stage", "name", name)
        clean_weight = model.clean("stage", "weight", weight)
        with self._write() as conn:
            taken = {
                r[0]
                for r in conn.execute("SELECT key FROM stages WHERE session_id = ?", (session_id,))
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
            before = conn.execute(
                "SELECT framework FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if before is None:
                raise StorageError("gone", what="session")
            change = self._record(conn, session_id, "framework", "session", session_id)
            change.summarise("framework", before[0], values["framework"])
            conn.execute("DELETE FROM stages WHERE session_id = ?", (session_id,))
            self._insert_stages(conn, session_id, stages)
            conn.execute(
                "UPDATE sessions SET framework = ? WHERE id = ?", (values["framework"], session_id)
            )
            self._touch(conn, session_id)

    def _move(self, table: str, row_id: int, offset: int) -> None:
        """Swap a stage or segment with its neighbour ``offset`` places away."""
        with self._write() as conn:
            session_id = self._session_of(conn, table, row_id)
            ids = [
                r[0]
                for r in conn.execute(
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

    # --- segments --------------------------------------------------------------------

    def add_segment(self, session_id: int, name: str, description: str = "") -> str:
        clean_name = model.clean("segment", "name", name)
        clean_description = model.clean("segment", "description", description)
        with self._write() as conn:
            taken = {
                r[0]
                for r in conn.execute(
                    "SELECT key FROM segments WHERE session_id = ?", (session_id,)
                )
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

    # --- touchpoints -----------------------------------------------------------------

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
            tp.db_id = change.row_id = int(cursor.lastrowid or 0)
            self._touch(conn, session_id, (tp.db_id,))
        return tp

    def _cell_ids(
        self, conn: sqlite3.Connection, session_id: int, segment: str, stage: str
    ) -> tuple[int, int]:
        seg = conn.execute(
            "SELECT id FROM segments WHERE session_id = ? AND key = ?", (session_id, segment)
        ).fetchone()
        stg = conn.execute(
            "SELECT id FROM stages WHERE session_id = ? AND key = ?", (session_id, stage)
        ).fetchone()
        if seg is None:
            raise StorageError("gone", what="segment")
        if stg is None:
            raise StorageError("gone", what="stage")
        return int(seg[0]), int(stg[0])

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
            self._check_votes_room(conn, touchpoint_id, delta)
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

    @staticmethod
    def _check_votes_room(conn: sqlite3.Connection, touchpoint_id: int, delta: int) -> None:
        """Refuse (inside the transaction) a vote that would take the count past its range."""
        row = conn.execute(
            "SELECT votes FROM touchpoints WHERE id = ?", (touchpoint_id,)
        ).fetchone()
        if row is not None and delta > 0 and row[0] + delta > validation.MAX_VOTES:
            validation.in_range("votes", row[0] + delta, validation.MIN_VOTES, validation.MAX_VOTES)

    def move_touchpoint(
        self, touchpoint_id: int, stage: str | None = None, segment: str | None = None
    ) -> None:
        """Move to another cell (the end of it)."""
        with self._write() as conn:
            row = conn.execute(
                """SELECT t.session_id, g.key, s.key FROM touchpoints t
                   JOIN segments g ON g.id = t.segment_id JOIN stages s ON s.id = t.stage_id
                   WHERE t.id = ?""",
                (touchpoint_id,),
            ).fetchone()
            if row is None:
                raise StorageError("gone", what="touchpoint")
            session_id = int(row[0])
            segment_id, stage_id = self._cell_ids(
                conn, session_id, segment or row[1], stage or row[2]
            )
            change = self._record(conn, session_id, "move", "touchpoint", touchpoint_id)
            change.summarise(
                "place",
                _place_name(conn, session_id, row[1], row[2]),
                _place_name(conn, session_id, segment or row[1], stage or row[2]),
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
            row = conn.execute(
                "SELECT session_id, segment_id, stage_id FROM touchpoints WHERE id = ?",
                (touchpoint_id,),
            ).fetchone()
            if row is None:
                raise StorageError("gone", what="touchpoint")
            self._record(conn, int(row[0]), "reorder", "touchpoint", touchpoint_id)
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM touchpoints WHERE segment_id = ? AND stage_id = ?"
                    " ORDER BY position, id",
                    (row[1], row[2]),
                )
            ]
            index = ids.index(touchpoint_id)
            target = max(0, min(len(ids) - 1, index + offset))
            ids.insert(target, ids.pop(index))
            for position, item in enumerate(ids):
                conn.execute("UPDATE touchpoints SET position = ? WHERE id = ?", (position, item))
            self._touch(conn, int(row[0]), ids)

    def copy_touchpoint(self, touchpoint_id: int, segments: Sequence[str]) -> list[Touchpoint]:
        """Copy name, channel, kind, initiative and need to other segments' same stage.

        Details, assessment and votes stay with the original: each segment lives the
        touchpoint its own way. One transaction for all copies.
        """
        copies: list[Touchpoint] = []
        with self._write() as conn:
            row = conn.execute(
                """SELECT t.session_id, s.key, t.name, t.channel, t.kind, t.initiative, t.need
                   FROM touchpoints t JOIN stages s ON s.id = t.stage_id WHERE t.id = ?""",
                (touchpoint_id,),
            ).fetchone()
            if row is None:
                raise StorageError("gone", what="touchpoint")
            session_id, stage = int(row[0]), row[1]
            change = self._record(conn, session_id, "copy", "touchpoint", touchpoint_id)
            change.summarise("segments", None, list(segments))
            for segment in segments:
                segment_id, stage_id = self._cell_ids(conn, session_id, segment, stage)
                tp = Touchpoint(
                    ref=_next_ref(conn, session_id),
                    segment=segment,
                    stage=stage,
                    name=row[2],
                    channel=row[3],
                    kind=row[4],
                    initiative=row[5],
                    need=row[6],
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
                tp.db_id = int(cursor.lastrowid or 0)
                copies.append(tp)
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
                r[0]
                for r in conn.execute(
                    "SELECT id FROM actions WHERE touchpoint_id = ?", (touchpoint_id,)
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

    # --- live workshops: dots and presence ---------------------------------------------

    def live_state(self, session_id: int) -> LiveState:
        with self._read() as conn:
            row = conn.execute(
                "SELECT revision, step, current_segment, current_stage, current_touchpoint,"
                " current_view, live_ended FROM sessions WHERE id = ?",
                (session_id,),
            ).fetchone()
        if row is None:
            raise StorageError("gone", what="session")
        position = Position(row[1], row[2], row[3], row[4], row[5])
        return LiveState(int(row[0]), position, row[6] is not None)

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
            limit = conn.execute(
                "SELECT dots_per_participant FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            if limit is None:
                raise StorageError("gone", what="session")
            used = conn.execute(
                "SELECT count(*) FROM dots WHERE session_id = ? AND voter = ?",
                (session_id, voter),
            ).fetchone()[0]
            if used >= limit[0]:
                raise StorageError("no_dots", voter=voter, limit=limit[0])
            if self._session_of(conn, "touchpoints", touchpoint_id) != session_id:
                raise StorageError("gone", what="touchpoint")
            self._check_votes_room(conn, touchpoint_id, 1)
            self._record(conn, session_id, "dot", "touchpoint", touchpoint_id)
            conn.execute(
                "INSERT INTO dots (session_id, touchpoint_id, voter) VALUES (?, ?, ?)",
                (session_id, touchpoint_id, voter),
            )
            conn.execute("UPDATE touchpoints SET votes = votes + 1 WHERE id = ?", (touchpoint_id,))
            self._touch(conn, session_id, (touchpoint_id,))
            return int(
                conn.execute(
                    "SELECT votes FROM touchpoints WHERE id = ?", (touchpoint_id,)
                ).fetchone()[0]
            )

    def withdraw_dot(self, session_id: int, touchpoint_id: int, voter: str) -> bool:
        """Take back one of ``voter``'s dots from a touchpoint; False if they had none."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT id FROM dots WHERE session_id = ? AND touchpoint_id = ? AND voter = ?"
                " LIMIT 1",
                (session_id, touchpoint_id, voter.strip()),
            ).fetchone()
            if row is None:
                return False
            self._record(conn, session_id, "undot", "touchpoint", touchpoint_id)
            conn.execute("DELETE FROM dots WHERE id = ?", (row[0],))
            conn.execute(
                "UPDATE touchpoints SET votes = max(0, votes - 1) WHERE id = ?", (touchpoint_id,)
            )
            self._touch(conn, session_id, (touchpoint_id,))
            return True

    def dots_of(self, session_id: int, voter: str) -> dict[str, int]:
        """Touchpoint ref -> how many of ``voter``'s dots are on it."""
        with self._read() as conn:
            rows = conn.execute(
                """SELECT t.ref, count(*) FROM dots d JOIN touchpoints t ON t.id = d.touchpoint_id
                   WHERE d.session_id = ? AND d.voter = ? GROUP BY t.ref""",
                (session_id, voter.strip()),
            ).fetchall()
        return {ref: int(n) for ref, n in rows}

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
            rows = conn.execute(
                "SELECT name, role, step, last_seen FROM presence WHERE session_id = ?"
                " ORDER BY role != 'facilitator', name",
                (session_id,),
            ).fetchall()
        moment = now()
        people = [Presence(r[0], r[1], r[2], _parse_time(r[3])) for r in rows]
        return [p for p in people if p.idle_seconds(moment) <= within_seconds]

    # --- actions ---------------------------------------------------------------------

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
        row = conn.execute(
            "SELECT id FROM touchpoints WHERE session_id = ? AND ref = ?", (session_id, ref)
        ).fetchone()
        if row is None:
            raise StorageError("gone", what="touchpoint")
        return int(row[0])

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

    # --- history and undo ------------------------------------------------------------

    def history(self, session_id: int) -> list[Change]:
        """Every recorded change of the session, oldest first."""
        with self._read() as conn:
            self._session_of(conn, "sessions", session_id)
            return history.read_history(conn, session_id)

    def undo(self, session_id: int) -> Change:
        """Undo this store's actor's own last change in the session, of any kind, in one
        transaction; returns that change (``describe_undo`` makes the sentence). Raises
        StorageError ``nothing_to_undo``, or ``undo_conflict*`` when someone has changed
        what it wrote since (the rule is in tpworkshop.storage.history); nothing changes.
        """
        with self._write() as conn:
            self._session_of(conn, "sessions", session_id)
            entry = history.last_undoable(conn, session_id, self.actor)
            if entry is None:
                raise StorageError("nothing_to_undo")
            change, touched = history.undo_change(conn, entry, self.actor)
            self._touch(conn, session_id, touched if len(touched) <= _REPLACE_IN_PLACE else None)
        return change

    def can_undo(self, session_id: int) -> Change | None:
        """The change ``undo`` would undo now, if any (it may still be refused)."""
        with self._read() as conn:
            entry = history.last_undoable(conn, session_id, self.actor)
            return None if entry is None else history.change_from_row(entry)


# --- row mapping -------------------------------------------------------------------------
#
# A touchpoint row is read as a tuple of values in the order Touchpoint declares its fields
# (every SELECT below names its columns after those fields), so a Touchpoint is built with
# Touchpoint(*values); where a value needs decoding, its place is looked up by field name.

_TOUCHPOINT_FIELDS = tuple(f.name for f in dataclasses.fields(Touchpoint))
"""Touchpoint's fields as its dataclass declares them: the order of a row's values."""
TOUCHPOINT_COLUMNS = tuple(
    name
    for name in _TOUCHPOINT_FIELDS
    if name not in ("ref", "segment", "stage", "db_id", "position")
)
"""The columns that hold a touchpoint's own fields, each named as its field."""
_FIELD_INDEX = {name: index for index, name in enumerate(_TOUCHPOINT_FIELDS)}
_SEGMENT, _STAGE = _FIELD_INDEX["segment"], _FIELD_INDEX["stage"]
_DB_ID, _POSITION = _FIELD_INDEX["db_id"], _FIELD_INDEX["position"]
_LISTS = tuple(_FIELD_INDEX[name] for name in LIST_FIELDS)
_BOOLEANS = tuple(_FIELD_INDEX[name] for name in ("pain_point", "moment_of_truth"))


def _select(sources: dict[str, str]) -> str:
    """The select list of a touchpoint read: every field, in order, as a named column."""
    return ", ".join(f"{sources.get(name, 't.' + name)} AS {name}" for name in _TOUCHPOINT_FIELDS)


_BY_IDS = {"db_id": "t.id", "segment": "t.segment_id", "stage": "t.stage_id"}
_BY_KEYS = {"db_id": "t.id", "segment": "g.key", "stage": "s.key"}

_INSERT_TOUCHPOINT = f"""
INSERT INTO touchpoints (session_id, ref, segment_id, stage_id, position,
  {", ".join(TOUCHPOINT_COLUMNS)})
VALUES (?, ?, ?, ?, ?, {", ".join("?" for _ in TOUCHPOINT_COLUMNS)})
"""

_SELECT_TOUCHPOINTS = f"""
SELECT {_select(_BY_KEYS)}
FROM touchpoints t
JOIN segments g ON g.id = t.segment_id
JOIN stages s ON s.id = t.stage_id
WHERE t.session_id = ?
ORDER BY g.position, g.id, s.position, s.id, t.position, t.id
"""
"""A session's touchpoints in map order, with the keys of their segment and stage (the
order ``load`` promises; it sorts in Python, which is faster)."""
_SELECT_TOUCHPOINT = f"""
SELECT {_select(_BY_KEYS)}
FROM touchpoints t
JOIN segments g ON g.id = t.segment_id
JOIN stages s ON s.id = t.stage_id
WHERE t.id = ?
"""
_SELECT_SESSION_TOUCHPOINTS = f"""
SELECT {_select(_BY_IDS)} FROM touchpoints t WHERE t.session_id = ?
"""
"""A session's touchpoints with segment and stage ids for keys, in no order: joining and
sorting in SQLite (a temporary B-tree of whole rows) costs more than twice the read."""
_SELECT_TOUCHPOINTS_BY_ID = (
    _SELECT_SESSION_TOUCHPOINTS.replace("{", "{{").replace("}", "}}") + " AND t.id IN ({ids})"
)
_IDS_PER_QUERY = 500
_REPLACE_IN_PLACE = 50  # more touched rows than this: sort them all again


def _to_columns(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for name in LIST_FIELDS:
        if name in out:
            out[name] = _json_text(out[name])
    for name in ("pain_point", "moment_of_truth"):
        if name in out:
            out[name] = int(out[name])
    return out


def _touchpoint_params(
    tp: Touchpoint, session_id: int, segment_id: int, stage_id: int
) -> tuple[Any, ...]:
    """The values of _INSERT_TOUCHPOINT, as _to_columns() stores them."""
    columns = _to_columns({name: getattr(tp, name) for name in TOUCHPOINT_COLUMNS})
    return (
        session_id,
        tp.ref,
        segment_id,
        stage_id,
        tp.position,
        *(columns[name] for name in TOUCHPOINT_COLUMNS),
    )


_dumps_json = json.JSONEncoder(ensure_ascii=False).encode
_TEXT_MEMO: dict[tuple[str, ...], str] = {}


def _json_text(items: Sequence[str]) -> str:
    """A list column's text, as json.dumps(items, ensure_ascii=False) writes it."""
    if not items:
        return "[]"
    try:
        key = tuple(items)
        text = _TEXT_MEMO.get(key)
    except TypeError:  # not a list of texts: nothing to remember it by
        return _dumps_json(list(items))
    if text is None:
        text = _dumps_json(list(items))
        if len(_TEXT_MEMO) < _LIST_MEMO_SIZE:
            _TEXT_MEMO[key] = text
    return text


_decode_json = json.JSONDecoder().decode
_LIST_MEMO: dict[str, tuple[str, ...]] = {}
_LIST_MEMO_SIZE = 4096
_LIST_MEMO_TEXT = 200


def _json_items(text: str) -> tuple[str, ...]:
    """A list column's items. Load is on the hot path (every edit reloads the session), and
    the same short lists recur across thousands of rows: each distinct text is decoded once."""
    if text == "[]":
        return ()
    items = _LIST_MEMO.get(text)
    if items is None:
        items = tuple(_decode_json(text))
        if len(_LIST_MEMO) < _LIST_MEMO_SIZE and len(text) <= _LIST_MEMO_TEXT:
            _LIST_MEMO[text] = items
    return items


def _row_values(
    row: Sequence[Any],
    segment_keys: dict[int, str] | None = None,
    stage_keys: dict[int, str] | None = None,
) -> tuple[Any, ...] | None:
    """A touchpoint row decoded (lists as tuples, so that a snapshot of them can be kept
    without anyone changing it). With ``segment_keys`` and ``stage_keys``, the row holds
    segment and stage ids, given their keys here; None if either is unknown."""
    values = list(row)
    if segment_keys is not None and stage_keys is not None:
        segment = segment_keys.get(values[_SEGMENT])
        stage = stage_keys.get(values[_STAGE])
        if segment is None or stage is None:
            return None
        values[_SEGMENT], values[_STAGE] = segment, stage
    for index in _LISTS:
        values[index] = _json_items(values[index])
    for index in _BOOLEANS:
        values[index] = bool(values[index])
    return tuple(values)


def _read_touchpoints(
    conn: sqlite3.Connection, session_id: int, segments: list[Segment], stages: list[Stage]
) -> list[tuple[Any, ...]]:
    """All the session's touchpoints as _row_values() tuples in map order."""
    segment_keys = {s.db_id: s.key for s in segments if s.db_id is not None}
    stage_keys = {s.db_id: s.key for s in stages if s.db_id is not None}
    values = []
    for row in conn.execute(_SELECT_SESSION_TOUCHPOINTS, (session_id,)):
        decoded = _row_values(row, segment_keys, stage_keys)
        if decoded is not None:
            values.append(decoded)
    values.sort(key=_map_key(segments, stages))
    return values


def _build_touchpoint(values: tuple[Any, ...]) -> Touchpoint:
    """A new Touchpoint (with new lists) from _row_values()."""
    fields = list(values)
    for index in _LISTS:
        fields[index] = list(fields[index])
    return Touchpoint(*fields)


def _touchpoint_from_row(row: Sequence[Any]) -> Touchpoint:
    values = _row_values(row)
    assert values is not None
    return _build_touchpoint(values)


def _map_key(
    segments: list[Segment], stages: list[Stage]
) -> Callable[[tuple[Any, ...]], tuple[int, ...]]:
    """The sort key of _row_values() tuples in the order of _SELECT_TOUCHPOINTS: segment and
    stage (each by position then id: the order ``load`` lists them in), position, id."""
    segment_index = {s.key: i for i, s in enumerate(segments)}
    stage_index = {s.key: i for i, s in enumerate(stages)}

    def key(v: tuple[Any, ...]) -> tuple[int, ...]:
        return segment_index[v[_SEGMENT]], stage_index[v[_STAGE]], v[_POSITION], v[_DB_ID]

    return key


def _place(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """What decides a row's place in map order."""
    return values[_SEGMENT], values[_STAGE], values[_POSITION]


@dataclass
class _Snapshot:
    """A session's touchpoints as last read by this store (see Store._touchpoints)."""

    revision: int
    version: int
    rows: dict[int, tuple[Any, ...]]  # by touchpoint id, _row_values() tuples
    ordered: list[tuple[Any, ...]] | None = None  # rows in map order; None: to be sorted
    index: dict[int, int] = field(default_factory=dict)  # id -> index in ``ordered``
    shape: tuple[object, ...] = ()  # the segment and stage ids ``ordered`` was sorted for
    dirty: set[int] = field(default_factory=set)  # ids written since: re-read on next load

    def order(self, ordered: list[tuple[Any, ...]], shape: tuple[object, ...]) -> None:
        self.ordered = ordered
        self.index = {values[_DB_ID]: i for i, values in enumerate(ordered)}
        self.shape = shape


class _Handed:
    """The touchpoints a store's last load of a session handed out, by id, with the row
    each was built from (see Store._build)."""

    def __init__(self, touchpoints: dict[int, tuple[tuple[Any, ...], Touchpoint]]) -> None:
        self.touchpoints = touchpoints
        self.session: Callable[[], Session | None] = lambda: None


def _session_from_row(row: dict[str, Any]) -> Session:
    return Session(
        name=row["name"],
        organisation=row["organisation"],
        facilitator=row["facilitator"],
        participants=json.loads(row["participants"]),
        language=row["language"],
        framework=row["framework"],
        notes=row["notes"],
        created=_parse_time(row["created"]),
        updated=_parse_time(row["updated"]),
        position=Position(
            step=row["step"],
            segment=row["current_segment"],
            stage=row["current_stage"],
            touchpoint=row["current_touchpoint"],
            view=row["current_view"],
        ),
        dots_per_participant=row["dots_per_participant"],
        agenda_start=datetime.fromisoformat(row["agenda_start"]) if row["agenda_start"] else None,
        timebox_overrides=json.loads(row["timebox_overrides"]),
        db_id=row["id"],
    )


_ENTITIES = {table: entity for entity, table in history.TABLES.items()}


def _votes_of(conn: sqlite3.Connection, touchpoint_id: int) -> int:
    return int(
        conn.execute("SELECT votes FROM touchpoints WHERE id = ?", (touchpoint_id,)).fetchone()[0]
    )


def _place_name(conn: sqlite3.Connection, session_id: int, segment: str, stage: str) -> str:
    """'Families · Awareness': a map cell as people name it."""
    row = conn.execute(
        "SELECT g.name, s.name FROM segments g, stages s WHERE g.session_id = ?"
        " AND g.key = ? AND s.session_id = ? AND s.key = ?",
        (session_id, segment, session_id, stage),
    ).fetchone()
    return f"{row[0]} · {row[1]}" if row else f"{segment} · {stage}"


def _named_rows(cursor: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    """A query's rows as dicts by column name."""
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def _agenda_text(start: datetime | None) -> str | None:
    return start.isoformat() if start is not None else None


def _next_position(
    conn: sqlite3.Connection, table: str, where: str, params: tuple[Any, ...]
) -> int:
    row = conn.execute(f"SELECT max(position) FROM {table} WHERE {where}", params).fetchone()
    return 0 if row[0] is None else int(row[0]) + 1


def _next_ref(conn: sqlite3.Connection, session_id: int) -> str:
    """``tp-N`` with N one past the highest number the session ever used: a deleted
    touchpoint's ref is never given to another (accepted findings and the history name
    touchpoints by ref; undoing the delete brings it back under it)."""
    # The planner prefers the (session_id, ref) index for the GLOB and then reads every
    # ref; the expression index of migration 4 finds the highest number at once.
    last = conn.execute(
        "UPDATE sessions SET last_ref = max(last_ref, coalesce((SELECT max(CAST(substr(ref, 4)"
        " AS INTEGER)) FROM touchpoints INDEXED BY touchpoints_ref_number WHERE session_id = ?"
        " AND ref GLOB 'tp-[0-9]*'), 0)) + 1 WHERE id = ? RETURNING last_ref",
        (session_id, session_id),
    ).fetchone()
    if last is None:
        raise StorageError("gone", what="session")
    return f"tp-{last[0]}"


def _free_name(conn: sqlite3.Connection, name: str, rename: bool) -> str:
    """``name``, or the first of ``name (2)``, ``name (3)``... that no session has (compared
    like names); inside the inserting transaction, so no other process can take it first."""
    candidate, n = name, 2
    while conn.execute("SELECT 1 FROM sessions WHERE name_key = ?", (fold(candidate),)).fetchone():
        if not rename:
            raise StorageError("name_taken", name=name)
        candidate = f"{name} ({n})"
        n += 1
    return candidate
