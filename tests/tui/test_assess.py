"""Step 5, Assess: driven by keys, checked in the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Static

from tests.tui.helpers import no_blink, open_app, reread, sample_session, screen_lines
from tpworkshop.domain.model import Position
from tpworkshop.storage import Store
from tpworkshop.tui.screens.assess import AssessScreen, next_evidence, nudged, parse_due
from tpworkshop.tui.screens.dialogs import FormDialog


def at_assess(db_path: Path, *, lang: str = "en", touchpoint: str | None = None) -> int:
    sid = sample_session(db_path, lang=lang)
    with Store(db_path) as store:
        store.save_position(sid, Position(step="assess", touchpoint=touchpoint))
    return sid


async def test_rate_with_prompt_and_brackets(db_path: Path) -> None:
    sid = at_assess(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AssessScreen)
        await pilot.press("e", "4")
        await pilot.pause()
        assert reread(db_path, sid).touchpoint("tp-1").effectiveness == 4
        await pilot.press("]", "]")  # 5 is the top
        assert reread(db_path, sid).touchpoint("tp-1").effectiveness == 5
        await pilot.press("[", "[")
        assert reread(db_path, sid).touchpoint("tp-1").effectiveness == 3
        await pilot.press("down", "]")  # unrated: raising starts at 1
        assert reread(db_path, sid).touchpoint("tp-2").effectiveness == 1
        await pilot.press("0")  # clears tp-2
        await pilot.press("up", "enter", "0")  # Enter opens the prompt too; 0 clears tp-1
        await pilot.pause()
    session = reread(db_path, sid)
    assert session.touchpoint("tp-1").effectiveness is None
    assert session.touchpoint("tp-2").effectiveness is None


def _facts(screen: AssessScreen) -> str:
    return str(screen.query_one("#assess-facts", Static).content)


async def test_importance_moment_and_evidence_by_key_each_saved_and_undoable(
    db_path: Path,
) -> None:
    sid = at_assess(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessScreen)
        # the keys work while the touchpoints are focused, and the facts line names them
        # (the footer has no room for them at 80 columns: its keys are never cut)
        assert {"i", "m", "v"} <= set(screen.active_bindings)
        assert _facts(screen).startswith("i importance 3 (stage weight) · m ")  # weight 3
        await pilot.press("i", "5")
        await pilot.pause()
        assert reread(db_path, sid).touchpoint("tp-1").importance == 5
        assert _facts(screen) == "i importance 5 · m no moment of truth · v evidence: not stated"
        await pilot.press("i", "escape")  # Esc keeps it
        await pilot.pause()
        assert reread(db_path, sid).touchpoint("tp-1").importance == 5
        await pilot.press("m")
        assert reread(db_path, sid).touchpoint("tp-1").moment_of_truth is True
        assert "◆ moment of truth" in _facts(screen)
        await pilot.press("v", "v")
        assert reread(db_path, sid).touchpoint("tp-1").evidence == "reported"
        assert "evidence: reported" in _facts(screen)
        await pilot.press("v", "v", "v")  # observed, measured, then not stated again
        assert reread(db_path, sid).touchpoint("tp-1").evidence is None
        # each edit is a change of the store's history: Ctrl+Z undoes them one by one
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert reread(db_path, sid).touchpoint("tp-1").evidence == "measured"
        for _ in range(5):  # observed, reported, assumed, not stated; the moment
            await pilot.press("ctrl+z")
            await pilot.pause()
        tp = reread(db_path, sid).touchpoint("tp-1")
        assert (tp.importance, tp.moment_of_truth, tp.evidence) == (5, False, None)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert reread(db_path, sid).touchpoint("tp-1").importance is None
        # 0 in the prompt goes back to the stage's weight
        await pilot.press("down", "i", "4")
        await pilot.pause()
        assert reread(db_path, sid).touchpoint("tp-2").importance == 4
        await pilot.press("i", "0")
        await pilot.pause()
        assert reread(db_path, sid).touchpoint("tp-2").importance is None
        # the table shows a touchpoint's importance and its moment of truth
        await pilot.press("m")
        await pilot.pause()
        table = screen.query_one("#assess-touchpoints", DataTable)
        assert str(table.get_cell("tp-2", "mot")) == "◆"
        assert str(table.get_cell("tp-2", "imp")) == "3"


def test_evidence_goes_round() -> None:
    seen = [None]
    for _ in range(5):
        seen.append(next_evidence(seen[-1]))
    assert seen == [None, "assumed", "reported", "observed", "measured", None]


async def test_digits_still_switch_steps_from_the_table(db_path: Path) -> None:
    sid = at_assess(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert app.current_step == "details"
    assert all(t.effectiveness in (None, 2) for t in reread(db_path, sid).touchpoints)


async def test_pain_point_with_note_and_votes(db_path: Path) -> None:
    sid = at_assess(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Ad shows a sold-out model", "enter")
        await pilot.pause()
        note = str(app.screen.query_one("#assess-note", Static).content)
        assert "Ad shows a sold-out model" in note
        await pilot.press("+", "+", "=", "-")
        await pilot.pause()
        tp = reread(db_path, sid).touchpoint("tp-1")
        assert tp.pain_point and tp.pain_note == "Ad shows a sold-out model"
        assert tp.votes == 2
        await pilot.press("p")  # off again; the note stays for later
        await pilot.press("-", "-", "-")  # never below zero
        await pilot.pause()
    tp = reread(db_path, sid).touchpoint("tp-1")
    assert not tp.pain_point and tp.pain_note == "Ad shows a sold-out model"
    assert tp.votes == 0


async def test_note_key_edits_the_note_and_flags_the_pain(db_path: Path) -> None:
    sid = at_assess(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "n", *"Hearsay only", "enter")
        await pilot.pause()
    tp = reread(db_path, sid).touchpoint("tp-2")
    assert tp.pain_point and tp.pain_note == "Hearsay only"


async def test_cancelling_the_pain_dialog_changes_nothing(db_path: Path) -> None:
    sid = at_assess(db_path)
    before = reread(db_path, sid).updated
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p", *"half typed", "ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, AssessScreen)
    session = reread(db_path, sid)
    assert not session.touchpoint("tp-1").pain_point
    assert session.updated == before


async def test_sort_by_votes(db_path: Path) -> None:
    sid = at_assess(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "down", "+", "+")  # the last one gets two votes
        await pilot.press("s")
        await pilot.pause()
        table = app.screen.query_one("#assess-touchpoints", DataTable)
        first = table.coordinate_to_cell_key((0, 0)).row_key.value
        last = reread(db_path, sid).in_map_order()[-1]
        assert first == last.ref and last.votes == 2
        assert app.screen.selected == last.ref  # the cursor followed it


async def test_action_add_toggle_and_delete(db_path: Path) -> None:
    sid = at_assess(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "a")  # Showroom visit is highlighted
        await pilot.pause()
        await pilot.press(*"Greet within 2 minutes", "tab", *"Sales lead", "tab")
        await pilot.press(*"2026-11-23", "enter")  # Enter is OK from the due date; keeps the tp
        await pilot.pause()
        actions = reread(db_path, sid).actions
        assert [(a.title, a.owner, a.due, a.touchpoint, a.status) for a in actions] == [
            ("Greet within 2 minutes", "Sales lead", date(2026, 11, 23), "tp-3", "open")
        ]
        await pilot.press("tab", "d")
        await pilot.pause()
        assert reread(db_path, sid).actions[0].status == "done"
        await pilot.press("space")
        await pilot.pause()
        assert reread(db_path, sid).actions[0].status == "open"
        await pilot.press("x", "n")  # asked, and declined
        await pilot.pause()
        assert len(reread(db_path, sid).actions) == 1
        await pilot.press("x", "y")
        await pilot.pause()
    assert reread(db_path, sid).actions == []


async def test_action_not_tied_then_edited_and_tied(db_path: Path) -> None:
    sid = at_assess(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Review all invoices", "tab", "tab", "tab")
        await pilot.press("ctrl+u", "enter")  # touchpoint cleared: not tied
        await pilot.pause()
        assert reread(db_path, sid).actions[0].touchpoint is None
        await pilot.press("tab", "enter")  # edit: owner
        await pilot.pause()
        await pilot.press("tab", *"Finance", "tab", "tab", *"Showroom visit", "enter")
        await pilot.pause()
        action = reread(db_path, sid).actions[0]
        assert (action.owner, action.touchpoint) == ("Finance", "tp-3")
        await pilot.press("t", "home", "enter")  # the picker: "no touchpoint"
        await pilot.pause()
    assert reread(db_path, sid).actions[0].touchpoint is None


async def test_bad_due_date_and_blank_title_are_refused(db_path: Path) -> None:
    sid = at_assess(db_path)
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", "tab", "tab")  # blank title
        await pilot.press(*"2026-12-31", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert "must not be empty" in str(dialog.query_one("#dialog-error", Static).content)
        await pilot.press("shift+tab", "shift+tab", *"Fix it", "tab", "tab")
        await pilot.press("ctrl+u", *"31/02/2026", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "2026-12-31" in str(dialog.query_one("#dialog-error", Static).content)
        await pilot.press("escape")
        await pilot.pause()
    assert reread(db_path, sid).actions == []


async def test_spanish_day_month_year_due_date(db_path: Path) -> None:
    sid = at_assess(db_path, lang="es")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Llamar en una hora", "tab", "tab", *"31/12/2026", "enter")
        await pilot.pause()
        title = str(app.screen.query_one("#assess-actions-title", Static).content)
        assert "abiertas: 1" in title
    assert reread(db_path, sid).actions[0].due == date(2026, 12, 31)


async def test_selection_is_remembered(db_path: Path) -> None:
    sid = at_assess(db_path, touchpoint="tp-3")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.selected == "tp-3"
        await pilot.press("down")
        await pilot.pause()
    assert reread(db_path, sid).position.touchpoint == "tp-4"


async def test_another_participants_votes_show_up(db_path: Path) -> None:
    sid = at_assess(db_path)
    db_id = reread(db_path, sid).touchpoint("tp-2").db_id
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        with Store(db_path) as other:
            other.add_votes(db_id, 3)
        await pilot.pause(0.8)
        table = app.screen.query_one("#assess-touchpoints", DataTable)
        assert str(table.get_cell("tp-2", "votes")) == "3"
        assert app.screen.selected == "tp-2"
        await pilot.press("+")
        await pilot.pause()
    assert reread(db_path, sid).touchpoint("tp-2").votes == 4


def test_parse_due_and_nudge() -> None:
    assert parse_due("2026-01-02", "en") == date(2026, 1, 2)
    assert parse_due(" 2/1/2026 ", "es") == date(2026, 1, 2)
    assert parse_due("", "es") is None
    for bad, lang in (("02/01/2026", "en"), ("31/02/2026", "es"), ("tomorrow", "en")):
        try:
            parse_due(bad, lang)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was accepted")
    assert (nudged(None, 1), nudged(None, -1), nudged(5, 1), nudged(1, -1)) == (1, None, 5, 1)


def test_assess_snapshot(snap_compare, db_path: Path) -> None:  # noqa: ANN001
    sid = at_assess(db_path, touchpoint="tp-2")
    with Store(db_path) as store:  # edits made beforehand: the status bar shows no time
        session = store.load(sid)
        first, second = session.touchpoint("tp-1").db_id, session.touchpoint("tp-2").db_id
        store.update_touchpoint(first, effectiveness=4)
        store.add_votes(first, 3)
        store.update_touchpoint(
            second, effectiveness=2, pain_point=True, pain_note="Story not told the same by all"
        )
        store.add_action(
            sid, "Brief every seller", touchpoint="tp-2", owner="Ana", due="2026-11-23"
        )
        store.add_action(sid, "Weekly social review", status="done")

    async def run_before(pilot) -> None:  # noqa: ANN001
        await pilot.pause()
        await pilot.press("tab", "down")
        await no_blink(pilot)

    assert snap_compare(open_app(db_path, sid), terminal_size=(80, 24), run_before=run_before)


async def test_stages_too_long_for_their_column_show_their_short_labels(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Clínica", framework="5p", language="es")
        segment = store.add_segment(sid, "Familias")
        for stage in store.load(sid).stages:
            store.add_touchpoint(sid, segment, stage.key, f"Punto {stage.key}")
    app = open_app(db_path, sid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        for label in ("Pre-contacto", "Primer", "Fundam.", "Principal", "Posterior"):
            assert f" {label} " in shown, shown
        assert "Contacto fund…" not in shown
