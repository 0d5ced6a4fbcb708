"""The edit history: every committed change, who made it, and how to undo it.

Each change a person makes is one ``history`` row (who, when, what: the kind of change, the
entity, its ref or key, its name, and for an edit the field with its old and new value).
The rows the change wrote are recorded in the same transaction by SQLite itself: triggers on
the content tables copy each inserted, updated or deleted row, before and after, as JSON into
``history_rows``. The triggers are TEMP triggers of the store's own connection, created when
it opens and fired only while that connection has a change open (a row in the TEMP table
``history_open``), so imports, presence heartbeats, the facilitator's position and other
programs' writes are not recorded, and the file's schema stays plain.

Undo (:func:`undo_last`) puts back the rows as they were before a person's last change, in
one transaction, when nothing since stands in the way. The rule: every value the change
wrote must still be there (a row it added is unchanged, a value it set still holds, a row it
deleted is still gone), except that votes are counted, not set: undoing a vote takes back
exactly that vote, whoever voted since. And undoing must not remove anything the change
did not write (say, a touchpoint someone added to a segment whose creation is undone).
Otherwise it refuses with one sentence, naming who changed the thing since.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tpworkshop.domain.frameworks import FRAMEWORKS
from tpworkshop.domain.labels import field_subject
from tpworkshop.domain.model import LIST_FIELDS
from tpworkshop.domain.text import visible_line
from tpworkshop.domain.validation import MAX_VOTES
from tpworkshop.i18n import format_datetime
from tpworkshop.i18n.catalogs.history import HISTORY
from tpworkshop.i18n.catalogs.rules import RULE_LABELS
from tpworkshop.i18n.catalogs.values import value_word
from tpworkshop.storage.errors import StorageError

FACILITATOR, PARTICIPANT = "facilitator", "participant"
ROLES = (FACILITATOR, PARTICIPANT)

TABLES = {
    "session": "sessions",
    "stage": "stages",
    "segment": "segments",
    "touchpoint": "touchpoints",
    "action": "actions",
    "accepted": "accepted",
    "dot": "dots",
}
"""Each entity a change can name, and its table."""

SESSION_CONTENT = (
    "name",
    "organisation",
    "facilitator",
    "participants",
    "language",
    "framework",
    "notes",
    "dots_per_participant",
    "agenda_start",
    "timebox_overrides",
)
"""The session columns people edit; the others (position, revision, updated, live state)
are bookkeeping and never recorded."""

RECORDED = ("stages", "segments", "touchpoints", "actions", "accepted", "dots")
"""Tables recorded whole (rows added, changed and removed); ``sessions`` only for edits of
SESSION_CONTENT."""

COUNTERS = {"touchpoints": ("votes",)}
"""Columns undone by difference (the room's votes), not by setting the old value back."""

COLUMN_FIELDS = {"touchpoint_id": "touchpoint", "accepted_by": "by"}
"""Columns named otherwise than the field they hold."""


@dataclass(frozen=True)
class Actor:
    """Who is making changes through a store: the facilitator, or a participant by name."""

    role: str = FACILITATOR
    name: str = ""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, not {self.role!r}")

    @property
    def is_facilitator(self) -> bool:
        return self.role == FACILITATOR


@dataclass(frozen=True)
class Change:
    """One recorded change, as ``tpworkshop history`` lists it and undo reports it.

    ``old`` and ``new`` are the field's values (texts, numbers, lists, booleans) for an
    edit, the places for a move, the counts for votes; None where they say nothing.
    """

    id: int
    at: datetime
    role: str
    actor: str
    kind: str
    entity: str
    ref: str = ""
    label: str = ""
    field: str | None = None
    old: Any = None
    new: Any = None
    undoes: int | None = None
    undone_by: int | None = None
    rows: int = 0
    undone_kind: str | None = None
    """For an undo: the kind of change it undid."""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": _iso(self.at),
            "role": self.role,
            "who": self.actor,
            "kind": self.kind,
            "entity": self.entity,
            "ref": self.ref,
            "label": self.label,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "undoes": self.undoes,
            "undone_by": self.undone_by,
            "rows": self.rows,
            "undone_kind": self.undone_kind,
        }


@dataclass
class OpenChange:
    """A change being made inside a write transaction (see Store._record)."""

    id: int
    session_id: int
    kind: str
    entity: str
    row_id: int | None
    field: str | None = None
    old: Any = None
    new: Any = None
    fields: tuple[str, ...] = ()
    """For an edit: the fields asked for, in order; the first that changed is named."""
    labelled: bool = False
    summary_set: bool = False

    def summarise(self, field_name: str | None, old: Any, new: Any) -> None:
        self.field, self.old, self.new, self.summary_set = field_name, old, new, True


# --- recording ---------------------------------------------------------------------------


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]


def _json_of(prefix: str, columns: Iterable[str]) -> str:
    return "json_object(" + ", ".join(f"'{c}', {prefix}.{c}" for c in columns) + ")"


def install_recorder(conn: sqlite3.Connection) -> None:
    """Create this connection's TEMP table and triggers that record changed rows."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS history_open (id INTEGER NOT NULL)")
    when = "WHEN EXISTS (SELECT 1 FROM history_open)"
    entry = "(SELECT id FROM history_open)"
    for table in RECORDED:
        columns = _columns(conn, table)
        old, new = _json_of("OLD", columns), _json_of("NEW", columns)
        differs = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        statements = {
            "insert": (f"AFTER INSERT ON main.{table} {when}", "NULL", new, "NEW"),
            "update": (f"AFTER UPDATE ON main.{table} {when} AND ({differs})", old, new, "NEW"),
            "delete": (f"AFTER DELETE ON main.{table} {when}", old, "NULL", "OLD"),
        }
        for name, (event, before, after, row) in statements.items():
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS history_{table}_{name} {event} BEGIN"
                " INSERT INTO history_rows (history_id, tbl, row_id, old, new)"
                f" VALUES ({entry}, '{table}', {row}.id, {before}, {after}); END"
            )
    content = ("id", *SESSION_CONTENT)
    differs = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in SESSION_CONTENT)
    conn.execute(
        "CREATE TEMP TRIGGER IF NOT EXISTS history_sessions_update"
        f" AFTER UPDATE OF {', '.join(SESSION_CONTENT)} ON main.sessions {when} AND ({differs})"
        " BEGIN INSERT INTO history_rows (history_id, tbl, row_id, old, new)"
        f" VALUES ({entry}, 'sessions', NEW.id, {_json_of('OLD', content)},"
        f" {_json_of('NEW', content)}); END"
    )


def open_change(
    conn: sqlite3.Connection,
    session_id: int,
    actor: Actor,
    kind: str,
    entity: str,
    *,
    row_id: int | None = None,
    ref: str | None = None,
    label: str | None = None,
    fields: Iterable[str] = (),
    undoes: int | None = None,
) -> OpenChange:
    """Start recording a change: its history row, and the triggers switched on.

    ``row_id`` names the entity's row; its ref and name are read now (before a delete).
    A change that adds a row sets ``row_id`` on the returned OpenChange once it has it.
    """
    labelled = ref is not None or row_id is not None
    if ref is None and row_id is not None:
        ref, label = ref_and_label(conn, entity, row_id)
    name = actor.name
    if actor.is_facilitator and not name:
        row = conn.execute("SELECT facilitator FROM sessions WHERE id = ?", (session_id,))
        found = row.fetchone()
        name = found[0] if found else ""
    cursor = conn.execute(
        "INSERT INTO history (session_id, at, role, actor, kind, entity, ref, label, undoes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (session_id, _iso(_now()), actor.role, name, kind, entity, ref or "", label or "", undoes),
    )
    change_id = int(cursor.lastrowid or 0)
    conn.execute("DELETE FROM history_open")
    conn.execute("INSERT INTO history_open (id) VALUES (?)", (change_id,))
    return OpenChange(
        change_id, session_id, kind, entity, row_id, fields=tuple(fields), labelled=labelled
    )


def ref_and_label(conn: sqlite3.Connection, entity: str, row_id: int) -> tuple[str, str]:
    """How a change names its entity: the ref or key, and the name (title, rule)."""
    if entity == "session":
        row = conn.execute("SELECT '', name FROM sessions WHERE id = ?", (row_id,)).fetchone()
    elif entity in ("stage", "segment"):
        table = TABLES[entity]
        row = conn.execute(f"SELECT key, name FROM {table} WHERE id = ?", (row_id,)).fetchone()
    elif entity == "touchpoint":
        row = conn.execute("SELECT ref, name FROM touchpoints WHERE id = ?", (row_id,)).fetchone()
    elif entity == "action":
        row = conn.execute("SELECT id, title FROM actions WHERE id = ?", (row_id,)).fetchone()
    elif entity == "accepted":
        row = conn.execute(
            "SELECT id, rule || coalesce(' (' || coalesce(touchpoint, stage, segment) || ')', '')"
            " FROM accepted WHERE id = ?",
            (row_id,),
        ).fetchone()
    else:
        row = None
    return ("", "") if row is None else (str(row[0]), str(row[1]))


def close_change(conn: sqlite3.Connection, change: OpenChange) -> None:
    """Stop recording; keep the change if it wrote anything, with its summary."""
    conn.execute("DELETE FROM history_open")
    wrote = conn.execute(
        "SELECT 1 FROM history_rows WHERE history_id = ? LIMIT 1", (change.id,)
    ).fetchone()
    if wrote is None:  # nothing changed (the same value again, a vote below zero...)
        conn.execute("DELETE FROM history WHERE id = ?", (change.id,))
        return
    if not change.summary_set and change.kind == "update" and change.row_id is not None:
        _summarise_edit(conn, change)
    conn.execute(
        "UPDATE history SET field = ?, old = ?, new = ? WHERE id = ?",
        (change.field, _dump(change.old), _dump(change.new), change.id),
    )
    if not change.labelled and change.row_id is not None:
        ref, label = ref_and_label(conn, change.entity, change.row_id)
        conn.execute("UPDATE history SET ref = ?, label = ? WHERE id = ?", (ref, label, change.id))


def discard_open(conn: sqlite3.Connection) -> None:
    """After a rollback the TEMP row is gone with the transaction; make sure of it."""
    if conn.in_transaction:
        conn.execute("DELETE FROM history_open")


@dataclass(frozen=True)
class _Image:
    table: str
    row_id: int
    old: dict[str, Any] | None
    new: dict[str, Any] | None

    def changed(self) -> list[str]:
        if self.old is None or self.new is None:
            return list((self.old or self.new or {}).keys())
        return [c for c in self.new if self.old.get(c) != self.new[c]]


def _images(
    conn: sqlite3.Connection, change_id: int, table: str | None = None, row_id: int | None = None
) -> Iterator[_Image]:
    """The rows a change wrote, in the order it wrote them (or only one table's row)."""
    query = "SELECT tbl, row_id, old, new FROM history_rows WHERE history_id = ?"
    params: tuple[Any, ...] = (change_id,)
    if table is not None:
        query += " AND tbl = ? AND row_id = ?"
        params += (table, row_id)
    for table_name, image_row_id, old, new in conn.execute(query + " ORDER BY id", params):
        yield _Image(
            table_name,
            int(image_row_id),
            json.loads(old) if old is not None else None,
            json.loads(new) if new is not None else None,
        )


def _summarise_edit(conn: sqlite3.Connection, change: OpenChange) -> None:
    table = TABLES[change.entity]
    image = next(_images(conn, change.id, table, change.row_id), None)
    if image is None or image.old is None or image.new is None:
        return
    changed = image.changed()
    by_field = {COLUMN_FIELDS.get(c, c): c for c in changed}
    wanted = [f for f in change.fields if f in by_field] or list(by_field)
    if not wanted:
        return
    field_name = wanted[0]
    column = by_field[field_name]
    old, new = image.old[column], image.new[column]
    if column == "touchpoint_id":
        old, new = _ref_of(conn, old), _ref_of(conn, new)
    change.summarise(field_name, _decode(field_name, old), _decode(field_name, new))


def _ref_of(conn: sqlite3.Connection, touchpoint_id: int | None) -> str | None:
    if touchpoint_id is None:
        return None
    row = conn.execute("SELECT ref FROM touchpoints WHERE id = ?", (touchpoint_id,)).fetchone()
    return row[0] if row else None


def _decode(field_name: str, value: Any) -> Any:
    """A column's value as the field holds it (lists from their JSON text, flags as bools)."""
    if field_name in LIST_FIELDS or field_name == "participants":
        return json.loads(value) if isinstance(value, str) else value
    if field_name == "timebox_overrides":
        return json.loads(value) if isinstance(value, str) else value
    if field_name in ("pain_point", "moment_of_truth"):
        return bool(value)
    return value


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


# --- undo --------------------------------------------------------------------------------


def last_undoable(conn: sqlite3.Connection, session_id: int, actor: Actor) -> dict[str, Any] | None:
    """The actor's own last change that is not undone and not itself an undo."""
    mine = "role = 'facilitator'" if actor.is_facilitator else "role = ? AND actor = ?"
    params: tuple[Any, ...] = () if actor.is_facilitator else (actor.role, actor.name)
    cursor = conn.execute(
        f"SELECT * FROM history WHERE session_id = ? AND {mine}"
        " AND kind != 'undo' AND undone_by IS NULL ORDER BY id DESC LIMIT 1",
        (session_id, *params),
    )
    row = cursor.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cursor.description]
    return dict(zip(names, row, strict=True))


class UndoConflict(Exception):
    """Something since stands in the way: the row (and column) that changed."""

    def __init__(self, table: str, row_id: int, column: str | None = None) -> None:
        super().__init__(f"{table} {row_id} {column}")
        self.table = table
        self.row_id = row_id
        self.column = column


def undo_change(
    conn: sqlite3.Connection, entry: dict[str, Any], actor: Actor
) -> tuple[Change, set[int]]:
    """Undo one recorded change inside the caller's write transaction.

    Returns the change undone and the touchpoint row ids written; raises StorageError
    (undo_conflict) when something since stands in the way: the caller rolls back.
    """
    images = list(_images(conn, entry["id"]))
    undo = open_change(
        conn,
        entry["session_id"],
        actor,
        "undo",
        entry["entity"],
        ref=entry["ref"],
        label=entry["label"],
        undoes=entry["id"],
    )
    # Rows go back in the reverse order of their writing: a cascade wrote children before
    # their parent, so parents come back first and every foreign key holds at each step.
    try:
        for batch in _batches(reversed(images)):
            if len(batch) > 1:
                _insert_again(conn, batch)
            else:
                _revert(conn, batch[0])
        beyond = conn.execute(
            "SELECT tbl, row_id FROM history_rows WHERE history_id = ?"
            " EXCEPT SELECT tbl, row_id FROM history_rows WHERE history_id = ? LIMIT 1",
            (undo.id, entry["id"]),
        ).fetchone()
        if beyond is not None:  # it would remove or change what the change did not write
            raise UndoConflict(beyond[0], int(beyond[1]))
    except UndoConflict as conflict:
        raise _conflict_error(conn, entry, conflict, undo.id) from None
    except sqlite3.IntegrityError:  # a parent gone, a key or ref taken since
        raise _conflict_error(conn, entry, None, undo.id) from None
    undo.summarise(entry["field"], _load(entry["new"]), _load(entry["old"]))
    close_change(conn, undo)
    conn.execute("UPDATE history SET undone_by = ? WHERE id = ?", (undo.id, entry["id"]))
    touched = {i.row_id for i in images if i.table == "touchpoints"}
    return change_from_row(entry, len(images), undone_by=undo.id), touched


def _current(conn: sqlite3.Connection, table: str, row_id: int, columns: Iterable[str]) -> Any:
    row = conn.execute(_select_json(table, tuple(columns)), (row_id,)).fetchone()
    return None if row is None else json.loads(row[0])


@functools.lru_cache(maxsize=64)
def _select_json(table: str, columns: tuple[str, ...]) -> str:
    return f"SELECT {_json_of(table, columns)} FROM {table} WHERE id = ?"


@functools.lru_cache(maxsize=64)
def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _batches(images: Iterable[_Image]) -> Iterator[list[_Image]]:
    """Runs of deleted rows of one table (re-inserted together), and every other row alone."""
    run: list[_Image] = []
    for image in images:
        if image.new is None and run and run[0].table == image.table:
            run.append(image)
            continue
        if run:
            yield run
        run = [image]
        if image.new is not None:
            yield run
            run = []
    if run:
        yield run


def _insert_again(conn: sqlite3.Connection, batch: list[_Image]) -> None:
    """Deleted rows of one table back with their ids (a removed stage's 10,000 touchpoints)."""
    table = batch[0].table
    by_shape: dict[tuple[str, ...], list[list[Any]]] = {}
    for image in batch:
        assert image.old is not None
        columns = tuple(image.old)
        by_shape.setdefault(columns, []).append([image.old[c] for c in columns])
    for columns, rows in by_shape.items():
        try:
            conn.executemany(_insert(table, columns), rows)
        except sqlite3.IntegrityError as error:
            if "UNIQUE" in str(error) and f"{table}.id" in str(error):
                raise UndoConflict(table, int(rows[0][columns.index("id")])) from error
            raise


def _revert(conn: sqlite3.Connection, image: _Image) -> None:
    """Put one row back as it was before the change, or raise UndoConflict."""
    table, row_id = image.table, image.row_id
    if image.new is None:  # the change deleted it: insert it again, with its id
        assert image.old is not None
        columns = tuple(image.old)
        try:  # ids are never reused: only this row could hold its id
            conn.execute(_insert(table, columns), [image.old[c] for c in columns])
        except sqlite3.IntegrityError as error:
            if "UNIQUE" in str(error) and f"{table}.id" in str(error):
                raise UndoConflict(table, row_id) from error
            raise
        return
    current = _current(conn, table, row_id, image.new.keys())
    counters = COUNTERS.get(table, ())
    if current is None:
        raise UndoConflict(table, row_id)
    if image.old is None:  # the change added it: it goes, if nobody changed it since
        for column in image.new:
            if column != "position" and current[column] != image.new[column]:
                raise UndoConflict(table, row_id, column)
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        return
    values: dict[str, Any] = {}
    for column in image.changed():
        if column in counters:
            delta = image.new[column] - image.old[column]
            values[column] = max(0, min(MAX_VOTES, current[column] - delta))
        elif current[column] != image.new[column]:
            raise UndoConflict(table, row_id, column)
        else:
            values[column] = image.old[column]
    if values:
        assignments = ", ".join(f"{column} = ?" for column in values)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*values.values(), row_id))


def _conflict_error(
    conn: sqlite3.Connection, entry: dict[str, Any], conflict: UndoConflict | None, undo_id: int
) -> StorageError:
    """One sentence: who changed it since (when the history knows), and nothing changed."""
    if conflict is not None and conflict.row_id:
        for actor, role, old, new in conn.execute(
            "SELECT h.actor, h.role, r.old, r.new FROM history_rows r"
            " JOIN history h ON h.id = r.history_id"
            " WHERE r.tbl = ? AND r.row_id = ? AND h.id > ? AND h.id != ? ORDER BY r.id DESC",
            (conflict.table, conflict.row_id, entry["id"], undo_id),
        ):
            before, after = _load(old) or {}, _load(new) or {}
            if conflict.column is not None and before.get(conflict.column) == after.get(
                conflict.column
            ):
                continue  # that change left the column alone
            if actor:
                return StorageError("undo_conflict_by", who=actor, label=entry["label"])
            if role == FACILITATOR:
                return StorageError("undo_conflict_facilitator", label=entry["label"])
            break
    return StorageError("undo_conflict", label=entry["label"])


# --- reading -----------------------------------------------------------------------------


def read_history(conn: sqlite3.Connection, session_id: int) -> list[Change]:
    """The session's changes, oldest first."""
    cursor = conn.execute(
        "SELECT h.*, (SELECT count(*) FROM history_rows r WHERE r.history_id = h.id) AS rows,"
        " (SELECT o.kind FROM history o WHERE o.id = h.undoes) AS undone_kind"
        " FROM history h WHERE h.session_id = ? ORDER BY h.id",
        (session_id,),
    )
    names = [d[0] for d in cursor.description]
    changes = []
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        changes.append(change_from_row(row, int(row["rows"])))
    return changes


def change_from_row(row: dict[str, Any], rows: int = 0, undone_by: int | None = None) -> Change:
    return Change(
        id=int(row["id"]),
        at=_parse(row["at"]),
        role=row["role"],
        actor=row["actor"],
        kind=row["kind"],
        entity=row["entity"],
        ref=row["ref"],
        label=row["label"],
        field=row["field"],
        old=_load(row["old"]),
        new=_load(row["new"]),
        undoes=row["undoes"],
        undone_by=undone_by if undone_by is not None else row["undone_by"],
        rows=rows,
        undone_kind=row.get("undone_kind"),
    )


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# --- sentences ---------------------------------------------------------------------------

_SHOWN = 60
"""Longest value a sentence quotes whole; longer ones end in '…'."""


def describe(change: Change, lang: str) -> str:
    """What the change did, as a history line says it: "changed owner of 'Fast login' from
    'IT' to 'Sales'". User text is quoted as typed (never markup), on one line."""
    if change.kind == "undo":
        inner = Change(
            id=change.id,
            at=change.at,
            role=change.role,
            actor=change.actor,
            kind=_undone_kind(change),
            entity=change.entity,
            ref=change.ref,
            label=change.label,
            field=change.field,
            old=change.new,  # an undo records the values the other way round
            new=change.old,
        )
        return HISTORY("did.undo", lang, what=describe(inner, lang))
    return HISTORY(f"did.{change.kind}", lang, **_params(change, lang))


def describe_undo(change: Change, lang: str) -> str:
    """The sentence the UI shows after an undo: "Undid: owner of 'Fast login' back to 'IT'."."""
    return HISTORY(f"undid.{change.kind}", lang, **_params(change, lang))


def who(change: Change, lang: str) -> str:
    """Who made the change: their name, or "the facilitator"."""
    return change.actor or HISTORY("who.facilitator", lang)


def history_line(change: Change, lang: str) -> str:
    return HISTORY("line", lang, who=who(change, lang), what=describe(change, lang))


def _undone_kind(change: Change) -> str:
    return change.undone_kind or "update"


def _params(change: Change, lang: str) -> dict[str, str]:
    return {
        "entity": HISTORY(f"entity.{change.entity}", lang)
        if f"entity.{change.entity}" in HISTORY
        else change.entity,
        "label": _quote(_label(change, lang), lang),
        "field": _field(change.field, lang),
        "old": _value(change.field, change.old, lang),
        "new": _value(change.field, change.new, lang),
    }


def _label(change: Change, lang: str) -> str:
    """The entity's name; an accepted finding's stored rule id («no-owner (tp-2)») is read
    by its name in the language («Sin responsable (tp-2)»)."""
    label = change.label or change.ref
    if change.entity != "accepted":
        return label
    rule, space, where = label.partition(" ")
    return (RULE_LABELS(rule, lang) if rule in RULE_LABELS else rule) + space + where


def _field(name: str | None, lang: str) -> str:
    if not name:
        return ""
    # As a sentence's subject: with its article in Spanish («la necesidad de «X»»).
    text = field_subject(name, lang)
    return text[:1].lower() + text[1:]


def _quote(text: str, lang: str) -> str:
    """One line, at most _SHOWN characters, in the language's quotation marks; a control
    character (which only an older file could hold) shows as a symbol, never acts."""
    flat = " ".join(visible_line(str(text)).split())
    if len(flat) > _SHOWN:
        flat = flat[: _SHOWN - 1] + "…"
    return f"«{flat}»" if lang == "es" else f"'{flat}'"


def _agenda_row(key: str, lang: str) -> str:
    """An agenda row's name («Pausa», «Pausa 2», «Detalles»), not its key."""
    name, _, number = key.partition("-")
    text = HISTORY(f"row.{name}", lang) if f"row.{name}" in HISTORY else key
    return f"{text} {number}" if number else text


def _value(field_name: str | None, value: Any, lang: str) -> str:
    if value is None:
        return HISTORY("value.none", lang)
    if isinstance(value, bool):
        return HISTORY("value.yes" if value else "value.no", lang)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        parts = [
            HISTORY("value.minutes", lang, step=_agenda_row(step, lang), minutes=minutes)
            for step, minutes in sorted(value.items())
        ]
        return ", ".join(parts) if parts else HISTORY("value.empty", lang)
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    if field_name == "agenda_start" and isinstance(value, str):
        with contextlib.suppress(ValueError):
            return _quote(format_datetime(datetime.fromisoformat(value), lang), lang)
    if field_name == "framework" and value in FRAMEWORKS:
        return FRAMEWORKS[value].name(lang)
    word = value_word(field_name or "", value, lang)  # a kind, an initiative, evidence, a status
    if word is not None:
        return _quote(word, lang)
    if value == "":
        return HISTORY("value.empty", lang)
    return _quote(str(value), lang)
