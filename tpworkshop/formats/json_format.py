"""``export --format json``: the content of FORMAT.md's TOML file as one JSON object, for
programs.

The same tables and keys in the same order as the TOML export, with every key present in
every entry (absent values are ``null``: programs need not know FORMAT.md's defaults), times
as ``2026-11-23T09:00:00Z``, dates as ``2026-12-31``, and the gap analysis of GAPS.md's
machine-readable form under ``"gaps"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from tpworkshop.domain.model import Session
from tpworkshop.domain.text import json_text
from tpworkshop.formats.toml_format import (
    ACCEPTED_KEYS,
    ACTION_KEYS,
    FORMAT_ID,
    SEGMENT_KEYS,
    SESSION_KEYS,
    STAGE_KEYS,
    TOUCHPOINT_KEYS,
    utc_text,
)


def to_json_data(session: Session, gaps: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The session as FORMAT.md's tables, in its order; ``gaps`` goes last when given."""
    data: dict[str, Any] = {
        "format": FORMAT_ID,
        "session": _entry(SESSION_KEYS, session),
        "stages": [_entry(STAGE_KEYS, stage) for stage in session.stages],
        "segments": [_entry(SEGMENT_KEYS, segment) for segment in session.segments],
        "touchpoints": [_entry(TOUCHPOINT_KEYS, tp) for tp in session.in_map_order()],
        "actions": [_entry(ACTION_KEYS, action) for action in session.actions],
        "accepted": [_entry(ACCEPTED_KEYS, entry) for entry in session.accepted],
    }
    if gaps is not None:
        data["gaps"] = dict(gaps)
    return data


def dumps_json(session: Session, gaps: Mapping[str, Any] | None = None) -> str:
    """``to_json_data`` as indented UTF-8 JSON text (not ASCII-escaped, but no control
    character left as is), with a final newline."""
    return json_text(to_json_data(session, gaps)) + "\n"


def _entry(keys: tuple[Any, ...], entity: object) -> dict[str, Any]:
    return {key.name: _value(getattr(entity, key.attr)) for key in keys}


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return list(value)
    return value
