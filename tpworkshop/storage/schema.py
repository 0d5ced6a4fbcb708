"""The schema, as forward migrations; ``PRAGMA user_version`` counts those applied.

Plain tables with clear names so a person can read a session with ``sqlite3`` or
``sqlite-utils``. Lists are JSON arrays in TEXT columns; timestamps are ISO 8601 UTC.

sqlite-utils (which imports click, pluggy and numpy: a fifth of a second) is imported only
when a database actually needs migrating: ``migrations`` is built on first use, and the
schema version is known without it, so opening an up-to-date file never pays for it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x54505753  # "TPWS": marks the file as a tpworkshop database

MIGRATIONS: list[Callable[[Database], None]] = []
"""The migration functions, oldest first (registered with sqlite-utils in this order)."""


def _migration(function: Callable[[Database], None]) -> Callable[[Database], None]:
    MIGRATIONS.append(function)
    return function


@functools.cache
def build_migrations() -> Migrations:
    """The sqlite-utils migration set (imports sqlite-utils on first call)."""
    from sqlite_utils.migrations import Migrations

    migration_set = Migrations("tpworkshop")
    for function in MIGRATIONS:
        migration_set()(function)
    return migration_set


def __getattr__(name: str) -> Any:
    if name == "migrations":  # ``from tpworkshop.storage.schema import migrations``
        return build_migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@_migration
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT '',
            facilitator TEXT NOT NULL DEFAULT '',
            participants TEXT NOT NULL DEFAULT '[]',
            language TEXT NOT NULL DEFAULT 'en',
            framework TEXT NOT NULL DEFAULT 'five-stage',
            notes TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            step TEXT NOT NULL DEFAULT 'setup',
            current_segment TEXT,
            current_stage TEXT,
            current_touchpoint TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE stages (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            weight INTEGER NOT NULL DEFAULT 3 CHECK (weight BETWEEN 1 AND 5),
            position INTEGER NOT NULL,
            UNIQUE (session_id, key)
        )"""
    )
    db.execute(
        """
        CREATE TABLE segments (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            UNIQUE (session_id, key)
        )"""
    )
    db.execute(
        """
        CREATE TABLE touchpoints (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            ref TEXT NOT NULL,
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            channel TEXT NOT NULL DEFAULT '',
            kind TEXT CHECK (kind IN ('communication', 'human', 'physical', 'sensory')),
            initiative TEXT CHECK (initiative IN ('proactive', 'reactive')),
            need TEXT NOT NULL DEFAULT '',
            interactions TEXT NOT NULL DEFAULT '[]',
            owner TEXT NOT NULL DEFAULT '',
            processes TEXT NOT NULL DEFAULT '[]',
            people TEXT NOT NULL DEFAULT '[]',
            customer_contacts TEXT NOT NULL DEFAULT '[]',
            desired_outcome TEXT NOT NULL DEFAULT '',
            data_generated TEXT NOT NULL DEFAULT '[]',
            optimal_experience TEXT NOT NULL DEFAULT '',
            effectiveness INTEGER CHECK (effectiveness BETWEEN 1 AND 5),
            pain_point INTEGER NOT NULL DEFAULT 0,
            pain_note TEXT NOT NULL DEFAULT '',
            votes INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
            UNIQUE (session_id, ref)
        )"""
    )
    db.execute(
        """
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            touchpoint_id INTEGER REFERENCES touchpoints(id) ON DELETE SET NULL,
            owner TEXT NOT NULL DEFAULT '',
            due TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done'))
        )"""
    )
    db.execute("CREATE INDEX touchpoints_cell ON touchpoints (session_id, segment_id, stage_id)")
    db.execute("CREATE INDEX actions_session ON actions (session_id)")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")


@_migration
def m002_live_workshops(db: Database) -> None:
    """Dot budgets, per-participant dots and presence, for live sessions over SSH."""
    db.execute("ALTER TABLE sessions ADD COLUMN dots_per_participant INTEGER NOT NULL DEFAULT 3")
    # Bumped by every content change, so live apps reload only when content changed
    # (presence heartbeats and the facilitator's position do not bump it).
    db.execute("ALTER TABLE sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """
        CREATE TABLE dots (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            voter TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX dots_voter ON dots (session_id, voter)")
    db.execute(
        """
        CREATE TABLE presence (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            step TEXT NOT NULL DEFAULT '',
            last_seen TEXT NOT NULL,
            pid INTEGER,
            PRIMARY KEY (session_id, name)
        )"""
    )
    db.execute("PRAGMA user_version = 2")


@_migration
def m003_live_end(db: Database) -> None:
    """When the facilitator ended the live session (NULL while it runs)."""
    db.execute("ALTER TABLE sessions ADD COLUMN live_ended TEXT")
    db.execute("PRAGMA user_version = 3")


@_migration
def m004_ref_numbers(db: Database) -> None:
    """The number in each ``tp-N`` ref, indexed: the next ref is found without reading
    every touchpoint of the session (4 ms at 10,000 on each add, now 0.01 ms)."""
    db.execute(
        "CREATE INDEX touchpoints_ref_number ON touchpoints"
        " (session_id, CAST(substr(ref, 4) AS INTEGER)) WHERE ref GLOB 'tp-[0-9]*'"
    )
    db.execute("PRAGMA user_version = 4")


@_migration
def m005_importance_and_agenda(db: Database) -> None:
    """FORMAT.md's later keys (importance, moment of truth, evidence, accepted findings)
    and the agenda saved with the session (its start and the changed timeboxes)."""
    db.execute(
        "ALTER TABLE touchpoints ADD COLUMN importance INTEGER CHECK (importance BETWEEN 1 AND 5)"
    )
    db.execute(
        "ALTER TABLE touchpoints ADD COLUMN moment_of_truth INTEGER NOT NULL DEFAULT 0"
        " CHECK (moment_of_truth IN (0, 1))"
    )
    db.execute(
        "ALTER TABLE touchpoints ADD COLUMN evidence TEXT"
        " CHECK (evidence IN ('assumed', 'reported', 'observed', 'measured'))"
    )
    db.execute("ALTER TABLE sessions ADD COLUMN agenda_start TEXT")
    db.execute("ALTER TABLE sessions ADD COLUMN timebox_overrides TEXT NOT NULL DEFAULT '{}'")
    db.execute(
        """
        CREATE TABLE accepted (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            rule TEXT NOT NULL,
            segment TEXT,
            stage TEXT,
            touchpoint TEXT,
            reason TEXT NOT NULL,
            accepted_by TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX accepted_session ON accepted (session_id)")
    db.execute("PRAGMA user_version = 5")


@_migration
def m006_history(db: Database) -> None:
    """The edit history: every committed change, who made it, and the rows it changed
    (their values before and after, as JSON objects), so that it can be undone."""
    db.execute(
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant')),
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            entity TEXT NOT NULL,
            ref TEXT NOT NULL DEFAULT '',
            label TEXT NOT NULL DEFAULT '',
            field TEXT,
            old TEXT,
            new TEXT,
            undoes INTEGER REFERENCES history(id) ON DELETE SET NULL,
            undone_by INTEGER REFERENCES history(id) ON DELETE SET NULL
        )"""
    )
    db.execute("CREATE INDEX history_session ON history (session_id, id)")
    db.execute(
        """
        CREATE TABLE history_rows (
            id INTEGER PRIMARY KEY,
            history_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            old TEXT,
            new TEXT
        )"""
    )
    db.execute("CREATE INDEX history_rows_entry ON history_rows (history_id)")
    db.execute("CREATE INDEX history_rows_row ON history_rows (tbl, row_id)")
    db.execute("PRAGMA user_version = 6")


def _rebuild(db: Database, table: str, create: str, select: str, indexes: list[str]) -> None:
    """Rebuild ``table`` as ``create`` says (same columns first, same order), its rows
    copied with their ids through ``select`` (``{table}`` is the old table). Runs with
    foreign keys off (see Store._migrate), as SQLite's documented procedure requires."""
    db.execute(create.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}_new (", 1))
    db.execute(f"INSERT INTO {table}_new {select.format(table=table)}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    for index in indexes:
        db.execute(index)


def _unique_names(db: Database) -> None:
    """Give each session a name no other has (compared like names), suffixes for the
    later of any duplicates an older version let in, and its folded form as the key."""
    from tpworkshop.domain.text import fold

    taken: set[str] = set()
    for session_id, given in db.execute("SELECT id, name FROM sessions ORDER BY id").fetchall():
        name = given.strip() or "?"
        candidate, n = name, 2
        while fold(candidate) in taken:
            candidate = f"{name} ({n})"
            n += 1
        taken.add(fold(candidate))
        db.execute(
            "UPDATE sessions SET name = ?, name_key = ? WHERE id = ?",
            (candidate, fold(candidate), session_id),
        )


@_migration
def m007_lasting_ids_and_unique_names(db: Database) -> None:
    """Ids are never reused (AUTOINCREMENT, existing ids kept), so a stale ``join 27`` can
    never land in another session; session names unique in the database itself (a folded
    name with a UNIQUE index); numbers checked by the database too (votes 0..10000 and
    whole, ratings and weights 1..5); and each session remembers its highest touchpoint
    ref, so a deleted touchpoint's ref is not given to a new one either."""
    whole = "typeof({c}) = 'integer'"
    _rebuild(
        db,
        "sessions",
        f"""
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT '',
            facilitator TEXT NOT NULL DEFAULT '',
            participants TEXT NOT NULL DEFAULT '[]',
            language TEXT NOT NULL DEFAULT 'en',
            framework TEXT NOT NULL DEFAULT 'five-stage',
            notes TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            step TEXT NOT NULL DEFAULT 'setup',
            current_segment TEXT,
            current_stage TEXT,
            current_touchpoint TEXT,
            dots_per_participant INTEGER NOT NULL DEFAULT 3
              CHECK ({whole.format(c="dots_per_participant")}
                     AND dots_per_participant BETWEEN 0 AND 20),
            revision INTEGER NOT NULL DEFAULT 0,
            live_ended TEXT,
            agenda_start TEXT,
            timebox_overrides TEXT NOT NULL DEFAULT '{{}}',
            name_key TEXT NOT NULL,
            last_ref INTEGER NOT NULL DEFAULT 0
        )""",
        """SELECT id, name, organisation, facilitator, participants, language, framework,
             notes, created, updated, step, current_segment, current_stage,
             current_touchpoint, min(max(CAST(dots_per_participant AS INTEGER), 0), 20),
             revision, live_ended, agenda_start, timebox_overrides, 'id:' || id,
             coalesce((SELECT max(CAST(substr(t.ref, 4) AS INTEGER)) FROM touchpoints t
                       WHERE t.session_id = {table}.id AND t.ref GLOB 'tp-[0-9]*'), 0)
           FROM {table}""",
        [],
    )
    _unique_names(db)
    db.execute("CREATE UNIQUE INDEX sessions_name_key ON sessions (name_key)")
    _rebuild(
        db,
        "stages",
        f"""
        CREATE TABLE stages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            weight INTEGER NOT NULL DEFAULT 3
              CHECK ({whole.format(c="weight")} AND weight BETWEEN 1 AND 5),
            position INTEGER NOT NULL,
            UNIQUE (session_id, key)
        )""",
        """SELECT id, session_id, key, name, min(max(CAST(weight AS INTEGER), 1), 5), position
           FROM {table}""",
        [],
    )
    _rebuild(
        db,
        "segments",
        """
        CREATE TABLE segments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            UNIQUE (session_id, key)
        )""",
        "SELECT id, session_id, key, name, description, position FROM {table}",
        [],
    )
    rating = "{c} IS NULL OR (" + whole + " AND {c} BETWEEN 1 AND 5)"
    _rebuild(
        db,
        "touchpoints",
        f"""
        CREATE TABLE touchpoints (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            ref TEXT NOT NULL,
            segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
            stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            channel TEXT NOT NULL DEFAULT '',
            kind TEXT CHECK (kind IN ('communication', 'human', 'physical', 'sensory')),
            initiative TEXT CHECK (initiative IN ('proactive', 'reactive')),
            need TEXT NOT NULL DEFAULT '',
            interactions TEXT NOT NULL DEFAULT '[]',
            owner TEXT NOT NULL DEFAULT '',
            processes TEXT NOT NULL DEFAULT '[]',
            people TEXT NOT NULL DEFAULT '[]',
            customer_contacts TEXT NOT NULL DEFAULT '[]',
            desired_outcome TEXT NOT NULL DEFAULT '',
            data_generated TEXT NOT NULL DEFAULT '[]',
            optimal_experience TEXT NOT NULL DEFAULT '',
            effectiveness INTEGER CHECK ({rating.format(c="effectiveness")}),
            pain_point INTEGER NOT NULL DEFAULT 0 CHECK (pain_point IN (0, 1)),
            pain_note TEXT NOT NULL DEFAULT '',
            votes INTEGER NOT NULL DEFAULT 0
              CHECK ({whole.format(c="votes")} AND votes BETWEEN 0 AND 10000),
            importance INTEGER CHECK ({rating.format(c="importance")}),
            moment_of_truth INTEGER NOT NULL DEFAULT 0 CHECK (moment_of_truth IN (0, 1)),
            evidence TEXT
              CHECK (evidence IN ('assumed', 'reported', 'observed', 'measured')),
            UNIQUE (session_id, ref)
        )""",
        """SELECT id, session_id, ref, segment_id, stage_id, position, name, channel, kind,
             initiative, need, interactions, owner, processes, people, customer_contacts,
             desired_outcome, data_generated, optimal_experience,
             CAST(effectiveness AS INTEGER), pain_point != 0, pain_note,
             CAST(min(max(votes, 0), 10000) AS INTEGER), CAST(importance AS INTEGER),
             moment_of_truth != 0, evidence
           FROM {table}""",
        [
            "CREATE INDEX touchpoints_cell ON touchpoints (session_id, segment_id, stage_id)",
            "CREATE INDEX touchpoints_ref_number ON touchpoints"
            " (session_id, CAST(substr(ref, 4) AS INTEGER)) WHERE ref GLOB 'tp-[0-9]*'",
        ],
    )
    _rebuild(
        db,
        "actions",
        """
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            touchpoint_id INTEGER REFERENCES touchpoints(id) ON DELETE SET NULL,
            owner TEXT NOT NULL DEFAULT '',
            due TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done'))
        )""",
        "SELECT id, session_id, position, title, touchpoint_id, owner, due, status FROM {table}",
        ["CREATE INDEX actions_session ON actions (session_id)"],
    )
    _rebuild(
        db,
        "dots",
        """
        CREATE TABLE dots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            voter TEXT NOT NULL
        )""",
        "SELECT id, session_id, touchpoint_id, voter FROM {table}",
        ["CREATE INDEX dots_voter ON dots (session_id, voter)"],
    )
    _rebuild(
        db,
        "accepted",
        """
        CREATE TABLE accepted (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            rule TEXT NOT NULL,
            segment TEXT,
            stage TEXT,
            touchpoint TEXT,
            reason TEXT NOT NULL,
            accepted_by TEXT NOT NULL DEFAULT ''
        )""",
        """SELECT id, session_id, position, rule, segment, stage, touchpoint, reason,
             accepted_by FROM {table}""",
        ["CREATE INDEX accepted_session ON accepted (session_id)"],
    )
    db.execute("PRAGMA user_version = 7")


@_migration
def m008_position_view(db: Database) -> None:
    """The view the facilitator was on within the step (the Analysis tab), for a resume."""
    db.execute("ALTER TABLE sessions ADD COLUMN current_view TEXT")
    db.execute("PRAGMA user_version = 8")


MIGRATION_NAMES = [function.__name__ for function in MIGRATIONS]
SCHEMA_VERSION = len(MIGRATION_NAMES)
