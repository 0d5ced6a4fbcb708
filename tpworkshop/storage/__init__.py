"""SQLite storage: one database file holds many sessions (sqlite-utils, WAL, migrations)."""

from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.history import Actor, Change, describe, describe_undo, history_line
from tpworkshop.storage.store import SessionSummary, Store, default_db_path

__all__ = [
    "Actor",
    "Change",
    "SessionSummary",
    "Store",
    "StorageError",
    "default_db_path",
    "describe",
    "describe_undo",
    "history_line",
]
