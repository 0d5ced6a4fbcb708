"""The workshop agenda: the six steps, back to back, timed from their guides' timeboxes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tpworkshop.guides.loader import GUIDE_STEPS, Guide, builtin_guide

AGENDA_STEPS = tuple(step for step in GUIDE_STEPS if step != "overview")


@dataclass(frozen=True)
class AgendaItem:
    step: str
    title: str
    minutes: int
    start: datetime
    end: datetime


def build_agenda(
    guides: Mapping[str, Guide],
    start: datetime,
    overrides: Mapping[str, int] | None = None,
) -> list[AgendaItem]:
    """The six steps in order, each starting when the previous one ends.

    A step lasts its guide's timebox unless ``overrides`` gives it other minutes (the
    facilitator adjusted it live), in which case every later step moves. Raises ValueError
    for an override of an unknown step or a negative / non-integer number of minutes.
    """
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(AGENDA_STEPS))
    if unknown:
        raise ValueError(f"no agenda step named {', '.join(map(repr, unknown))}")
    lang = next((g.lang for g in guides.values()), "en")

    items: list[AgendaItem] = []
    clock = start
    for step in AGENDA_STEPS:
        guide = guides.get(step) or builtin_guide(step, lang)
        minutes = overrides.get(step, guide.timebox)
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
            raise ValueError(f"minutes for step {step!r} must be a non-negative integer")
        end = clock + timedelta(minutes=minutes)
        items.append(AgendaItem(step, guide.title, minutes, clock, end))
        clock = end
    return items


def agenda_minutes(items: Sequence[AgendaItem]) -> int:
    """Total length of an agenda, in minutes."""
    return sum(item.minutes for item in items)
