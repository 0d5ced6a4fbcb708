"""Text is data in the app: hostile text in every field and name is shown as typed.

A session whose every text field and name holds the hostile corpus (markup, links,
``@click`` actions, HTML, formulas, RTL override, combining marks, emoji) goes through
every step, every dialog, F7 and the session picker. What the widgets render is read
back (``render_lines``) and must hold each text literally, with no terminal control
character, no link and no ``@click`` action anywhere; nothing crashes, and no file is
written. A database written by an older version that holds escape sequences is shown
with the control characters as symbols.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widget import Widget

from tests.hostile import CONTROL, ESCAPE_BYTES, STORABLE
from tests.tui.helpers import open_app, sample_session
from tpworkshop.domain.model import Position
from tpworkshop.storage import Store
from tpworkshop.tui.screens.dialogs import ChoiceDialog, ConfirmDialog, FormDialog, FormField
from tpworkshop.tui.screens.picker import PickerScreen
from tpworkshop.tui.screens.presence import PresenceScreen
from tpworkshop.tui.widgets.assess_dialogs import RatingPrompt, TouchpointChoice
from tpworkshop.tui.widgets.touchpoint_channel import ChannelDialog

SIZE = (200, 60)
STEP_KEYS = ("1", "2", "3", "4", "5", "6")


def hostile_session(db_path: Path) -> int:
    """Every text field and name of a session holds a text of the corpus."""
    corpus = iter(STORABLE * 4)
    with Store(db_path) as store:
        sid = store.create_session(
            "[@click=app.quit]Session[/]",
            framework="custom",
            organisation=next(corpus),
            facilitator="Fac [/b]",
            participants=[next(corpus), next(corpus)],
        )
        store.update_session(sid, notes="\n".join(STORABLE))
        stages = [store.add_stage(sid, name) for name in ("Empresas [/b]", "[b]unclosed")]
        segments = [
            store.add_segment(sid, name, description)
            for name, description in (
                ("[link=https://evil.example]x[/link]", "[@click=app.quit]See details[/]"),
                ("Eve[/b]", "<script>alert(1)</script>"),
            )
        ]
        refs = []
        for segment in segments:
            for stage in stages:
                tp = store.add_touchpoint(sid, segment, stage, next(corpus), channel=next(corpus))
                store.update_touchpoint(
                    tp.db_id,
                    owner=next(corpus),
                    need=next(corpus),
                    desired_outcome=next(corpus),
                    optimal_experience=next(corpus),
                    interactions=[next(corpus)],
                    processes=[next(corpus)],
                    people=[next(corpus)],
                    customer_contacts=[next(corpus)],
                    data_generated=[next(corpus)],
                    effectiveness=2,
                    pain_point=True,
                    pain_note=next(corpus),
                )
                refs.append(tp.ref)
        store.add_action(sid, next(corpus), touchpoint=refs[0], owner=next(corpus))
        store.accept_finding(sid, "no-data", ACCEPTED_REASON, touchpoint=refs[0], by="Eve[/b]")
    return sid


ACCEPTED_REASON = "[@click=app.quit]Accepted[/] [link=https://evil.example]why[/link]"


def participant_joins(db_path: Path, sid: int) -> None:
    with Store(db_path) as store:
        store.heartbeat(sid, "Eve[/b] [@click=app.quit]x[/]", "participant", "assess")


def legacy_session(db_path: Path) -> int:
    """A session into which an older version wrote escape sequences (raw SQL)."""
    with Store(db_path) as store:
        sid = store.create_session("Legacy", framework="five-stage")
        segment = store.add_segment(sid, "Families")
        stage = store.load(sid).stages[0].key
        tp = store.add_touchpoint(sid, segment, stage, "Ad")
        store.add_action(sid, "Call back", touchpoint=tp.ref)
    payload = "".join(CONTROL)
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE sessions SET name = ?, notes = ?, organisation = ? WHERE id = ?",
            (f"Legacy {CONTROL[0]}", payload, CONTROL[1], sid),
        )
        conn.execute("UPDATE segments SET name = ?, description = ?", (f"Fam{CONTROL[2]}", payload))
        conn.execute("UPDATE stages SET name = name || ?", (CONTROL[3],))
        conn.execute(
            "UPDATE touchpoints SET name = ?, channel = ?, owner = ?, need = ?, pain_note = ?,"
            " pain_point = 1, interactions = ?",
            (f"Ad{CONTROL[0]}", CONTROL[4], CONTROL[5], payload, payload, '["\\u001b[2J"]'),
        )
        conn.execute("UPDATE actions SET title = ?, owner = ?", (f"Call{CONTROL[6]}", CONTROL[7]))
    return sid


def written(folder: Path) -> list[str]:
    """The files in ``folder`` but the database and its -wal and -shm companions."""
    return sorted(str(p) for p in folder.rglob("*") if not p.name.startswith("tpworkshop.db"))


def rendered(app: App[object]) -> str:
    """The text every visible widget of the current screen renders, one line per strip;
    fails on any control character, link or ``@click`` action in what is drawn."""
    lines: list[str] = []
    for widget in app.screen.query("*"):
        assert isinstance(widget, Widget)
        if not widget.display or not widget.visible or widget.outer_size.area == 0:
            continue
        width, height = widget.outer_size  # with padding and border
        for strip in widget.render_lines(Region(0, 0, width, height)):
            line = []
            for segment in strip:
                assert not ESCAPE_BYTES.search(segment.text), (widget, repr(segment.text))
                style = segment.style
                if style is not None:
                    assert not style.link, (widget, segment.text, style.link)
                    assert "@click" not in (style.meta or {}), (widget, segment.text)
                line.append(segment.text)
            if "".join(line).strip():
                lines.append("".join(line))
    return "\n".join(lines)


async def settle(pilot: Pilot[object]) -> None:
    """Until the screen is laid out and painted (a step's first paint may take a while on
    a busy machine)."""
    for _ in range(3):
        await pilot.pause(0.05)
    await pilot.wait_for_scheduled_animations()


def assert_shown(app: App[object], *texts: str) -> str:
    screen = rendered(app)
    for text in texts:
        assert text in screen, (text, type(app.screen).__name__)
    return screen


async def test_hostile_text_is_shown_literally_on_every_step_and_dialog(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = hostile_session(db_path)
    monkeypatch.chdir(tmp_path)  # a screenshot or export would land here
    before = written(tmp_path)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert_shown(app, "[@click=app.quit]Session[/]")  # the session picker
        app.open_session(sid)
        await pilot.pause()
        shown_on_steps = {
            "1": ["Empresas [/b]", "[b]unclosed", "[@click=app.quit]Session[/]"],
            "2": ["[link=https://evil.example]x[/", "[@click=app.quit]See details[/]"],
            "3": ["Eve[/b]"],
            "4": [],
            "5": [],
            "6": [  # an accepted finding's reason and who, in the findings (wrapped)
                "accepted by Eve[/b]: [@click=app.quit]Accepted[/]",
                "[link=https://evil.example]why[/link]",
            ],
        }
        for key in STEP_KEYS:
            app.action_go_step(
                ("setup", "segments", "touchpoints", "details", "assess", "analysis")[int(key) - 1]
            )
            await pilot.pause()
            await pilot.pause()
            assert_shown(app, *shown_on_steps[key])
        app.action_go_step("details")
        await pilot.pause()
        session = app.session
        assert session is not None
        tp = session.in_map_order()[0]
        assert_shown(app, tp.name[:30])

        hostile = "[@click=app.quit]Eve[/b] [link=https://evil.example]x[/link]"
        dialogs = [
            ConfirmDialog(hostile),
            FormDialog(hostile, [FormField("name", hostile, hostile, hostile)]),
            ChoiceDialog(hostile, [("a", hostile), ("b", "Empresas [/b]")]),
            ChannelDialog(tp, session.touchpoints),
            RatingPrompt(hostile, 3),
            TouchpointChoice(hostile, session, tp.ref, hostile),
            PresenceScreen(),
        ]
        for dialog in dialogs:
            participant_joins(db_path, sid)
            await app.push_screen(dialog)
            await pilot.pause()
            if isinstance(dialog, PresenceScreen):
                assert_shown(app, "Eve[/b] [@click=app.quit]x[/]")
            elif isinstance(dialog, ChannelDialog):
                assert_shown(app, tp.name[:30])
            else:
                assert_shown(app, "[@click=app.quit]Eve[/b]")
            app.pop_screen()
            await pilot.pause()

        app.notify(f"Deleted {hostile}")
        await settle(pilot)
        assert_shown(app, "Deleted [@click=app.quit]Eve[/b]")
        app.clear_notifications()
        app.notify("[b]markup[/b] [/i]", markup=True)  # markup=True is overruled
        await settle(pilot)
        assert_shown(app, "[b]markup[/b] [/i]")

        participant_joins(db_path, sid)
        await pilot.press("f7")  # who is connected, by its key
        await pilot.pause()
        assert isinstance(app.screen, PresenceScreen)
        assert_shown(app, "Eve[/b] [@click=app.quit]x[/]")
        await pilot.press("q")
        await pilot.pause()
    assert written(tmp_path) == before


async def test_a_database_of_an_older_version_never_sends_escapes(db_path: Path) -> None:
    sid = legacy_session(db_path)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert_shown(app, "Legacy ␛]0;PWNED␇")  # the picker
        app.open_session(sid)
        await pilot.pause()
        for step in ("setup", "segments", "touchpoints", "details", "assess", "analysis"):
            app.action_go_step(step)
            await pilot.pause()
            await pilot.pause()
            rendered(app)  # no control character, link or action anywhere
        app.action_go_step("details")
        await pilot.pause()
        assert_shown(app, "Ad␛]0;PWNED␇")
        app.action_go_step("assess")
        await pilot.pause()
        assert_shown(app, "Callc1 csi�2J")


HOSTILE_SHOWN = (
    *STORABLE,
    "Empresas [/b]",
    "[b]unclosed",
    "[link=https://evil.example]x[/link]",
    "Eve[/b]",
    "[@click=app.quit]See details[/]",
    "<script>alert(1)</script>",
    "[@click=app.quit]Session[/]",
)
DIALOGS_OF_EACH_STEP = {
    "setup": ("rename_stage", "remove_stage"),
    "segments": ("edit_segment", "remove_segment"),
    "touchpoints": ("copy", "move_stage", "move_segment", "rename", "channel"),
    "assess": ("rate", "pain_note", "add_action", "edit_action", "tie_action", "delete_action"),
    "analysis": ("export_as",),
}


async def test_every_dialog_the_app_opens_shows_hostile_names_as_typed(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialogs as the app itself opens them (rename, remove, copy, move, channel, rate,
    pain note, actions, tie, export), on the selected hostile entry; then help (F1), the
    agenda (F9) and the picker's delete confirmation. Each is cancelled: nothing changes,
    nothing is written."""
    sid = hostile_session(db_path)
    monkeypatch.chdir(tmp_path)
    before = written(tmp_path)
    with Store(db_path) as store:
        saved = store.load(sid)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.open_session(sid)
        await pilot.pause()
        opened = []
        for step, actions in DIALOGS_OF_EACH_STEP.items():
            app.action_go_step(step)
            await settle(pilot)
            for action in actions:
                app.clear_notifications()
                getattr(app.screen, f"action_{action}")()
                await settle(pilot)
                dialog = app.screen
                assert isinstance(dialog, ModalScreen), (step, action)
                shown = rendered(app)  # no control character, link or action
                if action != "export_as":  # the export dialog lists formats only
                    assert any(text in shown for text in HOSTILE_SHOWN), (action, shown)
                opened.append(type(dialog).__name__)
                await pilot.press("escape")
                await settle(pilot)
                assert not isinstance(app.screen, ModalScreen), (step, action)
        assert {"FormDialog", "ConfirmDialog", "PickDialog", "ChannelDialog"} <= set(opened)
        assert {"RatingPrompt", "TouchpointChoice", "ChoiceDialog"} <= set(opened)
        for key in ("f1", "f9"):  # help and the agenda, over a hostile session
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, ModalScreen), key
            rendered(app)
            await pilot.press("escape")
            await settle(pilot)
    with Store(db_path) as store:
        after = store.load(sid)
    assert [t.name for t in after.touchpoints] == [t.name for t in saved.touchpoints]
    assert [s.name for s in after.stages] == [s.name for s in saved.stages]
    assert [a.title for a in after.actions] == [a.title for a in saved.actions]
    assert written(tmp_path) == before


async def test_the_picker_confirms_deleting_a_hostile_name_and_refuses_a_fifo(
    db_path: Path, tmp_path: Path
) -> None:
    """The session picker's delete dialog quotes the name as typed; its import (the app's
    own import path) refuses a FIFO at once instead of blocking its worker for ever."""
    hostile_session(db_path)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        picker.action_delete()
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert_shown(app, "[@click=app.quit]Session[/]")
        await pilot.press("escape")
        await settle(pilot)
        picker.import_path(fifo)
        for _ in range(50):  # the worker's answer, as a notification (within 5 s)
            await pilot.pause(0.1)
            if "not a regular file" in rendered(app):
                break
        assert_shown(app, "not a regular file")
    with Store(db_path) as store:
        assert [s.name for s in store.list_sessions()] == ["[@click=app.quit]Session[/]"]


async def test_terminal_control_pasted_into_a_field_is_dropped_and_the_person_told(
    db_path: Path,
) -> None:
    """The issue's OSC payload (retitle, OSC 52 clipboard), pasted into a multi-line field
    the way a terminal delivers a paste (to the app, not to the widget): the control
    characters are dropped before any field sees them, the person is told in one sentence,
    and what is saved holds none."""
    sid = sample_session(db_path)
    with Store(db_path) as store:
        store.save_position(sid, Position(step="details"))
    payload = "\x1b]0;PWNED\x07\x1b]52;c;cHduZWQ=\x1b\\ ok\r\nnext"
    app = open_app(db_path, sid)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the first field: the customer's need
        app.post_message(events.Paste(payload))
        await settle(pilot)
        assert_shown(app, "control characters")
        await pilot.press("tab")
        await settle(pilot)
    with Store(db_path) as store:
        needs = [tp.need for tp in store.load(sid).touchpoints if tp.need]
    assert needs == ["]0;PWNED]52;c;cHduZWQ=\\ ok\nnext"]
