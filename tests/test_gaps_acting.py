"""What GAPS.md added so people act on the analysis: moments of truth, overused channels,
copying what works, accepted findings, groups, the importance x performance matrix, scores and
the best touchpoints. Every expected value below is worked out by hand from GAPS.md's rules."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_gaps import make, of, places, tp
from tpworkshop.analysis import analyse
from tpworkshop.analysis.gaps import AcceptedFinding, Group, MatrixPoint, Priority
from tpworkshop.domain.model import Accepted, Action, Segment, Stage, Touchpoint


def ids(findings: list[Any]) -> list[str | None]:
    return [f.touchpoint for f in findings]


# --- weak-moment ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "pain", "rating", "expected"),
    [
        (True, False, 3, ["weak-moment"]),  # rated <= 3
        (True, False, 1, ["weak-moment"]),
        (True, False, 4, []),  # rated above 3, no pain: not weak
        (True, False, None, []),  # unrated and no pain: nothing says it is weak
        (True, True, None, ["weak-moment"]),  # a pain point
        (True, True, 5, ["weak-moment"]),
        (False, True, 1, []),  # not a moment of truth
        (False, False, 3, []),
    ],
)
def test_weak_moment(moment: bool, pain: bool, rating: int | None, expected: list[str]) -> None:
    point = tp(
        "tp-1",
        "s",
        "a",
        moment_of_truth=moment,
        pain_point=pain,
        effectiveness=rating,
        evidence="measured",
    )
    found = of(analyse(make([("a", 1)], ["s"], [point])), "weak-moment")
    assert [f.rule for f in found] == expected
    assert all(f.severity == "high" for f in found)  # high even in a stage of weight 1


def test_weak_moment_messages_in_english_and_spanish() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", name="Entrega", moment_of_truth=True, effectiveness=3),
        tp("tp-2", "s", "a", name="Factura", moment_of_truth=True, pain_point=True),
        tp("tp-3", "s", "a", name="Taller", moment_of_truth=True, pain_point=True, effectiveness=2),
    ]
    actions = [Action("fix", touchpoint=f"tp-{i}") for i in (1, 2, 3)]
    touchpoints = [replace(tp_, evidence="observed") for tp_ in touchpoints]
    english = of(analyse(make([("a", 3)], ["s"], touchpoints, actions)), "weak-moment")
    assert [f.message for f in english] == [
        "“Entrega” (S, A) is a moment of truth, and it is rated only 3 out of 5.",
        "“Factura” (S, A) is a moment of truth, and it is a pain point.",
        "“Taller” (S, A) is a moment of truth, and it is a pain point rated only 2 out of 5.",
    ]
    spanish = of(
        analyse(make([("a", 3)], ["s"], touchpoints, actions, language="es")), "weak-moment"
    )
    assert [f.message for f in spanish] == [
        "«Entrega» (S, A) es un momento de la verdad y tiene una efectividad de solo 3 sobre 5.",
        "«Factura» (S, A) es un momento de la verdad y es un punto de dolor.",
        "«Taller» (S, A) es un momento de la verdad y es un punto de dolor con una efectividad "
        "de solo 2 sobre 5.",
    ]


# --- unproven-moment ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "evidence", "found"),
    [
        (True, None, True),
        (True, "assumed", True),
        (True, "reported", False),
        (True, "observed", False),
        (True, "measured", False),
        (False, None, False),
        (False, "assumed", False),
    ],
)
def test_unproven_moment(moment: bool, evidence: str | None, found: bool) -> None:
    point = tp("tp-1", "s", "a", moment_of_truth=moment, evidence=evidence, effectiveness=5)
    result = of(analyse(make([("a", 5)], ["s"], [point])), "unproven-moment")
    assert places(result) == ([("medium", "s", "a", "tp-1")] if found else [])


def test_unproven_moment_says_whether_evidence_is_missing_or_assumed() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", name="Entrega", moment_of_truth=True),
        tp("tp-2", "s", "a", name="Cierre", moment_of_truth=True, evidence="assumed"),
    ]
    messages = [
        f.message for f in of(analyse(make([("a", 3)], ["s"], touchpoints)), "unproven-moment")
    ]
    assert messages == [
        "“Entrega” (S, A) is a moment of truth, but nobody has said how the room knows how it "
        "goes: no evidence is given.",
        "“Cierre” (S, A) is a moment of truth, but what the room says about it is only assumed: "
        "ask customers, observe or measure it.",
    ]


def test_a_weak_unproven_moment_gets_both_findings_in_rule_order() -> None:
    point = tp("tp-1", "s", "a", moment_of_truth=True, effectiveness=2, evidence="assumed")
    analysis = analyse(make([("a", 3)], ["s"], [point]))
    # high: weak-moment; medium: low-effectiveness (rated 2), unproven-moment (by rule name)
    assert [(f.severity, f.rule) for f in analysis.findings] == [
        ("high", "weak-moment"),
        ("medium", "low-effectiveness"),
        ("medium", "unproven-moment"),
    ]


# --- overused-channel -----------------------------------------------------------------------


def _channels(spec: list[tuple[str, int | None]]) -> list[Touchpoint]:
    """One touchpoint per (channel, rating), each in its own place in one cell."""
    return [
        tp(f"tp-{i}", "s", "a", name=f"T{i}", channel=channel, effectiveness=rating)
        for i, (channel, rating) in enumerate(spec, start=1)
    ]


def _overused(spec: list[tuple[str, int | None]]) -> list[Any]:
    return of(analyse(make([("a", 3)], ["s"], _channels(spec))), "overused-channel")


def test_overused_channel_at_exactly_a_quarter_and_a_mean_of_two_and_a_half() -> None:
    # 4 of 16 channelled touchpoints (25 %) on the phone, rated 3, 3, 2, 2: mean 2.5
    spec = [("phone", r) for r in (3, 3, 2, 2)] + [("web", 5)] * 12
    found = _overused(spec)
    assert places(found) == [("medium", None, None, None)]
    assert found[0].name == "phone"
    assert found[0].message == (
        "“phone” carries 4 of the 16 touchpoints that have a channel (25%), yet its 4 rated "
        "touchpoints average only 2.5 out of 5: too much rests on a channel that does not work."
    )


def test_overused_channel_needs_a_quarter_of_the_channelled_touchpoints() -> None:
    spec = [("phone", r) for r in (1, 1, 1)] + [("web", 5)] * 10  # 3 of 13 = 23 %
    assert _overused(spec) == []
    # touchpoints without a channel do not count: 3 of 12 channelled = 25 %
    spec = [("phone", r) for r in (1, 1, 1)] + [("web", 5)] * 9 + [("", 5)] * 5
    assert len(_overused(spec)) == 1


def test_overused_channel_needs_eight_channelled_touchpoints() -> None:
    spec = [("phone", 1)] * 3 + [("web", None)] * 4  # 7 channelled
    assert _overused(spec) == []
    spec = [("phone", 1)] * 3 + [("web", None)] * 5  # 8 channelled
    assert [f.name for f in _overused(spec)] == ["phone"]


def test_overused_channel_needs_three_rated_and_a_low_mean() -> None:
    spec = [("phone", 1), ("phone", 1), ("phone", None), ("phone", None)] + [("web", 5)] * 4
    assert _overused(spec) == []  # only two rated
    spec = [("phone", r) for r in (3, 3, 2, 3, 2)] + [("web", 5)] * 5  # mean 2.6
    assert _overused(spec) == []


def test_overused_channel_compares_channels_like_names_and_keeps_the_first_spelling() -> None:
    spec = [("Teléfono ", 2), ("telefono", 2), ("TELÉFONO", 2)] + [("web", 5)] * 5
    found = _overused(spec)
    assert [f.name for f in found] == ["Teléfono"]
    assert found[0].message.startswith("“Teléfono” carries 3 of the 8 touchpoints")


def test_two_overused_channels_in_name_order() -> None:
    # web comes first on the map and carries more, but "chat" < "web"
    spec = [("Web", 1)] * 5 + [("chat", 2)] * 3
    found = _overused(spec)
    assert [f.name for f in found] == ["chat", "Web"]


def test_overused_channel_in_spanish() -> None:
    session = make(
        [("a", 3)], ["s"], _channels([("teléfono", 2)] * 3 + [("web", 4)] * 5), language="es"
    )
    assert [f.message for f in of(analyse(session), "overused-channel")] == [
        "«teléfono» lleva 3 de los 8 puntos de contacto con canal (38 %), pero sus 3 puntos de "
        "contacto valorados tienen una efectividad media de solo 2,0 sobre 5: demasiado depende "
        "de un canal que no funciona."
    ]


# --- the name of owner and channel findings, and the tie-break on it -----------------------


def test_owner_overload_carries_the_owner_and_breaks_ties_on_it() -> None:
    # Zoe 6 and ana 5 of 11 owned (55 %, 45 %): Zoe comes first on the map and owns more,
    # but the order is by the name compared like names.
    owners = ["Zoe"] * 6 + ["ana "] * 5
    touchpoints = [tp(f"tp-{i}", "s", "a", owner=owner) for i, owner in enumerate(owners)]
    found = of(analyse(make([("a", 3)], ["s"], touchpoints)), "owner-overload")
    assert [f.name for f in found] == ["ana", "Zoe"]
    assert found[0].to_dict()["name"] == "ana"


def test_other_findings_have_no_name() -> None:
    point = tp("tp-1", "s", "a", owner="", moment_of_truth=True)
    analysis = analyse(make([("a", 3), ("b", 3)], ["s"], [point]))
    assert analysis.findings and all(f.name is None for f in analysis.findings)


# --- replicate ------------------------------------------------------------------------------


def _three_segments(touchpoints: list[Touchpoint]) -> Any:
    return analyse(make([("a", 3), ("b", 3)], ["s", "t", "u"], touchpoints))


def test_replicate_names_the_segments_with_nothing_like_it() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", name="Chat de soporte", effectiveness=4),
        tp("tp-2", "t", "a", name=" chat DE soporte", effectiveness=2),  # like name
        tp("tp-3", "u", "b", name="Chat de soporte"),  # another stage: does not count
    ]
    found = of(_three_segments(touchpoints), "replicate")
    assert places(found) == [("low", "s", "a", "tp-1")]
    assert found[0].message == (
        "“Chat de soporte” (S, A) works well (rated 4 out of 5), and there is nothing like it "
        "for U: copy what works."
    )


@pytest.mark.parametrize(
    ("rating", "pain", "fires"),
    [(5, False, True), (4, False, True), (3, False, False), (None, False, False), (5, True, False)],
)
def test_replicate_needs_a_rating_of_four_and_no_pain(
    rating: int | None, pain: bool, fires: bool
) -> None:
    point = tp("tp-1", "s", "a", effectiveness=rating, pain_point=pain)
    assert len(of(_three_segments([point]), "replicate")) == (1 if fires else 0)


def test_no_replicate_when_every_segment_has_it_or_there_is_one_segment() -> None:
    everywhere = [tp(f"tp-{seg}", seg, "a", name="Web", effectiveness=5) for seg in "stu"]
    assert of(_three_segments(everywhere), "replicate") == []
    alone = [tp("tp-1", "s", "a", effectiveness=5)]
    assert of(analyse(make([("a", 3)], ["s"], alone)), "replicate") == []


def test_replicate_names_three_segments_then_how_many_more() -> None:
    segments = ["s", "t", "u", "v", "w", "x"]
    point = tp("tp-1", "s", "a", name="Web", effectiveness=5)
    english = of(analyse(make([("a", 3)], segments, [point])), "replicate")
    assert english[0].message.endswith("for T, U, V and 2 more: copy what works.")
    spanish = of(analyse(make([("a", 3)], segments, [point], language="es")), "replicate")
    assert spanish[0].message.endswith("para T, U, V y 2 más: copia lo que funciona.")
    two = of(analyse(make([("a", 3)], ["s", "t", "u"], [point], language="es")), "replicate")
    assert two[0].message == (
        "«Web» (S, A) funciona bien (efectividad 5 sobre 5) y no hay nada parecido para T y U: "
        "copia lo que funciona."
    )


# --- accepted findings ----------------------------------------------------------------------


def _accepting(entries: list[Accepted]) -> Any:
    # Findings: empty-cell (t, b) medium; no-data tp-1 low; no-outcome tp-1 medium.
    touchpoints = [
        tp("tp-1", "s", "a", data_generated=[], desired_outcome=""),
        tp("tp-2", "s", "b"),
        tp("tp-3", "t", "a"),
    ]
    session = make([("a", 3), ("b", 3)], ["s", "t"], touchpoints)
    session.accepted = entries
    return analyse(session)


def test_without_entries_every_finding_stays() -> None:
    analysis = _accepting([])
    assert [(f.rule, f.touchpoint) for f in analysis.findings] == [
        ("no-outcome", "tp-1"),
        ("empty-cell", None),
        ("no-data", "tp-1"),
    ]
    assert analysis.accepted == [] and analysis.stale_accepted == []


def test_an_accepted_finding_moves_out_of_the_findings_with_its_reason() -> None:
    entry = Accepted("no-data", "Word of mouth: nothing to record", "s", "a", "tp-1", by="Marta")
    analysis = _accepting([entry])
    assert [(f.rule, f.touchpoint) for f in analysis.findings] == [
        ("no-outcome", "tp-1"),
        ("empty-cell", None),
    ]
    assert len(analysis.accepted) == 1
    accepted = analysis.accepted[0]
    assert isinstance(accepted, AcceptedFinding)
    assert (accepted.finding.rule, accepted.reason, accepted.by, accepted.entry) == (
        "no-data",
        "Word of mouth: nothing to record",
        "Marta",
        0,
    )
    data = analysis.to_dict()
    assert data["accepted"] == [
        {
            "rule": "no-data",
            "severity": "low",
            "segment": "s",
            "stage": "a",
            "touchpoint": "tp-1",
            "name": None,
            "message": accepted.finding.message,
            "reason": "Word of mouth: nothing to record",
            "by": "Marta",
        }
    ]
    assert data["stale_accepted"] == []
    # accepted findings count in no figure: the groups leave it out
    assert [(g.rule, g.count) for g in analysis.groups] == [("no-outcome", 1), ("empty-cell", 1)]


def test_absent_fields_match_only_absent_fields() -> None:
    entries = [
        Accepted("empty-cell", "r", segment="t"),  # the finding also has stage b: no match
        Accepted("no-data", "r", segment="s", stage="a"),  # the finding has a touchpoint
        Accepted("no-data", "r", "s", "a", "tp-9"),  # another touchpoint
        Accepted("empty-stage", "r", "t", "b"),  # another rule
        Accepted("empty-cell", "r", "t", "b", by=""),  # this one matches
    ]
    analysis = _accepting(entries)
    assert [a.finding.rule for a in analysis.accepted] == ["empty-cell"]
    assert analysis.accepted[0].entry == 4
    assert analysis.accepted[0].to_dict()["by"] is None  # absent values are null
    assert analysis.stale_accepted == [0, 1, 2, 3]


def test_the_first_matching_entry_accepts_and_a_later_duplicate_is_stale() -> None:
    entries = [
        Accepted("no-outcome", "first", "s", "a", "tp-1"),
        Accepted("no-outcome", "second", "s", "a", "tp-1"),
    ]
    analysis = _accepting(entries)
    assert [(a.reason, a.entry) for a in analysis.accepted] == [("first", 0)]
    assert analysis.stale_accepted == [1]


def test_one_entry_can_accept_several_findings() -> None:
    # two owners over 40 %: both owner-overload findings have no segment, stage or touchpoint
    owners = ["Zoe"] * 6 + ["Ana"] * 5
    touchpoints = [tp(f"tp-{i}", "s", "a", owner=owner) for i, owner in enumerate(owners)]
    session = make([("a", 3)], ["s"], touchpoints)
    session.accepted = [Accepted("owner-overload", "A two-person shop")]
    analysis = analyse(session)
    assert of(analysis, "owner-overload") == []
    assert [(a.finding.name, a.entry) for a in analysis.accepted] == [("Ana", 0), ("Zoe", 0)]
    assert analysis.stale_accepted == []


# --- groups ---------------------------------------------------------------------------------


def test_groups_by_rule_and_severity_in_the_order_of_their_first_finding() -> None:
    # stage a weighs 4, b weighs 2. Findings, in GAPS.md's order:
    # 0 no-owner high tp-1 (a, weight 4)   1 no-owner medium tp-3 (b)
    # 2 no-outcome medium tp-3 (b)          3 no-owner medium tp-4 (b)
    touchpoints = [
        tp("tp-1", "s", "a", owner=""),
        tp("tp-2", "t", "a"),
        tp("tp-3", "s", "b", owner="", desired_outcome=""),
        tp("tp-4", "t", "b", owner=""),
    ]
    analysis = analyse(make([("a", 4), ("b", 2)], ["s", "t"], touchpoints))
    assert [(f.severity, f.rule, f.touchpoint) for f in analysis.findings] == [
        ("high", "no-owner", "tp-1"),
        ("medium", "no-outcome", "tp-3"),
        ("medium", "no-owner", "tp-3"),
        ("medium", "no-owner", "tp-4"),
    ]
    assert analysis.groups == [
        Group("no-owner", "high", (0,)),
        Group("no-outcome", "medium", (1,)),
        Group("no-owner", "medium", (2, 3)),
    ]
    assert analysis.to_dict()["groups"][2] == {
        "rule": "no-owner",
        "severity": "medium",
        "count": 2,
        "findings": [2, 3],
    }


# --- importance, the matrix -----------------------------------------------------------------


def test_matrix_quadrants_at_their_limits_and_opportunity() -> None:
    stages = [Stage("a", "A", 4), Stage("b", "B", 3)]
    touchpoints = [
        tp("tp-1", "s", "a", effectiveness=3),  # importance 4 (stage): fix-first, 4 + 1 = 5
        tp("tp-2", "s", "a", effectiveness=4),  # 4, 4: keep-up, 4 + 0 = 4
        tp("tp-3", "s", "b", effectiveness=4),  # 3, 4: overkill, 3
        tp("tp-4", "s", "b", effectiveness=3),  # 3, 3: low-priority, 3
        tp("tp-5", "s", "b", effectiveness=1, importance=5),  # own importance: fix-first, 5 + 4
        tp("tp-6", "s", "a", effectiveness=5, importance=1),  # overkill, 1 + 0
        tp("tp-7", "s", "a"),  # not rated: not on the matrix
    ]
    analysis = analyse(make(stages, ["s"], touchpoints))
    assert analysis.matrix == [
        MatrixPoint("tp-1", 4, 3, 5, "fix-first"),
        MatrixPoint("tp-2", 4, 4, 4, "keep-up"),
        MatrixPoint("tp-6", 1, 5, 1, "overkill"),
        MatrixPoint("tp-3", 3, 4, 3, "overkill"),
        MatrixPoint("tp-4", 3, 3, 3, "low-priority"),
        MatrixPoint("tp-5", 5, 1, 9, "fix-first"),
    ]
    assert analysis.to_dict()["matrix"][-1] == {
        "touchpoint": "tp-5",
        "importance": 5,
        "effectiveness": 1,
        "opportunity": 9,
        "quadrant": "fix-first",
    }
    assert analysis.summary.rated == 6


# --- scores, top priorities, best -----------------------------------------------------------


def test_scores_add_up_importance_gap_pain_votes_and_moment() -> None:
    stages = [Stage("a", "A", 2)]
    touchpoints = [
        # 5 own importance + (5 - 1) + 3 pain + 5 of 12 votes + 2 moment = 19
        tp(
            "tp-1",
            "s",
            "a",
            importance=5,
            effectiveness=1,
            pain_point=True,
            votes=12,
            moment_of_truth=True,
        ),
        tp("tp-2", "s", "a", moment_of_truth=True, effectiveness=3),  # 2 + 0 + 2 = 4
        tp("tp-3", "s", "a", moment_of_truth=True, effectiveness=4),  # not a candidate
        tp("tp-4", "s", "a", moment_of_truth=True),  # unrated: not a candidate
        tp("tp-5", "s", "a", effectiveness=3, importance=5),  # rated 3, no moment: not one
        tp("tp-6", "s", "a", effectiveness=2, importance=4, votes=1),  # 4 + 2 + 1 = 7
    ]
    analysis = analyse(make(stages, ["s"], touchpoints))
    assert analysis.top_priorities == [
        Priority("tp-1", 19, 5, 1, 4, True, 12, True),
        Priority("tp-6", 7, 4, 2, 2, False, 1, False),
        Priority("tp-2", 4, 2, 3, 0, False, 0, True),
    ]


def test_at_most_five_priorities() -> None:
    touchpoints = [tp(f"tp-{i}", "s", "a", votes=i) for i in range(1, 8)]
    analysis = analyse(make([("a", 3)], ["s"], touchpoints))
    # 3 + min(votes, 5): tp-5, tp-6, tp-7 score 8; then tp-4 (7), tp-3 (6)
    assert [(p.touchpoint, p.score) for p in analysis.top_priorities] == [
        ("tp-5", 8),
        ("tp-6", 8),
        ("tp-7", 8),
        ("tp-4", 7),
        ("tp-3", 6),
    ]


def test_best_by_rating_then_importance_then_votes_then_map_order() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", effectiveness=4),  # importance 3 (stage), 0 votes
        tp("tp-2", "s", "a", effectiveness=4, importance=5),
        tp("tp-3", "s", "a", effectiveness=5, pain_point=True),  # a pain point: not copied
        tp("tp-4", "s", "a", effectiveness=4, votes=2),
        tp("tp-5", "s", "a", effectiveness=5, importance=1),
        tp("tp-6", "s", "a", effectiveness=3),  # rated 3: not among the best
        tp("tp-7", "s", "a", effectiveness=4),  # tied with tp-1: map order
        tp("tp-8", "s", "a", effectiveness=4, importance=2),
    ]
    analysis = analyse(make([("a", 3)], ["s"], touchpoints))
    assert analysis.best == ["tp-5", "tp-2", "tp-4", "tp-1", "tp-7"]


def test_a_session_with_no_rated_touchpoint_has_no_matrix_and_no_best() -> None:
    analysis = analyse(make([("a", 3)], [Segment("s", "S")], [tp("tp-1", "s", "a")]))
    assert analysis.matrix == [] and analysis.best == [] and analysis.top_priorities == []
    data = analysis.to_dict()
    assert data["matrix"] == [] and data["best"] == [] and data["top_priorities"] == []


# --- invariants over many sessions ----------------------------------------------------------

_small_touchpoints = st.lists(
    st.builds(
        dict,
        segment=st.sampled_from(["s", "t", "u"]),
        stage=st.sampled_from(["a", "b"]),
        name=st.sampled_from(["Web", "web ", "Tienda", "Teléfono"]),
        owner=st.sampled_from(["", "Ana", "ana", "Luis"]),
        channel=st.sampled_from(["", "web", "Web", "phone"]),
        effectiveness=st.one_of(st.none(), st.integers(1, 5)),
        importance=st.one_of(st.none(), st.integers(1, 5)),
        pain_point=st.booleans(),
        moment_of_truth=st.booleans(),
        evidence=st.sampled_from([None, "assumed", "measured"]),
        votes=st.integers(0, 7),
    ),
    max_size=14,
)
_entries = st.lists(
    st.builds(
        Accepted,
        rule=st.sampled_from(["no-data", "no-owner", "replicate", "owner-overload", "empty-cell"]),
        reason=st.just("ok"),
        segment=st.sampled_from([None, "s", "t"]),
        stage=st.sampled_from([None, "a", "b"]),
        touchpoint=st.sampled_from([None, "tp-0", "tp-1", "tp-2"]),
    ),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(_small_touchpoints, _entries)
def test_accepting_only_moves_findings_and_groups_partition_the_rest(
    specs: list[dict[str, Any]], entries: list[Accepted]
) -> None:
    touchpoints = [
        Touchpoint(ref=f"tp-{i}", position=i, data_generated=["d"], **spec)
        for i, spec in enumerate(specs)
    ]
    session = make([("a", 4), ("b", 2)], ["s", "t", "u"], touchpoints)
    everything = analyse(session)
    session.accepted = entries
    analysis = analyse(session)
    # the accepted ones and the rest are exactly the findings of the session without entries
    moved = [accepted.finding for accepted in analysis.accepted]
    assert sorted(map(repr, analysis.findings + moved)) == sorted(map(repr, everything.findings))
    assert [f for f in everything.findings if f not in moved] == analysis.findings  # same order
    used = {accepted.entry for accepted in analysis.accepted}
    assert sorted(used | set(analysis.stale_accepted)) == list(range(len(entries)))
    assert not used & set(analysis.stale_accepted)
    for accepted in analysis.accepted:  # each by the first entry that matches it
        f = accepted.finding
        first = next(
            i
            for i, e in enumerate(entries)
            if (e.rule, e.segment, e.stage, e.touchpoint)
            == (f.rule, f.segment, f.stage, f.touchpoint)
        )
        assert accepted.entry == first
    # groups: every remaining finding once, in (rule, severity) pairs, ordered by first finding
    indexes = [i for group in analysis.groups for i in group.findings]
    assert sorted(indexes) == list(range(len(analysis.findings)))
    for group in analysis.groups:
        assert all(
            (analysis.findings[i].rule, analysis.findings[i].severity)
            == (group.rule, group.severity)
            for i in group.findings
        )
    firsts = [group.findings[0] for group in analysis.groups]
    assert firsts == sorted(firsts)
    # matrix and scores do not depend on accepting
    assert analysis.matrix == everything.matrix
    assert analysis.top_priorities == everything.top_priorities
    assert analysis.best == everything.best
    assert len(analysis.matrix) == sum(1 for t in touchpoints if t.effectiveness is not None)
