"""The touchpoints as CSV: one row per touchpoint, in map order, every FORMAT.md field.

The header holds FORMAT.md's English field names so that scripts can read the file whatever
the session's language. Lists are joined with ``"; "``, an unrated effectiveness is an empty
cell, ``pain_point`` is ``true``/``false``. The text starts with a byte-order mark, so that
written as UTF-8 it is ``utf-8-sig`` and spreadsheet programs (Excel) keep the accents;
the ``csv`` module quotes cells holding commas, quotes or newlines.
"""

from __future__ import annotations

import csv
import io

from tpworkshop.domain.model import LIST_FIELDS, TOUCHPOINT_DETAIL_FIELDS, Session, Touchpoint

BOM = "\ufeff"
LIST_SEPARATOR = "; "

COLUMNS = ("id", "segment", "stage", *TOUCHPOINT_DETAIL_FIELDS)
LIST_COLUMNS = frozenset(LIST_FIELDS)


def _cell(tp: Touchpoint, column: str) -> str:
    value = tp.ref if column == "id" else getattr(tp, column)
    if column in LIST_COLUMNS:
        return LIST_SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def row(tp: Touchpoint) -> list[str]:
    return [_cell(tp, column) for column in COLUMNS]


def render(session: Session) -> str:
    """The CSV text, BOM first, rows ending in CRLF (RFC 4180, what Excel expects)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(row(tp) for tp in session.in_map_order())
    return BOM + buffer.getvalue()
