"""FORMAT.md's later keys and the agenda, stored: importance, moment of truth, evidence,
accepted findings, dots per participant, the agenda's start and changed timeboxes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from tpworkshop.domain.model import EVIDENCE, Accepted, Segment, Session, Stage, Touchpoint
from tpworkshop.domain.validation import ValidationError
from tpworkshop.storage import StorageError, Store
from tpworkshop.storage.schema import SCHEMA_VERSION, migrations


@pytest.fixture
def store(db_path: Path) -> Store:
    with Store(db_path) as s:
        yield s


def _session(store: Store) -> tuple[int, int]:
    sid = store.create_session("Keys")
    segment = store.add_segment(sid, "Families")
    stage = store.load(sid).stages[0].key
    tp = store.add_touchpoint(sid, segment, stage, "Fast login")
    assert tp.db_id is not None
    return sid, tp.db_id


def test_a_touchpoint_s_new_keys_are_stored_and_read(store: Store, db_path: Path) -> None:
    sid, tp_id = _session(store)
    store.update_touchpoint(tp_id, importance=5, moment_of_truth=True, evidence="measured")
    with Store(db_path) as other:
        tp = other.load(sid).touchpoints[0]
    assert (tp.importance, tp.moment_of_truth, tp.evidence) == (5, True, "measured")
    store.update_touchpoint(tp_id, importance=None, moment_of_truth=False, evidence=None)
    tp = store.load(sid).touchpoints[0]
    assert (tp.importance, tp.moment_of_truth, tp.evidence) == (None, False, None)


@pytest.mark.parametrize(
    "fields",
    [
        {"importance": 0},
        {"importance": 6},
        {"importance": 2.5},
        {"moment_of_truth": "yes"},
        {"evidence": "rumour"},
    ],
)
def test_bad_new_keys_are_refused_and_change_nothing(store: Store, fields: dict) -> None:
    sid, tp_id = _session(store)
    before = store.load(sid)
    with pytest.raises(ValidationError):
        store.update_touchpoint(tp_id, **fields)
    assert store.load(sid) == before


def test_dots_per_participant_is_kept_in_range(store: Store) -> None:
    sid, _ = _session(store)
    store.update_session(sid, dots_per_participant=7)
    assert store.load(sid).dots_per_participant == 7
    for bad in (-1, 21):
        with pytest.raises(ValidationError):
            store.update_session(sid, dots_per_participant=bad)
    assert store.load(sid).dots_per_participant == 7


def test_accepting_and_unaccepting_a_finding(store: Store, db_path: Path) -> None:
    sid, _ = _session(store)
    first = store.accept_finding(sid, "no-data", "Word of mouth", touchpoint="tp-1", by="Marta")
    second = store.accept_finding(sid, "empty-stage", "Not our business", stage="pre")
    with Store(db_path) as other:
        accepted = other.load(sid).accepted
    assert accepted == [
        Accepted("no-data", "Word of mouth", touchpoint="tp-1", by="Marta", db_id=first),
        Accepted("empty-stage", "Not our business", stage="pre", db_id=second),
    ]
    store.update_accepted(first, reason="Nothing to record")
    assert store.load(sid).accepted[0].reason == "Nothing to record"
    store.unaccept_finding(first)
    assert [a.rule for a in store.load(sid).accepted] == ["empty-stage"]
    with pytest.raises(StorageError):
        store.unaccept_finding(first)


@pytest.mark.parametrize(
    "kwargs", [{"rule": "No Data", "reason": "x"}, {"rule": "no-data", "reason": " "}]
)
def test_a_bad_acceptance_is_refused(store: Store, kwargs: dict) -> None:
    sid, _ = _session(store)
    with pytest.raises(ValidationError):
        store.accept_finding(sid, **kwargs)
    assert store.load(sid).accepted == []


def test_the_agenda_is_saved_with_the_session(store: Store, db_path: Path) -> None:
    sid, _ = _session(store)
    assert store.load(sid).agenda_start is None
    assert store.load(sid).timebox_overrides == {}
    store.set_agenda_start(sid, datetime(2026, 11, 24, 9, 30))
    store.set_timebox(sid, "touchpoints", 40)
    store.set_timebox(sid, "assess", 0)
    with Store(db_path) as other:
        session = other.load(sid)
    assert session.agenda_start == datetime(2026, 11, 24, 9, 30)
    assert session.timebox_overrides == {"touchpoints": 40, "assess": 0}
    store.set_timebox(sid, "touchpoints", None)  # back to the guide's timebox
    store.set_agenda_start(sid, None)
    session = store.load(sid)
    assert session.timebox_overrides == {"assess": 0}
    assert session.agenda_start is None


@pytest.mark.parametrize(
    ("step", "minutes"), [("coffee", 10), ("break-1", 10), ("setup", -5), ("setup", 601)]
)
def test_a_bad_timebox_is_refused(store: Store, step: str, minutes: int) -> None:
    sid, _ = _session(store)
    with pytest.raises(ValidationError):
        store.set_timebox(sid, step, minutes)
    assert store.load(sid).timebox_overrides == {}


def test_the_agendas_other_slots_keep_their_timeboxes(store: Store) -> None:
    """Welcome, break, lunch and close are agenda rows too (the overview guide's agenda)."""
    sid, _ = _session(store)
    store.set_timebox(sid, "welcome", 10)
    store.set_timebox(sid, "break-2", 5)
    assert store.load(sid).timebox_overrides == {"welcome": 10, "break-2": 5}


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=30)
names = texts.map(str.strip).filter(bool)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    stages = [Stage("pre", "Before", 4), Stage("use", "Using", 2)]
    segments = [Segment("fam", "Families"), Segment("biz", "Businesses")]
    touchpoints = [
        Touchpoint(
            ref=f"tp-{n + 1}",
            segment=draw(st.sampled_from(["fam", "biz"])),
            stage=draw(st.sampled_from(["pre", "use"])),
            name=draw(names),
            importance=draw(st.none() | st.integers(1, 5)),
            moment_of_truth=draw(st.booleans()),
            evidence=draw(st.none() | st.sampled_from(EVIDENCE)),
            votes=draw(st.integers(0, 10000)),
            position=n,
        )
        for n in range(draw(st.integers(0, 6)))
    ]
    accepted = [
        Accepted(
            rule=draw(st.sampled_from(["no-data", "empty-cell", "replicate"])),
            reason=draw(names),
            segment=draw(st.none() | st.just("fam")),
            stage=draw(st.none() | st.just("use")),
            touchpoint=draw(st.none() | st.just("tp-1")),
            by=draw(texts.map(str.strip)),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    minutes = st.integers(0, 600)
    return Session(
        name=draw(names),
        stages=stages,
        segments=segments,
        touchpoints=touchpoints,
        accepted=accepted,
        dots_per_participant=draw(st.integers(0, 20)),
        agenda_start=draw(st.none() | st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1))),
        timebox_overrides=draw(st.dictionaries(st.sampled_from(["setup", "assess"]), minutes)),
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(session=sessions())
def test_insert_session_writes_every_new_key(tmp_path: Path, session: Session) -> None:
    path = tmp_path / "round-trip.db"
    path.unlink(missing_ok=True)
    with Store(path) as store:
        sid = store.insert_session(session)
    with Store(path) as store:
        loaded = store.load(sid)
    assert loaded.dots_per_participant == session.dots_per_participant
    assert loaded.agenda_start == session.agenda_start
    assert loaded.timebox_overrides == session.timebox_overrides
    assert [
        (a.rule, a.reason, a.segment, a.stage, a.touchpoint, a.by) for a in loaded.accepted
    ] == [(a.rule, a.reason, a.segment, a.stage, a.touchpoint, a.by) for a in session.accepted]
    by_ref = {tp.ref: tp for tp in loaded.touchpoints}
    for tp in session.touchpoints:
        got = by_ref[tp.ref]
        assert (got.importance, got.moment_of_truth, got.evidence, got.votes) == (
            tp.importance,
            tp.moment_of_truth,
            tp.evidence,
            tp.votes,
        )


def test_a_version_4_database_gains_the_new_keys_and_keeps_its_data(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = Database(db_path)
    migrations.apply(db, stop_before="m005_importance_and_agenda")
    db.execute(
        "INSERT INTO sessions (name, created, updated) VALUES ('Old', '2026-01-01T00:00:00Z',"
        " '2026-01-01T00:00:00Z')"
    )
    db.execute("INSERT INTO stages (session_id, key, name, position) VALUES (1, 'pre', 'Pre', 0)")
    db.execute("INSERT INTO segments (session_id, key, name, position) VALUES (1, 'f', 'F', 0)")
    db.execute(
        "INSERT INTO touchpoints (session_id, ref, segment_id, stage_id, position, name, votes)"
        " VALUES (1, 'tp-1', 1, 1, 0, 'Kept', 4)"
    )
    db.conn.commit()
    assert db.execute("PRAGMA user_version").fetchone()[0] == 4
    db.close()
    with Store(db_path) as store:
        session = store.load(1)
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    tp = session.touchpoints[0]
    assert (tp.name, tp.votes, tp.importance, tp.moment_of_truth, tp.evidence) == (
        "Kept",
        4,
        None,
        False,
        None,
    )
    assert (session.accepted, session.agenda_start, session.timebox_overrides) == ([], None, {})
