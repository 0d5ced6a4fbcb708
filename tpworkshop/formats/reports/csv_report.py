"""The touchpoints as CSV: one row per touchpoint, in map order, every FORMAT.md field.

The header holds FORMAT.md's English field names so that scripts can read the file whatever
the session's language. Lists are joined with ``"; "``, an unrated effectiveness (or an
importance or evidence not given) is an empty cell, ``pain_point`` and ``moment_of_truth``
are ``true``/``false``. The text starts with a byte-order mark, so that
written as UTF-8 it is ``utf-8-sig`` and spreadsheet programs (Excel) keep the accents;
the ``csv`` module quotes cells holding commas, quotes or newlines.

Every cell goes through :func:`spreadsheet_cell`: a cell that a spreadsheet would read as
a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a
leading ``'``, and control characters of an old database are shown as symbols.
"""

from __future__ import annotations

import csv
import io

from tpworkshop.domain.model import LIST_FIELDS, TOUCHPOINT_DETAIL_FIELDS, Session, Touchpoint
from tpworkshop.domain.text import visible

BOM = "\ufeff"
LIST_SEPARATOR = "; "

COLUMNS = (
    "id",
    "segment",
    "stage",
    *TOUCHPOINT_DETAIL_FIELDS,
    "importance",
    "moment_of_truth",
    "evidence",
)
LIST_COLUMNS = frozenset(LIST_FIELDS)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's list)."""


def spreadsheet_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it: ``=HYPERLINK(...)``, ``+cmd``,
    ``@SUM(...)`` and ``-1+1`` get a leading ``'`` (the usual neutraliser: the program
    shows the text, the ``'`` hidden or not). Control characters other than newline and
    tab are shown as symbols. Every cell of every CSV goes through here."""
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return visible(text)


def _cell(tp: Touchpoint, column: str) -> str:
    value = tp.ref if column == "id" else getattr(tp, column)
    if column in LIST_COLUMNS:
        return spreadsheet_cell(LIST_SEPARATOR.join(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else spreadsheet_cell(str(value))


def row(tp: Touchpoint) -> list[str]:
    return [_cell(tp, column) for column in COLUMNS]


def render(session: Session) -> str:
    """The CSV text, BOM first, rows ending in CRLF (RFC 4180, what Excel expects)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([spreadsheet_cell(column) for column in COLUMNS])
    writer.writerows(row(tp) for tp in session.in_map_order())
    return BOM + buffer.getvalue()
