"""Step 6, the analysis: findings by severity, jumps, grids, tabs and the TOML export."""

from __future__ import annotations

import contextlib
import io
import tomllib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from rich.console import Console
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, Tab, TabbedContent, TextArea

from tests.test_spanish import footer_items
from tests.tui.helpers import no_blink, open_app, reread, sample_session, screen_lines
from tpworkshop.analysis import analyse
from tpworkshop.storage import Store
from tpworkshop.tui.app import WorkshopApp
from tpworkshop.tui.screens.analysis import (
    AnalysisScreen,
    Target,
    finding_target,
)
from tpworkshop.tui.screens.dialogs import ChoiceDialog, ConfirmDialog, FormDialog
from tpworkshop.tui.widgets.analysis_heatmap import DensityGrid, shade
from tpworkshop.tui.widgets.analysis_matrix import ImportanceMatrix, cell_lines, fit, quadrant_of


async def _open_analysis(pilot: Pilot[object], tab: str | None = None) -> AnalysisScreen:
    """Step 6, then the tab whose key is ``tab`` if one is named."""
    await pilot.pause()
    await pilot.press("6")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AnalysisScreen)
    if tab is not None:
        await pilot.press(tab)
        await pilot.pause()
    return screen


@contextlib.asynccontextmanager
async def running(
    app: WorkshopApp, size: tuple[int, int] = (80, 24), *, notifications: bool = False
) -> AsyncIterator[Pilot[object]]:
    """``app.run_test`` at ``size`` (with notifications shown, if asked)."""
    async with app.run_test(size=size, notifications=notifications) as pilot:
        yield pilot


def _plain(renderable: object) -> str:
    if isinstance(renderable, Content):
        return renderable.plain
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def _shown_findings(screen: AnalysisScreen) -> list[tuple[str, str]]:
    """(option id, text on one line) of every entry of the findings list, headers included."""
    listing = screen.query_one("#findings", OptionList)
    return [
        (option.id or "", " ".join(_plain(option.prompt).split())) for option in listing.options
    ]


async def _press_down_to(pilot: Pilot[object], screen: AnalysisScreen, rule: str) -> None:
    """Arrow down until the highlighted finding has ``rule`` (fails if it never does)."""
    for _ in range(60):
        finding = screen.selected_finding()
        if finding is not None and finding.rule == rule:
            return
        await pilot.press("down")
    raise AssertionError(f"no {rule} finding reachable with the arrow keys")


async def test_findings_by_kind_under_severities_and_g_shows_every_one(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        lines = _shown_findings(screen)
        ids = [option_id for option_id, _ in lines]
        headers = [i for i in ids if i.startswith("severity-")]
        assert headers == ["severity-high", "severity-medium", "severity-low"]
        analysis = screen.analysis
        assert analysis is not None
        # one line per kind (rule and severity), under the header of its severity
        kinds = [i for i in ids if i.startswith("group-")]
        assert len(kinds) == len(analysis.groups) < len(analysis.findings)
        current = None
        for option_id, _ in lines:
            if option_id.startswith("severity-"):
                current = option_id.removeprefix("severity-")
            elif option_id.startswith("group-"):
                assert screen._entries[option_id].group.severity == current
        text = "\n".join(t for _, t in lines)
        assert "HIGH · 4 FINDINGS" in text
        assert (
            "4 of 4 touchpoints have no desired outcome: Instagram ad, Friend's story, "
            "Email to fleet manager +1 more" in text
        )
        assert "“Instagram ad” (Families, Awareness) has no owner." not in text
        summary = str(screen.query_one("#analysis-summary").content)
        assert "Coverage 30%" in summary and "1 pain point" in summary
        # the first kind is highlighted and focused, ready for Enter
        assert app.focused is screen.query_one("#findings")
        assert screen.selected_entry().kind == "group"
        assert screen.selected_finding().severity == "high"
        # g: every finding, one by one; the highlight stays on the same kind
        await _press_down_to(pilot, screen, "no-owner")
        await pilot.press("g")
        await pilot.pause()
        lines = _shown_findings(screen)
        assert sum(1 for i, _ in lines if i.startswith("finding-")) == len(analysis.findings)
        text = "\n".join(t for _, t in lines)
        assert "“Instagram ad” (Families, Awareness) has no owner." in text
        assert "no action has been agreed" in text
        assert screen.selected_entry().kind == "finding"
        assert screen.selected_finding().rule == "no-owner"
        # and back, on the same kind
        await pilot.press("g")
        await pilot.pause()
        assert screen.selected_entry().kind == "group"
        assert screen.selected_finding().rule == "no-owner"


def _header_text(screen: AnalysisScreen, option_id: str) -> str:
    return dict(_shown_findings(screen)).get(option_id, "")


async def test_accept_a_finding_with_a_reason_then_take_it_back(db_path: Path) -> None:
    sid = sample_session(db_path)
    with Store(db_path) as store:
        store.update_session(sid, facilitator="Marta")
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        await _press_down_to(pilot, screen, "pain-without-action")
        finding = screen.selected_finding()
        assert screen.selected_entry().group.count == 1
        # Esc closes the dialog without a change; so does Ctrl+G
        for close in ("escape", "ctrl+g"):
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            await pilot.press(*"nope", close)
            await pilot.pause()
            assert app.screen is screen
        assert reread(db_path, sid).accepted == []
        # an empty reason is refused in the dialog, which stays open
        await pilot.press("a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert str(app.screen.query_one("#dialog-error").content)
        await pilot.press(*"Fixed next month", "enter")
        await pilot.pause()
        assert app.screen is screen
        (entry,) = reread(db_path, sid).accepted
        assert (entry.rule, entry.touchpoint, entry.reason, entry.by) == (
            "pain-without-action",
            finding.touchpoint,
            "Fixed next month",
            "Marta",
        )
        # listed apart, and counted nowhere: the high header lost it
        assert "HIGH · 3 FINDINGS" in _header_text(screen, "severity-high")
        assert "1 FINDING, COUNTED IN NO FIGURE" in _header_text(screen, "accepted-header")
        accepted = _header_text(screen, f"accepted-{0}")
        assert "no action has been agreed" in accepted
        assert "accepted by Marta: Fixed next month" in accepted
        assert all(f.rule != "pain-without-action" for f in screen.analysis.findings)
        # u on it takes it back; the footer offers u there, a elsewhere
        listing = screen.query_one("#findings", OptionList)
        listing.highlighted = listing.get_option_index("accepted-0")
        await pilot.pause()
        keys = {k for k, b in screen.active_bindings.items() if b.enabled}
        assert "u" in keys and "a" not in keys
        # the footer shows it too (it is redrawn only when what it offers changes)
        shown = " ".join(footer_items(app))
        assert "u Take back" in shown and "a Accept" not in shown, shown
        listing.highlighted = listing.get_option_index("severity-high") + 1
        await pilot.pause()
        shown = " ".join(footer_items(app))
        assert "a Accept" in shown and "u Take back" not in shown, shown
        listing.highlighted = listing.get_option_index("accepted-0")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert reread(db_path, sid).accepted == []
        assert "HIGH · 4 FINDINGS" in _header_text(screen, "severity-high")
        assert _header_text(screen, "accepted-header") == ""
        # Ctrl+Z undoes the taking back: accepted again
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [a.reason for a in reread(db_path, sid).accepted] == ["Fixed next month"]


async def test_a_participant_cannot_accept_a_finding_and_reads_why(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid, role="participant", participant="Ana")
    async with running(app, notifications=True) as pilot:
        screen = await _open_analysis(pilot)
        await _press_down_to(pilot, screen, "pain-without-action")
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen  # no dialog asking for a reason
        shown = " ".join(" ".join(screen_lines(app)).split())
        assert "Accepting a finding is the facilitator's decision" in shown, shown
    assert reread(db_path, sid).accepted == []


async def test_accept_on_a_kind_of_several_shows_them_to_pick_one(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        await _press_down_to(pilot, screen, "no-owner")
        assert screen.selected_entry().group.count == 3
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen  # no dialog: which of the three?
        assert screen.show_all
        entry = screen.selected_entry()
        assert (entry.kind, entry.finding.rule) == ("finding", "no-owner")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Agency owns it", "enter")
        await pilot.pause()
        (accepted,) = reread(db_path, sid).accepted
        assert (accepted.rule, accepted.touchpoint) == ("no-owner", entry.finding.touchpoint)
        # Ctrl+Z undoes the acceptance
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert reread(db_path, sid).accepted == []


async def test_stale_acceptances_are_reported(db_path: Path) -> None:
    sid = sample_session(db_path)
    with Store(db_path) as store:
        store.accept_finding(sid, "no-owner", "Old reason", touchpoint="tp-3")  # has an owner
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        text = "\n".join(t for _, t in _shown_findings(screen))
        assert "STALE · 1 ACCEPTANCE MATCHES NO FINDING ANY MORE" in text
        stale = _header_text(screen, "stale-0")
        assert "No owner: Showroom visit" in stale and "Old reason" in stale
        listing = screen.query_one("#findings", OptionList)
        listing.highlighted = listing.get_option_index("stale-0")
        await pilot.press("u")
        await pilot.pause()
        assert reread(db_path, sid).accepted == []
        assert "STALE" not in "\n".join(t for _, t in _shown_findings(screen))


async def test_priorities_show_each_score_with_its_reason_and_the_best(db_path: Path) -> None:
    sid = sample_session(db_path)
    with Store(db_path) as store:
        session = store.load(sid)
        ad = session.touchpoint("tp-1")
        store.update_touchpoint(ad.db_id, effectiveness=5, importance=4)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "p")
        listing = screen.query_one("#priorities", OptionList)
        shown = [(o.id, " ".join(_plain(o.prompt).split())) for o in listing.options]
        assert shown[0] == (
            "priority-1",
            "1. Showroom visit Families · Purchase Score 7 = importance 3 (the stage's "
            "weight) + 1 (rated 2/5) + 3 (pain point)",
        )
        assert "WORKING WELL: COPY THESE" in shown[1][1]
        assert shown[2] == (
            "best-1",
            "★ Instagram ad Families · Awareness rated 5/5 · importance 4",
        )
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.current_step == "details"
        assert app.session.position.touchpoint == "tp-1"


async def test_enter_on_touchpoint_finding_opens_details_on_it(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        await _press_down_to(pilot, screen, "pain-without-action")
        ref = screen.selected_finding().touchpoint
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_step == "details"
        assert app.session.position.touchpoint == ref
    position = reread(db_path, sid).position
    assert (position.step, position.segment, position.stage, position.touchpoint) == (
        "details",
        "families",
        "purchase",
        ref,
    )


async def test_enter_on_empty_cell_finding_opens_touchpoints_on_that_cell(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        await _press_down_to(pilot, screen, "empty-cell")
        finding = screen.selected_finding()
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_step == "touchpoints"
        assert (app.session.position.segment, app.session.position.stage) == (
            finding.segment,
            finding.stage,
        )
    position = reread(db_path, sid).position
    assert (position.step, position.segment, position.stage) == (
        "touchpoints",
        "fleets",
        "awareness",
    )


async def test_enter_on_empty_stage_finding_opens_touchpoints_on_that_stage(
    db_path: Path,
) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        await _press_down_to(pilot, screen, "empty-stage")
        await pilot.press("o")
        await pilot.pause()
        assert app.current_step == "touchpoints"
        assert app.session.position.stage == "usage"
        assert app.session.position.segment in {"families", "fleets"}


async def test_coming_back_keeps_the_highlighted_finding(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        await _press_down_to(pilot, screen, "empty-cell")
        before = screen.selected_finding()
        await pilot.press("enter", "6")
        await pilot.pause()
        assert app.screen is screen
        assert screen.selected_finding() == before


async def test_a_commit_from_elsewhere_updates_findings_and_keeps_the_selection(
    db_path: Path,
) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        await _press_down_to(pilot, screen, "empty-cell")
        before = screen.selected_finding()
        await pilot.press("g")  # every finding: the new touchpoint's own show
        await pilot.pause()
        before = screen.selected_finding()
        with Store(db_path) as other:  # a participant's process fills another cell
            other.add_touchpoint(sid, "fleets", "usage", "Service reminder")
        await pilot.pause(0.8)
        text = "\n".join(t for _, t in _shown_findings(screen))
        assert "Service reminder" in text
        assert screen.selected_finding() == before
        assert app.focused is screen.query_one("#findings")


async def test_tabs_switch_by_letter_keys(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        tabs = screen.query_one(TabbedContent)
        for key, tab, focus in [
            ("m", "map", "map-grid"),
            ("c", "channels", "channel-grid"),
            ("e", "curve", "curve-scroll"),
            ("p", "priorities", "priorities"),
            ("f", "findings", "findings"),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == f"tab-{tab}"
            assert app.focused is not None and app.focused.id == focus


async def test_map_shows_counts_and_enter_opens_the_cell(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "m")
        grid = screen.query_one("#map-grid", DensityGrid)
        assert grid.row_keys == ["families", "fleets"]
        assert str(grid.get_cell_at((0, 1))).strip() == "2"
        assert str(grid.get_cell_at((1, 1))).strip() == "—"  # empty cells stand out
        # Fleets x Awareness is empty: down once, then Enter
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.current_step == "touchpoints"
        position = app.session.position
        assert (position.segment, position.stage) == ("fleets", "awareness")


async def test_channels_grid_counts_channels_per_stage(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "c")
        grid = screen.query_one("#channel-grid", DensityGrid)
        assert set(grid.row_keys) == {"social", "word of mouth", "store", "email"}
        row = grid.row_keys.index("store")
        column = grid.column_keys.index("purchase") + 1
        assert str(grid.get_cell_at((row, column))).strip() == "1"
        # Enter on store x purchase opens that touchpoint's cell
        for _ in range(row):
            await pilot.press("down")
        for _ in range(column - 1):
            await pilot.press("right")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_step == "touchpoints"
        tp = app.session.touchpoint(app.session.position.touchpoint)
        assert tp is not None and tp.name == "Showroom visit"


async def test_channels_tab_says_how_many_touchpoints_have_no_channel(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "c")
        legend = _plain(screen.query_one("#channel-legend", Static).content)
        assert "no channel yet" not in legend  # all four have one
    with Store(db_path) as store:
        for ref in ("tp-1", "tp-3"):
            store.update_touchpoint(store.load(sid).touchpoint(ref).db_id, channel="")
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "c")
        legend = _plain(screen.query_one("#channel-legend", Static).content)
        assert "2 of 4 touchpoints have no channel yet" in legend
        assert set(screen.query_one("#channel-grid", DensityGrid).row_keys) == {
            "word of mouth",
            "email",
        }


async def test_curve_and_priorities(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "e")
        curve = _plain(screen.query_one("#curve", Static).content)
        assert "2.0" in curve and "not rated" in curve
        await pilot.press("p")
        await pilot.pause()
        listing = screen.query_one("#priorities", OptionList)
        assert "Showroom visit" in str(listing.options[0].prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_step == "details"
        assert app.session.position.touchpoint == "tp-3"


async def test_export_writes_toml_with_the_session_and_its_gaps(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = sample_session(db_path)
    monkeypatch.chdir(tmp_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        await _open_analysis(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # the prefilled ./sample-workshop.toml
        await app.workers.wait_for_complete()
        await pilot.pause()
    data = tomllib.loads((tmp_path / "sample-workshop.toml").read_text(encoding="utf-8"))
    assert data["session"]["name"] == "Sample workshop"
    rules = {f["rule"] for f in data["gaps"]["findings"]}
    assert {"empty-cell", "no-owner", "pain-without-action"} <= rules


async def test_export_bad_path_says_why_and_writes_nothing(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = sample_session(db_path)
    monkeypatch.chdir(tmp_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        await _open_analysis(pilot)
        await pilot.press("t", "home", "ctrl+k")
        await pilot.press(*"nowhere/out.toml", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        error = str(app.screen.query_one("#dialog-error").content)
        assert "does not exist" in error
        await pilot.press("home", "ctrl+k", "enter")
        await pilot.pause()
        assert "Type the path" in str(app.screen.query_one("#dialog-error").content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
    assert list(tmp_path.glob("**/*.toml")) == []


async def test_export_asks_before_replacing_a_file(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = sample_session(db_path)
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "sample-workshop.toml"
    target.write_text("keep me", encoding="utf-8")
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        await _open_analysis(pilot)
        await pilot.press("t", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("t", "enter")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert tomllib.loads(target.read_text(encoding="utf-8"))["session"]["name"] == (
        "Sample workshop"
    )


@pytest.mark.parametrize(
    ("options", "sentence"),
    [
        ({"role": "participant", "participant": "Ana"}, "Only the facilitator"),
        ({"restricted": True}, "restricted session"),
    ],
)
async def test_export_refused_for_participants_and_restricted_mode(
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: dict[str, object],
    sentence: str,
) -> None:
    sid = sample_session(db_path)
    monkeypatch.chdir(tmp_path)
    app = open_app(db_path, sid, **options)
    async with running(app, notifications=True) as pilot:
        screen = await _open_analysis(pilot, "t")
        assert app.screen is screen
        await pilot.press("r")
        await pilot.pause(0.2)
        assert app.screen is screen
        shown = "\n".join(screen_lines(app))
        assert sentence in shown, shown  # the notification
    assert list(tmp_path.glob("*.toml")) == []


async def test_export_as_offers_toml_unless_reports_exist(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tpworkshop.tui.screens import analysis as module

    sid = sample_session(db_path)
    monkeypatch.chdir(tmp_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        await _open_analysis(pilot)
        await pilot.press("r")
        await pilot.pause()
        offered = [value for value, _ in app.screen.options]
        expected = ["toml", *module.REPORT_FORMATS] if module.report_exporter() else ["toml"]
        assert offered == expected
        await pilot.press("enter")  # the highlighted first format: TOML
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert (tmp_path / "sample-workshop.toml").exists()


async def test_spanish_session_reads_in_spanish(db_path: Path) -> None:
    sid = sample_session(db_path, lang="es")
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        summary = str(screen.query_one("#analysis-summary").content)
        assert "Cobertura 30 %" in summary and "1 punto de dolor" in summary
        text = "\n".join(t for _, t in _shown_findings(screen))
        assert "ALTA · 4 HALLAZGOS" in text
        assert "3 de 4 puntos de contacto no tienen responsable" in text, text


@pytest.mark.parametrize("lang", ["en", "es"])
async def test_every_tab_label_is_whole_at_80_columns(db_path: Path, lang: str) -> None:
    sid = sample_session(db_path, lang=lang)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        tabs = list(screen.query_one("#analysis-tabs", TabbedContent).query(Tab))
        assert len(tabs) == 6
        shown = "\n".join(screen_lines(app))
        for tab in tabs:
            label = tab.label.plain
            assert tab.region.right <= app.size.width, (label, tab.region)
            assert label in shown, label


async def test_the_curve_in_spanish_at_80_columns_keeps_every_flag_and_stage_whole(
    db_path: Path,
) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Clínica", framework="5p", language="es")
        segment = store.add_segment(sid, "Familias")
        stages = [stage.key for stage in store.load(sid).stages]
        for rating, stage in enumerate(stages[:3], start=2):
            tp = store.add_touchpoint(sid, segment, stage, f"Punto {rating}")
            store.update_touchpoint(tp.db_id, effectiveness=rating)
        for n in range(5):
            store.add_touchpoint(sid, segment, stages[0], f"Anuncio {n}")
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        await _open_analysis(pilot)
        await pilot.press("e")
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "Efect. (1–5)" in shown and "P. de contacto" in shown, shown
        assert "▲ exceso de inversión" in shown, shown
        assert shown.count("▼ falta de inversión") == 2, shown
        assert "inv…" not in shown, shown
        for label in ("Pre-contacto", "Primer", "Fundam.", "Principal", "Posterior"):
            assert f" {label} " in shown, label


async def test_a_very_long_name_is_cut_in_the_findings_list(db_path: Path) -> None:
    long_name = "L" * 150
    with Store(db_path) as store:
        sid = store.create_session("Clinic")
        families = store.add_segment(sid, "Families")
        store.add_segment(sid, long_name)
        for stage in store.load(sid).stages:
            store.add_touchpoint(sid, families, stage.key, f"At {stage.key}")
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        text = "\n".join(t for _, t in _shown_findings(screen))
        assert long_name not in text
        assert "L" * 30 + "…" in text, text
        shown = screen_lines(app)
        assert not any("L" * 60 in line for line in shown), shown


async def test_big_screen_shows_an_overview_beside_the_findings(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app, (200, 60)) as pilot:
        screen = await _open_analysis(pilot)
        await pilot.pause()
        assert screen.has_class("-overview-side")
        assert screen.query_one("#overview").display
        assert screen.query_one("#overview-curve").display
        overview = _plain(screen.query_one("#overview-priorities", Static).content)
        assert "1. Showroom visit" in overview


async def test_tall_narrow_screen_shows_the_overview_below_and_80x24_none(db_path: Path) -> None:
    sid = sample_session(db_path)
    app = open_app(db_path, sid)
    async with running(app, (120, 50)) as pilot:
        screen = await _open_analysis(pilot)
        await pilot.pause()
        assert screen.has_class("-overview-below")
        assert not screen.query_one("#overview-curve").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert not screen.has_class("-overview-below")
        assert not screen.has_class("-overview-side")


async def test_an_empty_session_says_what_to_do_first(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Empty", framework="custom")
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        text = " ".join(t for _, t in _shown_findings(screen))
        assert "Nothing to analyse yet" in text
        assert screen.selected_finding() is None
        await pilot.press("enter", "o", "m")
        await pilot.pause()
        assert app.current_step == "analysis"
        assert not screen.query_one("#map-grid").display
        assert "No map yet" in _plain(screen.query_one("#map-legend", Static).content)
        await pilot.press("c")
        await pilot.pause()
        assert "No touchpoint has a channel" in _plain(
            screen.query_one("#channel-legend", Static).content
        )
        await pilot.press("e", "p", "enter")
        await pilot.pause()
        assert app.current_step == "analysis"


def test_owner_overload_jumps_to_a_touchpoint_of_that_owner(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Owners", framework="five-stage")
        seg = store.add_segment(sid, "Everyone")
        stages = [s.key for s in store.load(sid).stages]
        for n in range(12):
            tp = store.add_touchpoint(sid, seg, stages[n % 5], f"Touchpoint {n}")
            owner = "After-sales" if n % 3 else f"Team {n}"
            store.update_touchpoint(tp.db_id, owner=owner)
        session = store.load(sid)
    analysis = analyse(session)
    finding = next(f for f in analysis.findings if f.rule == "owner-overload")
    target = finding_target(finding, session, analysis)
    assert target.step == "details"
    assert session.touchpoint(target.touchpoint).owner == "After-sales"
    assert finding_target(
        next(f for f in analysis.findings if f.rule == "no-process"), session, analysis
    ) == Target("details", "everyone", stages[0], "tp-1")


def test_shades_grow_with_density() -> None:
    assert shade(0, 5) == 0
    assert 1 <= shade(1, 8) < shade(8, 8) == 4


def test_findings_snapshot(snap_compare, db_path: Path) -> None:  # noqa: ANN001
    sid = sample_session(db_path)

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        await no_blink(pilot)

    app: WorkshopApp = open_app(db_path, sid)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


# --- the importance x performance matrix ---------------------------------------------------


def matrix_session(db_path: Path) -> int:
    """The sample session and ten more touchpoints for Fleets, each given an importance and
    a rating: three share the top-left corner (importance 5, rated 1)."""
    sid = sample_session(db_path)
    places = [(5, 1), (5, 1), (5, 1), (5, 2), (4, 4), (2, 5), (1, 1), (3, 3), (4, 3), (5, 5)]
    with Store(db_path) as store:
        stages = [stage.key for stage in store.load(sid).stages]
        for n, (importance, rating) in enumerate(places):
            tp = store.add_touchpoint(sid, "fleets", stages[n % 5], f"Long touchpoint name {n}")
            store.update_touchpoint(tp.db_id, importance=importance, effectiveness=rating)
    return sid


def test_a_cell_shows_what_its_lines_hold_then_how_many_more() -> None:
    assert cell_lines(["A", "B"], 2, "+{n} more") == ["A", "B"]
    assert cell_lines(["A"], 3, "+{n} more") == ["A", "", ""]
    assert cell_lines(["A", "B", "C"], 2, "+{n} more") == ["A", "+2 more"]
    assert cell_lines(["A", "B", "C"], 1, "+{n} more") == ["+3 more"]
    assert fit("Long touchpoint name", 8) == "Long to…"
    assert fit("[b]x", 6) == "[b]x  "  # literally, padded
    assert [quadrant_of(i, r) for i, r in [(4, 3), (4, 4), (3, 4), (3, 3)]] == [
        "fix-first",
        "keep-up",
        "overkill",
        "low-priority",
    ]


async def test_matrix_places_touchpoints_by_importance_and_rating(db_path: Path) -> None:
    sid = matrix_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "i")
        matrix = screen.query_one("#matrix", ImportanceMatrix)
        assert screen.query_one(TabbedContent).active == "tab-matrix"
        assert app.focused is matrix
        names = {
            (i, r): [item.label for item in matrix.items_at(i, r)]
            for i in range(1, 6)
            for r in range(1, 6)
        }
        assert names[(5, 1)] == [f"Long touchpoint name {n}" for n in range(3)]
        assert names[(3, 2)] == ["Showroom visit"]  # no own importance: its stage's weight
        assert names[(1, 1)] == ["Long touchpoint name 6"]
        assert sum(len(v) for v in names.values()) == 11  # the rated ones only
        shown = screen_lines(app)
        text = "\n".join(shown)
        assert len(shown) == 24 and all(len(line) <= 80 for line in shown)
        assert "+2 more" in text  # three names in a two-line cell
        assert "▲ Fix first" in text and "▼ Low priority" in text
        assert "▲ Keep up" in text and "▼ Overkill" in text
        # the cursor starts on the most urgent cell that holds touchpoints
        assert matrix.cursor == (5, 1)
        detail = " ".join(_plain(screen.query_one("#matrix-detail", Static).content).split())
        assert detail.startswith("Importance 5 × rated 1 · Fix first")
        assert "3 touchpoints: Long touchpoint name 0, Long touchpoint name 1" in detail
        assert "opportunity 9" in detail  # 5 + (5 - 1)
        assert "11 of 14 touchpoints are rated" in " ".join(
            _plain(screen.query_one("#matrix-legend", Static).content).split()
        )
        # arrows move by importance (up/down) and rating (left/right), within 1..5
        await pilot.press("up", "left", "down", "right", "right")
        await pilot.pause()
        assert matrix.cursor == (4, 3)
        detail = " ".join(_plain(screen.query_one("#matrix-detail", Static).content).split())
        assert "Importance 4 × rated 3" in detail and "Long touchpoint name 8" in detail


async def test_a_commit_from_elsewhere_moves_a_touchpoint_on_the_matrix(db_path: Path) -> None:
    sid = matrix_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "i")
        matrix = screen.query_one("#matrix", ImportanceMatrix)
        with Store(db_path) as other:  # a participant renames and re-rates the first
            tp = other.load(sid).touchpoint("tp-5")  # "Long touchpoint name 0"
            other.update_touchpoint(tp.db_id, name="Renamed elsewhere", effectiveness=5)
        await pilot.pause(0.8)
        assert [item.label for item in matrix.items_at(5, 1)] == [
            "Long touchpoint name 1",
            "Long touchpoint name 2",
        ]
        assert "Renamed elsewhere" in [item.label for item in matrix.items_at(5, 5)]
        assert app.focused is matrix


async def test_enter_on_a_matrix_cell_goes_to_its_touchpoint(db_path: Path) -> None:
    sid = matrix_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        await pilot.press("i", "down", "right", "right", "enter")  # importance 4, rated 3
        await pilot.pause()
        assert app.current_step == "details"
        tp = app.session.touchpoint(app.session.position.touchpoint)
        assert tp is not None and tp.name == "Long touchpoint name 8"
        assert not isinstance(app.focused, Input | TextArea)  # navigating, not typing
        # back in the analysis, the matrix and its cursor are as they were
        await pilot.press("6")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#matrix", ImportanceMatrix).cursor == (4, 3)
        assert app.focused is screen.query_one("#matrix")


async def test_a_click_moves_the_matrix_cursor_and_a_second_click_goes(db_path: Path) -> None:
    sid = matrix_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "i")
        matrix = screen.query_one("#matrix", ImportanceMatrix)
        row = next(i for i, line in enumerate(screen_lines(app)) if line.startswith("  1 "))
        column = screen_lines(app)[row].index("Long touchpoint name 6"[:5])
        # the screen's (column, row) of importance 1 x rated 1, in the matrix's terms
        offset = (column - matrix.region.x, row - matrix.region.y)
        await pilot.click(ImportanceMatrix, offset=offset)
        await pilot.pause()
        assert matrix.cursor == (1, 1)
        await pilot.click(ImportanceMatrix, offset=offset)
        await pilot.pause()
        assert app.current_step == "details"
        tp = app.session.touchpoint(app.session.position.touchpoint)
        assert tp is not None and tp.name == "Long touchpoint name 6"


async def test_enter_on_a_crowded_cell_asks_which_touchpoint(db_path: Path) -> None:
    sid = matrix_session(db_path)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot)
        await pilot.press("i", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.current_step == "analysis"
        await pilot.press("o")  # o does the same as Enter
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.current_step == "details"
        tp = app.session.touchpoint(app.session.position.touchpoint)
        assert tp is not None and tp.name == "Long touchpoint name 1"


async def test_an_empty_matrix_cell_goes_nowhere_and_unrated_says_what_to_do(
    db_path: Path,
) -> None:
    sid = sample_session(db_path)
    with Store(db_path) as store:
        store.update_touchpoint(store.load(sid).touchpoint("tp-3").db_id, effectiveness=None)
    app = open_app(db_path, sid)
    async with running(app) as pilot:
        screen = await _open_analysis(pilot, "i")
        assert not screen.query_one("#matrix").display
        detail = _plain(screen.query_one("#matrix-detail", Static).content)
        assert "No touchpoint is rated yet" in detail
        await pilot.press("o")
        await pilot.pause()
        assert app.current_step == "analysis"


def test_matrix_snapshot(snap_compare, db_path: Path) -> None:  # noqa: ANN001
    sid = matrix_session(db_path)

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("i", "down", "right", "right")
        await pilot.pause()
        await no_blink(pilot)

    app: WorkshopApp = open_app(db_path, sid)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
