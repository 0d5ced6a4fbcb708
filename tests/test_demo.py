"""The built-in demo: data files in the package, imported like any file; valid in every
field, rich enough to fire every gap rule, stored once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path

import pytest

from tpworkshop.analysis import analyse
from tpworkshop.demo import build_demo_session, demo_file_name, ensure_demo
from tpworkshop.domain.frameworks import FRAMEWORKS, framework_stages
from tpworkshop.domain.model import (
    SESSION_RULES,
    Action,
    Segment,
    Session,
    Stage,
    Touchpoint,
    clean,
    editable_fields,
)
from tpworkshop.storage import Store

LANGS = ("en", "es")
DEMO_NAMES = {"en": "Demo — car dealership journey", "es": "Demo — recorrido de un concesionario"}

# The fourteen rules of GAPS.md, in its table's order.
GAP_RULES = (
    "empty-cell",
    "empty-stage",
    "no-owner",
    "no-process",
    "no-outcome",
    "no-data",
    "under-invested",
    "over-invested",
    "low-effectiveness",
    "pain-without-action",
    "single-channel",
    "no-proactive",
    "owner-overload",
    "inconsistent",
)


@pytest.fixture(scope="module", params=LANGS)
def demo(request: pytest.FixtureRequest) -> Session:
    return build_demo_session(request.param)


def _rules_fired(session: Session) -> Counter[str]:
    return Counter(finding.rule for finding in analyse(session).findings)


def _shape(session: Session) -> dict[str, object]:
    """What must survive storage: everything but row ids and timestamps."""
    return {
        "session": {name: getattr(session, name) for name in SESSION_RULES},
        "stages": [(s.key, s.name, s.weight) for s in session.stages],
        "segments": [(s.key, s.name, s.description) for s in session.segments],
        "touchpoints": [
            tuple(getattr(tp, name) for name in (*editable_fields(Touchpoint), "position"))
            for tp in session.in_map_order()
        ],
        "actions": [
            tuple(getattr(a, name) for name in editable_fields(Action)) for a in session.actions
        ],
    }


# --- the content is data, imported like any file --------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_demo_is_a_file_in_the_package(lang: str) -> None:
    resource = files("tpworkshop.demo") / demo_file_name(lang)
    assert resource.is_file()
    text = resource.read_text(encoding="utf-8")
    assert text.count("[[touchpoints]]") == len(build_demo_session(lang).touchpoints)
    assert 'format = "tpworkshop/1"' in text


@pytest.mark.parametrize("lang", LANGS)
def test_tpworkshop_import_of_the_demo_file_gives_the_demo(lang: str, db_path: Path) -> None:
    """`tpworkshop import` of the packaged file stores what `tpworkshop demo` stores."""
    env = {**os.environ, "TPWORKSHOP_DB": str(db_path)}
    with as_file(files("tpworkshop.demo") / demo_file_name(lang)) as path:
        imported = subprocess.run(
            [sys.executable, "-m", "tpworkshop", "import", str(path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    assert imported.returncode == 0, imported.stderr
    with Store(db_path) as store:
        (only,) = store.list_sessions()
        assert ensure_demo(store, lang) == only.id  # the demo is already there, by its name
        assert _shape(store.load(only.id)) == _shape(build_demo_session(lang))


def test_the_demo_command_opens_where_the_story_is(db_path: Path) -> None:
    env = {**os.environ, "TPWORKSHOP_DB": str(db_path), "LANG": "es_ES.UTF-8"}
    env.pop("LC_ALL", None)
    for _ in range(2):
        made = subprocess.run(
            [sys.executable, "-m", "tpworkshop", "demo", "--no-open"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert made.returncode == 0, made.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "tpworkshop", "list", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    (session,) = json.loads(listed.stdout)
    assert session["name"] == DEMO_NAMES["es"] and session["step"] == "assess"
    with Store(db_path) as store:
        position = store.load(session["id"]).position
    # It opens on Assess, on the pain point nobody has acted on yet (the fleet chat).
    built = build_demo_session("es")
    opened_on = built.touchpoint(position.touchpoint or "")
    assert opened_on is not None and opened_on.pain_point
    assert not any(action.touchpoint == opened_on.ref for action in built.actions)
    assert (position.segment, position.stage) == (opened_on.segment, opened_on.stage)


# --- every field passes the field rules ---------------------------------------------------


def test_session_fields_pass_their_rules(demo: Session) -> None:
    for name in SESSION_RULES:
        value = getattr(demo, name)
        assert clean("session", name, value) == value, name


def test_stage_segment_touchpoint_and_action_fields_pass_their_rules(demo: Session) -> None:
    checked = 0
    for entity, cls, items in (
        ("stage", Stage, demo.stages),
        ("segment", Segment, demo.segments),
        ("touchpoint", Touchpoint, demo.touchpoints),
        ("action", Action, demo.actions),
    ):
        for item in items:
            for name in editable_fields(cls):
                value = getattr(item, name)
                assert clean(entity, name, value) == value, (entity, name, value)
                checked += 1
    assert checked > 500


def test_refs_keys_and_positions_are_consistent(demo: Session) -> None:
    refs = [tp.ref for tp in demo.touchpoints]
    assert len(refs) == len(set(refs))
    assert refs == [tp.ref for tp in demo.in_map_order()]
    assert refs == [f"tp-{n}" for n in range(1, len(refs) + 1)]
    assert len({s.key for s in demo.stages}) == len(demo.stages)
    assert len({s.key for s in demo.segments}) == len(demo.segments)
    segment_keys = {s.key for s in demo.segments}
    stage_keys = {s.key for s in demo.stages}
    for tp in demo.touchpoints:
        assert tp.segment in segment_keys and tp.stage in stage_keys, tp.ref
    for segment, stage, cell in demo.iter_cells():
        assert [tp.position for tp in cell] == list(range(len(cell))), (segment.key, stage.key)


def test_every_action_points_at_an_existing_touchpoint(demo: Session) -> None:
    for action in demo.actions:
        if action.touchpoint is not None:
            assert demo.touchpoint(action.touchpoint) is not None, action.title
    assert sum(action.touchpoint is not None for action in demo.actions) >= 3


# --- a believable workshop ----------------------------------------------------------------


def test_session_is_filled_like_a_real_workshop(demo: Session) -> None:
    assert demo.name == DEMO_NAMES[demo.language]
    assert demo.organisation and demo.facilitator and demo.notes.strip()
    assert len(demo.participants) >= 3
    assert demo.framework in FRAMEWORKS and demo.framework != "custom"
    weights = [stage.weight for stage in demo.stages]
    assert all(1 <= w <= 5 for w in weights) and len(set(weights)) >= 3
    assert len(demo.segments) == 3
    assert all(segment.description.strip() for segment in demo.segments)


def test_touchpoints_mix_channels_kinds_and_ratings(demo: Session) -> None:
    tps = demo.touchpoints
    assert 30 <= len(tps) <= 45
    assert len({tp.channel.casefold() for tp in tps}) >= 12
    assert {tp.kind for tp in tps} >= {"communication", "human", "physical"}
    assert {tp.initiative for tp in tps} == {"proactive", "reactive"}
    assert len({tp.owner for tp in tps if tp.owner}) >= 5
    rated = [tp.effectiveness for tp in tps if tp.effectiveness is not None]
    assert 0 < len(rated) < len(tps)
    assert min(rated) <= 2 and max(rated) == 5
    pains = [tp for tp in tps if tp.pain_point]
    assert len(pains) >= 3 and all(tp.pain_note.strip() for tp in pains)
    assert not any(tp.pain_note for tp in tps if not tp.pain_point)
    assert sum(tp.votes for tp in tps) == len(demo.participants) * demo.dots_per_participant
    for name in ("need", "desired_outcome", "optimal_experience"):
        assert sum(bool(getattr(tp, name)) for tp in tps) >= 10, name
    for name in ("interactions", "processes", "people", "customer_contacts", "data_generated"):
        assert sum(bool(getattr(tp, name)) for tp in tps) >= 10, name


def test_actions_have_owners_due_dates_and_both_statuses(demo: Session) -> None:
    assert 3 <= len(demo.actions) <= 5
    assert {action.status for action in demo.actions} == {"open", "done"}
    for action in demo.actions:
        assert action.owner
        assert action.due is not None and date(2027, 1, 1) <= action.due <= date(2027, 4, 30)


def test_building_is_deterministic() -> None:
    for lang in LANGS:
        assert _shape(build_demo_session(lang)) == _shape(build_demo_session(lang))


def test_an_unknown_language_gets_the_english_demo() -> None:
    assert _shape(build_demo_session("fr")) == _shape(build_demo_session("en"))
    assert build_demo_session("es_ES.UTF-8").language == "es"


# --- the two languages --------------------------------------------------------------------


def test_spanish_demo_is_in_spanish() -> None:
    es = build_demo_session("es")
    assert es.language == "es"
    assert es.name == DEMO_NAMES["es"]
    assert [s.name for s in es.stages] == [s.name for s in framework_stages(es.framework, "es")]
    english = {s.name for s in framework_stages(es.framework, "en")}
    assert not english & {s.name for s in es.stages}
    text = " ".join(
        [es.notes, *(s.description for s in es.segments)]
        + [f"{tp.name} {tp.need} {tp.pain_note}" for tp in es.touchpoints]
    )
    assert "ñ" in text and "¿" in text
    assert all(ch in text for ch in "áéíóú")


def test_each_language_is_written_on_its_own() -> None:
    en, es = build_demo_session("en"), build_demo_session("es")
    assert en.language == "en" and en.name == DEMO_NAMES["en"]
    assert en.organisation != es.organisation
    assert not {tp.name for tp in en.touchpoints} & {tp.name for tp in es.touchpoints}
    assert not {s.name for s in en.segments} & {s.name for s in es.segments}
    assert not {a.title for a in en.actions} & {a.title for a in es.actions}


# --- the gap analysis ----------------------------------------------------------------------


@pytest.mark.parametrize("rule", GAP_RULES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_gap_rule_fires(lang: str, rule: str) -> None:
    assert _rules_fired(build_demo_session(lang))[rule] >= 1


def test_gaps_tell_the_after_sales_story(demo: Session) -> None:
    findings = analyse(demo).findings
    by_rule: dict[str, list] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    # The forgotten stage, the thin after-sales stage and the crowded awareness stage.
    assert [f.stage for f in by_rule["empty-stage"]] == ["advocacy"]
    assert "satisfaction" in {f.stage for f in by_rule["under-invested"]}
    assert [f.stage for f in by_rule["over-invested"]] == ["awareness"]
    # Nobody owns after-sales; nothing after the sale is proactive.
    unowned = {f.stage for f in by_rule["no-owner"] if f.severity == "high"}
    assert unowned == {"satisfaction"}
    assert {f.stage for f in by_rule["no-proactive"]} <= {"satisfaction", "loyalty"}
    # Marketing owns too much.
    assert "Marketing" in by_rule["owner-overload"][0].message
    # The chat complaint has no action; pain points with actions are not reported.
    pain = {f.touchpoint for f in by_rule["pain-without-action"]}
    acted = {a.touchpoint for a in demo.actions}
    assert pain and not pain & acted
    assert all(demo.touchpoint(ref).pain_point for ref in pain)


def test_both_languages_find_the_same_gaps() -> None:
    def places(session: Session) -> list[tuple[object, ...]]:
        seg = {s.key: i for i, s in enumerate(session.segments)}
        return [
            (f.rule, f.severity, seg.get(f.segment or ""), f.stage, f.touchpoint)
            for f in analyse(session).findings
        ]

    assert places(build_demo_session("en")) == places(build_demo_session("es"))


# --- storing it ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_ensure_demo_creates_once(db_path: Path, lang: str) -> None:
    with Store(db_path) as store:
        first = ensure_demo(store, lang)
        second = ensure_demo(store, lang)
        assert first == second
        assert [s.id for s in store.list_sessions()] == [first]
    with Store(db_path) as store:
        assert ensure_demo(store, lang) == first
        assert len(store.list_sessions()) == 1


def test_each_language_has_its_own_demo(db_path: Path) -> None:
    with Store(db_path) as store:
        en, es = ensure_demo(store, "en"), ensure_demo(store, "es")
        assert en != es
        assert ensure_demo(store, "en") == en and ensure_demo(store, "es") == es
        assert store.load(es).language == "es"
        assert store.load(en).language == "en"


def test_a_renamed_demo_gets_a_fresh_one(db_path: Path) -> None:
    with Store(db_path) as store:
        first = ensure_demo(store, "en")
        store.update_session(first, name="Our dealership workshop")
        second = ensure_demo(store, "en")
        assert second != first
        assert ensure_demo(store, "en") == second
        assert len(store.list_sessions()) == 2


@pytest.mark.parametrize("lang", LANGS)
def test_loaded_demo_equals_what_was_built(db_path: Path, lang: str) -> None:
    built = build_demo_session(lang)
    with Store(db_path) as store:
        loaded = store.load(ensure_demo(store, lang))
    assert loaded.name == built.name == DEMO_NAMES[lang]
    assert loaded.language == lang and loaded.framework == built.framework
    assert len(loaded.stages) == len(built.stages)
    assert len(loaded.segments) == len(built.segments)
    assert len(loaded.touchpoints) == len(built.touchpoints)
    assert len(loaded.actions) == len(built.actions)
    assert _shape(loaded) == _shape(built)
    assert loaded.position == built.position
    assert _rules_fired(loaded) == _rules_fired(built)


def test_spanish_demo_loads_with_spanish_stage_names(db_path: Path) -> None:
    with Store(db_path) as store:
        loaded = store.load(ensure_demo(store, "es"))
    assert loaded.language == "es"
    assert [s.name for s in loaded.stages] == [
        s.name for s in framework_stages(loaded.framework, "es")
    ]
