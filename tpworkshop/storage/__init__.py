"""SQLite storage: one database file holds many sessions (sqlite-utils, WAL, migrations)."""

from tpworkshop.storage.errors import StorageError
from tpworkshop.storage.store import SessionSummary, Store, default_db_path

__all__ = ["SessionSummary", "Store", "StorageError", "default_db_path"]
