"""The reports people act on: findings by group, the closing summary's size, the matrix,
the scored priorities and the best touchpoints in text, Markdown, SVG and HTML."""

from __future__ import annotations

import re

import pytest

from benchmarks.synthetic import synthetic_session
from tests.test_gaps import make, tp
from tpworkshop.analysis import analyse
from tpworkshop.analysis.describe import group_lines, score_reason
from tpworkshop.analysis.render import CLOSING_LINES, render_closing, render_markdown, render_text
from tpworkshop.domain.model import Accepted, Segment, Session, Stage, Touchpoint
from tpworkshop.formats.reports import export_report
from tpworkshop.formats.reports.picture import CARDS_PER_CELL


@pytest.fixture(scope="module")
def big() -> Session:
    return synthetic_session(10_000)


def sixteen() -> Session:
    """16 touchpoints, 15 of them without a desired outcome (the issue's example)."""
    touchpoints = [
        tp(
            f"tp-{i}",
            "s",
            "a",
            name=f"T{i:02d}",
            channel=f"channel {i}",
            desired_outcome="" if i else "done",
            position=i,
        )
        for i in range(16)
    ]
    return make([("a", 3)], ["s"], touchpoints)


# --- groups ---------------------------------------------------------------------------------


def test_a_group_says_how_many_of_how_many_and_names_three() -> None:
    session = sixteen()
    (line,) = group_lines(analyse(session), session)
    assert line.text() == ("15 of 16 touchpoints have no desired outcome: T01, T02, T03 +12 more")
    spanish = analyse(session, "es")
    assert group_lines(spanish, session)[0].text() == (
        "15 de 16 puntos de contacto no tienen resultado deseado: T01, T02, T03 +12 más"
    )
    everything = group_lines(analyse(session), session, limit=None)[0]
    assert len(everything.subjects) == 15 and everything.more == 0


def test_one_finding_is_said_in_the_singular() -> None:
    session = make([("a", 3)], ["s"], [tp("tp-1", "s", "a", owner="")])
    assert [line.text() for line in group_lines(analyse(session), session)] == [
        "1 of 1 touchpoints has no owner: TP tp-1"
    ]


def test_subjects_of_cells_stages_and_owners() -> None:
    owners = ["Zoe"] * 6 + ["Ana"] * 5
    touchpoints = [tp(f"tp-{i}", "s", "a", owner=o, position=i) for i, o in enumerate(owners)]
    session = make([("a", 3), ("b", 3)], ["s", "t"], touchpoints)
    texts = [line.text() for line in group_lines(analyse(session), session)]
    assert "1 of 2 stages has no touchpoint in any segment: B" in texts
    assert "1 of 4 cells is empty: T · A" in texts
    assert "2 owners each hold more than 40% of the owned touchpoints: Ana, Zoe" in texts


def test_the_text_report_groups_and_all_lists_every_finding() -> None:
    session = sixteen()
    grouped = render_text(analyse(session), session)
    assert "15 of 16 touchpoints have no desired outcome: T01, T02, T03 +12 more" in grouped
    assert "T15" not in grouped
    every = render_text(analyse(session), session, show_all=True)
    assert every.count("has no desired outcome.") == 15


def test_accepted_findings_are_listed_apart_and_stale_ones_reported() -> None:
    session = sixteen()
    session.accepted = [
        Accepted("no-outcome", "Decided later", "s", "a", "tp-3", by="Marta"),
        Accepted("no-owner", "Gone", "s", "a", "tp-99"),
    ]
    analysis = analyse(session)
    grouped = render_text(analysis, session)
    assert "14 of 16 touchpoints have no desired outcome" in grouped
    assert "1 accepted finding counts in no figure (--all lists it)." in grouped
    assert "1 acceptance matches no finding any more: No owner" in grouped
    every = render_text(analysis, session, show_all=True, width=200)
    assert "“T03” (S, A) has no desired outcome. — accepted by Marta: Decided later" in every
    markdown = render_markdown(analysis, session, show_all=True)
    assert (
        "| No desired outcome | “T03” (S, A) has no desired outcome. | Decided later | Marta |"
        in markdown
    )


# --- the closing summary --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_closing_summary_fits_in_24_lines_at_ten_thousand(
    big: Session, lang: str, width: int
) -> None:
    text = render_closing(analyse(big, lang), big, width=width)
    lines = text.splitlines()
    assert len(lines) <= CLOSING_LINES
    assert all(len(line) <= width for line in lines)
    assert "\x1b" not in text
    assert lines[-1].endswith("--all")  # the way to everything
    assert re.search(r"\d+ (high|altos) · \d+ (medium|medios) · \d+ (low|bajos)", text)


def test_the_closing_summary_of_small_sessions() -> None:
    session = sixteen()
    lines = render_closing(analyse(session), session, width=80).splitlines()
    at = lines.index("Findings: 0 high · 15 medium · 0 low")
    assert lines[at + 1] == (
        " medium 15 of 16 touchpoints have no desired outcome: T01, T02, T03 +12 more"
    )
    empty = make([], [])
    assert len(render_closing(analyse(empty), empty).splitlines()) <= CLOSING_LINES


def test_a_wrapped_finding_of_the_closing_summary_continues_under_its_text() -> None:
    session = sixteen()
    lines = render_closing(analyse(session), session, width=60).splitlines()
    at = lines.index("Findings: 0 high · 15 medium · 0 low")
    assert lines[at + 1].startswith(" medium 15 of 16 touchpoints")
    assert lines[at + 2].startswith(" " * 8) and lines[at + 2][8] != " ", lines[at + 1 : at + 3]
    assert all(len(line) <= 60 for line in lines)


def test_the_closing_counts_agree_in_number_in_spanish() -> None:
    session = sixteen()
    session.language = "es"
    owner_less = session.touchpoints[1]
    session.touchpoints[1] = Touchpoint(**{**owner_less.__dict__, "owner": "", "pain_point": True})
    accepted = Accepted(rule="no-owner", segment="s", stage="a", touchpoint="tp-1", reason="Ya")
    session.accepted = [accepted]
    lines = render_closing(analyse(session, "es"), session, width=80).splitlines()
    assert "Hallazgos: 1 alto · 15 medios · 0 bajos · 1 aceptado" in lines, lines
    english = render_closing(analyse(session, "en"), session, width=80).splitlines()
    assert "Findings: 1 high · 15 medium · 0 low · 1 accepted" in english, english


def test_the_text_report_at_ten_thousand_stays_short(big: Session) -> None:
    lines = render_text(analyse(big), big, width=100).splitlines()
    assert len(lines) < 150
    assert "+28 more segments" in lines  # 40 segments, 12 on the map


# --- scores, matrix and best in the reports -------------------------------------------------


def test_each_score_says_why() -> None:
    touchpoints = [
        tp("tp-1", "s", "a", effectiveness=1, pain_point=True, votes=7, moment_of_truth=True),
        tp("tp-2", "s", "a", effectiveness=2, importance=5, votes=1),
    ]
    session = make([("a", 4)], ["s"], touchpoints)
    first, second = analyse(session).top_priorities
    assert score_reason(first, session, "en") == (
        "17 = importance 4 (the stage's weight) + 3 (rated 1/5) + 3 (pain point) + 5 (7 votes)"
        " + 2 (moment of truth)"
    )
    assert score_reason(second, session, "es") == (
        "9 = importancia 5 + 3 (efectividad 2/5) + 1 (1 voto)"
    )


def _rated_session() -> Session:
    stages = [Stage("a", "Antes", 5), Stage("b", "Después", 2)]
    touchpoints = [
        Touchpoint("tp-1", "s", "a", "Web", effectiveness=1, pain_point=True, votes=2),
        Touchpoint("tp-2", "s", "a", "Tienda", effectiveness=5, position=1),
        Touchpoint("tp-3", "s", "b", "Carta", effectiveness=5),
        Touchpoint("tp-4", "s", "b", "Chat", effectiveness=2, position=1),
    ]
    return Session(
        name="M", stages=stages, segments=[Segment("s", "Solo")], touchpoints=touchpoints
    )


def test_markdown_has_the_matrix_priorities_and_best() -> None:
    session = _rated_session()
    text = render_markdown(analyse(session), session)
    assert "## Importance × performance" in text
    assert "| Fix first (important and not working) | 1 | Web |" in text
    assert "| Keep up (important and working) | 1 | Tienda |" in text
    assert "| Overkill (working better than their importance asks) | 1 | Carta |" in text
    assert "1. **“Web”** — Solo · Antes — score 14 = importance 5" in text
    assert "## Working well: copy these" in text
    assert "1. **“Tienda”** — Solo · Antes · effectiveness 5/5" in text


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_pictures_have_the_groups_matrix_priorities_best_and_curves(fmt: str) -> None:
    session = _rated_session()
    text = export_report(session, None, fmt)
    for words in (
        "Fix first (1)",
        "Keep up (1)",
        "Overkill (1)",
        "Low priority (1)",
        "Top priorities",
        "Working well: copy these",
        "the weakest touchpoint of each stage",
        "rated 2 or lower",
    ):
        assert words.replace(" ", "&#160;") in text or words in text, words


def test_a_crowded_cell_shows_a_few_cards_and_how_many_more() -> None:
    touchpoints = [Touchpoint(f"tp-{i}", "s", "a", f"Card {i}", position=i) for i in range(10)]
    session = Session(
        name="Full", stages=[Stage("a", "A")], segments=[Segment("s", "S")], touchpoints=touchpoints
    )
    from tpworkshop.formats.reports.picture import _record

    text = _record(session, analyse(session)).export_text()
    shown = [i for i in range(10) if f"Card {i} " in text or f"Card {i}\n" in text]
    assert shown == list(range(CARDS_PER_CELL))
    assert f"+{10 - CARDS_PER_CELL} more" in text


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_pictures_stay_small_at_ten_thousand(big: Session, fmt: str) -> None:
    text = export_report(big, analyse(big), fmt)
    assert len(text.encode("utf-8")) < 5_000_000
    assert "+24 more segments" in text.replace("&#160;", " ")
