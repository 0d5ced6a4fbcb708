"""Opening a database file (and refusing one we must not touch), the connection, and
the transactions every read and write of the store goes through."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from tpworkshop.storage import history
from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.history import Actor
from tpworkshop.storage.rows import _ENTITIES, _Handed, _iso, _Snapshot, named, now
from tpworkshop.storage.schema import APPLICATION_ID, SCHEMA_VERSION, build_migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
WRITE_ATTEMPTS = 4
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # a rollback journal's first 8 bytes


def default_db_path(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    return Path(env.get("TPWORKSHOP_DB") or Path("sessions") / "tpworkshop.db")


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


class StoreBase:
    """One connection behind a lock: opening and checking the file, migrations, the
    transactions every write and read goes through, and what a commit tells the snapshots."""

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

    def __enter__(self) -> Self:
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

    def _require_facilitator(self, code: str = "facilitator_only") -> None:
        """Refuse a facilitator-only change (session fields, the agenda, framework, stages
        and weights, removing segments, ending the live session, creating, importing and
        deleting sessions, accepting findings) from a participant, whichever way it is
        asked for; ``code`` is the sentence that says so."""
        if not self.actor.is_facilitator:
            raise StorageError(code)

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
        row = named(conn, f"SELECT session_id FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise StorageError("gone", what=_ENTITIES.get(table, table))
        return int(row["session_id"])
