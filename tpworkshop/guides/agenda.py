"""The workshop agenda: the six steps and the overview's other slots (welcome, break, close),
back to back, timed from the guides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tpworkshop.domain.model import AGENDA_SLOT_KEY, AGENDA_SLOTS
from tpworkshop.guides.loader import GUIDE_STEPS, MESSAGES, Guide, builtin_guide

AGENDA_STEPS = tuple(step for step in GUIDE_STEPS if step != "overview")


@dataclass(frozen=True)
class AgendaItem:
    step: str
    """The step, or for a slot that is not a step its key (``welcome``, ``break-2``)."""
    title: str
    minutes: int
    start: datetime
    end: datetime
    slot: str | None = None
    """For a slot that is not a step: its kind (``welcome``, ``break``, ``lunch``, ``close``)."""

    @property
    def is_step(self) -> bool:
        return self.slot is None


def agenda_plan(guides: Mapping[str, Guide]) -> list[tuple[str, str | None, int | None]]:
    """The agenda's rows before timing: ``(key, slot, minutes)``, a step's minutes None.

    The overview guide's ``agenda`` places slots between the steps; without one, the six
    steps alone. A slot's key is its name, numbered from its second time on (``break-2``).
    """
    overview = guides.get("overview")
    plan = overview.agenda if overview is not None and overview.agenda else None
    if plan is None:
        return [(step, None, None) for step in AGENDA_STEPS]
    rows: list[tuple[str, str | None, int | None]] = []
    seen: dict[str, int] = {}
    for key, minutes in plan:
        if minutes is None:
            rows.append((key, None, None))
            continue
        seen[key] = seen.get(key, 0) + 1
        rows.append((key if seen[key] == 1 else f"{key}-{seen[key]}", key, minutes))
    return rows


def agenda_keys(guides: Mapping[str, Guide]) -> list[str]:
    """Every row's key, in order: the steps and the slots."""
    return [key for key, _, _ in agenda_plan(guides)]


def build_agenda(
    guides: Mapping[str, Guide],
    start: datetime,
    overrides: Mapping[str, int] | None = None,
) -> list[AgendaItem]:
    """The agenda's rows in order, each starting when the previous one ends.

    A row lasts its guide's timebox (a step) or the overview's minutes (a slot) unless
    ``overrides`` gives it other minutes (the facilitator adjusted it live), in which case
    every later row moves. Raises ValueError for an override of an unknown step or a
    negative / non-integer number of minutes. An override for a slot this agenda does not
    have (another overview guide's) is ignored.
    """
    overrides = dict(overrides or {})
    unknown = sorted(
        key for key in overrides if key not in AGENDA_STEPS and not AGENDA_SLOT_KEY.fullmatch(key)
    )
    if unknown:
        raise ValueError(f"no agenda step named {', '.join(map(repr, unknown))}")
    lang = next((g.lang for g in guides.values()), "en")

    items: list[AgendaItem] = []
    clock = start
    for key, slot, planned in agenda_plan(guides):
        if slot is None:
            guide = guides.get(key) or builtin_guide(key, lang)
            title, default = guide.title, guide.timebox
        else:
            title = MESSAGES(f"slot.{slot}", lang if lang in ("en", "es") else "en")
            default = planned or 0
        minutes = overrides.get(key, default)
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
            raise ValueError(f"minutes for step {key!r} must be a non-negative integer")
        end = clock + timedelta(minutes=minutes)
        items.append(AgendaItem(key, title, minutes, clock, end, slot))
        clock = end
    return items


def agenda_minutes(items: Sequence[AgendaItem]) -> int:
    """Total length of an agenda, in minutes."""
    return sum(item.minutes for item in items)


__all__ = [
    "AGENDA_SLOTS",
    "AGENDA_STEPS",
    "AgendaItem",
    "agenda_keys",
    "agenda_minutes",
    "agenda_plan",
    "build_agenda",
]
