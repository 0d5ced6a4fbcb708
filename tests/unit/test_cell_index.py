"""The Touchpoints step's cells, rebuilt after a reload only where objects changed
(tpworkshop.tui.cell_index), always equal an index built from scratch."""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.synthetic import synthetic_session
from tests.test_storage_snapshot import edit
from tpworkshop.storage import Store
from tpworkshop.tui import cell_index, session_diff
from tpworkshop.tui.cell_index import index_cells, reindex_cells


def as_refs(cells: cell_index.Cells) -> dict[tuple[str, str], list[str]]:
    return {cell: [tp.ref for tp in tps] for cell, tps in cells.items()}


def test_index_keeps_each_cell_in_its_order(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(200, segments=3, stages=4, seed=3))
        session = store.load(sid)
    cells = index_cells(session)
    assert sum(map(len, cells.values())) == len(session.touchpoints)
    for (segment, stage), tps in cells.items():
        assert [tp.ref for tp in tps] == [tp.ref for tp in session.cell(segment, stage)]


def test_reindex_after_every_kind_of_edit_equals_a_fresh_index(
    db_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    rng = random.Random(5)
    fresh: list[int] = []
    real = cell_index.index_cells

    def counting(s):  # noqa: ANN001, ANN202
        fresh.append(1)
        return real(s)

    with Store(db_path) as app_store, Store(db_path) as writer:
        sid = app_store.insert_session(synthetic_session(300, segments=4, stages=5, seed=5))
        session = app_store.load(sid)
        cells = real(session)
        monkeypatch.setattr(cell_index, "index_cells", counting)
        undo: list = []
        for step in range(150):
            # The writer reads on its own connection: the app's store keeps handing back
            # the unchanged objects, as it does in the app.
            edit(writer, sid, rng, undo)
            reloaded = app_store.load(sid, previous=session)
            cells, _ = reindex_cells(cells, session, reloaded)
            assert as_refs(cells) == as_refs(real(reloaded)), step
            session = reloaded
    assert len(fresh) < 40  # moves and removals of stages or segments reorder many


def test_an_unchanged_reload_keeps_the_same_index(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(50, segments=2, stages=3))
        session = store.load(sid)
        cells = index_cells(session)
        again, added = reindex_cells(cells, session, store.load(sid, previous=session))
        assert again is cells and added == []


def test_many_changes_index_from_scratch(db_path: Path, monkeypatch) -> None:  # noqa: ANN001
    with Store(db_path) as store:
        sid = store.insert_session(synthetic_session(80, segments=2, stages=3))
        session = store.load(sid)
        cells = index_cells(session)
        plain = store.load(sid)  # no object shared: all 80 look new
    calls: list[int] = []
    real = cell_index.index_cells

    def counting(s):  # noqa: ANN001, ANN202
        calls.append(1)
        return real(s)

    monkeypatch.setattr(cell_index, "index_cells", counting)
    rebuilt, added = reindex_cells(cells, session, plain)
    assert as_refs(rebuilt) == as_refs(real(plain)) and added is None
    assert calls == [1]


def test_one_add_and_one_update_are_found_as_such(db_path: Path) -> None:
    with Store(db_path) as app_store, Store(db_path) as writer:
        sid = app_store.insert_session(synthetic_session(500, segments=3, stages=4, seed=8))
        first = app_store.load(sid)
        tp = first.touchpoints[250]
        writer.add_touchpoint(sid, tp.segment, tp.stage, "Brand new")
        second = app_store.load(sid, previous=first)
        added, gone = session_diff.changed_touchpoints(first, second) or ([], [])
        assert [t.name for t in added] == ["Brand new"] and gone == []
        writer.update_touchpoint(tp.db_id, owner="Someone else")
        third = app_store.load(sid, previous=second)
        added, gone = session_diff.changed_touchpoints(second, third) or ([], [])
        assert [t.owner for t in added] == ["Someone else"]
        assert gone == [tp]
