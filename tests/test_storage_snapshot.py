"""Store.load answers from a snapshot of the touchpoints it last read plus the rows its own
writes touched: after any sequence of edits, by this store or by others, it must return
exactly what a fresh store reads from the file."""

from __future__ import annotations

import contextlib
import dataclasses
import random
import sqlite3
from pathlib import Path

import pytest

from benchmarks.synthetic import synthetic_session
from tpworkshop.storage import StorageError, Store


def fresh(db_path: Path, session_id: int):  # noqa: ANN201 - a domain Session
    with Store(db_path) as store:
        return store.load(session_id)


def edit(store: Store, session_id: int, rng: random.Random, undo: list) -> str:
    """One random edit through the store's public API; returns its name."""
    session = store.load(session_id)
    tps = session.touchpoints
    tp = rng.choice(tps) if tps else None
    segment = rng.choice(session.segments)
    stage = rng.choice(session.stages)
    choices = ["add", "add_stage", "add_segment", "update_session", "action", "reorder_stage"]
    if tp is not None:
        choices += ["update", "update", "votes", "move", "reorder", "copy", "delete", "dot"]
    choices += ["undo"] if undo else []
    choices += ["remove_stage"] if len(session.stages) > 2 else []
    choices += ["remove_segment"] if len(session.segments) > 2 else []
    kind = rng.choice(choices)
    if kind == "add":
        store.add_touchpoint(session_id, segment.key, stage.key, f"New {rng.random():.6f}")
    elif kind == "update":
        fields = rng.choice(
            [
                {"name": f"Renamed {rng.random():.6f}"},
                {"owner": rng.choice(["", "Sales", "IT"])},
                {"processes": rng.sample(["Billing", "Returns", "Onboarding"], rng.randint(0, 3))},
                {"effectiveness": rng.choice([None, 1, 5])},
                {"pain_point": rng.random() < 0.5, "pain_note": "Slow"},
            ]
        )
        store.update_touchpoint(tp.db_id, **fields)
    elif kind == "votes":
        store.add_votes(tp.db_id, rng.choice([-1, 1, 2]))
    elif kind == "move":
        store.move_touchpoint(tp.db_id, stage=stage.key, segment=segment.key)
    elif kind == "reorder":
        store.reorder_touchpoint(tp.db_id, rng.choice([-1, 1]))
    elif kind == "copy":
        others = [s.key for s in session.segments if s.key != tp.segment]
        store.copy_touchpoint(tp.db_id, rng.sample(others, min(2, len(others))))
    elif kind == "delete":
        undo.append(store.delete_touchpoint(tp.db_id))
    elif kind == "undo":
        deleted, action_ids = undo.pop()
        with contextlib.suppress(StorageError):  # its segment or stage was removed since
            store.restore_touchpoint(session_id, deleted, action_ids)
    elif kind == "dot":
        try:
            store.place_dot(session_id, tp.db_id, rng.choice(["Ana", "Luis"]))
        except StorageError:
            store.withdraw_dot(session_id, tp.db_id, "Ana")
    elif kind == "add_stage":
        store.add_stage(session_id, f"Stage {rng.random():.6f}")
    elif kind == "add_segment":
        store.add_segment(session_id, f"Segment {rng.random():.6f}")
    elif kind == "reorder_stage":
        store.move_stage(stage.db_id, rng.choice([-1, 1]))
    elif kind == "remove_stage":
        store.remove_stage(stage.db_id)
    elif kind == "remove_segment":
        store.remove_segment(segment.db_id)
    elif kind == "update_session":
        store.update_session(session_id, notes=f"Notes {rng.random()}")
    elif kind == "action":
        store.add_action(session_id, "Follow up", touchpoint=tp.ref if tp else None)
    return kind


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_load_after_own_edits_matches_a_fresh_read(db_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(300, segments=5, stages=4, seed=seed))
        undo: list = []
        for step in range(150):
            kind = edit(store, sid, rng, undo)
            assert store.load(sid) == fresh(db_path, sid), f"step {step}: {kind}"


def test_load_sees_other_connections_writes(db_path: Path) -> None:
    rng = random.Random(5)
    with Store(db_path) as store, Store(db_path) as other:
        sid = store.insert_session(synthetic_session(200, segments=4, stages=4, seed=5))
        undo: list = []
        for step in range(60):
            writer = other if step % 3 == 0 else store
            kind = edit(writer, sid, rng, undo if writer is store else [])
            assert store.load(sid) == fresh(db_path, sid), f"step {step}: {kind}"


def test_load_sees_a_raw_write_that_does_not_bump_the_revision(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(100, segments=4, stages=4))
        first = store.load(sid).touchpoints[0]
        conn = sqlite3.connect(db_path)
        conn.execute(
            "UPDATE touchpoints SET name = 'Changed behind its back' WHERE id = ?", (first.db_id,)
        )
        conn.commit()
        conn.close()
        assert store.load(sid).touchpoints[0].name == "Changed behind its back"


def test_loaded_sessions_share_nothing(db_path: Path) -> None:
    """A touchpoint cannot be changed in place (the store hands the same objects out again),
    and its lists are its own: changing one in memory changes nothing the store reads."""
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(50, segments=4, stages=4))
        one = store.load(sid)
        with pytest.raises(dataclasses.FrozenInstanceError):
            one.touchpoints[0].name = "Changed in memory only"  # type: ignore[misc]
        one.touchpoints[0].processes.append("Changed in memory only")
        two = store.load(sid)
        assert two.touchpoints[0].name != "Changed in memory only"
        assert "Changed in memory only" not in two.touchpoints[0].processes
        assert two == fresh(db_path, sid)


def test_a_failed_write_leaves_the_snapshot_right(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(50, segments=4, stages=4))
        tp = store.load(sid).touchpoints[0]
        with pytest.raises(StorageError):
            store.move_touchpoint(tp.db_id, stage="no-such-stage")
        store.update_touchpoint(tp.db_id, owner="Sales")
        assert store.load(sid) == fresh(db_path, sid)


def test_a_load_after_several_own_writes_puts_every_row_in_its_place(db_path: Path) -> None:
    """A moved row shifts the places of the rows after it: a row read again in the same
    load must be put where it now is, not where it was (the index is rebuilt first)."""
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(40, segments=2, stages=3, seed=2))
        session = store.load(sid)
        first = min(session.touchpoints, key=lambda tp: tp.db_id)
        later = next(
            tp
            for tp in session.touchpoints[session.touchpoints.index(first) + 2 :]
            if tp.db_id > first.db_id
        )
        last_stage = session.stages[-1].key
        store.move_touchpoint(first.db_id, stage=last_stage, segment=session.segments[-1].key)
        store.update_touchpoint(later.db_id, owner="Edited after a move")
        assert store.load(sid, previous=session) == fresh(db_path, sid)
