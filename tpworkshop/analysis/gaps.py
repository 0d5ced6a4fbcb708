"""The gap analysis of GAPS.md: a pure function of a session (no I/O, no UI).

The touchpoints are grouped once, in map order, into cells, stages, owners, channels and
names; every rule then reads those groups, so 10,000 touchpoints take a few tens of
milliseconds. Findings are sorted by one integer key built from GAPS.md's order.

Touchpoints whose segment or stage is not in the session are not on the map, so the analysis
leaves them out entirely.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any

from tpworkshop.analysis.messages import FINDINGS, WHERE
from tpworkshop.domain.frameworks import FRAMEWORKS
from tpworkshop.domain.model import Segment, Session, Stage, Touchpoint
from tpworkshop.domain.text import fold
from tpworkshop.i18n import DEFAULT_LANGUAGE, format_percent, normalise_language

SEVERITIES = ("high", "medium", "low")

RULES = (
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

HIGH_WEIGHT = 4  # a stage weighing this much or more makes its gaps high
UNDER_MIN_TOUCHPOINTS = 5  # under-invested needs this many touchpoints in the session
OVER_MIN_TOUCHPOINTS = 3  # over-invested needs this many touchpoints in the stage
LOW_RATING = 2  # effectiveness at or below this is low
OVERLOAD_MIN_OWNED = 10  # owner-overload needs this many owned touchpoints
TOP_PRIORITIES = 5

_SEVERITY_RANK = {severity: i for i, severity in enumerate(SEVERITIES)}
_RULE_RANK = {rule: i for i, rule in enumerate(sorted(RULES))}
_SHARE_PLACES = 4


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    segment: str | None
    stage: str | None
    touchpoint: str | None
    message: str

    def to_dict(self) -> dict[str, str | None]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "segment": self.segment,
            "stage": self.stage,
            "touchpoint": self.touchpoint,
            "message": self.message,
        }


@dataclass(frozen=True)
class StageFigures:
    key: str
    name: str
    weight: int
    touchpoints: int
    share: float
    weight_share: float
    mean_effectiveness: float | None

    def to_dict(self) -> dict[str, Any]:
        mean = self.mean_effectiveness
        return {
            "key": self.key,
            "name": self.name,
            "weight": self.weight,
            "touchpoints": self.touchpoints,
            "share": round(self.share, _SHARE_PLACES),
            "weight_share": round(self.weight_share, _SHARE_PLACES),
            "mean_effectiveness": None if mean is None else round(mean, _SHARE_PLACES),
        }


@dataclass(frozen=True)
class Summary:
    coverage: float
    completeness: float
    touchpoints: int
    segments: int
    stages: int
    pain_points: int
    actions_open: int


@dataclass(frozen=True)
class Analysis:
    session_name: str
    framework: str
    language: str
    summary: Summary
    stages: list[StageFigures]
    owners: dict[str, int]
    cells: dict[tuple[str, str], int]
    channels: dict[tuple[str, str], int]
    findings: list[Finding]
    top_priorities: list[str]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of GAPS.md "Machine-readable form"; absent values are None."""
        summary = self.summary
        return {
            "session": {
                "name": self.session_name,
                "framework": self.framework,
                "language": self.language,
            },
            "summary": {
                "coverage": round(summary.coverage, _SHARE_PLACES),
                "completeness": round(summary.completeness, _SHARE_PLACES),
                "touchpoints": summary.touchpoints,
                "segments": summary.segments,
                "stages": summary.stages,
                "pain_points": summary.pain_points,
                "actions_open": summary.actions_open,
                "owners": [
                    {"owner": owner, "touchpoints": count} for owner, count in self.owners.items()
                ],
            },
            "stages": [figures.to_dict() for figures in self.stages],
            "findings": [finding.to_dict() for finding in self.findings],
            "top_priorities": list(self.top_priorities),
        }


# --- helpers --------------------------------------------------------------------------------


def _fold_all(texts: Iterable[str]) -> dict[str, str]:
    """fold() of each distinct text, so hot loops only do a dict lookup."""
    # For ASCII text NFKD changes nothing and there are no accents to drop: same result.
    return {
        text: text.strip().lower() if text.isascii() else fold(text) for text in set(texts)
    }


def _filled(items: list[str]) -> bool:
    return bool(items) and any(map(str.strip, items))


def _weight_severity(weight: int) -> str:
    if weight >= HIGH_WEIGHT:
        return "high"
    return "medium" if weight >= 2 else "low"


_set_attribute = object.__setattr__


def _new_finding(
    rule: str,
    severity: str,
    segment: str | None,
    stage: str | None,
    touchpoint: str | None,
    message: str,
) -> Finding:
    """Finding(...) without the frozen dataclass's six guarded attribute writes."""
    finding = object.__new__(Finding)
    _set_attribute(
        finding,
        "__dict__",
        {
            "rule": rule,
            "severity": severity,
            "segment": segment,
            "stage": stage,
            "touchpoint": touchpoint,
            "message": message,
        },
    )
    return finding


class _Texts:
    """The finding sentences of one language; touchpoint sentences are pre-split templates."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._where = WHERE("touchpoint", lang)
        self._around: dict[tuple[str, int | None], tuple[str, str]] = {}

    def say(self, key: str, **params: object) -> str:
        return FINDINGS(key, self.lang, **params)

    def where(self, touchpoint: str, segment: str, stage: str) -> str:
        return self._where.format(touchpoint=touchpoint, segment=segment, stage=stage)

    def about(self, key: str, where: str, rating: int | None = None) -> str:
        """The sentence ``key`` about the touchpoint described by ``where``."""
        around = self._around.get((key, rating))
        if around is None:
            params: dict[str, object] = {"where": "{where}"}
            if rating is not None:
                params["rating"] = rating
            before, _, after = FINDINGS(key, self.lang, **params).partition("{where}")
            around = self._around[(key, rating)] = (before, after)
        return around[0] + where + around[1]


# --- grouping -------------------------------------------------------------------------------


@dataclass
class _Map:
    """The session grouped once: every rule reads from here."""

    session: Session
    stages: list[Stage]
    segments: list[Segment]
    touchpoints: list[Touchpoint]  # on the map, in map order
    positions: list[tuple[int, int]]  # (segment index, stage index) of each touchpoint
    cells: dict[tuple[int, int], list[Touchpoint]]  # non-empty cells only, in map order
    stage_counts: list[int]
    folded: dict[str, str]  # every name, channel and owner -> fold() of it


def _group(session: Session) -> _Map:
    segment_pos = {segment.key: i for i, segment in enumerate(session.segments)}
    stage_pos = {stage.key: i for i, stage in enumerate(session.stages)}
    buckets: dict[tuple[int, int], list[Touchpoint]] = {}
    for tp in session.touchpoints:
        seg_i = segment_pos.get(tp.segment)
        stage_i = stage_pos.get(tp.stage)
        if seg_i is not None and stage_i is not None:
            bucket = buckets.get((seg_i, stage_i))
            if bucket is None:
                buckets[(seg_i, stage_i)] = [tp]
            else:
                bucket.append(tp)
    cells: dict[tuple[int, int], list[Touchpoint]] = {}
    touchpoints: list[Touchpoint] = []
    positions: list[tuple[int, int]] = []
    stage_counts = [0] * len(session.stages)
    by_position = attrgetter("position")
    for cell in sorted(buckets):
        members = sorted(buckets[cell], key=by_position)  # stable: file order breaks ties
        cells[cell] = members
        touchpoints.extend(members)
        positions.extend([cell] * len(members))
        stage_counts[cell[1]] += len(members)
    folded = _fold_all(
        chain(
            map(attrgetter("name"), touchpoints),
            map(attrgetter("channel"), touchpoints),
            map(attrgetter("owner"), touchpoints),
        )
    )
    return _Map(
        session,
        list(session.stages),
        list(session.segments),
        touchpoints,
        positions,
        cells,
        stage_counts,
        folded,
    )


class _Collector:
    """Findings with their sort key: severity, stage, segment, touchpoint, rule name.

    The key is one integer, mixed radix; a missing field takes the digit one past the last
    index, so a finding without it sorts after those with it.
    """

    def __init__(self, m: _Map, texts: _Texts) -> None:
        self.m = m
        self.texts = texts
        rules = len(RULES)
        self.missing_touchpoint = len(m.touchpoints)
        self.missing_segment = len(m.segments)
        self.missing_stage = len(m.stages)
        self.touchpoint_unit = rules
        self.segment_unit = self.touchpoint_unit * (self.missing_touchpoint + 1)
        self.stage_unit = self.segment_unit * (self.missing_segment + 1)
        severity_unit = self.stage_unit * (self.missing_stage + 1)
        self.rank = {
            (severity, rule): _SEVERITY_RANK[severity] * severity_unit + _RULE_RANK[rule]
            for severity in SEVERITIES
            for rule in RULES
        }
        self.items: list[tuple[int, Finding]] = []

    def place(self, segment: int | None, stage: int | None, touchpoint: int | None) -> int:
        """The stage, segment and touchpoint digits of a sort key."""
        return (
            (self.missing_stage if stage is None else stage) * self.stage_unit
            + (self.missing_segment if segment is None else segment) * self.segment_unit
            + (self.missing_touchpoint if touchpoint is None else touchpoint)
            * self.touchpoint_unit
        )

    def add(
        self,
        rule: str,
        severity: str,
        message: str,
        segment: int | None = None,
        stage: int | None = None,
        touchpoint: int | None = None,
    ) -> None:
        m = self.m
        finding = _new_finding(
            rule,
            severity,
            None if segment is None else m.segments[segment].key,
            None if stage is None else m.stages[stage].key,
            None if touchpoint is None else m.touchpoints[touchpoint].ref,
            message,
        )
        key = self.rank[(severity, rule)] + self.place(segment, stage, touchpoint)
        self.items.append((key, finding))

    def sorted(self) -> list[Finding]:
        """Stable: equal keys (same rule, same place) keep the order they were found in."""
        self.items.sort(key=itemgetter(0))
        return [finding for _, finding in self.items]


# --- rules ----------------------------------------------------------------------------------


def _cell_rules(out: _Collector) -> None:
    """empty-cell, empty-stage (which replaces the empty cells of its stage), single-channel."""
    m, texts = out.m, out.texts
    if not m.segments:
        return
    folded = m.folded
    for stage_i, stage in enumerate(m.stages):
        if m.stage_counts[stage_i] == 0:
            out.add("empty-stage", "high", texts.say("empty-stage", stage=stage.name), stage=stage_i)
            continue
        severity = _weight_severity(stage.weight)
        for seg_i, segment in enumerate(m.segments):
            cell = m.cells.get((seg_i, stage_i))
            if cell is None:
                message = texts.say("empty-cell", segment=segment.name, stage=stage.name)
                out.add("empty-cell", severity, message, segment=seg_i, stage=stage_i)
            elif len(cell) >= 2:
                channels = {folded[tp.channel] for tp in cell}
                if len(channels) == 1 and "" not in channels:
                    message = texts.say(
                        "single-channel",
                        count=len(cell),
                        segment=segment.name,
                        stage=stage.name,
                        channel=cell[0].channel.strip(),
                    )
                    out.add("single-channel", "low", message, segment=seg_i, stage=stage_i)


def _touchpoint_rules(out: _Collector) -> int:
    """no-owner, no-process, no-outcome, no-data, low-effectiveness, pain-without-action.

    The hot loop of the analysis (it may make several findings per touchpoint), so it
    builds keys and findings inline. Returns how many of the five detail fields of
    ``completeness`` are filled, over all touchpoints, so the summary need not look again.
    """
    m, texts = out.m, out.texts
    acted_on = {action.touchpoint for action in m.session.actions if action.touchpoint}
    stages, segments, positions = m.stages, m.segments, m.positions
    rank, items = out.rank, out.items
    filled = 0
    for index, tp in enumerate(m.touchpoints):
        has_owner = bool(tp.owner.strip())
        has_process = _filled(tp.processes)
        has_outcome = bool(tp.desired_outcome.strip())
        has_data = _filled(tp.data_generated)
        filled += has_owner + has_process + has_outcome + has_data + bool(tp.channel.strip())
        rating = tp.effectiveness
        low_rated = rating is not None and rating <= LOW_RATING
        unaddressed = tp.pain_point and tp.ref not in acted_on
        complete = has_owner and has_process and has_outcome and has_data
        if complete and not (low_rated or unaddressed):
            continue
        seg_i, stage_i = positions[index]
        stage = stages[stage_i]
        found: list[tuple[str, str, str, int | None]] = []  # rule, severity, text, rating
        if not has_owner:
            severe = tp.pain_point or stage.weight >= HIGH_WEIGHT
            found.append(("no-owner", "high" if severe else "medium", "no-owner", None))
        if not has_process:
            found.append(("no-process", "medium", "no-process", None))
        if not has_outcome:
            found.append(("no-outcome", "medium", "no-outcome", None))
        if not has_data:
            found.append(("no-data", "low", "no-data", None))
        if low_rated:
            if tp.pain_point:
                found.append(("low-effectiveness", "high", "low-effectiveness-pain", rating))
            else:
                found.append(("low-effectiveness", "medium", "low-effectiveness", rating))
        if unaddressed:
            found.append(("pain-without-action", "high", "pain-without-action", None))
        segment = segments[seg_i]
        where = texts.where(tp.name, segment.name, stage.name)
        place = out.place(seg_i, stage_i, index)
        for rule, severity, text, value in found:
            finding = _new_finding(
                rule, severity, segment.key, stage.key, tp.ref, texts.about(text, where, value)
            )
            items.append((rank[(severity, rule)] + place, finding))
    return filled


def _investment_rules(out: _Collector, figures: list[StageFigures]) -> None:
    """under-invested and over-invested, compared in integers so the limits are exact."""
    m, texts = out.m, out.texts
    total = len(m.touchpoints)
    total_weight = sum(stage.weight for stage in m.stages)
    for stage_i, stage in enumerate(m.stages):
        count = m.stage_counts[stage_i]
        # share < 0.5 x weight share  <=>  2 * count * W < weight * N
        under = total >= UNDER_MIN_TOUCHPOINTS and 2 * count * total_weight < stage.weight * total
        # share > 1.5 x weight share  <=>  2 * count * W > 3 * weight * N
        over = (
            count >= OVER_MIN_TOUCHPOINTS and 2 * count * total_weight > 3 * stage.weight * total
        )
        if under:
            rule, severity = "under-invested", "high" if stage.weight >= HIGH_WEIGHT else "medium"
        elif over:
            rule, severity = "over-invested", "low"
        else:
            continue
        message = texts.say(
            rule,
            stage=stage.name,
            share=format_percent(figures[stage_i].share, texts.lang),
            weight_share=format_percent(figures[stage_i].weight_share, texts.lang),
        )
        out.add(rule, severity, message, stage=stage_i)


def _no_proactive(out: _Collector) -> None:
    """After the purchase-like stage (by framework key), each cell needs a proactive touch."""
    m, texts = out.m, out.texts
    framework = FRAMEWORKS.get(m.session.framework)
    purchase = framework.purchase_key if framework else None
    if m.session.framework == "custom" or purchase is None:
        return
    purchase_i = next((i for i, stage in enumerate(m.stages) if stage.key == purchase), None)
    if purchase_i is None:
        return
    for stage_i in range(purchase_i + 1, len(m.stages)):
        stage = m.stages[stage_i]
        for seg_i, segment in enumerate(m.segments):
            cell = m.cells.get((seg_i, stage_i))
            if cell and not any(tp.initiative == "proactive" for tp in cell):
                message = texts.say("no-proactive", segment=segment.name, stage=stage.name)
                out.add("no-proactive", "medium", message, segment=seg_i, stage=stage_i)


def _owner_overload(out: _Collector, owners: dict[str, int]) -> None:
    owned = sum(owners.values())
    if owned < OVERLOAD_MIN_OWNED:
        return
    for owner, count in owners.items():
        if 5 * count > 2 * owned:  # count / owned > 40 %, exactly
            message = out.texts.say(
                "owner-overload",
                owner=owner,
                count=count,
                owned=owned,
                share=format_percent(count / owned, out.texts.lang),
            )
            out.add("owner-overload", "medium", message)


def _inconsistent(out: _Collector) -> None:
    """A name in a stage for >= half of the segments (and >= 2) but missing for another."""
    m, texts = out.m, out.texts
    total = len(m.segments)
    if total < 2:
        return
    folded = m.folded
    # per stage: folded name -> (first spelling, segments that have it), in map order
    names: list[dict[str, tuple[str, set[int]]]] = [{} for _ in m.stages]
    for tp, (seg_i, stage_i) in zip(m.touchpoints, m.positions, strict=True):
        key = folded[tp.name]
        entry = names[stage_i].get(key)
        if entry is None:
            names[stage_i][key] = (tp.name.strip(), {seg_i})
        else:
            entry[1].add(seg_i)
    for stage_i, stage_names in enumerate(names):
        stage = m.stages[stage_i]
        for name, having in stage_names.values():
            count = len(having)
            if count < 2 or 2 * count < total or count == total:
                continue
            for seg_i, segment in enumerate(m.segments):
                if seg_i not in having:
                    message = texts.say(
                        "inconsistent",
                        touchpoint=name,
                        stage=stage.name,
                        count=count,
                        total=total,
                        segment=segment.name,
                    )
                    out.add("inconsistent", "low", message, segment=seg_i, stage=stage_i)


# --- figures --------------------------------------------------------------------------------


def _stage_figures(m: _Map) -> list[StageFigures]:
    total = len(m.touchpoints)
    total_weight = sum(stage.weight for stage in m.stages)
    rated_sum = [0] * len(m.stages)
    rated_count = [0] * len(m.stages)
    for tp, (_, stage_i) in zip(m.touchpoints, m.positions, strict=True):
        if tp.effectiveness is not None:
            rated_sum[stage_i] += tp.effectiveness
            rated_count[stage_i] += 1
    return [
        StageFigures(
            key=stage.key,
            name=stage.name,
            weight=stage.weight,
            touchpoints=m.stage_counts[i],
            share=m.stage_counts[i] / total if total else 0.0,
            weight_share=stage.weight / total_weight if total_weight else 0.0,
            mean_effectiveness=rated_sum[i] / rated_count[i] if rated_count[i] else None,
        )
        for i, stage in enumerate(m.stages)
    ]


def _summary(m: _Map, filled: int) -> Summary:
    """``filled``: filled detail fields over all touchpoints (see _touchpoint_rules)."""
    cell_count = len(m.segments) * len(m.stages)
    total = len(m.touchpoints)
    return Summary(
        coverage=len(m.cells) / cell_count if cell_count else 0.0,
        completeness=filled / (5 * total) if total else 0.0,
        touchpoints=total,
        segments=len(m.segments),
        stages=len(m.stages),
        pain_points=sum(1 for tp in m.touchpoints if tp.pain_point),
        actions_open=sum(1 for action in m.session.actions if action.status == "open"),
    )


def _owners(m: _Map) -> dict[str, int]:
    """Owner (first spelling in map order) -> touchpoints; most first, then by name."""
    folded = m.folded
    spelling: dict[str, str] = {}
    counts: dict[str, int] = {}
    for tp in m.touchpoints:
        key = folded[tp.owner]
        if key:
            if key in counts:
                counts[key] += 1
            else:
                counts[key] = 1
                spelling[key] = tp.owner.strip()
    ordered = sorted(counts, key=lambda key: (-counts[key], key))
    return {spelling[key]: counts[key] for key in ordered}


def _cells(m: _Map) -> dict[tuple[str, str], int]:
    return {
        (segment.key, stage.key): len(m.cells.get((seg_i, stage_i), ()))
        for seg_i, segment in enumerate(m.segments)
        for stage_i, stage in enumerate(m.stages)
    }


def _channels(m: _Map) -> dict[tuple[str, str], int]:
    """(channel, stage key) -> touchpoints, non-zero only; busiest channel first."""
    folded = m.folded
    spelling: dict[str, str] = {}
    counts: dict[str, list[int]] = {}
    for tp, (_, stage_i) in zip(m.touchpoints, m.positions, strict=True):
        key = folded[tp.channel]
        if not key:
            continue
        row = counts.get(key)
        if row is None:
            spelling[key] = tp.channel.strip()
            row = counts[key] = [0] * len(m.stages)
        row[stage_i] += 1
    ordered = sorted(counts, key=lambda key: (-sum(counts[key]), key))
    return {
        (spelling[key], stage.key): counts[key][stage_i]
        for key in ordered
        for stage_i, stage in enumerate(m.stages)
        if counts[key][stage_i]
    }


def _top_priorities(m: _Map) -> list[str]:
    """Pain points first, then most votes, then lowest rating (unrated last), then map order."""
    ranked = []
    for index, tp in enumerate(m.touchpoints):
        rating = tp.effectiveness
        low = rating is not None and rating <= LOW_RATING
        if tp.pain_point or tp.votes > 0 or low:
            rating_rank = (0, rating) if rating is not None else (1, 0)
            ranked.append(((not tp.pain_point, -tp.votes, rating_rank, index), tp.ref))
    ranked.sort(key=itemgetter(0))
    return [ref for _, ref in ranked[:TOP_PRIORITIES]]


# --- entry point ----------------------------------------------------------------------------


def analyse(session: Session, lang: str | None = None) -> Analysis:
    """The gap analysis of ``session``, with messages in ``lang`` (default: its language)."""
    language = normalise_language(lang) or normalise_language(session.language) or DEFAULT_LANGUAGE
    m = _group(session)
    figures = _stage_figures(m)
    owners = _owners(m)
    out = _Collector(m, _Texts(language))
    _cell_rules(out)
    filled = _touchpoint_rules(out)
    _investment_rules(out, figures)
    _no_proactive(out)
    _owner_overload(out, owners)
    _inconsistent(out)
    return Analysis(
        session_name=session.name,
        framework=session.framework,
        language=language,
        summary=_summary(m, filled),
        stages=figures,
        owners=owners,
        cells=_cells(m),
        channels=_channels(m),
        findings=out.sorted(),
        top_priorities=_top_priorities(m),
    )
