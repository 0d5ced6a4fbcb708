"""The touchpoints as CSV: one row per touchpoint, in map order, every FORMAT.md field.

The file speaks the session's language, for the people who open it in a spreadsheet:

- the header holds the fields' names (``Segment``, ``Desired outcome`` / ``Segmento``,
  ``Resultado deseado``), from the same labels as the app's forms;
- the segment and the stage are their names, not their keys;
- values are words (``human``, ``proactive``, ``yes`` / ``humano``, ``proactivo``, ``sí``);
- cells are separated by ``,`` in English and by ``;`` in Spanish, which is what spreadsheet
  programs in a Spanish locale expect (there the comma is the decimal mark).

Lists are joined with ``"; "``; an unrated effectiveness (or an importance or evidence not
given) is an empty cell. The text starts with a byte-order mark, so that written as UTF-8
it is ``utf-8-sig`` and spreadsheet programs (Excel) keep the accents; the ``csv`` module
quotes cells holding the separator, quotes or newlines.

Every cell goes through :func:`spreadsheet_cell`: a cell that a spreadsheet would read as
a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a
leading ``'``, and control characters of an old database are shown as symbols.

For scripts, ``tpworkshop export --format json`` or ``toml`` keeps the keys.
"""

from __future__ import annotations

import csv
import io

from tpworkshop.domain.labels import FIELD_LABELS
from tpworkshop.domain.model import LIST_FIELDS, TOUCHPOINT_DETAIL_FIELDS, Session, Touchpoint
from tpworkshop.domain.text import visible
from tpworkshop.formats.reports.messages import REPORT

BOM = "\ufeff"
LIST_SEPARATOR = "; "
DELIMITERS = {"en": ",", "es": ";"}
"""The cell separator per language; another language takes English's."""

COLUMNS = (
    "ref",
    "segment",
    "stage",
    *TOUCHPOINT_DETAIL_FIELDS,
    "importance",
    "moment_of_truth",
    "evidence",
)
LIST_COLUMNS = frozenset(LIST_FIELDS)
WORD_COLUMNS = {"kind": "kind_", "initiative": "initiative_", "evidence": "evidence_"}
"""Columns holding a key shown as a word of the report catalogue (``kind_human``...)."""


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


def delimiter(lang: str) -> str:
    return DELIMITERS.get(lang, DELIMITERS["en"])


def header(lang: str) -> list[str]:
    return [spreadsheet_cell(FIELD_LABELS(column, lang)) for column in COLUMNS]


def _word(column: str, key: str, lang: str) -> str:
    message = WORD_COLUMNS[column] + key
    return REPORT(message, lang) if message in REPORT else key


def _cell(session: Session, tp: Touchpoint, column: str, lang: str) -> str:
    if column == "segment":
        segment = session.segment(tp.segment)
        return spreadsheet_cell(segment.name if segment else tp.segment)
    if column == "stage":
        stage = session.stage(tp.stage)
        return spreadsheet_cell(stage.name if stage else tp.stage)
    value = getattr(tp, column)
    if column in LIST_COLUMNS:
        return spreadsheet_cell(LIST_SEPARATOR.join(value))
    if isinstance(value, bool):
        return REPORT("yes" if value else "no", lang)
    if value is None:
        return ""
    if column in WORD_COLUMNS:
        return spreadsheet_cell(_word(column, str(value), lang))
    return spreadsheet_cell(str(value))


def row(session: Session, tp: Touchpoint, lang: str) -> list[str]:
    return [_cell(session, tp, column, lang) for column in COLUMNS]


def render(session: Session, lang: str | None = None) -> str:
    """The CSV text in ``lang`` (the session's language by default): BOM first, rows
    ending in CRLF (RFC 4180, what Excel expects)."""
    lang = lang or session.language
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter(lang), lineterminator="\r\n")
    writer.writerow(header(lang))
    writer.writerows(row(session, tp, lang) for tp in session.in_map_order())
    return BOM + buffer.getvalue()
