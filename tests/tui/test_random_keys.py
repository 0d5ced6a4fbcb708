"""Random keys on every step: without a deletion key, no stored text loses a character.

The workshops reported text replaced by the next key (F6/F7 selecting a field, Tab
selecting it, keys read together going to the wrong widget). Here Hypothesis drives each
step of a session full of text with random runs of letters, digits, arrows, Tab, Enter,
Esc, the F-keys and the app's keys, pressed one by one or read together (as a paste or a
laggy SSH link delivers them), then reads the real SQLite file again: every text stored
before must still be there, each old value a subsequence of its new value (typing can
only add characters), and nothing that held text may be gone.

The keys that exist to remove or replace are left out: Backspace, Delete, Ctrl+K/U/W/X,
the keys that select text to replace it (Shift+arrows, Ctrl+A), the remove and undo
commands (x, d, u, Ctrl+Z), the framework switch (f, on Setup it replaces the stages),
the palette (Ctrl+P runs any command by name) and Ctrl+Q.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.tui.helpers import open_app, read_together, settle
from tpworkshop.domain.model import LIST_FIELDS, Position, Session
from tpworkshop.storage import Store

STEPS = ("setup", "segments", "touchpoints", "details", "assess", "analysis")

LETTERS = [c for c in "abceghijklmnopqrstvwyz"] + ["A", "M", "V", "S"]
DIGITS = list("0123456789")
KEYS = [
    *LETTERS,
    *DIGITS,
    "space",
    "comma",
    "full_stop",
    "plus",
    "minus",
    "less_than_sign",
    "greater_than_sign",
    "left_square_bracket",
    "right_square_bracket",
    "question_mark",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "ctrl+g",
    "ctrl+l",
    "ctrl+s",
    *(f"f{n}" for n in range(1, 10)),
]
"""Everything but the keys that remove or replace (see the module's docstring)."""

CHARACTERS = {
    "space": " ",
    "comma": ",",
    "full_stop": ".",
    "plus": "+",
    "minus": "-",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
    "tab": "\t",
    "enter": "\r",
    "escape": "\x1b",
}

chunks = st.lists(
    st.tuples(st.booleans(), st.lists(st.sampled_from(KEYS), min_size=1, max_size=6)),
    min_size=1,
    max_size=4,
)
"""Runs of keys, each pressed one by one (False) or read together in one go (True)."""


def full_session(db_path: Path) -> int:
    """A session with text in every kind of field the steps show."""
    with Store(db_path) as store:
        sid = store.create_session("Autos Sur workshop", framework="five-stage", language="en")
        store.update_session(
            sid,
            organisation="Autos Sur",
            facilitator="Marta",
            participants=["Ana", "Luis"],
            notes="Bring sticky notes",
        )
        stages = store.load(sid).stages
        for stage in stages:  # names of our own: a language switch keeps them as they are
            store.update_stage(stage.db_id, name=f"Our {stage.key}")
        families = store.add_segment(sid, "Families", "First family car")
        fleets = store.add_segment(sid, "Fleets", "Company fleet managers")
        keys = [s.key for s in stages]
        first = store.add_touchpoint(sid, families, keys[0], "Instagram ad", channel="social")
        store.update_touchpoint(
            first.db_id,
            need="See the new model",
            owner="Marketing",
            interactions=["Story", "Reel"],
            desired_outcome="Book a test drive",
            effectiveness=3,
        )
        second = store.add_touchpoint(sid, families, keys[2], "Showroom visit", channel="store")
        store.update_touchpoint(
            second.db_id,
            owner="Sales",
            processes=["Greeting"],
            effectiveness=2,
            pain_point=True,
            pain_note="Nobody at the desk",
        )
        store.add_touchpoint(sid, fleets, keys[1], "Email to fleet manager", channel="email")
        store.add_action(sid, "Staff the desk", touchpoint=second.ref, owner="Sales")
    return sid


def texts(session: Session) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every stored text, by where it is: (entity, id, field) and its value (a list's
    items one per line)."""

    def text(value: Any) -> str | None:
        if isinstance(value, str):
            return value
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return "\n".join(value)
        return None

    for field in ("name", "organisation", "facilitator", "participants", "notes"):
        value = text(getattr(session, field))
        if value is not None:
            yield ("session", "", field), value
    for stage in session.stages:
        yield ("stage", stage.key, "name"), stage.name
    for segment in session.segments:
        yield ("segment", segment.key, "name"), segment.name
        yield ("segment", segment.key, "description"), segment.description
    for tp in session.touchpoints:
        for field in ("name", "channel", "need", "owner", "desired_outcome"):
            yield ("touchpoint", tp.ref, field), getattr(tp, field)
        for field in ("optimal_experience", "pain_note", *LIST_FIELDS):
            value = text(getattr(tp, field))
            if value is not None:
                yield ("touchpoint", tp.ref, field), value
    for action in session.actions:
        yield ("action", str(action.db_id), "title"), action.title
        yield ("action", str(action.db_id), "owner"), action.owner
    for accepted in session.accepted:
        yield ("accepted", str(accepted.db_id), "reason"), accepted.reason


def is_subsequence(old: str, new: str) -> bool:
    rest = iter(new)
    return all(char in rest for char in old)


def key_event(key: str) -> tuple[str, str | None]:
    """A key as the terminal reads it: its name and the character it types, if any."""
    return key, CHARACTERS.get(key, key if len(key) == 1 else None)


async def drive(db_path: Path, sid: int, keys: list[tuple[bool, list[str]]], **role: str) -> None:
    app = open_app(db_path, sid, **role)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for together, run in keys:
            if together:  # all read in one go, before the app has handled the first
                await read_together(pilot, *map(key_event, run))
            else:  # each once the one before has been dealt with
                for key in run:
                    await read_together(pilot, key_event(key))
        await settle(pilot)


def check(step: str, keys: list[tuple[bool, list[str]]], **role: str) -> None:
    db_path = Path(tempfile.mkdtemp()) / "keys.db"
    sid = full_session(db_path)
    with Store(db_path) as store:
        store.save_position(sid, Position(step=step, touchpoint="tp-1"))
        before = dict(texts(store.load(sid)))
    asyncio.run(drive(db_path, sid, keys, **role))
    with Store(db_path) as store:
        after = dict(texts(store.load(sid)))
    for where, old in before.items():
        if not old:
            continue
        assert where in after, f"{where} held {old!r} and is gone; keys: {keys}"
        assert is_subsequence(old, after[where]), (
            f"{where}: {old!r} became {after[where]!r}; keys: {keys}"
        )


@pytest.fixture(autouse=True)
def _in_a_folder_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports (t, r on Analysis) write into the current folder: a temporary one."""
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("step", STEPS)
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(  # the reported cases: Tab, F6 and digits; F6/F7 in a text area, then a digit
    keys=[
        (False, ["tab", "f6", "7", "8", "tab", "tab", "7"]),
        (True, ["enter", "f7", "3", "f7", "f6", "3"]),
    ]
)
@given(keys=chunks)
def test_typing_never_takes_a_character_from_stored_text(
    step: str, keys: list[tuple[bool, list[str]]]
) -> None:
    check(step, keys)


@pytest.mark.parametrize("step", ["details", "assess"])
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(keys=chunks)
def test_a_participants_typing_never_takes_a_character_either(
    step: str, keys: list[tuple[bool, list[str]]]
) -> None:
    """The same on a participant's app (their own store actor, following the facilitator)."""
    check(step, keys, role="participant", participant="Ana")
