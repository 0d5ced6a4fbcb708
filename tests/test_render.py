"""The renderers of the gap analysis: rich, plain text, Markdown and JSON."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console, Group

from tpworkshop.analysis import Analysis, analyse
from tpworkshop.analysis.render import render_json, render_markdown, render_rich, render_text
from tpworkshop.domain.model import Action, Segment, Session, Stage, Touchpoint


def load_example(path: Path) -> Session:
    """The TOML of FORMAT.md read into domain objects (enough for these tests)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    touchpoints = []
    for position, entry in enumerate(data.get("touchpoints", [])):
        entry = dict(entry)
        touchpoints.append(Touchpoint(ref=entry.pop("id"), position=position, **entry))
    meta = data["session"]
    return Session(
        name=meta["name"],
        language=meta.get("language", "en"),
        framework=meta["framework"],
        stages=[Stage(**entry) for entry in data.get("stages", [])],
        segments=[Segment(**entry) for entry in data.get("segments", [])],
        touchpoints=touchpoints,
        actions=[Action(**entry) for entry in data.get("actions", [])],
    )


def make(
    stages: list[Stage], segments: list[Segment], touchpoints: Sequence[Touchpoint] = (), **kw: Any
) -> Session:
    return Session(
        name="Test",
        stages=list(stages),
        segments=list(segments),
        touchpoints=list(touchpoints),
        framework="custom",
        **kw,
    )


def tp(ref: str, segment: str, stage: str, name: str, **fields: Any) -> Touchpoint:
    """A touchpoint with its details filled in, except those given."""
    values: dict[str, Any] = {
        "channel": "web",
        "owner": "Owner",
        "processes": ["a process"],
        "desired_outcome": "an outcome",
        "data_generated": ["some data"],
    }
    values.update(fields)
    return Touchpoint(ref=ref, segment=segment, stage=stage, name=name, **values)


def example(example_path: Path, lang: str | None = None) -> tuple[Session, Analysis]:
    session = load_example(example_path)
    return session, analyse(session, lang)


# --- JSON -----------------------------------------------------------------------------------


def test_json_is_to_dict_with_unescaped_accents(example_path: Path) -> None:
    session, analysis = example(example_path)
    text = render_json(analysis)
    assert json.loads(text) == analysis.to_dict()
    assert "«Contacto principal»" in text
    assert "\\u00ab" not in text
    assert text.startswith('{\n  "session": {\n    "name": "Concesionario')


# --- plain text -----------------------------------------------------------------------------


def test_text_in_spanish_has_spanish_headings_and_numbers(example_path: Path) -> None:
    session, analysis = example(example_path)
    text = render_text(analysis, session)
    assert text.splitlines()[0] == (
        "Análisis de brechas — Concesionario — recorrido de compra y postventa  "
        "(Marco 5P de contactos)"
    )
    for heading in ("Mapa de cobertura", "Por etapa", "Hallazgos (17)", "Prioridades principales"):
        assert heading in text
    assert "Cobertura 80 %" in text
    assert "Detalles completos 87 %" in text
    assert "Efectividad" in text and "3,5" in text
    assert "1. «Visita de mantenimiento» — Familias · Contacto posterior — puntuación 17" in text
    assert "alta" in text and "1 de 10 celdas está vacía: Flotas de empresa · Contacto" in text
    every = render_text(analysis, session, show_all=True)
    assert "alta" in every and "Celda vacía" in every


def test_text_in_english_on_request(example_path: Path) -> None:
    session, analysis = example(example_path, "en")
    text = render_text(analysis, session)
    assert text.startswith("Gap analysis — Concesionario")
    assert "Coverage 80%" in text
    assert "Findings (17)" in text
    assert "Top priorities" in text
    assert "3.5" in text


def test_text_has_no_control_codes_and_fits_the_width(example_path: Path) -> None:
    session, analysis = example(example_path)
    for width in (60, 80, 100, 140):
        text = render_text(analysis, session, width=width)
        assert "\x1b" not in text
        assert all(len(line) <= width for line in text.splitlines())
        assert all(line == line.rstrip() for line in text.splitlines())


def test_text_heatmap_rows_hold_the_counts(example_path: Path) -> None:
    session, analysis = example(example_path)
    lines = render_text(analysis, session, width=120).splitlines()
    familias = next(line for line in lines if line.startswith("Familias"))
    flotas = next(line for line in lines if line.startswith("Flotas de empresa"))
    assert familias.split()[1:] == ["2", "1", "1", "1", "1"]
    assert flotas.split()[3:] == ["0", "1", "1", "0", "1"]
    assert "peso 5" in "\n".join(lines)


def test_text_heatmap_shows_every_stage_column_whole_at_80_and_60_columns() -> None:
    """Seven lifecycle stages: at 80 columns their short labels ("Cons.") keep every column
    on the page; at 60 the weights shrink to "×3". No count is cut off the right edge."""
    from importlib.resources import files

    from tpworkshop.formats.toml_format import load_path

    demo = files("tpworkshop.demo") / "demo-en.toml"
    session = load_path(Path(str(demo)))
    assert len(session.stages) == 7
    analysis = analyse(session)
    for width, weight in ((80, "weight 4"), (60, "×4")):
        lines = render_text(analysis, session, width=width).splitlines()
        start = lines.index("Coverage map (touchpoints per segment and stage)")
        header = lines[start + 1]
        assert "Cons." in header and "Considerat" not in header, header
        assert weight in lines[start + 2]
        rows = [line for line in lines[start + 4 : start + 12] if line[-1:].isdigit()]
        assert rows and all(len(row.split()[-7:]) == 7 for row in rows), rows
        counts = [[int(n) for n in row.split()[-7:]] for row in rows]
        assert [sum(column) for column in zip(*counts, strict=True)][-1] == 0  # Advocacy


def test_text_of_an_empty_session() -> None:
    session = make([], [])
    text = render_text(analyse(session), session)
    assert "No segments or stages yet" in text
    assert "No findings" in text
    assert "No pain points, votes or low ratings yet." in text


# --- rich -----------------------------------------------------------------------------------


def _styled(renderable: object, width: int = 120) -> list[tuple[str, str]]:
    console = Console(width=width, color_system="truecolor", force_terminal=True)
    return [
        (segment.text.strip(), str(segment.style or ""))
        for segment in console.render(renderable)
        if segment.text.strip()
    ]


def test_rich_is_a_group_with_severity_colours(example_path: Path) -> None:
    session, analysis = example(example_path, "en")
    renderable = render_rich(analysis, session)
    assert isinstance(renderable, Group)
    styled = _styled(renderable)
    assert ("high", "bold red") in styled
    assert ("medium", "yellow") in styled
    assert ("low", "blue") in styled


def test_rich_heatmap_marks_empty_cells_red(example_path: Path) -> None:
    session, analysis = example(example_path)
    styled = _styled(render_rich(analysis, session))
    assert ("0", "bold white on red3") in styled
    assert ("2", "black on bright_green") in styled  # the busiest cell
    assert ("1", "black on green3") in styled  # half the busiest
    assert not any(style == "bold white on red3" and text != "0" for text, style in styled)


def test_rich_curve_is_coloured_by_mean_effectiveness(example_path: Path) -> None:
    session, analysis = example(example_path)
    styled = _styled(render_rich(analysis, session))
    assert ("███", "red") in styled  # post: 1.5
    assert ("████████", "green") in styled  # pivotal and prime: 4.0


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_report(example_path: Path) -> None:
    session, analysis = example(example_path)
    text = render_markdown(analysis, session)
    lines = text.splitlines()
    assert lines[0] == "# Análisis de brechas — Concesionario — recorrido de compra y postventa"
    for heading in (
        "## Resumen",
        "## Mapa de cobertura (puntos de contacto por segmento y etapa)",
        "## Por etapa",
        "## Responsables",
        "## Hallazgos (17)",
        "## Prioridades principales",
    ):
        assert heading in lines
    assert "- **Cobertura:** 80 %" in lines
    assert "| Flotas de empresa | 0 | 1 | 1 | 0 | 1 |" in lines
    assert "| Contacto posterior | 5 | 2 | 22 % | 24 % | 1,5 |" in lines
    assert "| --- | ---: | ---: | ---: | ---: | ---: |" in lines
    assert "| Marketing | 2 |" in lines
    assert (
        "| alta | 1 de 9 puntos de contacto no tiene responsable: Visita de mantenimiento |"
    ) in lines
    every = render_markdown(analysis, session, show_all=True).splitlines()
    assert (
        "| alta | Sin responsable | «Visita de mantenimiento» (Familias, Contacto posterior) "
        "no tiene responsable. |"
    ) in every
    assert (
        "5. **«Recomendación de un amigo»** — Familias · Pre-contacto — puntuación 4 = "
        "importancia 3 (el peso de la etapa) + 0 (efectividad 4/5) + 1 (1 voto)"
    ) in lines
    assert lines[-1] == (
        "4. **«Recomendación de un amigo»** — Familias · Pre-contacto · 1 voto · efectividad 4/5"
    )


def test_markdown_escapes_pipes_and_newlines_in_cells() -> None:
    session = make(
        [Stage("a", "Before\nafter", 3)],
        [Segment("s", "Us | them")],
        [tp("tp-1", "s", "a", "Phone | mail", owner="Sales | support", processes=[])],
    )
    text = render_markdown(analyse(session), session, show_all=True)
    assert "| Us \\| them | 1 |" in text
    assert "| Before<br>after | 3 | 1 | 100% | 100% | — |" in text
    assert "| Sales \\| support | 1 |" in text
    assert "“Phone \\| mail” (Us \\| them, Before<br>after) lists no process" in text
    # every row of a table has as many unescaped pipes as the table's header
    tables: list[list[int]] = [[]]
    for line in text.splitlines():
        if line.startswith("|"):
            tables[-1].append(line.replace("\\|", "").count("|"))
        elif tables[-1]:
            tables.append([])
    assert [len(set(table)) for table in tables if table] == [1, 1, 1, 1]
    grouped = render_markdown(analyse(session), session)
    assert "| medium | 1 of 1 touchpoints lists no process: Phone \\| mail |" in grouped


def test_markdown_of_an_empty_session() -> None:
    session = make([], [], language="es")
    text = render_markdown(analyse(session), session)
    assert "## Hallazgos (0)" in text
    assert "Sin hallazgos" in text
    assert "Aún no hay etapas." in text
    assert "Ningún punto de contacto tiene responsable todavía." in text


def test_rich_never_reads_names_as_markup() -> None:
    session = make(
        [Stage("a", "[bold]Post[/bold]", 3), Stage("b", "Other", 3)],
        [Segment("s", "[red]VIP")],
        [tp("tp-1", "s", "a", "[/oops] :smile:", owner="", pain_point=True, votes=1)],
    )
    console = Console(width=200, color_system=None, force_terminal=False)  # markup on
    with console.capture() as captured:
        console.print(render_rich(analyse(session), session, show_all=True))
        console.print(render_rich(analyse(session), session))
    text = captured.get()
    assert "[bold]Post[/bold]" in text
    assert "[red]VIP" in text
    assert "“[/oops] :smile:” ([red]VIP, [bold]Post[/bold]) has no owner." in text
    assert "1 of 1 touchpoints has no owner: [/oops] :smile:" in text
    assert "1. “[/oops] :smile:” — [red]VIP · [bold]Post[/bold] — score " in text
