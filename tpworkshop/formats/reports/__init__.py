"""Reports people can share: a Markdown report, CSV, and a picture of the map (SVG, HTML).

``export_report(session, analysis, fmt)`` returns the whole text of the file. Write it with
:func:`write_report` (or as UTF-8 bytes, without newline translation): the CSV text starts
with a byte-order mark and uses CRLF row endings, which is what spreadsheet programs expect.
"""

from __future__ import annotations

from pathlib import Path

from tpworkshop.analysis import Analysis, analyse
from tpworkshop.domain.model import Session
from tpworkshop.domain.text import visible
from tpworkshop.formats.reports import csv_report, markdown, picture

REPORT_FORMATS = ("markdown", "csv", "svg", "html")

_SUFFIXES = {"markdown": ".md", "csv": ".csv", "svg": ".svg", "html": ".html"}


def _check(fmt: str) -> None:
    if fmt not in REPORT_FORMATS:
        known = ", ".join(REPORT_FORMATS)
        raise ValueError(f"unknown report format {fmt!r}; choose one of: {known}")


def default_suffix(fmt: str) -> str:
    """'.md', '.csv', '.svg' or '.html'."""
    _check(fmt)
    return _SUFFIXES[fmt]


def export_report(session: Session, analysis: Analysis | None, fmt: str) -> str:
    """The text of the report file; ``analysis`` defaults to ``analyse(session)``."""
    _check(fmt)
    if analysis is None:
        analysis = analyse(session)
    if fmt == "csv":
        return csv_report.render(session)  # cell by cell (its rows end in CRLF)
    if fmt == "markdown":
        text = markdown.render(session, analysis)
    elif fmt == "svg":
        text = picture.render_svg(session, analysis)
    else:
        text = picture.render_html(session, analysis)
    # A control character (only an old database can hold one) is shown as a symbol: not
    # sent to a terminal by `export` to stdout, and no invalid XML in SVG.
    return visible(text)


def write_report(path: Path, text: str) -> None:
    """Write a report's text exactly: UTF-8, line endings untouched."""
    path.write_bytes(text.encode("utf-8"))


__all__ = ["REPORT_FORMATS", "default_suffix", "export_report", "write_report"]
