"""Storage on real SQLite files: migrations, refusals, row-level edits, transactions."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from tpworkshop.domain.model import Position
from tpworkshop.domain.validation import ValidationError
from tpworkshop.storage import StorageError, Store
from tpworkshop.storage.schema import SCHEMA_VERSION, migrations


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(db_path: Path) -> Store:
    with Store(db_path) as s:
        yield s


def test_new_database_is_wal_versioned_and_marked(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"sessions", "stages", "segments", "touchpoints", "actions", "dots"} <= tables


def test_migrates_a_version_1_database_and_keeps_its_data(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = Database(db_path)
    migrations.apply(db, stop_before="m002_live_workshops")
    db.execute(
        "INSERT INTO sessions (name, created, updated) VALUES ('Old', '2026-01-01T00:00:00Z',"
        " '2026-01-01T00:00:00Z')"
    )
    db.conn.commit()
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.close()
    with Store(db_path) as store:
        summaries = store.list_sessions()
        assert [s.name for s in summaries] == ["Old"]
        assert store.load(summaries[0].id).dots_per_participant == 3
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION


def test_a_version_3_database_gets_the_ref_index_and_refs_go_on(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Refs")
        seg = store.add_segment(sid, "Families")
        stage = store.load(sid).stages[0].key
        for name in ("One", "Two"):
            store.add_touchpoint(sid, seg, stage, name)
        store.conn.execute("UPDATE touchpoints SET ref = 'tp-41' WHERE name = 'Two'")
        # As a database made before migration 4 was written:
        store.conn.execute("DROP INDEX touchpoints_ref_number")
        store.conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_ref_numbers'")
        store.conn.execute("PRAGMA user_version = 3")
        store.conn.commit()
    with Store(db_path) as store:  # migrates to the current version
        added = store.add_touchpoint(sid, seg, stage, "Three")
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT max(CAST(substr(ref, 4) AS INTEGER)) FROM touchpoints"
            " INDEXED BY touchpoints_ref_number WHERE session_id = 1 AND ref GLOB 'tp-[0-9]*'"
        ).fetchall()
    assert added.ref == "tp-42"
    assert "touchpoints_ref_number" in str(plan)


def test_refuses_a_non_sqlite_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes\n")
    before = digest(path)
    with pytest.raises(StorageError, match="not a tpworkshop database"):
        Store(path)
    assert digest(path) == before


def test_refuses_another_apps_sqlite_database_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StorageError, match="not a tpworkshop database"):
        Store(path)
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_refuses_a_newer_schema_untouched(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(StorageError, match="newer tpworkshop") as info:
        Store(db_path)
    assert "más reciente" in info.value.message("es")
    assert digest(db_path) == before


def test_refuses_a_truncated_database_untouched(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Big")
        seg = store.add_segment(sid, "Everyone")
        for n in range(300):
            store.add_touchpoint(sid, seg, "awareness", f"Touchpoint {n}", need="x" * 200)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    before = digest(db_path)
    with pytest.raises(StorageError):
        Store(db_path)
    assert digest(db_path) == before


def test_edits_write_only_their_fields(db_path: Path, store: Store) -> None:
    sid = store.create_session("Shared")
    seg = store.add_segment(sid, "Families")
    tp = store.add_touchpoint(sid, seg, "awareness", "Ad")
    with Store(db_path) as other:
        other.update_touchpoint(tp.db_id, owner="Marketing")
    store.update_touchpoint(tp.db_id, channel="TV")
    loaded = store.load(sid).touchpoints[0]
    assert (loaded.owner, loaded.channel) == ("Marketing", "TV")


def test_bad_input_changes_nothing(store: Store) -> None:
    sid = store.create_session("Checks")
    seg = store.add_segment(sid, "Families")
    tp = store.add_touchpoint(sid, seg, "awareness", "Ad")
    before = store.load(sid)
    for field, value in [
        ("name", "   "),
        ("name", "x" * 201),
        ("need", "y" * 5001),
        ("effectiveness", 6),
        ("effectiveness", 0),
        ("votes", -1),
        ("kind", "smell"),
        ("initiative", "sometimes"),
        ("processes", ["ok", "two\nlines"]),
    ]:
        with pytest.raises(ValidationError):
            store.update_touchpoint(tp.db_id, **{field: value})
    with pytest.raises(ValidationError):
        store.add_segment(sid, "\t ")
    with pytest.raises(ValidationError):
        store.add_stage(sid, "Extra", weight=9)
    with pytest.raises(ValidationError):
        store.create_session("Other", framework="nine-stage")
    after = store.load(sid)
    assert after.touchpoints == before.touchpoints
    assert after.segments == before.segments
    assert after.stages == before.stages


def test_refs_positions_copy_move_delete_restore(store: Store) -> None:
    sid = store.create_session("Map", framework="5p")
    fam = store.add_segment(sid, "Families")
    fleet = store.add_segment(sid, "Fleets")
    a = store.add_touchpoint(sid, fam, "pre", "A")
    b = store.add_touchpoint(sid, fam, "pre", "B")
    c = store.add_touchpoint(sid, fam, "pre", "C")
    assert [a.ref, b.ref, c.ref] == ["tp-1", "tp-2", "tp-3"]
    copies = store.copy_touchpoint(b.db_id, [fleet])
    assert copies[0].segment == fleet and copies[0].ref == "tp-4"
    store.add_action(sid, "Fix B", touchpoint=b.ref)
    removed, action_ids = store.delete_touchpoint(b.db_id)
    assert [t.name for t in store.load(sid).cell(fam, "pre")] == ["A", "C"]
    assert store.load(sid).actions[0].touchpoint is None
    store.restore_touchpoint(sid, removed, action_ids)
    session = store.load(sid)
    assert [t.name for t in session.cell(fam, "pre")] == ["A", "B", "C"]
    assert session.actions[0].touchpoint == "tp-2"
    store.move_touchpoint(c.db_id, stage="post")
    assert [t.name for t in store.load(sid).cell(fam, "post")] == ["C"]


def test_votes_never_go_below_zero_and_add_atomically(db_path: Path, store: Store) -> None:
    sid = store.create_session("Votes")
    seg = store.add_segment(sid, "All")
    tp = store.add_touchpoint(sid, seg, "awareness", "Ad")
    with Store(db_path) as other:
        other.add_votes(tp.db_id, 2)
    assert store.add_votes(tp.db_id, 1) == 3
    assert store.add_votes(tp.db_id, -10) == 0


def test_removing_a_segment_takes_its_touchpoints_in_one_transaction(store: Store) -> None:
    sid = store.create_session("Remove")
    seg = store.add_segment(sid, "Gone")
    store.add_touchpoint(sid, seg, "awareness", "Ad")
    segment = store.load(sid).segments[0]
    store.remove_segment(segment.db_id)
    session = store.load(sid)
    assert session.segments == [] and session.touchpoints == []


def test_resolve_by_id_name_and_prefix(store: Store) -> None:
    a = store.create_session("Postventa Madrid")
    b = store.create_session("Postventa Sevilla")
    assert store.resolve(str(a)) == a
    assert store.resolve("postventa sevilla") == b
    assert store.resolve("Postventa M") == a
    with pytest.raises(StorageError, match="several sessions"):
        store.resolve("postventa")
    with pytest.raises(StorageError, match="No session"):
        store.resolve("Lisboa")


def test_session_names_are_unique_and_import_names_get_a_suffix(store: Store) -> None:
    store.create_session("Taller")
    with pytest.raises(StorageError, match="already exists"):
        store.create_session(" taller ")
    assert store.unique_name("TALLER") == "TALLER (2)"


def test_position_is_stored_without_touching_updated(store: Store, db_path: Path) -> None:
    """Moving around is not a change: ``updated`` (and the list's order) and the revision
    live apps reload on stay. ``updated`` is set a year back first: stamped in whole seconds,
    a bump within the same second would not show."""
    sid = store.create_session("Where")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE sessions SET updated = '2025-01-02T03:04:05Z' WHERE id = ?", (sid,))
    conn.close()
    before = store.load(sid).updated
    assert before == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    revision = store.live_state(sid).revision
    store.save_position(sid, Position(step="details", segment="x", touchpoint="tp-9"))
    session = store.load(sid)
    assert session.position == Position(step="details", segment="x", touchpoint="tp-9")
    assert session.updated == before
    assert store.list_sessions()[0].updated == before
    assert store.live_state(sid).revision == revision


def test_position_keeps_the_view_within_the_step(store: Store) -> None:
    """The Analysis tab is part of where the facilitator was (a resume lands on it)."""
    sid = store.create_session("Tabs")
    store.save_position(sid, Position(step="analysis", view="channels"))
    assert store.load(sid).position == Position(step="analysis", view="channels")
    assert store.live_state(sid).position.view == "channels"
    store.save_position(sid, Position(step="analysis", view=None))
    assert store.load(sid).position.view is None


def test_replace_import_is_atomic(store: Store) -> None:
    """A failing replacement leaves the old session intact (one transaction)."""
    sid = store.create_session("Keep me")
    broken = store.load(sid)
    broken.name = "Broken"
    broken.stages[0].weight = 99  # violates the CHECK constraint at insert time
    with pytest.raises(StorageError):
        store.insert_session(broken, replace=sid)
    assert store.load(sid).name == "Keep me"


def test_read_only_database_gives_a_clear_error(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("RO")
    import os

    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    db_path.chmod(0o444)
    try:
        with Store(db_path) as store, pytest.raises(StorageError, match="read-only"):
            store.add_segment(sid, "x")
    finally:
        db_path.chmod(0o644)
