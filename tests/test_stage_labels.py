"""Stage names where space is short: told apart, and every cut ends in "…"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tpworkshop.domain.frameworks import FRAMEWORKS
from tpworkshop.domain.stage_labels import cell_width, cut, short_label, stage_labels
from tpworkshop.i18n import LANGUAGES

FRAMEWORK_STAGES = [
    (key, lang) for key, framework in FRAMEWORKS.items() if framework.stages for lang in LANGUAGES
]


def honest(name: str, label: str) -> bool:
    """A label is the whole name, the framework's short label, or a cut ending in "…"."""
    return label == name or label == short_label(name) or label.endswith("…")


@pytest.mark.parametrize(("framework", "lang"), FRAMEWORK_STAGES)
@pytest.mark.parametrize("width", range(4, 21))
def test_every_framework_stage_is_told_apart_and_honest(
    framework: str, lang: str, width: int
) -> None:
    names = [stage.names[lang] for stage in FRAMEWORKS[framework].stages]
    labels = stage_labels(names, width)
    assert len({label.casefold() for label in labels}) == len(names), labels
    for name, label in zip(names, labels, strict=True):
        assert cell_width(label) <= width, (name, label)
        assert honest(name, label), (name, label)


@pytest.mark.parametrize(("framework", "lang"), FRAMEWORK_STAGES)
def test_short_labels_are_distinct_and_no_longer_than_the_names(framework: str, lang: str) -> None:
    stages = FRAMEWORKS[framework].stages
    shorts = [stage.shorts[lang] for stage in stages]
    assert len(set(shorts)) == len(shorts)
    for stage in stages:
        assert cell_width(stage.shorts[lang]) <= cell_width(stage.names[lang])
    # Seven stages fit 80 columns with six cells each; five stages with ten.
    assert max(map(cell_width, shorts)) <= (6 if len(stages) > 5 else 10)


def test_the_5p_contact_stages_keep_what_tells_them_apart() -> None:
    names = [stage.names["es"] for stage in FRAMEWORKS["5p"].stages]
    labels = stage_labels(names, 10)
    assert labels == ["Pre", "Primer", "Fundam.", "Principal", "Posterior"]
    assert not any(label.startswith("Contacto") for label in labels)


def test_renamed_contact_stages_drop_the_word_they_share() -> None:
    names = ["Contacto fundamental en clínica", "Contacto principal en clínica", "Contacto final"]
    labels = stage_labels(names, 12)
    assert labels == ["Fundamental…", "Principal e…", "Final…"]


def test_custom_stages_keep_the_words_that_differ() -> None:
    names = [
        "Formulario de cita en la web",
        "Formulario de cita por teléfono",
        "Adulto de implantes",
        "Adulto de ortodoncia",
    ]
    labels = stage_labels(names, 10)
    assert labels == ["En la web…", "Por teléf…", "Implantes…", "Ortodonci…"]


def test_names_that_fit_are_shown_whole() -> None:
    assert stage_labels(["Visita", "Cita", "Factura"], 10) == ["Visita", "Cita", "Factura"]


def test_a_cut_ends_in_an_ellipsis_and_counts_wide_characters() -> None:
    assert cut("Formulario de cita en la web", 26) == "Formulario de cita en la…"
    assert cut("予約の確認メール", 7) == "予約の…"
    assert cell_width(cut("予約の確認メール", 7)) <= 7
    assert cut("Cita", 10) == "Cita"


names_lists = st.lists(
    st.text(alphabet="abcdefghij ÁÑ予-", min_size=1, max_size=30).map(str.strip).filter(bool),
    min_size=1,
    max_size=9,
    unique_by=str.casefold,
)


@given(names=names_lists, width=st.integers(4, 30))
def test_any_stages_fit_are_told_apart_and_honest(names: list[str], width: int) -> None:
    labels = stage_labels(names, width)
    assert len(labels) == len(names)
    assert len({label.casefold() for label in labels}) == len(names), (names, labels)
    for name, label in zip(names, labels, strict=True):
        assert cell_width(label) <= width
        assert honest(name, label), (name, label)


# --- on screen, at 80 columns ----------------------------------------------------------------


def _columns(line: str) -> list[str]:
    return [part.strip() for part in re.split(r" {2,}", line.strip()) if part.strip()]


@pytest.mark.parametrize(("framework", "lang"), FRAMEWORK_STAGES)
async def test_every_framework_is_told_apart_on_the_map_and_coverage_at_80_columns(
    db_path: Path, framework: str, lang: str
) -> None:
    """The map (step 3) and the Analysis coverage grid at 80x24: one header per stage, no two
    alike, each the whole name, the framework's short label or a cut ending in "…"."""
    from tests.tui.helpers import open_app, sample_session, screen_lines, settle
    from tpworkshop.tui.widgets.analysis_heatmap import DensityGrid

    names = [stage.names[lang] for stage in FRAMEWORKS[framework].stages]
    sid = sample_session(db_path, lang=lang, framework=framework)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "3")
        await settle(pilot)
        await pilot.pause(0.1)
        map_header = _columns(screen_lines(app)[2])  # under the status bar and the stepper
        await pilot.press("escape", "6", "m")
        await settle(pilot)
        await pilot.pause(0.1)
        grid = app.screen.query_one(DensityGrid)
        coverage = [str(column.label).strip() for column in grid.columns.values()][1:]
        for labels in (map_header, coverage):
            assert len(labels) == len(names), (labels, names)
            assert len({label.casefold() for label in labels}) == len(names), labels
            for name, label in zip(names, labels, strict=True):
                assert honest(name, label), (name, label, labels)


def test_a_details_heading_keeps_the_stage_apart() -> None:
    from tpworkshop.tui.widgets.touchpoint_picker import heading

    assert heading("Familias", "Pre-contacto", 40) == "Familias · Pre-contacto"
    fitted = heading("Familias que compran nuevo", "Contacto fundamental", 26)
    assert fitted.endswith("… · Fundam.") and cell_width(fitted) <= 26, fitted
    for width in range(20, 40):
        text = heading("Familias que compran nuevo", "Contacto principal", width)
        assert cell_width(text) <= width, (width, text)
        assert "Princip" in text, (width, text)  # never «Contacto p…»
        if "…" not in text:
            assert text.startswith("Familias que compran nuevo")
