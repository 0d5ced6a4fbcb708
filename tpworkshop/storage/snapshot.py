"""The touchpoint snapshot behind ``Store.load``.

Every edit reloads the session (the app shows what the database holds), and at
10,000 touchpoints reading and building every row costs ~100 ms. So the store keeps,
per session, the touchpoints as last read (immutable tuples, never handed out) and
its own writes say which rows they touched; the next load re-reads only those. The
snapshot is used only when nothing else wrote meanwhile: the session's revision is
the one this store's own writes led to, and ``PRAGMA data_version`` (which changes
when any other connection commits) has not moved. Otherwise the load reads all.
"""

from __future__ import annotations

import bisect
import sqlite3
from typing import Any

from tpworkshop.domain.model import Segment, Session, Stage, Touchpoint
from tpworkshop.storage.connection import StoreBase
from tpworkshop.storage.rows import (
    _DB_ID,
    _IDS_PER_QUERY,
    _REPLACE_IN_PLACE,
    _SELECT_TOUCHPOINTS_BY_ID,
    _build_touchpoint,
    _Handed,
    _map_key,
    _place,
    _read_touchpoints,
    _row_values,
    _Snapshot,
)


class SnapshotMixin(StoreBase):
    """Reads a session's touchpoints through the snapshot (see the module)."""

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
