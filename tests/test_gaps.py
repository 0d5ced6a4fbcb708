"""The gap analysis of GAPS.md, rule by rule, at and around every limit."""

from __future__ import annotations

import json
import random
import tomllib
from collections.abc import Sequence
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import GAPS_JSON_KEYS
from tpworkshop.analysis import SEVERITIES, Analysis, Finding, StageFigures, Summary, analyse
from tpworkshop.analysis.gaps import RULES, _Folder
from tpworkshop.analysis.messages import FINDINGS, LABELS, WHERE
from tpworkshop.domain.frameworks import framework_stages
from tpworkshop.domain.model import Action, Segment, Session, Stage, Touchpoint
from tpworkshop.domain.text import fold
from tpworkshop.i18n.catalogs.rules import RULE_LABELS

# --- building sessions ----------------------------------------------------------------------


def tp(ref: str, segment: str, stage: str, name: str | None = None, **fields: Any) -> Touchpoint:
    """A touchpoint with every detail filled in, so that no rule fires unless a test says so."""
    values: dict[str, Any] = {
        "channel": "web",
        "owner": "Owner " + ref,
        "processes": ["a process"],
        "desired_outcome": "an outcome",
        "data_generated": ["some data"],
        "initiative": "proactive",
    }
    values.update(fields)
    return Touchpoint(ref=ref, segment=segment, stage=stage, name=name or "TP " + ref, **values)


def make(
    stages: list[Stage] | list[tuple[str, int]],
    segments: list[str] | list[Segment],
    touchpoints: Sequence[Touchpoint] = (),
    actions: Sequence[Action] = (),
    framework: str = "custom",
    language: str = "en",
) -> Session:
    """A session; stages as (key, weight) pairs named after their key in capitals.

    Touchpoints keep their ``position`` (0 by default: then the list order decides).
    """
    stage_list = [s if isinstance(s, Stage) else Stage(s[0], s[0].upper(), s[1]) for s in stages]
    segment_list = [s if isinstance(s, Segment) else Segment(s, s.capitalize()) for s in segments]
    return Session(
        name="Test",
        language=language,
        framework=framework,
        stages=stage_list,
        segments=segment_list,
        touchpoints=list(touchpoints),
        actions=list(actions),
    )


def of(analysis: Analysis, rule: str) -> list[Finding]:
    return [finding for finding in analysis.findings if finding.rule == rule]


def places(findings: list[Finding]) -> list[tuple[str | None, ...]]:
    return [(f.severity, f.segment, f.stage, f.touchpoint) for f in findings]


def load_example(path: Path) -> Session:
    """The TOML of FORMAT.md read into domain objects (enough for these tests)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    meta = data["session"]
    touchpoints = []
    for position, entry in enumerate(data.get("touchpoints", [])):
        entry = dict(entry)
        touchpoints.append(Touchpoint(ref=entry.pop("id"), position=position, **entry))
    return Session(
        name=meta["name"],
        organisation=meta.get("organisation", ""),
        facilitator=meta.get("facilitator", ""),
        participants=meta.get("participants", []),
        language=meta.get("language", "en"),
        framework=meta["framework"],
        notes=meta.get("notes", ""),
        stages=[Stage(**entry) for entry in data.get("stages", [])],
        segments=[Segment(**entry) for entry in data.get("segments", [])],
        touchpoints=touchpoints,
        actions=[Action(**entry) for entry in data.get("actions", [])],
    )


# --- the public shape -----------------------------------------------------------------------


def test_public_types_are_frozen_and_severities_ordered() -> None:
    assert SEVERITIES == ("high", "medium", "low")
    finding = Finding("no-data", "low", None, None, None, "m")
    with pytest.raises(FrozenInstanceError):
        finding.rule = "other"  # type: ignore[misc]
    analysis = analyse(make([("a", 3)], ["s"], [tp("tp-1", "s", "a")]))
    assert isinstance(analysis.summary, Summary)
    assert isinstance(analysis.stages[0], StageFigures)


def test_every_rule_has_a_sentence_and_a_label_in_both_languages() -> None:
    for catalog in (FINDINGS, LABELS, RULE_LABELS, WHERE):
        assert catalog.missing() == []
    for rule in RULES:
        assert rule in RULE_LABELS
        assert rule in FINDINGS
    for key in ("no-owner", "no-process", "no-outcome", "no-data", "pain-without-action"):
        for lang in ("en", "es"):
            assert FINDINGS.messages[key][lang].count("{where}") == 1


# --- empty-cell and empty-stage -------------------------------------------------------------


@pytest.mark.parametrize(
    ("weight", "severity"),
    [(5, "high"), (4, "high"), (3, "medium"), (2, "medium"), (1, "low")],
)
def test_empty_cell_severity_follows_the_stage_weight(weight: int, severity: str) -> None:
    session = make([("a", weight)], ["one", "two"], [tp("tp-1", "one", "a")])
    found = of(analyse(session), "empty-cell")
    assert places(found) == [(severity, "two", "a", None)]
    assert found[0].message == "Two has no touchpoint in “A”."


def test_empty_stage_replaces_the_empty_cells_of_that_stage() -> None:
    session = make([("a", 1), ("b", 4)], ["one", "two"], [tp("tp-1", "one", "a")])
    analysis = analyse(session)
    assert places(of(analysis, "empty-stage")) == [("high", None, "b", None)]
    assert places(of(analysis, "empty-cell")) == [("low", "two", "a", None)]
    assert of(analysis, "empty-stage")[0].message == "No segment has a single touchpoint in “B”."


def test_empty_stage_is_high_even_for_weight_one_and_needs_a_segment() -> None:
    one_segment = analyse(make([("a", 1)], ["one"]))
    assert places(one_segment.findings) == [("high", None, "a", None)]
    assert one_segment.findings[0].rule == "empty-stage"
    no_segment = analyse(make([("a", 1)], []))
    assert no_segment.findings == []


def test_a_full_map_has_no_empty_cells() -> None:
    session = make([("a", 5)], ["one", "two"], [tp("tp-1", "one", "a"), tp("tp-2", "two", "a")])
    assert analyse(session).findings == []


# --- the detail rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weight", "pain", "severity"),
    [(3, False, "medium"), (4, False, "high"), (1, True, "high"), (5, True, "high")],
)
def test_no_owner_severity(weight: int, pain: bool, severity: str) -> None:
    actions = [Action("fix it", touchpoint="tp-1")]
    touchpoint = tp("tp-1", "s", "a", owner="", pain_point=pain)
    found = of(analyse(make([("a", weight)], ["s"], [touchpoint], actions)), "no-owner")
    assert places(found) == [(severity, "s", "a", "tp-1")]
    assert found[0].message == "“TP tp-1” (S, A) has no owner."


def test_blank_owner_outcome_processes_and_data_count_as_missing() -> None:
    touchpoint = tp(
        "tp-1",
        "s",
        "a",
        owner="   ",
        desired_outcome=" \n ",
        processes=["  "],
        data_generated=[],
    )
    analysis = analyse(make([("a", 3)], ["s"], [touchpoint]))
    assert [(f.rule, f.severity) for f in analysis.findings] == [
        ("no-outcome", "medium"),
        ("no-owner", "medium"),
        ("no-process", "medium"),
        ("no-data", "low"),
    ]


def test_detail_messages_in_english_and_spanish() -> None:
    touchpoint = tp("tp-1", "s", "a", name="Visita", processes=[], data_generated=[])
    english = analyse(make([("a", 3)], ["s"], [touchpoint]))
    assert [f.message for f in english.findings] == [
        "“Visita” (S, A) lists no process that supports it.",
        "“Visita” (S, A) generates no data, so there is no way to measure it or learn from it.",
    ]
    spanish = analyse(make([("a", 3)], ["s"], [touchpoint], language="es"))
    assert [f.message for f in spanish.findings] == [
        "«Visita» (S, A) no indica ningún proceso que lo respalde.",
        "«Visita» (S, A) no genera datos, así que no hay forma de medirlo ni de aprender de él.",
    ]


def test_no_outcome_is_medium() -> None:
    touchpoint = tp("tp-1", "s", "a", desired_outcome="")
    found = of(analyse(make([("a", 5)], ["s"], [touchpoint])), "no-outcome")
    assert places(found) == [("medium", "s", "a", "tp-1")]
    assert found[0].message == "“TP tp-1” (S, A) has no desired outcome."


@pytest.mark.parametrize(
    ("rating", "pain", "expected"),
    [(None, False, []), (3, False, []), (2, False, ["medium"]), (1, False, ["medium"])]
    + [(3, True, []), (2, True, ["high"]), (1, True, ["high"])],
)
def test_low_effectiveness(rating: int | None, pain: bool, expected: list[str]) -> None:
    touchpoint = tp("tp-1", "s", "a", effectiveness=rating, pain_point=pain)
    actions = [Action("fix", touchpoint="tp-1")]
    found = of(analyse(make([("a", 3)], ["s"], [touchpoint], actions)), "low-effectiveness")
    assert [f.severity for f in found] == expected


def test_low_effectiveness_messages() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", effectiveness=2),
        tp("tp-2", "s", "a", effectiveness=1, pain_point=True),
    ]
    actions = [Action("fix", touchpoint="tp-2")]
    found = of(analyse(make([("a", 3)], ["s"], touchpoints, actions)), "low-effectiveness")
    assert [f.message for f in found] == [
        "“TP tp-2” (S, A) is a pain point and is rated only 1 out of 5 for effectiveness.",
        "“TP tp-1” (S, A) is rated only 2 out of 5 for effectiveness.",
    ]


def test_pain_without_action() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", pain_point=True),  # an open action
        tp("tp-2", "s", "a", pain_point=True),  # a done action still counts
        tp("tp-3", "s", "a", pain_point=True),  # only an action about someone else
        tp("tp-4", "s", "a", pain_point=False),
    ]
    actions = [
        Action("one", touchpoint="tp-1"),
        Action("two", touchpoint="tp-2", status="done"),
        Action("general"),
        Action("four", touchpoint="tp-4"),
    ]
    found = of(analyse(make([("a", 1)], ["s"], touchpoints, actions)), "pain-without-action")
    assert places(found) == [("high", "s", "a", "tp-3")]
    assert found[0].message == (
        "“TP tp-3” (S, A) is a pain point, and no action has been agreed to fix it."
    )


# --- under-invested and over-invested -------------------------------------------------------


def _spread(counts: dict[str, int], segment: str = "s") -> list[Touchpoint]:
    touchpoints, n = [], 0
    for stage, count in counts.items():
        for _ in range(count):
            n += 1
            touchpoints.append(tp(f"tp-{n}", segment, stage, channel=f"channel {n}"))
    return touchpoints


def test_under_invested_exactly_at_half_is_not_reported() -> None:
    # a: weight 1 of 4 -> 25 % of the weight; 1 of 8 touchpoints = 12.5 % = exactly 0.5 x
    session = make([("a", 1), ("b", 3)], ["s"], _spread({"a": 1, "b": 7}))
    assert of(analyse(session), "under-invested") == []


def test_under_invested_just_below_half_is_medium_for_light_stages() -> None:
    # 1 of 9 = 11.1 % < 12.5 %
    session = make([("a", 1), ("b", 3)], ["s"], _spread({"a": 1, "b": 8}))
    found = of(analyse(session), "under-invested")
    assert places(found) == [("medium", None, "a", None)]
    assert found[0].message == (
        "“A” holds 11% of the touchpoints but carries 25% of the total weight: "
        "it needs more effort."
    )


def test_under_invested_needs_five_touchpoints() -> None:
    four = make([("a", 4), ("b", 1)], ["s"], _spread({"b": 4}))
    assert of(analyse(four), "under-invested") == []
    five = make([("a", 4), ("b", 1)], ["s"], _spread({"b": 5}))
    assert places(of(analyse(five), "under-invested")) == [("high", None, "a", None)]


@pytest.mark.parametrize(("weight", "severity"), [(4, "high"), (3, "medium"), (1, "medium")])
def test_under_invested_severity(weight: int, severity: str) -> None:
    session = make([("a", weight), ("b", weight)], ["s"], _spread({"a": 1, "b": 9}))
    assert places(of(analyse(session), "under-invested")) == [(severity, None, "a", None)]


def test_over_invested_exactly_at_one_and_a_half_is_not_reported() -> None:
    # equal weights: 50 % of the weight each; 3 of 4 = 75 % = exactly 1.5 x
    session = make([("a", 1), ("b", 1)], ["s"], _spread({"a": 3, "b": 1}))
    assert of(analyse(session), "over-invested") == []


def test_over_invested_above_one_and_a_half_is_low() -> None:
    # 4 of 5 = 80 % > 75 %
    session = make([("a", 1), ("b", 1)], ["s"], _spread({"a": 4, "b": 1}))
    analysis = analyse(session)
    found = of(analysis, "over-invested")
    assert places(found) == [("low", None, "a", None)]
    assert found[0].message == (
        "“A” holds 80% of the touchpoints for only 50% of the total weight: "
        "some of that effort may be better spent elsewhere."
    )
    # and b (1 of 5 = 20 % < 25 %) is under-invested in the same session
    assert places(of(analysis, "under-invested")) == [("medium", None, "b", None)]


def test_over_invested_needs_three_touchpoints_in_the_stage() -> None:
    # a weighs 1 of 6: 1.5 x 16.7 % = 25 %; 2 of 3 touchpoints (67 %) is still too few
    two = make([("a", 1), ("b", 5)], ["s"], _spread({"a": 2, "b": 1}))
    assert of(analyse(two), "over-invested") == []
    three = make([("a", 1), ("b", 5)], ["s"], _spread({"a": 3, "b": 1}))
    assert places(of(analyse(three), "over-invested")) == [("low", None, "a", None)]


def test_no_investment_findings_without_touchpoints() -> None:
    analysis = analyse(make([("a", 5), ("b", 1)], []))
    assert analysis.findings == []


# --- single-channel -------------------------------------------------------------------------


def test_single_channel_compares_channels_like_names() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", channel="Teléfono "),
        tp("tp-2", "s", "a", channel="telefono"),
        tp("tp-3", "s", "a", channel="TELÉFONO"),
    ]
    found = of(analyse(make([("a", 3)], ["s"], touchpoints)), "single-channel")
    assert places(found) == [("low", "s", "a", None)]
    assert found[0].message == "All 3 touchpoints of S in “A” use the same channel, “Teléfono”."


@pytest.mark.parametrize(
    "channels",
    [["web"], ["web", "email"], ["web", ""], ["", ""], ["web", "   "]],
)
def test_single_channel_needs_two_touchpoints_all_on_one_channel(channels: list[str]) -> None:
    touchpoints = [tp(f"tp-{i}", "s", "a", channel=c) for i, c in enumerate(channels)]
    assert of(analyse(make([("a", 3)], ["s"], touchpoints)), "single-channel") == []


def test_single_channel_is_per_cell() -> None:
    touchpoints = [
        tp("tp-1", "one", "a", channel="web"),
        tp("tp-2", "two", "a", channel="web"),
        tp("tp-3", "one", "b", channel="web"),
        tp("tp-4", "one", "b", channel="Web"),
    ]
    session = make([("a", 3), ("b", 3)], ["one", "two"], touchpoints)
    found = of(analyse(session), "single-channel")
    assert places(found) == [("low", "one", "b", None)]


# --- no-proactive ---------------------------------------------------------------------------


def five_stage(touchpoints: list[Touchpoint], stages: list[Stage] | None = None) -> Session:
    stages = stages if stages is not None else framework_stages("five-stage", "en")
    return make(stages, ["s"], touchpoints, framework="five-stage")


def test_no_proactive_after_the_purchase_stage() -> None:
    touchpoints = [
        tp("tp-1", "s", "purchase", initiative="reactive"),  # the purchase itself: not after
        tp("tp-2", "s", "usage", initiative="reactive"),
        tp("tp-3", "s", "usage", initiative=None),
        tp("tp-4", "s", "loyalty", initiative="reactive"),
        tp("tp-5", "s", "loyalty", initiative="proactive"),
    ]
    found = of(analyse(five_stage(touchpoints)), "no-proactive")
    assert places(found) == [("medium", "s", "usage", None)]
    assert found[0].message == (
        "After the purchase, S has no proactive touchpoint in “Usage”: "
        "every contact there waits for the customer to make the first move."
    )


def test_no_proactive_needs_a_touchpoint_in_the_cell() -> None:
    touchpoints = [tp("tp-1", "s", "awareness", initiative="reactive")]
    assert of(analyse(five_stage(touchpoints)), "no-proactive") == []


def test_no_proactive_does_not_apply_when_the_purchase_stage_was_removed() -> None:
    stages = [s for s in framework_stages("five-stage", "en") if s.key != "purchase"]
    touchpoints = [tp("tp-1", "s", "usage", initiative="reactive")]
    assert of(analyse(five_stage(touchpoints, stages)), "no-proactive") == []


def test_no_proactive_follows_the_sessions_stage_order() -> None:
    stages = framework_stages("five-stage", "en")
    usage = next(s for s in stages if s.key == "usage")
    stages.remove(usage)
    stages.insert(0, usage)  # usage now comes before the purchase
    touchpoints = [
        tp("tp-1", "s", "usage", initiative="reactive"),
        tp("tp-2", "s", "loyalty", initiative="reactive"),
    ]
    found = of(analyse(five_stage(touchpoints, stages)), "no-proactive")
    assert places(found) == [("medium", "s", "loyalty", None)]


def test_no_proactive_never_applies_to_custom_sessions() -> None:
    stages = framework_stages("five-stage", "en")  # even with the same keys
    touchpoints = [tp("tp-1", "s", "usage", initiative="reactive")]
    session = make(stages, ["s"], touchpoints, framework="custom")
    assert of(analyse(session), "no-proactive") == []


@pytest.mark.parametrize(
    ("framework", "purchase", "after"),
    [("lifecycle", "selection", "satisfaction"), ("5p", "prime", "post"), ("webb", "core", "post")],
)
def test_no_proactive_purchase_stage_by_framework(
    framework: str, purchase: str, after: str
) -> None:
    touchpoints = [
        tp("tp-1", "s", purchase, initiative="reactive"),
        tp("tp-2", "s", after, initiative="reactive"),
    ]
    session = make(framework_stages(framework, "en"), ["s"], touchpoints, framework=framework)
    assert places(of(analyse(session), "no-proactive")) == [("medium", "s", after, None)]


# --- owner-overload -------------------------------------------------------------------------


def _owned(owners: list[str]) -> list[Touchpoint]:
    return [tp(f"tp-{i}", "s", "a", owner=owner) for i, owner in enumerate(owners)]


def test_owner_overload_exactly_forty_percent_is_not_reported() -> None:
    owners = ["Ana"] * 4 + [f"Other {i}" for i in range(6)]  # 4 of 10
    assert of(analyse(make([("a", 3)], ["s"], _owned(owners))), "owner-overload") == []


def test_owner_overload_above_forty_percent() -> None:
    owners = ["Ana"] * 5 + [f"Other {i}" for i in range(7)]  # 5 of 12 = 41.7 %
    found = of(analyse(make([("a", 3)], ["s"], _owned(owners))), "owner-overload")
    assert places(found) == [("medium", None, None, None)]
    assert found[0].message == (
        "Ana owns 5 of the 12 touchpoints that have an owner (42%): too much rests on one owner."
    )


def test_owner_overload_needs_ten_owned_touchpoints() -> None:
    nine = ["Ana"] * 8 + ["Luis"]
    assert of(analyse(make([("a", 3)], ["s"], _owned(nine))), "owner-overload") == []
    ten = ["Ana"] * 8 + ["Luis", "Marta"]
    assert len(of(analyse(make([("a", 3)], ["s"], _owned(ten))), "owner-overload")) == 1


def test_owner_overload_counts_only_owned_touchpoints() -> None:
    # 4 of 9 owned (44 %), but only 9 owned: no finding, however many are unowned
    owners = ["Ana"] * 4 + ["B", "C", "D", "E", "F"] + [""] * 5
    assert of(analyse(make([("a", 3)], ["s"], _owned(owners))), "owner-overload") == []


def test_owners_are_compared_like_names_and_keep_their_first_spelling() -> None:
    owners = ["José ", "jose", "JOSÉ", "Jose", "josé"] + [f"Other {i}" for i in range(5)]
    analysis = analyse(make([("a", 3)], ["s"], _owned(owners)))
    found = of(analysis, "owner-overload")
    assert [f.message for f in found] == [
        "José owns 5 of the 10 touchpoints that have an owner (50%): too much rests on one owner."
    ]
    assert list(analysis.owners.items())[0] == ("José", 5)


def test_two_overloaded_owners_come_in_owner_order() -> None:
    owners = ["Zoe"] * 5 + ["ana"] * 5
    found = of(analyse(make([("a", 3)], ["s"], _owned(owners))), "owner-overload")
    assert [f.message.split()[0] for f in found] == ["ana", "Zoe"]


def test_owner_overload_message_in_spanish() -> None:
    owners = ["Ventas"] * 6 + [f"Otro {i}" for i in range(4)]
    session = make([("a", 3)], ["s"], _owned(owners), language="es")
    assert [f.message for f in of(analyse(session), "owner-overload")] == [
        "Ventas es responsable de 6 de los 10 puntos de contacto con responsable (60 %): "
        "demasiado depende de un solo responsable."
    ]


# --- inconsistent ---------------------------------------------------------------------------


def test_inconsistent_names_compared_without_case_accents_or_spaces() -> None:
    touchpoints = [
        tp("tp-1", "one", "a", name="Llamada a recepción"),
        tp("tp-2", "two", "a", name=" LLAMADA A RECEPCION "),
        tp("tp-3", "three", "a", name="Otra cosa"),
    ]
    session = make([("a", 3)], ["one", "two", "three"], touchpoints)
    found = of(analyse(session), "inconsistent")
    assert places(found) == [("low", "three", "a", None)]
    assert found[0].message == (
        "“Llamada a recepción” appears in “A” for 2 of the 3 segments, but not for Three."
    )


def test_inconsistent_at_exactly_half_of_the_segments() -> None:
    touchpoints = [tp("tp-1", "s1", "a", name="Web"), tp("tp-2", "s2", "a", name="web")]
    touchpoints += [tp("tp-3", "s3", "a", name="x"), tp("tp-4", "s4", "a", name="y")]
    session = make([("a", 3)], ["s1", "s2", "s3", "s4"], touchpoints)
    assert places(of(analyse(session), "inconsistent")) == [
        ("low", "s3", "a", None),
        ("low", "s4", "a", None),
    ]


def test_inconsistent_needs_half_of_the_segments() -> None:
    touchpoints = [tp("tp-1", "s1", "a", name="Web"), tp("tp-2", "s2", "a", name="Web")]
    session = make([("a", 3)], ["s1", "s2", "s3", "s4", "s5"], touchpoints)  # 2 of 5
    assert of(analyse(session), "inconsistent") == []


def test_inconsistent_needs_two_segments_with_the_name() -> None:
    # one of two segments is half, but a single segment is not enough
    touchpoints = [tp("tp-1", "s1", "a", name="Web"), tp("tp-2", "s1", "a", name="Web")]
    session = make([("a", 3)], ["s1", "s2"], touchpoints)
    assert of(analyse(session), "inconsistent") == []


def test_inconsistent_is_per_stage() -> None:
    touchpoints = [
        tp("tp-1", "s1", "a", name="Web"),
        tp("tp-2", "s2", "a", name="Web"),
        tp("tp-3", "s3", "b", name="Web"),
    ]
    session = make([("a", 3), ("b", 3)], ["s1", "s2", "s3"], touchpoints)
    assert places(of(analyse(session), "inconsistent")) == [("low", "s3", "a", None)]


def test_no_inconsistency_when_every_segment_has_it() -> None:
    touchpoints = [tp("tp-1", "s1", "a", name="Web"), tp("tp-2", "s2", "a", name="WEB")]
    assert of(analyse(make([("a", 3)], ["s1", "s2"], touchpoints)), "inconsistent") == []


# --- order ----------------------------------------------------------------------------------


def test_order_severity_stage_segment_touchpoint_rule() -> None:
    # Stages and segments are deliberately not in alphabetical order of their keys.
    touchpoints = [
        tp("tp-1", "zed", "zeta", owner="", pain_point=True, effectiveness=1),
        tp("tp-2", "zed", "alpha", processes=[], channel="mail", position=2),
        tp("tp-3", "zed", "alpha", processes=[], channel="web", position=1),
        tp("tp-4", "amy", "zeta", desired_outcome=""),
    ]
    owners = [tp(f"tp-o{i}", "amy", "alpha", owner="Boss", channel=f"c{i}") for i in range(10)]
    actions = [Action("fix", touchpoint="tp-1")]
    session = make([("zeta", 3), ("alpha", 3)], ["zed", "amy"], touchpoints + owners, actions)
    # zeta: 2 of 14 touchpoints for half the weight; alpha: 12 of 14
    found = [
        (f.rule, f.severity, f.segment, f.stage, f.touchpoint) for f in analyse(session).findings
    ]
    assert found == [
        ("low-effectiveness", "high", "zed", "zeta", "tp-1"),
        ("no-owner", "high", "zed", "zeta", "tp-1"),
        ("no-outcome", "medium", "amy", "zeta", "tp-4"),
        ("under-invested", "medium", None, "zeta", None),
        ("no-process", "medium", "zed", "alpha", "tp-3"),
        ("no-process", "medium", "zed", "alpha", "tp-2"),
        ("owner-overload", "medium", None, None, None),
        ("over-invested", "low", None, "alpha", None),
    ]


def test_findings_without_a_field_come_after_those_with_it() -> None:
    # In stage "a": an empty cell (segment + stage) and under-invested (stage only), both high;
    # then an empty stage "b" (stage only) is high too but comes later by stage order.
    touchpoints = _spread({"c": 5}, segment="one") + [tp("tp-x", "two", "c")]
    touchpoints.append(tp("tp-y", "one", "a"))
    session = make([("a", 5), ("b", 5), ("c", 1)], ["one", "two"], touchpoints)
    found = [(f.rule, f.severity, f.segment, f.stage) for f in analyse(session).findings]
    assert found == [
        ("empty-cell", "high", "two", "a"),
        ("under-invested", "high", None, "a"),
        ("empty-stage", "high", None, "b"),
        ("under-invested", "high", None, "b"),
        ("over-invested", "low", None, "c"),
    ]


def test_touchpoint_order_is_map_order_within_a_stage_and_segment() -> None:
    touchpoints = [
        tp("tp-b", "s", "a", data_generated=[], position=7),
        tp("tp-a", "s", "a", data_generated=[], position=3),
        tp("tp-c", "s", "a", data_generated=[], position=5),
    ]
    found = of(analyse(make([("a", 3)], ["s"], touchpoints)), "no-data")
    assert [f.touchpoint for f in found] == ["tp-a", "tp-c", "tp-b"]


def test_the_spanish_example(example_path: Path) -> None:
    analysis = analyse(load_example(example_path))
    assert analysis.language == "es"
    assert [(f.rule, f.severity, f.segment, f.stage, f.touchpoint) for f in analysis.findings] == [
        ("empty-cell", "high", "flotas", "prime", None),
        ("under-invested", "high", None, "prime", None),
        ("low-effectiveness", "high", "familias", "post", "tp-6"),
        ("no-owner", "high", "familias", "post", "tp-6"),
        ("low-effectiveness", "high", "flotas", "post", "tp-9"),
        ("pain-without-action", "high", "flotas", "post", "tp-9"),
        ("no-process", "medium", "familias", "pre", "tp-1"),
        ("empty-cell", "medium", "flotas", "pre", None),
        ("low-effectiveness", "medium", "flotas", "premier", "tp-7"),
        ("no-proactive", "medium", "familias", "post", None),
        ("no-data", "low", "familias", "pre", "tp-1"),
        ("replicate", "low", "familias", "pre", "tp-1"),  # Flotas has nothing in Pre-contacto
        ("replicate", "low", "familias", "premier", "tp-3"),  # Flotas has only an email there
        ("no-data", "low", "familias", "pivotal", "tp-4"),  # (Flotas has the same talk: no copy)
        ("no-data", "low", "flotas", "pivotal", "tp-8"),
        ("replicate", "low", "familias", "prime", "tp-5"),
        ("no-data", "low", "familias", "post", "tp-6"),
    ]
    messages = [f.message for f in analysis.findings]
    assert (
        messages[0]
        == "Flotas de empresa no tiene ningún punto de contacto en «Contacto principal»."
    )
    assert messages[1] == (
        "«Contacto principal» reúne el 11 % de los puntos de contacto, pero tiene el 24 % "
        "del peso total: necesita más esfuerzo."
    )
    assert (
        messages[3]
        == "«Visita de mantenimiento» (Familias, Contacto posterior) no tiene responsable."
    )
    assert messages[9] == (
        "Después de la compra, Familias no tiene ningún punto de contacto proactivo en "
        "«Contacto posterior»: todo contacto ahí espera a que el cliente dé el primer paso."
    )
    assert messages[11] == (
        "«Recomendación de un amigo» (Familias, Pre-contacto) funciona bien (efectividad 4 sobre"
        " 5) y no hay nada parecido para Flotas de empresa: copia lo que funciona."
    )
    # importance (the stage's weight) + gap + 3 if pain + votes (at most 5)
    assert priorities(analysis) == [
        ("tp-6", 5 + 4 + 3 + 5),
        ("tp-9", 5 + 3 + 3 + 3),
        ("tp-4", 4 + 0 + 0 + 2),
        ("tp-7", 4 + 2 + 0 + 0),  # tied with tp-4: map order
        ("tp-1", 3 + 0 + 0 + 1),
    ]
    assert analysis.best == ["tp-4", "tp-5", "tp-3", "tp-1"]  # 5, then 4 by importance 5, 4, 3


def test_the_example_in_english_on_request(example_path: Path) -> None:
    analysis = analyse(load_example(example_path), "en")
    assert analysis.language == "en"
    assert analysis.findings[0].message == (
        "Flotas de empresa has no touchpoint in “Contacto principal”."
    )


def test_an_unknown_language_falls_back_to_the_sessions(example_path: Path) -> None:
    assert analyse(load_example(example_path), "fr").language == "es"
    assert analyse(load_example(example_path), "en_GB.UTF-8").language == "en"


# --- summary figures ------------------------------------------------------------------------


def test_the_example_summary_and_stage_figures(example_path: Path) -> None:
    analysis = analyse(load_example(example_path))
    assert analysis.summary == Summary(
        coverage=0.8,  # 8 of 10 cells
        completeness=39 / 45,  # 6 of the 45 detail fields are empty
        touchpoints=9,
        segments=2,
        stages=5,
        pain_points=2,
        actions_open=1,
        moments_of_truth=0,
        rated=9,
    )
    assert analysis.stages[0] == StageFigures("pre", "Pre-contacto", 3, 2, 2 / 9, 3 / 21, 3.5)
    assert analysis.stages[4] == StageFigures(
        "post", "Contacto posterior", 5, 2, 2 / 9, 5 / 21, 1.5
    )
    assert analysis.owners == {
        "Marketing": 2,
        "Ventas": 2,
        "Ventas empresa": 2,
        "Administración": 1,
        "Recepción": 1,
    }
    assert list(analysis.owners) == [
        "Marketing",
        "Ventas",
        "Ventas empresa",
        "Administración",
        "Recepción",
    ]


def test_completeness_counts_five_fields() -> None:
    touchpoints = [
        tp("tp-1", "s", "a"),  # 5 of 5
        tp("tp-2", "s", "a", owner="", channel="", processes=[], desired_outcome=""),  # 1 of 5
        Touchpoint("tp-3", "s", "a", "bare"),  # 0 of 5
        tp("tp-4", "s", "a", data_generated=[" "]),  # 4 of 5 (a blank item is nothing)
    ]
    summary = analyse(make([("a", 3), ("b", 3)], ["s", "t"], touchpoints)).summary
    assert summary.completeness == 10 / 20
    assert summary.coverage == 1 / 4


def test_summary_of_an_empty_session() -> None:
    analysis = analyse(make([], []))
    assert analysis.summary == Summary(0.0, 0.0, 0, 0, 0, 0, 0)
    assert analysis.stages == []
    assert analysis.findings == []
    assert analysis.top_priorities == []
    assert analysis.owners == {} and analysis.cells == {} and analysis.channels == {}


def test_zero_segments_gives_zero_coverage_and_stage_figures() -> None:
    analysis = analyse(make([("a", 1), ("b", 3)], []))
    assert analysis.summary.coverage == 0.0
    assert analysis.stages == [
        StageFigures("a", "A", 1, 0, 0.0, 0.25, None),
        StageFigures("b", "B", 3, 0, 0.0, 0.75, None),
    ]


def test_zero_touchpoints_gives_zero_completeness_and_empty_stages() -> None:
    analysis = analyse(make([("a", 1)], ["s", "t"]))
    assert analysis.summary.completeness == 0.0
    assert analysis.summary.coverage == 0.0
    assert places(analysis.findings) == [("high", None, "a", None)]


def test_mean_effectiveness_only_over_rated_touchpoints() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", effectiveness=5),
        tp("tp-2", "s", "a", effectiveness=4),
        tp("tp-3", "s", "a"),
        tp("tp-4", "s", "b"),
    ]
    figures = analyse(make([("a", 3), ("b", 3)], ["s"], touchpoints)).stages
    assert [f.mean_effectiveness for f in figures] == [4.5, None]
    assert [f.share for f in figures] == [0.75, 0.25]


def test_pain_points_and_open_actions_are_counted() -> None:
    touchpoints = [tp("tp-1", "s", "a", pain_point=True), tp("tp-2", "s", "a")]
    actions = [Action("a"), Action("b", status="done"), Action("c", touchpoint="tp-1")]
    summary = analyse(make([("a", 3)], ["s"], touchpoints, actions)).summary
    assert (summary.pain_points, summary.actions_open) == (1, 2)


def test_cells_hold_every_cell_in_map_order() -> None:
    touchpoints = [tp("tp-1", "two", "b"), tp("tp-2", "two", "b"), tp("tp-3", "one", "a")]
    cells = analyse(make([("b", 3), ("a", 3)], ["two", "one"], touchpoints)).cells
    assert list(cells.items()) == [
        (("two", "b"), 2),
        (("two", "a"), 0),
        (("one", "b"), 0),
        (("one", "a"), 1),
    ]


def test_channels_grouped_like_names_without_the_empty_channel() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", channel="Teléfono"),
        tp("tp-2", "s", "b", channel="telefono "),
        tp("tp-3", "t", "b", channel="TELÉFONO"),
        tp("tp-4", "s", "a", channel="Web"),
        tp("tp-5", "s", "a", channel=""),
    ]
    channels = analyse(make([("a", 3), ("b", 3)], ["s", "t"], touchpoints)).channels
    assert list(channels.items()) == [
        (("Teléfono", "a"), 1),
        (("Teléfono", "b"), 2),
        (("Web", "a"), 1),
    ]


def test_touchpoints_off_the_map_are_left_out() -> None:
    touchpoints = [tp("tp-1", "s", "a"), tp("tp-2", "gone", "a", owner=""), tp("tp-3", "s", "x")]
    analysis = analyse(make([("a", 3)], ["s"], touchpoints))
    assert analysis.summary.touchpoints == 1
    assert analysis.findings == []


# --- top priorities -------------------------------------------------------------------------


def priorities(analysis: Analysis) -> list[tuple[str, int]]:
    return [(priority.touchpoint, priority.score) for priority in analysis.top_priorities]


def test_top_priorities_by_score_then_map_order() -> None:
    # Stage weight 3, so every importance is 3. Scores worked out by hand:
    touchpoints = [
        tp("tp-1", "s", "a", votes=9),  # 3 + 5 votes (at most 5 count) = 8
        tp("tp-2", "s", "a", pain_point=True, votes=0),  # 3 + 3 pain = 6
        tp("tp-3", "s", "a", pain_point=True, votes=2, effectiveness=4),  # 3 + 0 + 3 + 2 = 8
        tp("tp-4", "s", "a", votes=2, effectiveness=None),  # 3 + 2 = 5
        tp("tp-5", "s", "a", votes=2, effectiveness=3),  # 3 + 0 + 2 = 5
        tp("tp-6", "s", "a", votes=2, effectiveness=1),  # 3 + 2 gap + 2 = 7
        tp("tp-7", "s", "a", effectiveness=2),  # 3 + 1 gap = 4
        tp("tp-8", "s", "a", effectiveness=3),  # not a candidate
    ]
    analysis = analyse(make([("a", 3)], ["s"], touchpoints))
    assert priorities(analysis) == [("tp-1", 8), ("tp-3", 8), ("tp-6", 7), ("tp-2", 6), ("tp-4", 5)]


def test_top_priorities_fewer_than_five_and_ties_in_map_order() -> None:
    touchpoints = [
        tp("tp-1", "t", "a", votes=1, position=0),
        tp("tp-2", "s", "a", votes=1, position=1),
        tp("tp-3", "s", "a", votes=1, position=0),
        tp("tp-4", "s", "a", effectiveness=5),
    ]
    analysis = analyse(make([("a", 3)], ["s", "t"], touchpoints))
    assert priorities(analysis) == [("tp-3", 4), ("tp-2", 4), ("tp-1", 4)]


def test_a_rating_below_the_importance_raises_the_score() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", pain_point=True),  # 3 + 3 = 6
        tp("tp-2", "s", "a", pain_point=True, effectiveness=5),  # 3 + 0 + 3 = 6
        tp("tp-3", "s", "a", pain_point=True, effectiveness=2),  # 3 + 1 + 3 = 7
    ]
    actions = [Action(str(i), touchpoint=f"tp-{i}") for i in (1, 2, 3)]
    analysis = analyse(make([("a", 3)], ["s"], touchpoints, actions))
    assert priorities(analysis) == [("tp-3", 7), ("tp-1", 6), ("tp-2", 6)]


# --- machine-readable form ------------------------------------------------------------------


def test_to_dict_has_the_shape_of_gaps_md(example_path: Path) -> None:
    data = analyse(load_example(example_path)).to_dict()
    assert list(data) == GAPS_JSON_KEYS
    assert data["session"] == {
        "name": "Concesionario — recorrido de compra y postventa",
        "framework": "5p",
        "language": "es",
    }
    assert data["summary"] == {
        "coverage": 0.8,
        "completeness": 0.8667,
        "touchpoints": 9,
        "segments": 2,
        "stages": 5,
        "pain_points": 2,
        "actions_open": 1,
        "owners": [
            {"owner": "Marketing", "touchpoints": 2},
            {"owner": "Ventas", "touchpoints": 2},
            {"owner": "Ventas empresa", "touchpoints": 2},
            {"owner": "Administración", "touchpoints": 1},
            {"owner": "Recepción", "touchpoints": 1},
        ],
    }
    assert data["stages"][0] == {
        "key": "pre",
        "name": "Pre-contacto",
        "weight": 3,
        "touchpoints": 2,
        "share": 0.2222,
        "weight_share": 0.1429,
        "mean_effectiveness": 3.5,
    }
    assert data["findings"][1] == {
        "rule": "under-invested",
        "severity": "high",
        "segment": None,
        "stage": "prime",
        "touchpoint": None,
        "name": None,
        "message": (
            "«Contacto principal» reúne el 11 % de los puntos de contacto, pero tiene el 24 % "
            "del peso total: necesita más esfuerzo."
        ),
    }
    assert data["accepted"] == [] and data["stale_accepted"] == []
    assert data["groups"][:2] == [
        {"rule": "empty-cell", "severity": "high", "count": 1, "findings": [0]},
        {"rule": "under-invested", "severity": "high", "count": 1, "findings": [1]},
    ]
    assert data["groups"][-2:] == [
        {"rule": "no-data", "severity": "low", "count": 4, "findings": [10, 13, 14, 16]},
        {"rule": "replicate", "severity": "low", "count": 3, "findings": [11, 12, 15]},
    ]
    assert data["matrix"][0] == {
        "touchpoint": "tp-1",
        "importance": 3,
        "effectiveness": 4,
        "opportunity": 3,
        "quadrant": "overkill",
    }
    assert data["top_priorities"] == [
        {"touchpoint": "tp-6", "score": 17},
        {"touchpoint": "tp-9", "score": 14},
        {"touchpoint": "tp-4", "score": 6},
        {"touchpoint": "tp-7", "score": 6},
        {"touchpoint": "tp-1", "score": 4},
    ]
    assert data["best"] == ["tp-4", "tp-5", "tp-3", "tp-1"]
    assert json.loads(json.dumps(data)) == data


def test_to_dict_uses_none_for_absent_values() -> None:
    data = analyse(make([("a", 3), ("b", 1)], ["s"], [tp("tp-1", "s", "a")])).to_dict()
    assert data["stages"][0]["mean_effectiveness"] is None
    assert data["findings"] == [
        {
            "rule": "empty-stage",
            "severity": "high",
            "segment": None,
            "stage": "b",
            "touchpoint": None,
            "name": None,
            "message": "No segment has a single touchpoint in “B”.",
        }
    ]


def test_to_dict_rounds_shares_to_four_places() -> None:
    touchpoints = [tp("tp-1", "s", "a"), tp("tp-2", "s", "b"), tp("tp-3", "s", "b", channel="x")]
    data = analyse(make([("a", 1), ("b", 2)], ["s"], touchpoints)).to_dict()
    assert [(s["share"], s["weight_share"]) for s in data["stages"]] == [
        (0.3333, 0.3333),
        (0.6667, 0.6667),
    ]
    assert data["summary"]["coverage"] == 1.0


# --- determinism, folding, scale ------------------------------------------------------------


def test_the_same_session_gives_the_same_analysis(example_path: Path) -> None:
    session = load_example(example_path)
    first, second = analyse(session), analyse(session)
    assert first == second
    assert first.to_dict() == second.to_dict()


def test_the_order_of_the_touchpoint_list_does_not_matter(example_path: Path) -> None:
    session = load_example(example_path)
    expected = analyse(session)
    random.Random(7).shuffle(session.touchpoints)
    assert analyse(session) == expected


@given(st.text(max_size=30))
def test_the_fast_fold_is_fold(text: str) -> None:
    assert _Folder()(text) == fold(text)


def test_ten_thousand_touchpoints() -> None:
    stages = framework_stages("five-stage", "es")
    segments = [Segment(f"seg-{i}", f"Segmento {i}") for i in range(20)]
    rnd = random.Random(3)
    touchpoints = [
        Touchpoint(
            ref=f"tp-{i}",
            segment=f"seg-{i % 20}",
            stage=stages[rnd.randrange(5)].key,
            name=f"Punto número {i % 300}",
            channel=rnd.choice(["", "Teléfono", "web", "tienda"]),
            owner=rnd.choice(["", "Ventas", "Atención al cliente", "Márketing"]),
            processes=rnd.choice([[], ["p"]]),
            desired_outcome=rnd.choice(["", "o"]),
            data_generated=rnd.choice([[], ["d"]]),
            effectiveness=rnd.choice([None, 1, 2, 3, 4, 5]),
            initiative=rnd.choice([None, "proactive", "reactive"]),
            pain_point=rnd.random() < 0.1,
            votes=rnd.randrange(3),
            importance=rnd.choice([None, None, 1, 2, 3, 4, 5]),
            moment_of_truth=rnd.random() < 0.05,
            evidence=rnd.choice([None, "assumed", "reported", "observed", "measured"]),
            position=i,
        )
        for i in range(10_000)
    ]
    session = Session(
        name="Big",
        language="es",
        framework="five-stage",
        stages=stages,
        segments=segments,
        touchpoints=touchpoints,
    )
    analysis = analyse(session)
    assert analysis.summary.touchpoints == 10_000
    assert sum(analysis.cells.values()) == 10_000
    assert len(analysis.top_priorities) == 5 and len(analysis.best) == 5
    assert len(analysis.matrix) == sum(1 for t in touchpoints if t.effectiveness is not None)
    assert {f.rule for f in analysis.findings} >= {"weak-moment", "unproven-moment", "replicate"}
    assert sum(group.count for group in analysis.groups) == len(analysis.findings)
    severities = [SEVERITIES.index(f.severity) for f in analysis.findings]
    assert severities == sorted(severities)
    assert analysis == analyse(session)
