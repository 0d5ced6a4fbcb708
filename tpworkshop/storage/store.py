"""The data layer: every edit is one short transaction that writes only the rows it changes.

Several processes (participants over SSH) may edit the same session at once, so writes
take the write lock up front (``BEGIN IMMEDIATE``), wait for a busy database, retry,
and never rewrite a whole session.

The store is one class, :class:`Store`, made of one part per concern, each in its own
module of this package: connection (opening, transactions), snapshot (the touchpoints
``load`` reuses), sessions, structure (stages and segments), touchpoints, live (dots,
presence), agenda (position, timeboxes) and actions (and accepted findings); the history
and undo are here.
"""

from __future__ import annotations

from tpworkshop.storage import history
from tpworkshop.storage.actions import ActionsMixin
from tpworkshop.storage.agenda import AgendaMixin
from tpworkshop.storage.connection import (
    BUSY_TIMEOUT_MS,
    JOURNAL_MAGIC,
    WRITE_ATTEMPTS,
    default_db_path,
    inspect_file,
)
from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.history import Change
from tpworkshop.storage.live import LiveMixin, LiveState, Presence
from tpworkshop.storage.rows import _REPLACE_IN_PLACE, TOUCHPOINT_COLUMNS, now
from tpworkshop.storage.sessions import ImportResult, SessionsMixin, SessionSummary
from tpworkshop.storage.structure import StructureMixin
from tpworkshop.storage.touchpoints import TouchpointsMixin

__all__ = [
    "BUSY_TIMEOUT_MS",
    "JOURNAL_MAGIC",
    "TOUCHPOINT_COLUMNS",
    "WRITE_ATTEMPTS",
    "ImportResult",
    "LiveState",
    "Presence",
    "SessionSummary",
    "Store",
    "default_db_path",
    "inspect_file",
    "now",
]


class Store(SessionsMixin, StructureMixin, TouchpointsMixin, LiveMixin, AgendaMixin, ActionsMixin):
    """All reads and writes of sessions. Thread-safe: one connection behind a lock."""

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
