"""Facilitation guides: one Markdown file per workshop step and language.

Pure loading code (no Textual): :func:`load_guides` merges the shipped guides with the
user's and any ``--guides`` folders, step by step, and :func:`build_agenda` turns the
guides' timeboxes into a timed agenda.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tpworkshop.guides.loader import (
    GUIDE_STEPS,
    MAX_TIMEBOX,
    SECTION_HEADINGS,
    Guide,
    GuideError,
    GuideProblem,
    builtin_guide,
    load_guides,
    parse_guide,
    shipped_guides_dir,
    user_guides_dir,
)

if TYPE_CHECKING:
    from tpworkshop.guides.agenda import (
        AGENDA_STEPS,
        AgendaItem,
        agenda_minutes,
        build_agenda,
    )

_AGENDA_NAMES = frozenset({"AGENDA_STEPS", "AgendaItem", "agenda_minutes", "build_agenda"})


def __getattr__(name: str) -> Any:
    """The agenda is imported when first asked for: the app's start needs only the loader."""
    if name in _AGENDA_NAMES:
        from tpworkshop.guides import agenda

        return getattr(agenda, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AGENDA_STEPS",
    "GUIDE_STEPS",
    "MAX_TIMEBOX",
    "SECTION_HEADINGS",
    "AgendaItem",
    "Guide",
    "GuideError",
    "GuideProblem",
    "agenda_minutes",
    "build_agenda",
    "builtin_guide",
    "load_guides",
    "parse_guide",
    "shipped_guides_dir",
    "user_guides_dir",
]
