"""Several processes on one database: no lost update, exact counts, no 'locked' errors."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest

from tpworkshop.storage import StorageError, Store


def _setup(db_path: Path, dots: int = 3) -> tuple[int, list[int]]:
    with Store(db_path) as store:
        sid = store.create_session("Live")
        store.update_session(sid, dots_per_participant=dots)
        seg = store.add_segment(sid, "Everyone")
        ids = [store.add_touchpoint(sid, seg, "awareness", f"T{n}").db_id for n in range(3)]
    return sid, ids


def _voter(db: str, sid: int, tp_ids: list[int], name: str, tries: int, queue: mp.Queue) -> None:
    placed = refused = 0
    errors: list[str] = []
    with Store(db) as store:
        for n in range(tries):
            try:
                store.place_dot(sid, tp_ids[n % len(tp_ids)], name)
                placed += 1
            except StorageError as error:
                if error.code == "no_dots":
                    refused += 1
                else:
                    errors.append(str(error))
    queue.put((name, placed, refused, errors))


def _adder(db: str, sid: int, who: str, count: int, queue: mp.Queue) -> None:
    errors: list[str] = []
    with Store(db) as store:
        for n in range(count):
            try:
                tp = store.add_touchpoint(sid, "everyone", "consideration", f"{who}-{n}")
                store.update_touchpoint(tp.db_id, owner=who)
                store.add_votes(tp.db_id, 1)
            except StorageError as error:
                errors.append(str(error))
    queue.put((who, errors))


def _run(targets: list[tuple]) -> list:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=fn, args=(*args, queue)) for fn, args in targets]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return results


def test_budgets_hold_when_many_vote_at_once(db_path: Path) -> None:
    sid, tp_ids = _setup(db_path, dots=5)
    voters = [f"P{n}" for n in range(6)]
    results = _run([(_voter, (str(db_path), sid, tp_ids, v, 8)) for v in voters])
    assert all(not errors for *_, errors in results)
    assert all(placed == 5 and refused == 3 for _, placed, refused, _ in results)
    with Store(db_path) as store:
        session = store.load(sid)
        assert sum(t.votes for t in session.touchpoints) == 6 * 5
        assert all(sum(store.dots_of(sid, v).values()) == 5 for v in voters)


def test_concurrent_adds_edits_and_votes_lose_nothing(db_path: Path) -> None:
    sid, _ = _setup(db_path)
    writers = [f"W{n}" for n in range(4)]
    results = _run([(_adder, (str(db_path), sid, w, 25)) for w in writers])
    assert all(not errors for _, errors in results)
    with Store(db_path) as store:
        session = store.load(sid)
    added = [t for t in session.touchpoints if t.stage == "consideration"]
    assert len(added) == 100
    assert len({t.ref for t in session.touchpoints}) == len(session.touchpoints)
    assert all(t.owner == t.name.split("-")[0] and t.votes == 1 for t in added)
    positions = sorted(t.position for t in added)
    assert positions == list(range(100))


def test_withdraw_and_budget(db_path: Path) -> None:
    sid, tp_ids = _setup(db_path, dots=2)
    with Store(db_path) as store:
        store.place_dot(sid, tp_ids[0], "Ana")
        store.place_dot(sid, tp_ids[0], "Ana")
        with pytest.raises(StorageError, match="no dots left"):
            store.place_dot(sid, tp_ids[1], "Ana")
        assert store.withdraw_dot(sid, tp_ids[0], "Ana")
        assert not store.withdraw_dot(sid, tp_ids[1], "Ana")
        store.place_dot(sid, tp_ids[1], "Ana")
        assert store.dots_of(sid, "Ana") == {"tp-1": 1, "tp-2": 1}
        assert [t.votes for t in store.load(sid).touchpoints] == [1, 1, 0]


def test_presence_and_live_state(db_path: Path) -> None:
    sid, _ = _setup(db_path)
    with Store(db_path) as store:
        before = store.live_state(sid).revision
        store.heartbeat(sid, "Marta", "facilitator", "touchpoints")
        store.heartbeat(sid, "Luis", "participant", "touchpoints")
        assert store.live_state(sid).revision == before  # presence is not content
        people = store.present(sid)
        assert [(p.name, p.role) for p in people] == [
            ("Marta", "facilitator"),
            ("Luis", "participant"),
        ]
        store.leave(sid, "Luis")
        assert [p.name for p in store.present(sid)] == ["Marta"]
        assert store.present(sid, within_seconds=-1) == []
        store.add_segment(sid, "More")
        assert store.live_state(sid).revision == before + 1


def _count_segments_elsewhere(db_path: Path) -> int:
    import subprocess
    import sys

    code = (
        "import sys; from tpworkshop.storage import Store\n"
        "s = Store(sys.argv[1]); print(len(s.load(1).segments)); s.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db_path)], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def test_a_second_store_in_one_process_keeps_the_locks_that_protect_the_wal(
    db_path: Path,
) -> None:
    """Regression: opening the file with plain open()/close() (to read its header) dropped
    this process's POSIX locks, so another process closing its connection deleted the WAL
    and later writes were lost. The CLI and the app each open a Store in one process."""
    first = Store(db_path)
    sid = first.create_session("Locks")
    second = Store(db_path)
    second.add_segment(sid, "One")
    assert _count_segments_elsewhere(db_path) == 1  # another process opens and closes
    second.add_segment(sid, "Two")
    assert _count_segments_elsewhere(db_path) == 2
    assert Path(f"{db_path}-wal").exists()
    second.close()
    first.close()
