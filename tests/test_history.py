"""The edit history and undo, on real SQLite files: every kind of change is recorded with
who made it, and undoing puts back exactly the state before it."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tpworkshop.domain.model import Session
from tpworkshop.storage import StorageError, Store
from tpworkshop.storage.history import Actor, Change, describe, describe_undo, history_line

FACILITATOR = Actor()
ANA = Actor("participant", "Ana")
LUIS = Actor("participant", "Luis")


def state(store: Store, sid: int) -> Session:
    """What undo must restore: the whole session, but for its last-change time."""
    return dataclasses.replace(store.load(sid), updated=None)


def _start(store: Store) -> int:
    sid = store.create_session("Bank", facilitator="Marta")
    for name in ("Families", "Businesses"):
        store.add_segment(sid, name)
    session = store.load(sid)
    for n, (segment, stage) in enumerate(
        (g.key, s.key) for g in session.segments for s in session.stages[:3]
    ):
        tp = store.add_touchpoint(sid, segment, stage, f"Touchpoint {n}", owner="IT")
        if n % 2:
            store.add_action(sid, f"Follow {n}", touchpoint=tp.ref)
        if n < 3:
            store.place_dot(sid, tp.db_id, "Luis")
    store.add_touchpoint(sid, "families", "awareness", "Second in its cell")
    store.accept_finding(sid, "no-data", "Nothing to record", touchpoint="tp-1")
    return sid


# --- each kind of change ------------------------------------------------------------------


def _tp(store: Store, sid: int, index: int = 0):  # noqa: ANN202 - a Touchpoint
    return store.load(sid).touchpoints[index]


CHANGES: dict[str, Any] = {
    "rename touchpoint": lambda s, sid: s.update_touchpoint(_tp(s, sid).db_id, name="Renamed"),
    "owner": lambda s, sid: s.update_touchpoint(_tp(s, sid).db_id, owner="Sales"),
    "list field": lambda s, sid: s.update_touchpoint(_tp(s, sid).db_id, processes=["A", "B"]),
    "rating": lambda s, sid: s.update_touchpoint(_tp(s, sid).db_id, effectiveness=2),
    "pain": lambda s, sid: s.update_touchpoint(
        _tp(s, sid).db_id, pain_point=True, pain_note="Slow\nand rude"
    ),
    "new keys": lambda s, sid: s.update_touchpoint(
        _tp(s, sid).db_id, importance=5, moment_of_truth=True, evidence="observed"
    ),
    "add touchpoint": lambda s, sid: s.add_touchpoint(sid, "families", "awareness", "New one"),
    "delete touchpoint with its action and dots": lambda s, sid: s.delete_touchpoint(
        _tp(s, sid, 2).db_id
    ),
    "move touchpoint": lambda s, sid: s.move_touchpoint(_tp(s, sid).db_id, stage="purchase"),
    "reorder touchpoint": lambda s, sid: s.reorder_touchpoint(_tp(s, sid, 1).db_id, -1),
    "copy touchpoint": lambda s, sid: s.copy_touchpoint(_tp(s, sid).db_id, ["businesses"]),
    "room votes": lambda s, sid: s.add_votes(_tp(s, sid).db_id, 3),
    "dot": lambda s, sid: s.place_dot(sid, _tp(s, sid).db_id, "Ana"),
    "take a dot back": lambda s, sid: s.withdraw_dot(sid, _tp(s, sid).db_id, "Luis"),
    "add stage": lambda s, sid: s.add_stage(sid, "Advocacy", 2),
    "rename stage": lambda s, sid: s.update_stage(s.load(sid).stages[0].db_id, name="Aware"),
    "stage weight": lambda s, sid: s.update_stage(s.load(sid).stages[1].db_id, weight=5),
    "remove stage with its touchpoints": lambda s, sid: s.remove_stage(s.load(sid).stages[0].db_id),
    "move stage": lambda s, sid: s.move_stage(s.load(sid).stages[0].db_id, 2),
    "add segment": lambda s, sid: s.add_segment(sid, "Students", "Under 25"),
    "edit segment": lambda s, sid: s.update_segment(
        s.load(sid).segments[0].db_id, description="Two adults or more"
    ),
    "remove segment with its touchpoints": lambda s, sid: s.remove_segment(
        s.load(sid).segments[0].db_id
    ),
    "move segment": lambda s, sid: s.move_segment(s.load(sid).segments[1].db_id, -1),
    "session field": lambda s, sid: s.update_session(sid, organisation="Banco", notes="Hi"),
    "participants": lambda s, sid: s.update_session(sid, participants=["Ana", "Luis"]),
    "dots per participant": lambda s, sid: s.update_session(sid, dots_per_participant=5),
    "framework": lambda s, sid: s.replace_stages(sid, "lifecycle", "en"),
    "add action": lambda s, sid: s.add_action(sid, "Call back", owner="Ana", due="2026-12-31"),
    "edit action": lambda s, sid: s.update_action(
        s.load(sid).actions[0].db_id, status="done", touchpoint=None
    ),
    "delete action": lambda s, sid: s.delete_action(s.load(sid).actions[0].db_id),
    "accept a finding": lambda s, sid: s.accept_finding(
        sid, "empty-stage", "Fine", stage="loyalty"
    ),
    "edit an acceptance": lambda s, sid: s.update_accepted(
        s.load(sid).accepted[0].db_id, reason="Still fine"
    ),
    "un-accept a finding": lambda s, sid: s.unaccept_finding(s.load(sid).accepted[0].db_id),
    "agenda start": lambda s, sid: s.set_agenda_start(sid, datetime(2026, 11, 24, 9, 0)),
    "timebox": lambda s, sid: s.set_timebox(sid, "details", 45),
    "restore a deleted touchpoint": None,  # below: a delete, then restore_touchpoint
}


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_every_kind_of_change_is_recorded_and_undone_exactly(db_path: Path, kind: str) -> None:
    with Store(db_path) as store:
        sid = _start(store)
        if kind == "restore a deleted touchpoint":
            deleted, actions = store.delete_touchpoint(_tp(store, sid, 2).db_id)
            before = state(store, sid)
            store.restore_touchpoint(sid, deleted, actions)
        else:
            before = state(store, sid)
            CHANGES[kind](store, sid)
        changed = state(store, sid)
        assert changed != before
        recorded = store.history(sid)[-1]
        assert (recorded.role, recorded.actor) == ("facilitator", "Marta")
        undone = store.undo(sid)
        assert undone.id == recorded.id
        assert describe_undo(undone, "en").startswith("Undid: ")
        assert describe_undo(undone, "es").startswith("Deshecho: ")
    with Store(db_path) as other:  # what the file holds, read afresh
        assert state(other, sid) == before
        assert other.history(sid)[-1].undoes == recorded.id


def test_an_edit_is_recorded_with_field_old_and_new_value(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Bank")
        store.add_segment(sid, "Families")
        store.actor = ANA
        tp = store.add_touchpoint(sid, "families", "awareness", "Fast login", owner="IT")
        store.update_touchpoint(tp.db_id, owner="Sales")
        change = store.history(sid)[-1]
    assert (change.kind, change.entity, change.ref, change.label) == (
        "update",
        "touchpoint",
        "tp-1",
        "Fast login",
    )
    assert (change.field, change.old, change.new) == ("owner", "IT", "Sales")
    assert (change.role, change.actor) == ("participant", "Ana")
    assert describe(change, "en") == "changed owner of 'Fast login' from 'IT' to 'Sales'"
    assert history_line(change, "es") == (
        "Ana cambió el responsable de «Fast login» de «IT» a «Sales»"
    )


def test_closed_list_values_read_in_the_session_s_language(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Banco")
        store.add_segment(sid, "Families")
        tp = store.add_touchpoint(sid, "families", "awareness", "Fast login")
        store.update_touchpoint(tp.db_id, kind="human")
        store.update_touchpoint(tp.db_id, initiative="proactive")
        store.update_touchpoint(tp.db_id, evidence="assumed")
        store.add_action(sid, "Call back")
        store.update_action(store.load(sid).actions[0].db_id, status="done")
        changes = store.history(sid)
    lines = [history_line(change, "es") for change in changes]
    assert "cambió la evidencia de «Fast login» de (sin valor) a «supuesta»" in lines[-3]
    assert "«hecha»" in lines[-1] and "«abierta»" in lines[-1], lines[-1]
    spanish = " ".join(lines)
    assert "«humano»" in spanish and "«proactivo»" in spanish, spanish
    for english in ("human", "proactive", "assumed", "done", "open"):
        assert f"«{english}»" not in spanish
    assert "to 'assumed'" in describe(changes[-3], "en")


def test_an_accepted_finding_is_named_by_its_rule_s_name_not_its_id(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Banco")
        store.add_segment(sid, "Families")
        store.add_touchpoint(sid, "families", "awareness", "Fast login")
        store.accept_finding(sid, "no-owner", "Lo decide el comité", touchpoint="tp-1")
        (change,) = [c for c in store.history(sid) if c.entity == "accepted"]
        undone = store.undo(sid)
    assert "«Sin responsable (tp-1)»" in history_line(change, "es")
    assert "'No owner (tp-1)'" in history_line(change, "en")
    assert "no-owner" not in history_line(change, "es") + describe_undo(undone, "es")


def test_undo_says_what_it_undid(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Bank")
        store.add_segment(sid, "Families")
        tp = store.add_touchpoint(sid, "families", "awareness", "Fast login", owner="IT")
        store.update_touchpoint(tp.db_id, owner="Sales")
        undone = store.undo(sid)
        assert store.load(sid).touchpoints[0].owner == "IT"
    assert describe_undo(undone, "en") == "Undid: owner of 'Fast login' back to 'IT'."
    assert (
        describe_undo(undone, "es") == "Deshecho: el responsable de «Fast login» vuelve a ser «IT»."
    )


def test_a_change_that_changes_nothing_is_not_recorded(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Bank")
        store.add_segment(sid, "Families")
        tp = store.add_touchpoint(sid, "families", "awareness", "Fast login", owner="IT")
        count = len(store.history(sid))
        store.update_touchpoint(tp.db_id, owner="IT")
        store.add_votes(tp.db_id, -1)  # already 0
        store.withdraw_dot(sid, tp.db_id, "Ana")  # she has none there
        assert len(store.history(sid)) == count


def test_each_person_undoes_only_their_own_changes(db_path: Path) -> None:
    with Store(db_path) as facilitator, Store(db_path, actor=ANA) as ana:
        sid = facilitator.create_session("Bank")
        facilitator.add_segment(sid, "Families")
        one = facilitator.add_touchpoint(sid, "families", "awareness", "One")
        two = ana.add_touchpoint(sid, "families", "awareness", "Two")
        facilitator.update_touchpoint(one.db_id, owner="IT")
        ana.undo(sid)  # her touchpoint goes, the facilitator's edit after it stays
        session = facilitator.load(sid)
        assert [tp.name for tp in session.touchpoints] == ["One"]
        assert session.touchpoints[0].owner == "IT"
        with pytest.raises(StorageError) as refused:
            ana.undo(sid)
        assert refused.value.code == "nothing_to_undo"
        assert refused.value.message("es") == "No hay nada tuyo que deshacer en esta sesión."
        assert two.db_id not in {tp.db_id for tp in session.touchpoints}


def test_undo_is_refused_when_someone_changed_the_value_since(db_path: Path) -> None:
    with Store(db_path) as facilitator, Store(db_path, actor=ANA) as ana:
        sid = facilitator.create_session("Bank")
        facilitator.add_segment(sid, "Families")
        tp = facilitator.add_touchpoint(sid, "families", "awareness", "Fast login")
        facilitator.update_touchpoint(tp.db_id, owner="IT")
        ana.update_touchpoint(tp.db_id, owner="Sales")
        before = state(facilitator, sid)
        with pytest.raises(StorageError) as refused:
            facilitator.undo(sid)
        assert refused.value.message("en") == (
            "Cannot undo your last change: Ana has changed 'Fast login' since; nothing was changed."
        )
        assert "Ana ha cambiado 'Fast login'" in refused.value.message("es")
        assert state(facilitator, sid) == before
        assert facilitator.history(sid)[-1].kind == "update"  # the refusal wrote nothing


def test_undo_of_a_new_segment_is_refused_when_someone_added_to_it(db_path: Path) -> None:
    with Store(db_path) as facilitator, Store(db_path, actor=LUIS) as luis:
        sid = facilitator.create_session("Bank")
        facilitator.add_segment(sid, "Families")
        luis.add_touchpoint(sid, "families", "awareness", "Luis's idea")
        before = state(facilitator, sid)
        with pytest.raises(StorageError) as refused:
            facilitator.undo(sid)
        assert refused.value.code == "undo_conflict_by"
        assert state(facilitator, sid) == before


def test_other_people_s_votes_do_not_block_undoing_mine(db_path: Path) -> None:
    with Store(db_path) as facilitator, Store(db_path, actor=ANA) as ana:
        sid = facilitator.create_session("Bank")
        facilitator.add_segment(sid, "Families")
        tp = facilitator.add_touchpoint(sid, "families", "awareness", "Fast login")
        ana.place_dot(sid, tp.db_id, "Ana")
        facilitator.add_votes(tp.db_id, 4)
        ana.undo(sid)  # only her dot goes
        assert facilitator.load(sid).touchpoints[0].votes == 4
        assert ana.dots_of(sid, "Ana") == {}
        facilitator.undo(sid)
        assert facilitator.load(sid).touchpoints[0].votes == 0


def test_a_deleted_touchpoint_comes_back_with_its_id_ref_place_dots_and_actions(
    db_path: Path,
) -> None:
    with Store(db_path) as store:
        sid = _start(store)
        victim = _tp(store, sid, 2)
        before = state(store, sid)
        store.delete_touchpoint(victim.db_id)
        store.add_touchpoint(sid, victim.segment, victim.stage, "Added after")
        with Store(db_path, actor=ANA) as ana:
            ana.add_touchpoint(sid, victim.segment, victim.stage, "Ana's")
        store.undo(sid)  # the facilitator's "Added after"
        store.undo(sid)  # the delete
        after = state(store, sid)
    back = next(tp for tp in after.touchpoints if tp.db_id == victim.db_id)
    assert back == victim
    assert [a for a in after.actions if a.touchpoint == victim.ref] == [
        a for a in before.actions if a.touchpoint == victim.ref
    ]
    assert {tp.name for tp in after.touchpoints} - {tp.name for tp in before.touchpoints} == {
        "Ana's"
    }


def test_undoing_is_one_transaction(db_path: Path) -> None:
    """A refused undo of a change of many rows leaves every one of them as it was."""
    with Store(db_path) as facilitator, Store(db_path, actor=ANA) as ana:
        sid = _start(facilitator)
        facilitator.remove_segment(facilitator.load(sid).segments[0].db_id)
        ana.add_segment(sid, "Families")  # takes the key the removed segment had
        before = state(facilitator, sid)
        with pytest.raises(StorageError):
            facilitator.undo(sid)
        assert state(facilitator, sid) == before


# --- random sequences: undo everything, get the start back ------------------------------

PEOPLE = (FACILITATOR, ANA, LUIS)


def _random_change(store: Store, sid: int, data: st.DataObject) -> None:
    session = store.load(sid)
    tps, stages, segments = session.touchpoints, session.stages, session.segments
    kinds = ["add", "add_segment", "add_stage", "session", "action", "accept", "agenda"]
    if tps:
        kinds += ["update", "update", "votes", "move", "reorder", "copy", "delete", "dot"]
    if len(stages) > 1:
        kinds += ["remove_stage", "move_stage"]
    if len(segments) > 1:
        kinds += ["remove_segment", "move_segment"]
    if session.actions:
        kinds += ["edit_action", "delete_action"]
    if session.accepted:
        kinds += ["unaccept"]
    kind = data.draw(st.sampled_from(kinds), label="kind")
    pick = data.draw(st.integers(0, 10_000), label="pick")
    tp = tps[pick % len(tps)] if tps else None
    stage, segment = stages[pick % len(stages)], segments[pick % len(segments)]
    letters = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))
    text = data.draw(st.text(letters, max_size=8).map(lambda t: t.strip() or "x"), label="text")
    if kind == "add":
        store.add_touchpoint(sid, segment.key, stage.key, text)
    elif kind == "update":
        field = data.draw(
            st.sampled_from(
                [
                    ("name", text),
                    ("owner", text),
                    ("processes", [text, "B"]),
                    ("effectiveness", pick % 5 + 1),
                    ("pain_point", bool(pick % 2)),
                    ("need", text + "\nmore"),
                    ("importance", None),
                    ("evidence", "measured"),
                ]
            ),
            label="field",
        )
        store.update_touchpoint(tp.db_id, **dict([field]))
    elif kind == "votes":
        store.add_votes(tp.db_id, data.draw(st.integers(-3, 3), label="delta"))
    elif kind == "move":
        store.move_touchpoint(tp.db_id, stage=stage.key, segment=segment.key)
    elif kind == "reorder":
        store.reorder_touchpoint(tp.db_id, data.draw(st.sampled_from([-1, 1]), label="by"))
    elif kind == "copy":
        store.copy_touchpoint(tp.db_id, [s.key for s in segments if s.key != tp.segment][:2])
    elif kind == "delete":
        store.delete_touchpoint(tp.db_id)
    elif kind == "dot":
        try:
            store.place_dot(sid, tp.db_id, store.actor.name or "Marta")
        except StorageError:
            store.withdraw_dot(sid, tp.db_id, store.actor.name or "Marta")
    elif kind == "add_stage":
        store.add_stage(sid, text)
    elif kind == "add_segment":
        store.add_segment(sid, text)
    elif kind == "remove_stage":
        store.remove_stage(stage.db_id)
    elif kind == "remove_segment":
        store.remove_segment(segment.db_id)
    elif kind == "move_stage":
        store.move_stage(stage.db_id, 1)
    elif kind == "move_segment":
        store.move_segment(segment.db_id, -1)
    elif kind == "session":
        store.update_session(sid, notes=text, dots_per_participant=pick % 21)
    elif kind == "action":
        store.add_action(sid, text, touchpoint=tp.ref if tp else None)
    elif kind == "edit_action":
        store.update_action(session.actions[0].db_id, owner=text, status="done")
    elif kind == "delete_action":
        store.delete_action(session.actions[-1].db_id)
    elif kind == "accept":
        store.accept_finding(sid, "no-owner", text, touchpoint=tp.ref if tp else None)
    elif kind == "unaccept":
        store.unaccept_finding(session.accepted[0].db_id)
    elif kind == "agenda":
        store.set_timebox(sid, "assess", pick % 600)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_undoing_every_change_of_a_random_sequence_gives_the_start_back(
    data: st.DataObject,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.db"
        stores = {actor: Store(path, actor=actor) for actor in PEOPLE}
        try:
            facilitator = stores[FACILITATOR]
            sid = _start(facilitator)
            start = state(facilitator, sid)
            start_id = facilitator.history(sid)[-1].id
            for _ in range(data.draw(st.integers(1, 25), label="changes")):
                actor = data.draw(st.sampled_from(PEOPLE), label="who")
                # A refused change (no dots left, a key taken) changes nothing.
                with contextlib.suppress(StorageError):
                    _random_change(stores[actor], sid, data)
            # Undo everything, newest first, each by the person who made it.
            for change in reversed(facilitator.history(sid)):
                if change.kind == "undo" or change.undone_by is not None:
                    continue
                actor = (
                    FACILITATOR
                    if change.role == "facilitator"
                    else Actor(change.role, change.actor)
                )
                if change.id <= start_id:
                    break
                assert stores[actor].undo(sid).id == change.id
            assert state(facilitator, sid) == start
        finally:
            for store in stores.values():
                store.close()


# --- the command line -----------------------------------------------------------------------


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tpworkshop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_history_command_lists_changes_in_text_and_json(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Bank")
        store.add_segment(sid, "Families")
        tp = store.add_touchpoint(sid, "families", "awareness", "[b]Fast[/b] login")
        store.update_touchpoint(tp.db_id, owner="[@click=app.quit]IT[/]")
        store.undo(sid)
    text = _cli(db_path, "history", "Bank")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert any("added touchpoint '[b]Fast[/b]" in line for line in lines)
    assert any("undid: changed owner" in line for line in lines)
    spanish = _cli(db_path, "history", "Bank", "--lang", "es")
    assert "añadió el punto de contacto «[b]Fast[/b]" in spanish.stdout
    as_json = _cli(db_path, "history", "Bank", "--format", "json")
    changes = json.loads(as_json.stdout)
    assert [c["kind"] for c in changes] == ["add", "add", "update", "undo"]
    assert changes[2]["new"] == "[@click=app.quit]IT[/]"
    assert changes[3]["undoes"] == changes[2]["id"]
    missing = _cli(db_path, "history", "Nope")
    assert missing.returncode == 1 and "Nope" in missing.stderr


def test_sentences_quote_user_text_on_one_line_without_control_characters() -> None:
    change = Change(
        id=1,
        at=datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
        role="participant",
        actor="Eve[/b]",
        kind="update",
        entity="touchpoint",
        label="Fast\x1b]0;PWNED\x07 login",
        field="pain_note",
        old="line one\nline two",
        new="x" * 500,
    )
    for lang in ("en", "es"):
        line = history_line(change, lang)
        assert line.startswith("Eve[/b] ")
        assert "\x1b" not in line and "\x07" not in line and "\n" not in line
        assert "line one line two" in line
        assert len(line) < 250 and "…" in line


def test_history_is_kept_in_the_file_and_goes_with_its_session(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Bank")
        store.add_segment(sid, "Families")
        store.delete_session(sid)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM history").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM history_rows").fetchone()[0] == 0
