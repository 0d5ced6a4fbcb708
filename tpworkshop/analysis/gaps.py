"""The gap analysis of GAPS.md: a pure function of a session (no I/O, no UI).

The touchpoints are put in map order and grouped into cells once; every rule then reads
those groups (no rule compares touchpoints pairwise), so the work grows linearly with the
map. Findings are sorted by one integer key that encodes GAPS.md's order.

Touchpoints whose segment or stage is not in the session are not on the map, so the analysis
leaves them out entirely.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple

from tpworkshop.analysis.messages import FINDINGS, LABELS, WHERE
from tpworkshop.domain.frameworks import FRAMEWORKS
from tpworkshop.domain.model import Accepted, Segment, Session, Stage, Touchpoint
from tpworkshop.domain.text import fold
from tpworkshop.i18n import DEFAULT_LANGUAGE, format_number, format_percent, normalise_language

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
    "weak-moment",
    "unproven-moment",
    "overused-channel",
    "replicate",
    "inconsistent",
)
QUADRANTS = ("fix-first", "keep-up", "overkill", "low-priority")

HIGH_WEIGHT = 4  # a stage weighing this much or more makes its gaps high
UNDER_MIN_TOUCHPOINTS = 5  # under-invested needs this many touchpoints in the session
OVER_MIN_TOUCHPOINTS = 3  # over-invested needs this many touchpoints in the stage
LOW_RATING = 2  # effectiveness at or below this is low
OVERLOAD_MIN_OWNED = 10  # owner-overload needs this many owned touchpoints
WEAK_MOMENT_RATING = 3  # a moment of truth rated at or below this is weak
OVERUSED_MIN_CHANNELLED = 8  # overused-channel needs this many touchpoints with a channel
OVERUSED_MIN_RATED = 3  # ... and this many rated touchpoints on the channel
GOOD_RATING = 4  # effectiveness at or above this works: replicate, best, keep-up
TOP_PRIORITIES = 5
VOTES_COUNTED = 5  # a score counts at most this many votes
PAIN_SCORE = 3  # what a pain point adds to a score
MOMENT_SCORE = 2  # what a moment of truth adds to a score
BEST = 5
NAMED_SEGMENTS = 3  # replicate names this many segments, then "and N more"

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
    name: str | None = None
    """The owner (owner-overload) or channel (overused-channel), as first written."""

    def to_dict(self) -> dict[str, str | None]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "segment": self.segment,
            "stage": self.stage,
            "touchpoint": self.touchpoint,
            "name": self.name,
            "message": self.message,
        }


@dataclass(frozen=True)
class AcceptedFinding:
    """A finding the team accepted: ``entry`` is the index of the accepting session entry."""

    finding: Finding
    reason: str
    by: str
    entry: int

    def to_dict(self) -> dict[str, str | None]:
        return {**self.finding.to_dict(), "reason": self.reason, "by": self.by or None}


@dataclass(frozen=True)
class Group:
    """The findings of one (rule, severity) pair: indexes into ``Analysis.findings``."""

    rule: str
    severity: str
    findings: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "count": self.count,
            "findings": list(self.findings),
        }


class MatrixPoint(NamedTuple):
    """A rated touchpoint on the importance x performance matrix (a tuple: there are many)."""

    touchpoint: str
    importance: int
    effectiveness: int
    opportunity: int
    quadrant: str

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


@dataclass(frozen=True)
class Priority:
    """A top priority, with the parts its score adds up from (the reason for the score)."""

    touchpoint: str
    score: int
    importance: int
    effectiveness: int | None
    gap: int
    """max(importance - effectiveness, 0) when rated, else 0."""
    pain_point: bool
    votes: int
    """The touchpoint's votes (the score counts at most VOTES_COUNTED of them)."""
    moment_of_truth: bool

    def to_dict(self) -> dict[str, Any]:
        return {"touchpoint": self.touchpoint, "score": self.score}


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
    moments_of_truth: int = 0
    """Figures the group sentences count against (not in the JSON of GAPS.md)."""
    rated: int = 0


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
    top_priorities: list[Priority]
    accepted: list[AcceptedFinding]
    stale_accepted: list[int]
    groups: list[Group]
    matrix: list[MatrixPoint]
    best: list[str]

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
            "accepted": [accepted.to_dict() for accepted in self.accepted],
            "stale_accepted": list(self.stale_accepted),
            "groups": [group.to_dict() for group in self.groups],
            "matrix": [point._asdict() for point in self.matrix],
            "top_priorities": [priority.to_dict() for priority in self.top_priorities],
            "best": list(self.best),
        }


# --- helpers --------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """fold(), with a shortcut: on ASCII text NFKD changes nothing and there are no accents."""
    return text.strip().lower() if text.isascii() else fold(text)


class _Folder:
    """_fold() with a memo: the analysis folds each distinct text once."""

    def __init__(self) -> None:
        self._memo: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        result = self._memo.get(text)
        if result is None:
            result = self._memo[text] = _fold(text)
        return result


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
    name: str | None = None,
) -> Finding:
    """Finding(...) without the frozen dataclass's seven guarded attribute writes."""
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
            "name": name,
        },
    )
    return finding


class _Texts:
    """The finding sentences of one language, as pre-split templates where it pays."""

    _MARK = "\x00touchpoint\x00"  # cannot occur in a name: control characters are refused

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._where = WHERE("touchpoint", lang)

    def say(self, key: str, **params: object) -> str:
        return FINDINGS(key, self.lang, **params)

    def around_name(self, segment: str, stage: str) -> tuple[str, str]:
        """What goes before and after a touchpoint's name to say where it is on the map."""
        text = self._where.format(touchpoint=self._MARK, segment=segment, stage=stage)
        before, _, after = text.partition(self._MARK)
        return before, after

    def around_param(self, key: str, name: str, **params: object) -> tuple[str | None, str]:
        """The sentence ``key`` split where parameter ``name`` goes, or (None, "") if the
        other parameters' text could be mistaken for the split mark."""
        text = FINDINGS(key, self.lang, **params, **{name: self._MARK})
        if text.count(self._MARK) != 1:
            return None, ""
        before, _, after = text.partition(self._MARK)
        return before, after

    def around(self, key: str, **params: object) -> tuple[str, str]:
        """The sentence ``key`` about a touchpoint, split where the touchpoint goes."""
        text = FINDINGS(key, self.lang, where=self._MARK, **params)
        before, _, after = text.partition(self._MARK)
        return before, after

    def names(self, names: list[str], limit: int) -> str:
        """'A, B and C', or 'A, B, C and 4 more' past ``limit`` names."""
        if len(names) > limit:
            shown = ", ".join(names[:limit])
            return LABELS("list_more", self.lang, names=shown, count=len(names) - limit)
        if len(names) == 1:
            return names[0]
        return LABELS("list_and", self.lang, first=", ".join(names[:-1]), last=names[-1])


# --- grouping -------------------------------------------------------------------------------


@dataclass
class _Map:
    """The session's touchpoints on the map, grouped once; every rule reads from here."""

    session: Session
    stages: list[Stage]
    segments: list[Segment]
    touchpoints: list[Touchpoint]  # on the map, in map order
    segment_of: list[int]  # segment index of each touchpoint
    stage_of: list[int]  # stage index of each touchpoint
    cells: dict[tuple[int, int], list[Touchpoint]]  # (segment, stage) index -> non-empty cell
    stage_counts: list[int]
    fold: _Folder
    names: list[str] | None = None  # folded names in map order, made when first needed
    ratings: list[int | None] | None = None  # effectiveness in map order (see _ratings)
    channel_stage_rating: Counter[tuple[str, int, int | None]] | None = None


def _ratings(m: _Map) -> list[int | None]:
    if m.ratings is None:
        m.ratings = list(map(attrgetter("effectiveness"), m.touchpoints))
    return m.ratings


def _channel_stage_rating(m: _Map) -> Counter[tuple[str, int, int | None]]:
    """Touchpoints by (channel as written, stage index, rating): one count that the stage
    figures, the channel grid and overused-channel all read (few distinct triples)."""
    if m.channel_stage_rating is None:
        channels = map(attrgetter("channel"), m.touchpoints)
        m.channel_stage_rating = Counter(zip(channels, m.stage_of, _ratings(m), strict=True))
    return m.channel_stage_rating


def _folded_names(m: _Map) -> list[str]:
    """Each touchpoint's name compared like names (see _fold), in map order; made once."""
    if m.names is None:
        raw_names = list(map(attrgetter("name"), m.touchpoints))
        fold_of = {  # _fold(), inlined
            name: name.strip().lower() if name.isascii() else fold(name) for name in set(raw_names)
        }
        m.names = list(map(fold_of.__getitem__, raw_names))
    return m.names


def _buckets(session: Session) -> dict[tuple[int, int], list[Touchpoint]]:
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
    return buckets


def _survey(session: Session) -> _Map:
    """The map: cells in segment then stage order, each in its order within the cell."""
    m = _Map(
        session,
        list(session.stages),
        list(session.segments),
        touchpoints=[],
        segment_of=[],
        stage_of=[],
        cells={},
        stage_counts=[0] * len(session.stages),
        fold=_Folder(),
    )
    buckets = _buckets(session)
    by_position = attrgetter("position")
    for cell in sorted(buckets):
        seg_i, stage_i = cell
        members = sorted(buckets[cell], key=by_position)  # stable: file order breaks ties
        m.cells[cell] = members
        m.touchpoints.extend(members)
        m.segment_of.extend([seg_i] * len(members))
        m.stage_of.extend([stage_i] * len(members))
        m.stage_counts[stage_i] += len(members)
    return m


class _Collector:
    """Findings with their sort key: severity, stage, segment, touchpoint, rule name.

    The key is one integer in mixed radix; a missing field takes the digit one past the last
    index, so a finding without it sorts after those with it.
    """

    def __init__(self, m: _Map, texts: _Texts) -> None:
        self.m = m
        self.texts = texts
        self.no_touchpoint = len(m.touchpoints)
        self.no_segment = len(m.segments)
        self.no_stage = len(m.stages)
        self.touchpoint_unit = len(RULES)
        self.segment_unit = self.touchpoint_unit * (self.no_touchpoint + 1)
        self.stage_unit = self.segment_unit * (self.no_segment + 1)
        severity_unit = self.stage_unit * (self.no_stage + 1)
        self.rank = {
            (severity, rule): _SEVERITY_RANK[severity] * severity_unit + _RULE_RANK[rule]
            for severity in SEVERITIES
            for rule in RULES
        }
        self.keys: list[int] = []
        self.findings: list[Finding] = []

    def place(self, segment: int | None, stage: int | None, touchpoint: int | None) -> int:
        """The stage, segment and touchpoint digits of a sort key."""
        return (
            (self.no_stage if stage is None else stage) * self.stage_unit
            + (self.no_segment if segment is None else segment) * self.segment_unit
            + (self.no_touchpoint if touchpoint is None else touchpoint) * self.touchpoint_unit
        )

    def add(
        self,
        rule: str,
        severity: str,
        message: str,
        segment: int | None = None,
        stage: int | None = None,
        name: str | None = None,
    ) -> None:
        """A finding that names no touchpoint (those are added by _touchpoint_rules).

        Findings of one rule at one place (owner-overload, overused-channel) must be added in
        the order of their ``name`` compared like names: the sort keeps that order.
        """
        m = self.m
        self.findings.append(
            _new_finding(
                rule,
                severity,
                None if segment is None else m.segments[segment].key,
                None if stage is None else m.stages[stage].key,
                None,
                message,
                name,
            )
        )
        self.keys.append(self.rank[(severity, rule)] + self.place(segment, stage, None))

    def sorted(self) -> list[Finding]:
        """Stable: equal keys (same rule, same place) keep the order they were found in."""
        order = sorted(range(len(self.keys)), key=self.keys.__getitem__)
        return list(map(self.findings.__getitem__, order))


# --- rules ----------------------------------------------------------------------------------


def _cell_rules(out: _Collector) -> None:
    """empty-cell, empty-stage (which replaces the empty cells of its stage), single-channel."""
    m, texts = out.m, out.texts
    if not m.segments:
        return
    for stage_i, stage in enumerate(m.stages):
        if m.stage_counts[stage_i] == 0:
            out.add(
                "empty-stage", "high", texts.say("empty-stage", stage=stage.name), stage=stage_i
            )
            continue
        severity = _weight_severity(stage.weight)
        for seg_i, segment in enumerate(m.segments):
            cell = m.cells.get((seg_i, stage_i))
            if cell is None:
                message = texts.say("empty-cell", segment=segment.name, stage=stage.name)
                out.add("empty-cell", severity, message, segment=seg_i, stage=stage_i)
            elif len(cell) >= 2 and _one_channel(cell, m.fold):
                message = texts.say(
                    "single-channel",
                    count=len(cell),
                    segment=segment.name,
                    stage=stage.name,
                    channel=cell[0].channel.strip(),
                )
                out.add("single-channel", "low", message, segment=seg_i, stage=stage_i)


def _one_channel(cell: list[Touchpoint], fold_: _Folder) -> bool:
    """Every touchpoint of the cell has a channel, and it is the same one."""
    channels = {fold_(channel) for channel in set(map(attrgetter("channel"), cell))}
    return len(channels) == 1 and "" not in channels


# rule, severity, sentence before and after the touchpoint, sort rank, index of the severity
_Spec = tuple[str, str, str, str, int, int]


def _spec_maker(out: _Collector) -> Callable[..., _Spec]:
    """Touchpoint findings: each kind's sentence split around the touchpoint, and its rank."""
    made: dict[tuple[object, ...], _Spec] = {}

    def spec(rule: str, severity: str, text: str, **params: object) -> _Spec:
        memo = (rule, severity, text, *params.values())
        found = made.get(memo)
        if found is None:
            before, after = out.texts.around(text, **params)
            rank = out.rank[(severity, rule)]
            found = made[memo] = (rule, severity, before, after, rank, _SEVERITY_RANK[severity])
        return found

    return spec


class _MomentSpecs:
    """unproven-moment and weak-moment of a moment of truth (in rule-name order)."""

    def __init__(self, spec: Callable[..., _Spec]) -> None:
        self.unproven = {
            None: spec("unproven-moment", "medium", "unproven-moment"),
            "assumed": spec("unproven-moment", "medium", "unproven-moment-assumed"),
        }
        self.weak_pain = spec("weak-moment", "high", "weak-moment-pain")
        self.weak: dict[tuple[int, bool], _Spec] = {}
        for rating in range(1, WEAK_MOMENT_RATING + 1):
            self.weak[(rating, False)] = spec("weak-moment", "high", "weak-moment", rating=rating)
            self.weak[(rating, True)] = spec(
                "weak-moment", "high", "weak-moment-pain-rated", rating=rating
            )

    def add(self, tp: Touchpoint, found: list[_Spec]) -> None:
        unproven = self.unproven.get(tp.evidence)
        if unproven is not None:
            found.append(unproven)
        rating = tp.effectiveness
        if rating is not None and rating <= WEAK_MOMENT_RATING:
            found.append(self.weak[(rating, tp.pain_point)])
        elif tp.pain_point:
            found.append(self.weak_pain)


class _Elsewhere:
    """replicate: the segments that have nothing like a touchpoint in its stage."""

    def __init__(self, out: _Collector) -> None:
        m = out.m
        self.out = out
        self.segment_count = len(m.segments)
        self.names: list[str] = []
        self.having: dict[tuple[int, str], set[int]] = {}
        self.made: dict[tuple[int, str, int], _Spec | None] = {}
        self.templates: dict[int, tuple[str, str, str]] = {}
        if self.segment_count < 2:
            return
        self.names = _folded_names(m)
        for stage_i, name, seg_i in zip(m.stage_of, self.names, m.segment_of, strict=True):
            segments = self.having.get((stage_i, name))
            if segments is None:
                self.having[(stage_i, name)] = {seg_i}
            else:
                segments.add(seg_i)

    def spec(self, index: int, stage_i: int, rating: int) -> _Spec | None:
        """The replicate finding of touchpoint ``index`` (map order), or None when every
        segment has something like it. Made once per stage, name and rating."""
        if self.segment_count < 2:
            return None
        memo = (stage_i, self.names[index], rating)
        if memo in self.made:
            return self.made[memo]
        having = self.having[memo[:2]]
        found: _Spec | None = None
        if len(having) < self.segment_count:
            segments = self.out.m.segments
            missing = [s.name for i, s in enumerate(segments) if i not in having]
            before, middle, after = self.template(rating)
            text = self.out.texts.names(missing, NAMED_SEGMENTS)
            rank = self.out.rank[("low", "replicate")]
            found = ("replicate", "low", before, f"{middle}{text}{after}", rank, 2)
        self.made[memo] = found
        return found

    def template(self, rating: int) -> tuple[str, str, str]:
        """The sentence split where the touchpoint and the segments go."""
        parts = self.templates.get(rating)
        if parts is None:
            mark = _Texts._MARK
            text = FINDINGS(
                "replicate", self.out.texts.lang, where=mark, rating=rating, segments=mark
            )
            before, middle, after = text.split(mark)
            parts = self.templates[rating] = (before, middle, after)
        return parts


def _touchpoint_rules(out: _Collector) -> int:
    """The rules about one touchpoint: no-owner, no-process, no-outcome, no-data,
    low-effectiveness, pain-without-action, replicate, unproven-moment, weak-moment.

    The hot loop of the analysis (several findings per touchpoint are common), so it walks
    the map cell by cell, prepares sentences and ranks once, and builds findings inline.
    Findings go to one bucket per severity and stage, where they arrive in sort order
    (segment, touchpoint, then rule: the checks below are in rule-name order), so that the
    final sort only merges long runs. Returns how many of the five detail fields of
    ``completeness`` are filled over all touchpoints, so the summary need not look again.
    """
    m, texts = out.m, out.texts
    acted_on = {action.touchpoint for action in m.session.actions if action.touchpoint}
    spec = _spec_maker(out)
    no_data = spec("no-data", "low", "no-data")
    no_outcome = spec("no-outcome", "medium", "no-outcome")
    no_owner_high = spec("no-owner", "high", "no-owner")
    no_owner_medium = spec("no-owner", "medium", "no-owner")
    no_process = spec("no-process", "medium", "no-process")
    pain_without_action = spec("pain-without-action", "high", "pain-without-action")
    low_rated_specs = {
        (rating, pain): spec(
            "low-effectiveness",
            "high" if pain else "medium",
            "low-effectiveness-pain" if pain else "low-effectiveness",
            rating=rating,
        )
        for rating in range(1, LOW_RATING + 1)
        for pain in (False, True)
    }
    moments = _MomentSpecs(spec)
    elsewhere: _Elsewhere | None = None  # made at the first touchpoint that works well
    buckets: list[list[tuple[list[int], list[Finding]]]] = [  # [stage][severity]
        [([], []) for _ in SEVERITIES] for _ in m.stages
    ]
    appenders = [[(keys.append, found.append) for keys, found in row] for row in buckets]
    new, set_attribute, strip = object.__new__, _set_attribute, str.strip
    unit = out.touchpoint_unit
    filled = 0
    index = 0  # of the touchpoint in map order
    for (seg_i, stage_i), cell in m.cells.items():  # cells are in map order
        segment, stage = m.segments[seg_i], m.stages[stage_i]
        segment_key, stage_key = segment.key, stage.key
        before_name, after_name = texts.around_name(segment.name, stage.name)
        no_owner = no_owner_high if stage.weight >= HIGH_WEIGHT else no_owner_medium
        stage_appenders = appenders[stage_i]
        first = stage_i * out.stage_unit + seg_i * out.segment_unit + index * unit
        places = range(first, first + len(cell) * unit, unit)  # sort-key digits of each one
        for place, tp in zip(places, cell, strict=True):
            has_owner = bool(tp.owner.strip())
            processes, data = tp.processes, tp.data_generated
            has_process = bool(processes) and any(map(strip, processes))  # a non-blank item
            has_outcome = bool(tp.desired_outcome.strip())
            has_data = bool(data) and any(map(strip, data))
            filled += has_owner + has_process + has_outcome + has_data + bool(tp.channel.strip())
            rating = tp.effectiveness
            low_rated = rating is not None and rating <= LOW_RATING
            works = rating is not None and rating >= GOOD_RATING and not tp.pain_point
            unaddressed = tp.pain_point and tp.ref not in acted_on
            moment = tp.moment_of_truth
            complete = has_owner and has_process and has_outcome and has_data
            if complete and not (low_rated or unaddressed or works or moment):
                continue
            found: list[_Spec] = []
            if rating is not None and low_rated:
                found.append(low_rated_specs[(rating, tp.pain_point)])
            if not has_data:
                found.append(no_data)
            if not has_outcome:
                found.append(no_outcome)
            if not has_owner:
                found.append(no_owner_high if tp.pain_point else no_owner)
            if not has_process:
                found.append(no_process)
            if unaddressed:
                found.append(pain_without_action)
            if works:
                if elsewhere is None:
                    elsewhere = _Elsewhere(out)
                number = index + (place - first) // unit  # the touchpoint's index in map order
                replicate = elsewhere.spec(number, stage_i, rating)  # type: ignore[arg-type]
                if replicate is not None:
                    found.append(replicate)
            if moment:
                moments.add(tp, found)
            if not found:
                continue
            where = f"{before_name}{tp.name}{after_name}"
            ref = tp.ref
            for rule, severity, before, after, rank, severity_i in found:
                add_key, add_finding = stage_appenders[severity_i]
                add_key(rank + place)
                finding = new(Finding)  # as _new_finding(), inlined: this is the hot spot
                set_attribute(
                    finding,
                    "__dict__",
                    {
                        "rule": rule,
                        "severity": severity,
                        "segment": segment_key,
                        "stage": stage_key,
                        "touchpoint": ref,
                        "message": f"{before}{where}{after}",
                        "name": None,
                    },
                )
                add_finding(finding)
        index += len(cell)
    for severity_i in range(len(SEVERITIES)):
        for stage_buckets in buckets:
            keys, findings = stage_buckets[severity_i]
            out.keys.extend(keys)
            out.findings.extend(findings)
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
        over = count >= OVER_MIN_TOUCHPOINTS and 2 * count * total_weight > 3 * stage.weight * total
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
    overloaded = [owner for owner, count in owners.items() if 5 * count > 2 * owned]  # > 40 %
    for owner in sorted(overloaded, key=out.m.fold):  # the tie-break: the name
        count = owners[owner]
        message = out.texts.say(
            "owner-overload",
            owner=owner,
            count=count,
            owned=owned,
            share=format_percent(count / owned, out.texts.lang),
        )
        out.add("owner-overload", "medium", message, name=owner)


def _overused_channel(out: _Collector) -> None:
    """A channel carrying >= 25 % of the channelled touchpoints whose rated ones do badly."""
    m, lang = out.m, out.texts.lang
    carried: dict[str, int] = {}
    rated: dict[str, list[int]] = {}
    spelling: dict[str, str] = {}
    for (channel, _, rating), count in _channel_stage_rating(m).items():
        key = m.fold(channel)
        if not key:
            continue
        if key not in carried:
            carried[key] = 0
            rated[key] = [0, 0]  # touchpoints, sum of ratings
            spelling[key] = channel.strip()
        carried[key] += count
        if rating is not None:
            rated[key][0] += count
            rated[key][1] += rating * count
    total = sum(carried.values())
    if total < OVERUSED_MIN_CHANNELLED:
        return
    for key in sorted(carried):  # the tie-break: the name
        count = carried[key]
        rated_count, rating_sum = rated[key]
        # count / total >= 25 %  and  mean rating <= 2.5, in integers
        if (
            4 * count < total
            or rated_count < OVERUSED_MIN_RATED
            or 2 * rating_sum > 5 * rated_count
        ):
            continue
        message = out.texts.say(
            "overused-channel",
            channel=spelling[key],
            count=count,
            total=total,
            share=format_percent(count / total, lang),
            rated=rated_count,
            mean=format_number(rating_sum / rated_count, lang, 1),
        )
        out.add("overused-channel", "medium", message, name=spelling[key])


def _inconsistent(out: _Collector) -> None:
    """A name in a stage for >= half of the segments (and >= 2) but missing for another."""
    m, texts = out.m, out.texts
    total = len(m.segments)
    if total < 2:
        return
    least = max(2, (total + 1) // 2)  # segments that must have the name
    raw_names = list(map(attrgetter("name"), m.touchpoints))
    names = _folded_names(m)
    # A name's touchpoints in a stage bound its segments there: most names are ruled out
    # here. The Counter keeps map order, the order in which names are reported.
    counts = Counter(zip(m.stage_of, names, strict=True))
    having: dict[tuple[int, str], set[int]] = {
        key: set() for key, count in counts.items() if count >= least
    }
    if not having:
        return
    spelling: dict[tuple[int, str], str] = {}
    for stage_i, name, seg_i, raw in zip(m.stage_of, names, m.segment_of, raw_names, strict=True):
        segments = having.get((stage_i, name))
        if segments is not None:
            segments.add(seg_i)
            spelling.setdefault((stage_i, name), raw.strip())
    for key, segments in having.items():
        count = len(segments)
        if count < least or count == total:
            continue
        stage_i, stage = key[0], m.stages[key[0]]
        params = {"touchpoint": spelling[key], "stage": stage.name, "count": count, "total": total}
        # One sentence per missing segment that differs only in the segment: format it once
        # (with 40 segments a dense map has tens of thousands of these findings).
        before, after = texts.around_param("inconsistent", "segment", **params)
        for seg_i, segment in enumerate(m.segments):
            if seg_i not in segments:
                if before is None:
                    message = texts.say("inconsistent", segment=segment.name, **params)
                else:
                    message = f"{before}{segment.name}{after}"
                out.add("inconsistent", "low", message, segment=seg_i, stage=stage_i)


# --- figures --------------------------------------------------------------------------------


def _stage_figures(m: _Map) -> list[StageFigures]:
    total = len(m.touchpoints)
    total_weight = sum(stage.weight for stage in m.stages)
    rated_sum = [0] * len(m.stages)
    rated_count = [0] * len(m.stages)
    for (_, stage_i, rating), count in _channel_stage_rating(m).items():
        if rating is not None:
            rated_sum[stage_i] += rating * count
            rated_count[stage_i] += count
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


def _summary(m: _Map, filled: int, rated: int) -> Summary:
    """``filled``: filled detail fields over all touchpoints (see _touchpoint_rules)."""
    cell_count = len(m.segments) * len(m.stages)
    total = len(m.touchpoints)
    return Summary(
        coverage=len(m.cells) / cell_count if cell_count else 0.0,
        completeness=filled / (5 * total) if total else 0.0,
        touchpoints=total,
        segments=len(m.segments),
        stages=len(m.stages),
        pain_points=sum(map(attrgetter("pain_point"), m.touchpoints)),
        actions_open=sum(1 for action in m.session.actions if action.status == "open"),
        moments_of_truth=sum(map(attrgetter("moment_of_truth"), m.touchpoints)),
        rated=rated,
    )


def _owners(m: _Map) -> dict[str, int]:
    """Owner (first spelling in map order) -> touchpoints; most first, then by name."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    # A Counter keeps first-seen order, so the first spelling of a folded owner comes first.
    for owner, count in Counter(map(attrgetter("owner"), m.touchpoints)).items():
        key = m.fold(owner)
        if not key:
            continue
        if key in counts:
            counts[key] += count
        else:
            counts[key] = count
            spelling[key] = owner.strip()
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
    counts: dict[str, list[int]] = {}
    spelling: dict[str, str] = {}
    for (channel, stage_i, _), count in _channel_stage_rating(m).items():
        key = m.fold(channel)
        if not key:
            continue
        row = counts.get(key)
        if row is None:
            row = counts[key] = [0] * len(m.stages)
            spelling[key] = channel.strip()
        row[stage_i] += count
    ordered = sorted(counts, key=lambda key: (-sum(counts[key]), key))
    return {
        (spelling[key], stage.key): counts[key][stage_i]
        for key in ordered
        for stage_i, stage in enumerate(m.stages)
        if counts[key][stage_i]
    }


def _importances(m: _Map) -> list[int]:
    """Each touchpoint's importance in map order: its own, or else its stage's weight."""
    weights = map([stage.weight for stage in m.stages].__getitem__, m.stage_of)
    own = map(attrgetter("importance"), m.touchpoints)
    return [
        weight if importance is None else importance
        for importance, weight in zip(own, weights, strict=True)
    ]


def _quadrant(importance: int, effectiveness: int) -> str:
    if importance >= HIGH_WEIGHT:
        return "keep-up" if effectiveness >= GOOD_RATING else "fix-first"
    return "overkill" if effectiveness >= GOOD_RATING else "low-priority"


def _place_on_matrix(importance: int, effectiveness: int) -> tuple[int, int, int, str]:
    """importance, effectiveness, opportunity, quadrant."""
    opportunity = importance + max(importance - effectiveness, 0)
    return importance, effectiveness, opportunity, _quadrant(importance, effectiveness)


_MATRIX_PLACES = {(i, e): _place_on_matrix(i, e) for i in range(1, 6) for e in range(1, 6)}


def _matrix(m: _Map, importances: list[int]) -> list[MatrixPoint]:
    """Importance x performance (Martilla & James), one point per rated touchpoint."""
    places, make = _MATRIX_PLACES, tuple.__new__  # a NamedTuple made as the tuple it is
    refs = map(attrgetter("ref"), m.touchpoints)
    points: list[MatrixPoint] = []
    add = points.append
    for ref, importance, rating in zip(refs, importances, _ratings(m), strict=True):
        if rating is not None:
            place = places.get((importance, rating)) or _place_on_matrix(importance, rating)
            add(make(MatrixPoint, (ref, *place)))
    return points


def _points(tp: Touchpoint, importance: int) -> int:
    """A touchpoint's score: importance, its gap when rated, pain, votes (up to 5), moment."""
    rating = tp.effectiveness
    return (
        importance
        + (0 if rating is None or rating >= importance else importance - rating)
        + (PAIN_SCORE if tp.pain_point else 0)
        + min(tp.votes, VOTES_COUNTED)
        + (MOMENT_SCORE if tp.moment_of_truth else 0)
    )


def score(tp: Touchpoint, importance: int) -> Priority:
    """A touchpoint's score (GAPS.md), with the parts it adds up from."""
    rating = tp.effectiveness
    return Priority(
        touchpoint=tp.ref,
        score=_points(tp, importance),
        importance=importance,
        effectiveness=rating,
        gap=0 if rating is None else max(importance - rating, 0),
        pain_point=tp.pain_point,
        votes=tp.votes,
        moment_of_truth=tp.moment_of_truth,
    )


def _is_candidate(tp: Touchpoint) -> bool:
    """Pain points, voted, rated <= 2, or moments of truth rated <= 3."""
    rating = tp.effectiveness
    if tp.pain_point or tp.votes > 0:
        return True
    if rating is None:
        return False
    return rating <= LOW_RATING or (tp.moment_of_truth and rating <= WEAK_MOMENT_RATING)


def _top_priorities(m: _Map, importances: list[int]) -> list[Priority]:
    """Up to five candidates: highest score first, then map order."""
    touchpoints = m.touchpoints
    scored = [
        (-_points(touchpoints[i], importances[i]), i)
        for i, tp in enumerate(touchpoints)
        if tp.pain_point or tp.votes or (tp.effectiveness is not None and _is_candidate(tp))
    ]
    return [
        score(touchpoints[i], importances[i]) for _, i in heapq.nsmallest(TOP_PRIORITIES, scored)
    ]


def _best(m: _Map, importances: list[int]) -> list[str]:
    """Up to five that work (rated >= 4, no pain): best rated, most important, most voted."""
    touchpoints = m.touchpoints
    ranked = [
        (-rating, -importances[i], -touchpoints[i].votes, i)
        for i, rating in enumerate(_ratings(m))
        if rating is not None and rating >= GOOD_RATING and not touchpoints[i].pain_point
    ]
    return [touchpoints[rank[-1]].ref for rank in heapq.nsmallest(BEST, ranked)]


def _accept(
    findings: list[Finding], entries: list[Accepted]
) -> tuple[list[Finding], list[AcceptedFinding], list[int]]:
    """Move the findings an entry matches into the accepted ones; the unused entries' indexes.

    An entry matches a finding of its rule whose segment, stage and touchpoint are equal
    (absent matches only absent); each finding is accepted by the first entry that matches.
    """
    if not entries:
        return findings, [], []
    first_entry: dict[tuple[str, str | None, str | None, str | None], int] = {}
    for i, entry in enumerate(entries):
        first_entry.setdefault((entry.rule, entry.segment, entry.stage, entry.touchpoint), i)
    kept: list[Finding] = []
    accepted: list[AcceptedFinding] = []
    used: set[int] = set()
    for finding in findings:
        found = first_entry.get((finding.rule, finding.segment, finding.stage, finding.touchpoint))
        if found is None:
            kept.append(finding)
        else:
            entry = entries[found]
            accepted.append(AcceptedFinding(finding, entry.reason, entry.by, found))
            used.add(found)
    stale = [i for i in range(len(entries)) if i not in used]
    return kept, accepted, stale


def _groups(findings: list[Finding]) -> list[Group]:
    """Each (rule, severity) pair's findings, in the order of its first finding."""
    members: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for i, pair in enumerate(map(attrgetter("rule", "severity"), findings)):
        members[pair].append(i)
    return [Group(rule, severity, tuple(indexes)) for (rule, severity), indexes in members.items()]


# --- entry point ----------------------------------------------------------------------------


def analyse(session: Session, lang: str | None = None) -> Analysis:
    """The gap analysis of ``session``, with messages in ``lang`` (default: its language)."""
    language = normalise_language(lang) or normalise_language(session.language) or DEFAULT_LANGUAGE
    m = _survey(session)
    figures = _stage_figures(m)
    owners = _owners(m)
    out = _Collector(m, _Texts(language))
    _cell_rules(out)
    filled = _touchpoint_rules(out)
    _investment_rules(out, figures)
    _no_proactive(out)
    _owner_overload(out, owners)
    _overused_channel(out)
    _inconsistent(out)
    findings, accepted, stale = _accept(out.sorted(), session.accepted)
    importances = _importances(m)
    matrix = _matrix(m, importances)
    return Analysis(
        session_name=session.name,
        framework=session.framework,
        language=language,
        summary=_summary(m, filled, rated=len(matrix)),
        stages=figures,
        owners=owners,
        cells=_cells(m),
        channels=_channels(m),
        findings=findings,
        top_priorities=_top_priorities(m, importances),
        accepted=accepted,
        stale_accepted=stale,
        groups=_groups(findings),
        matrix=matrix,
        best=_best(m, importances),
    )
