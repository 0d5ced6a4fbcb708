"""What the database itself guarantees: unique session names (even when processes create at
the same instant), ids and refs never reused, facilitator-only changes refused from
participants by the store, numbers kept in range."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from tpworkshop.domain.text import fold
from tpworkshop.domain.validation import ValidationError
from tpworkshop.formats.toml_format import dumps
from tpworkshop.storage import Actor, StorageError, Store
from tpworkshop.storage.schema import SCHEMA_VERSION, migrations

PROCESSES = 8


def _run_at_once(commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command before waiting for any, so they really overlap."""
    started = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for command in commands
    ]
    results = []
    for process, command in zip(started, commands, strict=True):
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tpworkshop", "--db", str(db), *args]


def _names(db: Path) -> list[str]:
    with Store(db) as store:
        return [s.name for s in sorted(store.list_sessions(), key=lambda s: s.id)]


# --- unique names ----------------------------------------------------------------------------


def test_concurrent_new_sessions_with_one_name_all_get_different_names(db_path: Path) -> None:
    Store(db_path).close()
    results = _run_at_once([_cli(db_path, "new", "Dup", "--no-open")] * PROCESSES)
    assert [r.returncode for r in results] == [0] * PROCESSES, [r.stderr for r in results]
    names = _names(db_path)
    assert len(names) == PROCESSES
    assert len({fold(name) for name in names}) == PROCESSES
    assert sorted(names) == sorted(["Dup", *(f"Dup ({n})" for n in range(2, PROCESSES + 1))])
    printed = {line.split("'")[1] for r in results for line in r.stdout.splitlines()}
    assert printed == set(names)  # each process says the name it got


def test_concurrent_imports_of_one_file_all_get_different_names(
    db_path: Path, tmp_path: Path
) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Race")
        store.add_segment(sid, "Families")
        path = tmp_path / "race.toml"
        path.write_text(dumps(store.load(sid)), encoding="utf-8")
    results = _run_at_once([_cli(db_path, "import", str(path))] * PROCESSES)
    assert [r.returncode for r in results] == [0] * PROCESSES, [r.stderr for r in results]
    names = _names(db_path)
    assert len(names) == PROCESSES + 1
    assert len({fold(name) for name in names}) == PROCESSES + 1


def test_names_are_unique_in_the_database_itself(db_path: Path) -> None:
    with Store(db_path) as store:
        first = store.create_session("Taller Sevilla")
        second = store.create_session("Otro")
        for taken in ("taller sevilla", "  TÁLLER SEVILLA ", "Taller Sevílla"):
            with pytest.raises(StorageError) as refused:
                store.update_session(second, name=taken)
            assert refused.value.code == "name_taken"
            with pytest.raises(StorageError):
                store.create_session(taken)
        assert store.create_session("taller sevilla", rename=True) > first
        assert store.load(second).name == "Otro"
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute(
            "INSERT INTO sessions (name, name_key, created, updated)"
            " VALUES ('x', 'taller sevilla', '', '')"
        )


def test_import_replace_replaces_the_session_of_the_same_name_in_one_go(
    db_path: Path, tmp_path: Path
) -> None:
    with Store(db_path) as store:
        old = store.create_session("Postventa")
        session = store.load(old)
        session.name = "POSTVENTA"
        session.notes = "the new one"
        result = store.import_session(session, replace_same_name=True)
        assert result.replaced and result.name == "POSTVENTA" and result.id != old
        assert [s.name for s in store.list_sessions()] == ["POSTVENTA"]


# --- ids and refs never reused ------------------------------------------------------------------


def test_a_deleted_session_s_id_is_never_given_to_another(db_path: Path) -> None:
    with Store(db_path) as store:
        ids = [store.create_session(name) for name in ("One", "Two", "Three")]
        store.delete_session(ids[-1])
        newer = store.create_session("Four")
        assert newer not in ids
        with pytest.raises(StorageError, match="No session"):
            store.resolve(str(ids[-1]))
    joined = subprocess.run(
        _cli(db_path, "join", str(ids[-1]), "--as", "Ana"), capture_output=True, text=True
    )
    assert joined.returncode == 1
    assert "No session matches" in joined.stderr


def test_row_ids_and_touchpoint_refs_are_never_reused(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Refs")
        store.add_segment(sid, "Families")
        stage = store.load(sid).stages[0].key
        last = [store.add_touchpoint(sid, "families", stage, name) for name in "ABC"][-1]
        store.delete_touchpoint(last.db_id)
        again = store.add_touchpoint(sid, "families", stage, "D")
        assert again.ref == "tp-4" and again.db_id > last.db_id
        action = store.add_action(sid, "Call")
        store.delete_action(action)
        assert store.add_action(sid, "Call again") > action


def test_migrating_keeps_every_id_and_renames_duplicate_names(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = Database(db_path)
    migrations.apply(db, stop_before="m007_lasting_ids_and_unique_names")
    stamp = "'2026-01-01T00:00:00Z'"
    for sid, name in ((3, "Dup"), (7, "dup"), (9, " Dúp"), (12, "Other")):
        db.execute(
            f"INSERT INTO sessions (id, name, created, updated) VALUES (?, ?, {stamp}, {stamp})",
            (sid, name),
        )
    db.execute(
        "INSERT INTO stages (id, session_id, key, name, position) VALUES (5, 7, 'a', 'A', 0)"
    )
    db.execute(
        "INSERT INTO segments (id, session_id, key, name, position) VALUES (6, 7, 'f', 'F', 0)"
    )
    db.execute(
        "INSERT INTO touchpoints (id, session_id, ref, segment_id, stage_id, position, name,"
        " votes, effectiveness) VALUES (40, 7, 'tp-8', 6, 5, 0, 'Kept', 3, 4)"
    )
    db.execute(
        "INSERT INTO actions (id, session_id, position, title, touchpoint_id)"
        " VALUES (2, 7, 0, 'Call', 40)"
    )
    db.execute("INSERT INTO dots (id, session_id, touchpoint_id, voter) VALUES (11, 7, 40, 'Ana')")
    db.conn.commit()
    db.close()
    with Store(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {s.id: s.name for s in store.list_sessions()}
        assert names == {3: "Dup", 7: "dup (2)", 9: "Dúp (3)", 12: "Other"}
        session = store.load(7)
        tp = session.touchpoints[0]
        assert (tp.db_id, tp.ref, tp.name, tp.votes, tp.effectiveness) == (40, "tp-8", "Kept", 3, 4)
        assert [(a.db_id, a.touchpoint) for a in session.actions] == [(2, "tp-8")]
        assert store.dots_of(7, "Ana") == {"tp-8": 1}
        assert store.add_touchpoint(7, "f", "a", "Next").ref == "tp-9"
        store.delete_session(12)
        assert store.create_session("New") == 13


# --- roles ------------------------------------------------------------------------------------


FACILITATOR_ONLY = {
    "session fields": lambda s, sid, ids: s.update_session(sid, name="Mine now"),
    "dots per participant": lambda s, sid, ids: s.update_session(sid, dots_per_participant=20),
    "agenda start": lambda s, sid, ids: s.set_agenda_start(sid, "2026-11-24T09:00"),
    "timebox": lambda s, sid, ids: s.set_timebox(sid, "assess", 5),
    "framework": lambda s, sid, ids: s.replace_stages(sid, "lifecycle", "en"),
    "add stage": lambda s, sid, ids: s.add_stage(sid, "Extra"),
    "rename stage": lambda s, sid, ids: s.update_stage(ids["stage"], name="Renamed"),
    "weight": lambda s, sid, ids: s.update_stage(ids["stage"], weight=5),
    "move stage": lambda s, sid, ids: s.move_stage(ids["stage"], 1),
    "remove stage": lambda s, sid, ids: s.remove_stage(ids["stage"]),
    "remove segment": lambda s, sid, ids: s.remove_segment(ids["segment"]),
    "end the live session": lambda s, sid, ids: s.end_live(sid),
    "delete the session": lambda s, sid, ids: s.delete_session(sid),
    "create a session": lambda s, sid, ids: s.create_session("Another"),
}


@pytest.mark.parametrize("change", sorted(FACILITATOR_ONLY))
def test_a_participant_cannot_make_a_facilitator_only_change(db_path: Path, change: str) -> None:
    with Store(db_path) as facilitator:
        sid = facilitator.create_session("Live")
        facilitator.add_segment(sid, "Families")
        session = facilitator.load(sid)
        ids = {"stage": session.stages[0].db_id, "segment": session.segments[0].db_id}
        before = facilitator.load(sid)
        live = facilitator.live_state(sid)
    with Store(db_path, actor=Actor("participant", "Eve")) as eve:
        with pytest.raises(StorageError) as refused:
            FACILITATOR_ONLY[change](eve, sid, ids)
        assert refused.value.code == "facilitator_only"
        assert refused.value.message("en") == (
            "Only the facilitator can change this; ask them to do it."
        )
        assert refused.value.message("es") == "Solo quien facilita puede cambiar esto; pídeselo."
    with Store(db_path) as facilitator:
        assert facilitator.load(sid) == before
        assert facilitator.live_state(sid) == live
        assert len(facilitator.list_sessions()) == 1


ACCEPTING = {
    "accept": lambda s, sid, db_id: s.accept_finding(sid, "empty-stage", "Fine", stage="loyalty"),
    "edit the reason": lambda s, sid, db_id: s.update_accepted(db_id, reason="Mine now"),
    "take back": lambda s, sid, db_id: s.unaccept_finding(db_id),
}


@pytest.mark.parametrize("change", sorted(ACCEPTING))
def test_accepting_a_finding_is_the_facilitator_s_decision(db_path: Path, change: str) -> None:
    with Store(db_path) as facilitator:
        sid = facilitator.create_session("Live")
        db_id = facilitator.accept_finding(sid, "empty-stage", "Not ours", stage="retention")
        before = facilitator.load(sid)
        changes = len(facilitator.history(sid))
    with Store(db_path, actor=Actor("participant", "Eve")) as eve:
        with pytest.raises(StorageError) as refused:
            ACCEPTING[change](eve, sid, db_id)
        assert refused.value.message("en") == (
            "Accepting a finding is the facilitator's decision for the room; ask them to do it."
        )
        assert refused.value.message("es") == (
            "Aceptar un hallazgo lo decide quien facilita para todo el grupo; pídeselo."
        )
    with Store(db_path) as facilitator:
        assert facilitator.load(sid) == before
        assert len(facilitator.history(sid)) == changes


def test_a_participant_can_add_edit_vote_and_undo(db_path: Path) -> None:
    with Store(db_path) as facilitator:
        sid = facilitator.create_session("Live")
        facilitator.add_segment(sid, "Families")
    with Store(db_path, actor=Actor("participant", "Ana")) as ana:
        segment = ana.add_segment(sid, "Students")  # adding segments is anyone's
        tp = ana.add_touchpoint(sid, segment, "awareness", "Campus stand")
        ana.update_touchpoint(tp.db_id, owner="Marketing", effectiveness=3)
        ana.place_dot(sid, tp.db_id, "Ana")
        ana.add_action(sid, "Ask the campus", touchpoint=tp.ref)
        ana.undo(sid)
        assert [a.title for a in ana.load(sid).actions] == []


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("votes", 10001),
        ("votes", -1),
        ("votes", 2.5),
        ("votes", "many"),
        ("effectiveness", 6),
        ("effectiveness", 2.5),
        ("importance", 0),
        ("pain_point", 2),
    ],
)
def test_the_database_refuses_numbers_out_of_range(
    db_path: Path, column: str, value: object
) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Numbers")
        store.add_segment(sid, "Families")
        tp = store.add_touchpoint(sid, "families", "awareness", "Counted")
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(f"UPDATE touchpoints SET {column} = ? WHERE id = ?", (value, tp.db_id))


def test_votes_never_overflow_nor_become_a_float(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Votes")
        store.add_segment(sid, "Families")
        tp = store.add_touchpoint(sid, "families", "awareness", "Popular", votes=9999)
        assert store.add_votes(tp.db_id, 1) == 10000
        for delta in (1, 10**30, 0.5):
            with pytest.raises(ValidationError):
                store.add_votes(tp.db_id, delta)  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            store.place_dot(sid, tp.db_id, "Ana")
        votes = store.conn.execute(
            "SELECT votes, typeof(votes) FROM touchpoints WHERE id = ?", (tp.db_id,)
        ).fetchone()
    assert votes == (10000, "integer")
