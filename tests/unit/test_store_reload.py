"""Store.load(previous=...) hands back the unchanged touchpoints of the session it loaded
last (the app reloads after every edit), and still returns exactly what the file holds."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from benchmarks.synthetic import synthetic_session
from tests.test_storage_snapshot import edit, fresh
from tpworkshop.storage import Store
from tpworkshop.storage.rows import _SELECT_TOUCHPOINTS


def test_reload_reuses_unchanged_touchpoints_only(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(60, segments=3, stages=4))
        first = store.load(sid)
        changed = first.touchpoints[7]
        store.update_touchpoint(changed.db_id, owner="Someone new")
        second = store.load(sid, previous=first)
        assert second == fresh(db_path, sid)
        by_id = {tp.db_id: tp for tp in second.touchpoints}
        assert by_id[changed.db_id] is not changed
        assert by_id[changed.db_id].owner == "Someone new"
        assert all(by_id[tp.db_id] is tp for tp in first.touchpoints if tp.db_id != changed.db_id)


def test_only_the_session_handed_out_last_is_reused(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(30, segments=2, stages=3))
        older = store.load(sid)
        newer = store.load(sid)
        again = store.load(sid, previous=older)  # not the last one: nothing shared
        assert not any(a is b for a, b in zip(again.touchpoints, older.touchpoints, strict=True))
        assert again == newer


def test_a_plain_load_after_a_reuse_shares_nothing(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(30, segments=2, stages=3))
        first = store.load(sid)
        second = store.load(sid, previous=first)
        plain = store.load(sid)
        assert not any(a is b for a, b in zip(plain.touchpoints, second.touchpoints, strict=True))
        plain.touchpoints[0].processes.append("Changed in memory only")
        assert store.load(sid) == fresh(db_path, sid)


def test_reloads_after_every_kind_of_edit_match_a_fresh_read(db_path: Path) -> None:
    rng = random.Random(11)
    with Store(db_path) as store, Store(db_path) as other:
        sid = store.insert_session(synthetic_session(250, segments=4, stages=4, seed=11))
        session = store.load(sid)
        undo: list = []
        for step in range(120):
            writer = other if step % 4 == 0 else store
            kind = edit(writer, sid, rng, undo if writer is store else [])
            session = store.load(sid, previous=session)
            assert session == fresh(db_path, sid), f"step {step}: {kind}"


def test_a_reload_sees_a_raw_write_behind_its_back(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(40, segments=2, stages=2))
        first = store.load(sid)
        conn = sqlite3.connect(db_path)
        conn.execute(
            "UPDATE touchpoints SET name = 'Changed behind its back' WHERE id = ?",
            (first.touchpoints[3].db_id,),
        )
        conn.commit()
        conn.close()
        second = store.load(sid, previous=first)
        assert second.touchpoints[3].name == "Changed behind its back"
        assert second.touchpoints[0] is first.touchpoints[0]  # equal rows still shared
        assert second == fresh(db_path, sid)


def test_touchpoints_come_in_map_order_after_reordering_the_map(db_path: Path) -> None:
    """The full read sorts in Python what SQLite used to sort: the same order."""
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(80, segments=3, stages=4, seed=3))
        session = store.load(sid)
        store.move_stage(session.stages[0].db_id, 2)
        store.move_segment(session.segments[2].db_id, -2)
        store._snapshots.clear()  # a full read, sorted in Python
        reloaded = store.load(sid, previous=session)
        # SQLite's own join and sort, the order load() promises
        cursor = store.conn.execute(_SELECT_TOUCHPOINTS, (sid,))
        names = [column[0] for column in cursor.description]
        in_sql = [dict(zip(names, row, strict=True))["ref"] for row in cursor]
        assert [tp.ref for tp in reloaded.touchpoints] == in_sql
        assert reloaded == fresh(db_path, sid)
