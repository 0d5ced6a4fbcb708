"""Sessions and what they hold, as plain dataclasses, with per-field rules.

Touchpoints are referred to by ``ref`` (the ``id`` of FORMAT.md, e.g. ``"tp-3"``),
stages and segments by ``key``; ``db_id`` is storage's row id and may be ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from tpworkshop.domain import validation as v
from tpworkshop.domain.frameworks import FRAMEWORK_KEYS
from tpworkshop.domain.stage import DEFAULT_WEIGHT as DEFAULT_WEIGHT
from tpworkshop.domain.stage import Stage as Stage
from tpworkshop.i18n import LANGUAGES

KINDS = ("communication", "human", "physical", "sensory")
INITIATIVES = ("proactive", "reactive")
STATUSES = ("open", "done")
EVIDENCE = ("assumed", "reported", "observed", "measured")
"""How the room knows what it says about a touchpoint, weakest first."""
DEFAULT_DOTS = 3
MIN_DOTS, MAX_DOTS = 0, 20

STEPS = ("start", "setup", "segments", "touchpoints", "details", "assess", "analysis")
AGENDA_STEPS = STEPS[1:]
"""The steps that have a timebox on the agenda."""
AGENDA_SLOTS = ("welcome", "break", "lunch", "close")
"""The agenda's slots that are not steps (a facilitation guide's agenda places them)."""
AGENDA_SLOT_KEY = re.compile(rf"(?:{'|'.join(AGENDA_SLOTS)})(?:-[2-9])?")
"""A slot's key on the agenda: its name, numbered from the second on (``break-2``)."""
MAX_TIMEBOX = 600
"""The longest a step's timebox may be, in minutes (a ten-hour day)."""

TOUCHPOINT_DETAIL_FIELDS = (
    "name",
    "channel",
    "kind",
    "initiative",
    "need",
    "interactions",
    "owner",
    "processes",
    "people",
    "customer_contacts",
    "desired_outcome",
    "data_generated",
    "optimal_experience",
    "effectiveness",
    "pain_point",
    "pain_note",
    "votes",
)
"""A touchpoint's own fields, in FORMAT.md's order (after id, segment and stage)."""

LIST_FIELDS = ("interactions", "processes", "people", "customer_contacts", "data_generated")
TEXT_FIELDS = ("need", "desired_outcome", "optimal_experience", "pain_note")


def _framework_keys() -> tuple[str, ...]:
    return FRAMEWORK_KEYS


@dataclass
class Segment:
    key: str
    name: str
    description: str = ""
    db_id: int | None = None


@dataclass(frozen=True)
class Touchpoint:
    """One touchpoint as read: immutable, because the store hands the same objects out again
    for rows that did not change, and the screens' caches rely on that (an edit goes through
    the store; a changed copy is ``dataclasses.replace(tp, ...)``). Its lists are new for
    every object the store builds."""

    ref: str
    segment: str
    stage: str
    name: str
    channel: str = ""
    kind: str | None = None
    initiative: str | None = None
    need: str = ""
    interactions: list[str] = field(default_factory=list)
    owner: str = ""
    processes: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    customer_contacts: list[str] = field(default_factory=list)
    desired_outcome: str = ""
    data_generated: list[str] = field(default_factory=list)
    optimal_experience: str = ""
    effectiveness: int | None = None
    pain_point: bool = False
    pain_note: str = ""
    votes: int = 0
    importance: int | None = None
    """1..5; None means "as its stage's weight" (see ``importance_of``)."""
    moment_of_truth: bool = False
    evidence: str | None = None
    db_id: int | None = None
    position: int = 0


@dataclass
class Action:
    title: str
    touchpoint: str | None = None
    owner: str = ""
    due: date | None = None
    status: str = "open"
    db_id: int | None = None


@dataclass
class Accepted:
    """A finding the team looked at and accepts (FORMAT.md ``[[accepted]]``).

    It matches a finding of the same rule whose segment, stage and touchpoint are equal
    (``None`` matches only ``None``).
    """

    rule: str
    reason: str
    segment: str | None = None
    stage: str | None = None
    touchpoint: str | None = None
    by: str = ""
    db_id: int | None = None


@dataclass
class Position:
    """Where the facilitator was, so that a resume lands there."""

    step: str = "setup"
    segment: str | None = None
    stage: str | None = None
    touchpoint: str | None = None
    view: str | None = None
    """The step's own view, where it has several (the Analysis tab)."""


@dataclass
class Session:
    name: str
    organisation: str = ""
    facilitator: str = ""
    participants: list[str] = field(default_factory=list)
    language: str = "en"
    framework: str = "five-stage"
    notes: str = ""
    created: datetime | None = None
    updated: datetime | None = None
    stages: list[Stage] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    touchpoints: list[Touchpoint] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    accepted: list[Accepted] = field(default_factory=list)
    position: Position = field(default_factory=Position)
    dots_per_participant: int = DEFAULT_DOTS
    agenda_start: datetime | None = None
    """When the workshop starts (the room's wall clock, as the facilitator set it)."""
    timebox_overrides: dict[str, int] = field(default_factory=dict)
    """Minutes per agenda step where the facilitator changed the guide's timebox."""
    db_id: int | None = None

    def stage(self, key: str) -> Stage | None:
        return next((s for s in self.stages if s.key == key), None)

    def segment(self, key: str) -> Segment | None:
        return next((s for s in self.segments if s.key == key), None)

    def importance_of(self, tp: Touchpoint) -> int:
        """A touchpoint's own importance, or else its stage's weight (GAPS.md)."""
        if tp.importance is not None:
            return tp.importance
        stage = self.stage(tp.stage)
        return stage.weight if stage is not None else DEFAULT_WEIGHT

    def touchpoint(self, ref: str) -> Touchpoint | None:
        return next((t for t in self.touchpoints if t.ref == ref), None)

    def cell(self, segment: str, stage: str) -> list[Touchpoint]:
        """Touchpoints of one map cell, in their order within the cell."""
        return sorted(
            (t for t in self.touchpoints if t.segment == segment and t.stage == stage),
            key=lambda t: t.position,
        )

    def in_map_order(self) -> list[Touchpoint]:
        """Segment order, then stage order, then order within the cell.

        Touchpoints whose segment or stage is unknown come last.
        """
        seg_index = {s.key: i for i, s in enumerate(self.segments)}
        stage_index = {s.key: i for i, s in enumerate(self.stages)}
        big = len(self.segments) + len(self.stages) + 1
        return sorted(
            self.touchpoints,
            key=lambda t: (
                seg_index.get(t.segment, big),
                stage_index.get(t.stage, big),
                t.position,
            ),
        )

    def iter_cells(self) -> Iterator[tuple[Segment, Stage, list[Touchpoint]]]:
        grouped: dict[tuple[str, str], list[Touchpoint]] = {}
        for tp in self.in_map_order():
            grouped.setdefault((tp.segment, tp.stage), []).append(tp)
        for segment in self.segments:
            for stage in self.stages:
                yield segment, stage, grouped.get((segment.key, stage.key), [])


# --- field rules -------------------------------------------------------------------------


def _lang(field_name: str, value: Any) -> str:
    return v.choice(field_name, value, LANGUAGES, optional=False)


def _framework(field_name: str, value: Any) -> str:
    return v.choice(field_name, value, _framework_keys(), optional=False)


def _kind(field_name: str, value: Any) -> str | None:
    return v.choice(field_name, value, KINDS)


def _initiative(field_name: str, value: Any) -> str | None:
    return v.choice(field_name, value, INITIATIVES)


def _status(field_name: str, value: Any) -> str:
    return v.choice(field_name, value, STATUSES, optional=False)


def _evidence(field_name: str, value: Any) -> str | None:
    return v.choice(field_name, value, EVIDENCE)


def _dots(field_name: str, value: Any) -> int:
    return v.in_range(field_name, value, MIN_DOTS, MAX_DOTS)


def _agenda_start(field_name: str, value: Any) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise v.ValidationError(field_name, "not_time")


def timebox(field_name: str, value: Any) -> int:
    """One step's timebox in minutes, 0..MAX_TIMEBOX."""
    minutes = v.integer(field_name, value)
    if not 0 <= minutes <= MAX_TIMEBOX:
        raise v.ValidationError(field_name, "range", low=0, high=MAX_TIMEBOX, value=minutes)
    return minutes


def agenda_step(field_name: str, value: Any) -> str:
    """A step of the agenda, or one of its other slots (``welcome``, ``break-2``...)."""
    if isinstance(value, str) and AGENDA_SLOT_KEY.fullmatch(value):
        return value
    return v.choice(field_name, value, AGENDA_STEPS, optional=False)


def _timeboxes(field_name: str, value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise v.ValidationError(field_name, "not_int")
    return {
        agenda_step(field_name, step): timebox(field_name, minutes)
        for step, minutes in value.items()
    }


def _optional_key(field_name: str, value: Any) -> str | None:
    return v.key(field_name, value) if value not in (None, "") else None


def _reason(field_name: str, value: Any) -> str:
    return v.single_line(field_name, value, required=True, limit=300)


SESSION_RULES: dict[str, v.Cleaner] = {
    "name": v.name,
    "organisation": v.optional_line,
    "facilitator": v.optional_line,
    "participants": v.text_list,
    "language": _lang,
    "framework": _framework,
    "notes": v.multi_line,
    "dots_per_participant": _dots,
    "agenda_start": _agenda_start,
    "timebox_overrides": _timeboxes,
}

STAGE_RULES: dict[str, v.Cleaner] = {"key": v.key, "name": v.name, "weight": v.rating}

SEGMENT_RULES: dict[str, v.Cleaner] = {
    "key": v.key,
    "name": v.name,
    "description": v.multi_line,
}

TOUCHPOINT_RULES: dict[str, v.Cleaner] = {
    "ref": v.name,
    "segment": v.key,
    "stage": v.key,
    "name": v.name,
    "channel": v.optional_line,
    "kind": _kind,
    "initiative": _initiative,
    "need": v.multi_line,
    "interactions": v.text_list,
    "owner": v.optional_line,
    "processes": v.text_list,
    "people": v.text_list,
    "customer_contacts": v.text_list,
    "desired_outcome": v.multi_line,
    "data_generated": v.text_list,
    "optimal_experience": v.multi_line,
    "effectiveness": v.optional_rating,
    "pain_point": v.boolean,
    "pain_note": v.multi_line,
    "votes": v.votes,
    "importance": v.optional_rating,
    "moment_of_truth": v.boolean,
    "evidence": _evidence,
}

ACTION_RULES: dict[str, v.Cleaner] = {
    "title": v.name,
    "touchpoint": lambda f, x: v.single_line(f, x) or None,
    "owner": v.optional_line,
    "due": v.optional_date,
    "status": _status,
}

ACCEPTED_RULES: dict[str, v.Cleaner] = {
    "rule": v.key,
    "segment": _optional_key,
    "stage": _optional_key,
    "touchpoint": lambda f, x: v.single_line(f, x) or None,
    "reason": _reason,
    "by": v.optional_line,
}

RULES: dict[str, dict[str, v.Cleaner]] = {
    "session": SESSION_RULES,
    "stage": STAGE_RULES,
    "segment": SEGMENT_RULES,
    "touchpoint": TOUCHPOINT_RULES,
    "action": ACTION_RULES,
    "accepted": ACCEPTED_RULES,
}


def clean(entity: str, field_name: str, value: Any) -> Any:
    """Validate and normalise one field of an entity; raise ValidationError if bad."""
    rules = RULES[entity]
    if field_name not in rules:
        raise v.ValidationError(field_name, "unknown_field")
    return rules[field_name](field_name, value)


def clean_many(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    return {name: clean(entity, name, value) for name, value in values.items()}


def editable_fields(cls: type) -> list[str]:
    return [f.name for f in fields(cls) if f.name not in ("db_id", "position")]
