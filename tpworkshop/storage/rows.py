"""How rows become model objects and back: the touchpoint columns, lists as JSON,
times as ISO text, and the snapshot the store keeps of a session's touchpoints."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tpworkshop.domain.model import LIST_FIELDS, Position, Segment, Session, Stage, Touchpoint
from tpworkshop.domain.text import fold
from tpworkshop.storage import history
from tpworkshop.storage.errors import StorageError


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# --- row mapping -------------------------------------------------------------------------
#
# Every query reads its columns by name (``named()`` below) but the touchpoint reads, the
# hot path of every reload: a touchpoint row is read as a tuple of values in the order
# Touchpoint declares its fields (every SELECT below names its columns after those fields),
# and where a value needs decoding, its place is looked up by field name.

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


_new_object = object.__new__
_set_attribute = object.__setattr__
_LIST_NAMES = tuple(LIST_FIELDS)


def _build_touchpoint(values: tuple[Any, ...]) -> Touchpoint:
    """A new Touchpoint (with new lists) from _row_values().

    Made as ``Touchpoint(*values)`` would make it, without the frozen dataclass's 25
    guarded attribute writes (they tripled the time of a full load: 2,000 touchpoints in
    ~40 ms instead of ~15). The values come from the database, checked when written.
    """
    fields = dict(zip(_TOUCHPOINT_FIELDS, values, strict=True))
    for name in _LIST_NAMES:
        fields[name] = list(fields[name])
    tp: Touchpoint = _new_object(Touchpoint)
    _set_attribute(tp, "__dict__", fields)
    return tp


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
    row = named(conn, "SELECT votes FROM touchpoints WHERE id = ?", (touchpoint_id,)).fetchone()
    return int(row["votes"])


def _place_name(conn: sqlite3.Connection, session_id: int, segment: str, stage: str) -> str:
    """'Families · Awareness': a map cell as people name it."""
    row = named(
        conn,
        "SELECT g.name AS segment, s.name AS stage FROM segments g, stages s"
        " WHERE g.session_id = ? AND g.key = ? AND s.session_id = ? AND s.key = ?",
        (session_id, segment, session_id, stage),
    ).fetchone()
    return f"{row['segment']} · {row['stage']}" if row else f"{segment} · {stage}"


def named(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """Run a query whose rows are read by column name (``sqlite3.Row``): every query of the
    store but the touchpoint reads, whose rows are tuples in Touchpoint's field order (see
    above) because they are the hot path of every reload."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params)


def _agenda_text(start: datetime | None) -> str | None:
    return start.isoformat() if start is not None else None


def _next_position(
    conn: sqlite3.Connection, table: str, where: str, params: tuple[Any, ...]
) -> int:
    row = named(conn, f"SELECT max(position) AS last FROM {table} WHERE {where}", params)
    last = row.fetchone()["last"]
    return 0 if last is None else int(last) + 1


def _next_ref(conn: sqlite3.Connection, session_id: int) -> str:
    """``tp-N`` with N one past the highest number the session ever used: a deleted
    touchpoint's ref is never given to another (accepted findings and the history name
    touchpoints by ref; undoing the delete brings it back under it)."""
    # The planner prefers the (session_id, ref) index for the GLOB and then reads every
    # ref; the expression index of migration 4 finds the highest number at once.
    last = named(
        conn,
        "UPDATE sessions SET last_ref = max(last_ref, coalesce((SELECT max(CAST(substr(ref, 4)"
        " AS INTEGER)) FROM touchpoints INDEXED BY touchpoints_ref_number WHERE session_id = ?"
        " AND ref GLOB 'tp-[0-9]*'), 0)) + 1 WHERE id = ? RETURNING last_ref",
        (session_id, session_id),
    ).fetchone()
    if last is None:
        raise StorageError("gone", what="session")
    return f"tp-{last['last_ref']}"


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
