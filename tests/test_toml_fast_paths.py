"""The fast paths of the TOML format, checked against the libraries they stand in for: the
reader behind import returns exactly what tomllib returns, or None (and tomllib then reads the
file, errors and all); the [gaps] writer writes exactly what tomli-w writes."""

from __future__ import annotations

import random
import tomllib
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synthetic import synthetic_session
from tpworkshop.analysis import analyse
from tpworkshop.domain.model import Action
from tpworkshop.formats.toml_format import (
    _fast_parse,
    _gaps_table,
    _without_gaps_entries,
    _without_none,
    dumps,
)

NOTHING = object()


def tomllib_result(text: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return NOTHING


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (True == 1 and nan != nan in Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return repr(a) == repr(b)
    return bool(a == b)


def check(text: str) -> Any:
    """The invariant; returns the fast result (None when it left the text to tomllib)."""
    fast = _fast_parse(text)
    expected = tomllib_result(text)
    if expected is NOTHING:
        assert fast is None, f"fast read a document tomllib refuses:\n{text[:2000]}"
    elif fast is not None:
        assert same(fast, expected), f"fast read it differently:\n{text[:2000]}"
    return fast


def exported(n: int = 40, seed: int = 3, *, multiline: bool = True) -> str:
    session = synthetic_session(n, segments=4, stages=5, seed=seed)
    tps = session.touchpoints
    tps[0] = replace(tps[0], name='The "quoted" one')
    tps[1] = replace(tps[1], need="First line\nsecond line" if multiline else "First line")
    tps[2] = replace(tps[2], processes=["a" * 40, "b" * 40, "c" * 40])  # one item per line
    tps[3] = replace(tps[3], owner="Señora Núñez 🙂")
    tps[4] = replace(tps[4], channel="back\\slash")
    session.notes = "Notes\n\nwith a blank line" if multiline else "Notes"
    session.created = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    session.actions.append(Action(title="Call", touchpoint=tps[0].ref, due=date(2027, 1, 2)))
    return dumps(session, analyse(session).to_dict())


def test_reads_an_exported_session_like_tomllib() -> None:
    session = synthetic_session(500)
    text = dumps(session, analyse(session).to_dict())
    assert check(text) is not None


def test_unusual_values_are_read_by_tomllib_and_still_equal() -> None:
    assert check(exported()) is None  # a multi-line string leaves the file to tomllib
    assert check(exported(multiline=False)) is not None  # escapes, dates, long arrays


CASES = [
    "a = 1\na = 2",
    "[t]\nx = 1\n[t]\ny = 2",
    "[[t]]\nx = 1\n[t]\ny = 2",
    "[t]\nx = 1\n[[t]]\ny = 2",
    "t = 1\n[t]\nx = 2",
    "t = 1\n[t.u]\nx = 2",
    "[t.u]\nx = 1\n[t]\ny = 2",
    "[t.u]\nx = 1\n[t]\nu = 2",
    "[[a]]\nx = 1\n[a.b]\ny = 2\n[[a]]\nz = 3\n[a.b]\nw = 4",
    "[a]\nb = [1]\n[[a.b]]\nx = 1",
    "[a]\nb = { c = 1 }\n[a.b.d]\nx = 1",
    "[a]\nb = { c = 1 }\n[a.b]\nx = 1",
    'x = "a\\"b"',
    'x = "a\\qb"',
    'x = "a\tb"',
    'x = "a\x01b"',
    "x = 07",
    "x = 1_000",
    "x = +1",
    "x = 1.5e3",
    "x = 1.",
    "x = .5",
    "x = -0",
    "x = 0.0",
    "x = true # yes",
    "x = true#yes",
    "x = truth",
    "x = 1 # comment \x01",
    "# comment \x7f",
    'x = "s" "t"',
    'x = ["a", 1]',
    'x = ["a",]',
    'x = [\n  "a",\n  "b",\n]',
    'x = [\n  "a",\n  """b\n]\n""",\n]',
    'x = [\n  "a"\n  "b",\n]',
    'x = [\n  "a",\n',
    "x = 2026-01-02",
    "x = 2026-01-02T03:04:05Z",
    "x = 2026-13-02",
    "x = { a = 1, a = 2 }",
    'x = """a\n[t]\nb"""\n[t]\ny = 1',
    "x = '''a\n[t]\nb'''",
    "[a..b]\nx = 1",
    "[.a]\nx = 1",
    "[a]]\nx = 1",
    "[[a]\nx = 1",
    "[ a ]\nx = 1",
    "a.b = 1",
    '"a" = 1',
    " = 1",
    "x =",
    "x = 1\r\ny = 2",
    "x = 1\ry = 2",
    'x = "é"\n[é]\ny = 1',
    "\ufeffx = 1",
    "x = 9999999999999999999999",
    "x = nan",
    "x = -inf",
]


@pytest.mark.parametrize("text", CASES)
def test_tricky_documents(text: str) -> None:
    check(text)


def test_random_damage_to_an_exported_file() -> None:
    base = exported(12, multiline=False).split("\n")
    rng = random.Random(7)
    junk = ['"', "\\", "[", "]", "=", "#", "\n", "\t", "\x00", " ", ".", ",", "{", "}", "'",
            "\r", "0", "e", "-", "+", ":", "[[", "]]", '"""', "a"]  # fmt: skip
    read_fast = 0
    for _ in range(1500):
        lines = list(base)
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(lines))
            action = rng.randrange(5)
            if action == 0:
                lines.insert(i, lines[rng.randrange(len(lines))])
            elif action == 1:
                del lines[i]
            elif action == 2:
                j = rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            else:
                line = lines[i]
                at = rng.randint(0, len(line))
                lines[i] = line[:at] + rng.choice(junk) + line[at + rng.randint(0, 2) :]
        read_fast += check("\n".join(lines)) is not None
    assert read_fast > 100  # the damage the fast reader accepts is compared too


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1=.\"[]#\n \t\\-_{},'", max_size=60))
def test_any_text(text: str) -> None:
    check(text)


# --- the [gaps] entries at the end: checked, not built ---------------------------------------


def check_skipping(text: str) -> Any:
    """The invariant of _without_gaps_entries: None, or tomllib reads the text too, and the
    document is tomllib's but for what the [gaps] arrays hold."""
    quick = _without_gaps_entries(text)
    expected = tomllib_result(text)
    if expected is NOTHING:
        assert quick is None, f"skipped the gaps of a document tomllib refuses:\n{text[:2000]}"
    elif quick is not None:
        assert same(
            {k: v for k, v in quick.items() if k != "gaps"},
            {k: v for k, v in expected.items() if k != "gaps"},
        ), f"read it differently:\n{text[:2000]}"
        assert list(quick["gaps"]) == list(expected["gaps"]), text[:2000]
        for name, value in quick["gaps"].items():
            if value != [{}]:  # what the head defines is whole
                assert same(value, expected["gaps"][name]), name
    return quick


def test_an_exported_file_skips_its_gaps_entries_and_reads_the_rest() -> None:
    session = synthetic_session(300)
    text = dumps(session, analyse(session).to_dict())
    quick = check_skipping(text)
    assert quick is not None
    assert quick["gaps"]["findings"] == [{}]
    assert quick["gaps"]["summary"] == tomllib.loads(text)["gaps"]["summary"]


HEAD = 'format = "x"\n[gaps]\nbest = ["a"]\n'
TAIL_CASES = [
    "[[gaps.f]]\nx = 1\nx = 2\n",
    "[[gaps.f]]\nx = 1\n[[gaps.f]]\nx = 2\n",
    "[[gaps.best]]\nx = 1\n",
    "[[gaps.f]]\nx = 1\n[gaps.f]\ny = 2\n",
    "[[gaps.f]]\nx = 07\n",
    "[[gaps.f]]\nx = 1.\n",
    "[[gaps.f]]\nx = 1e06\n",
    "[[gaps.f]]\nx = -0.5E+3\n",
    "[[gaps.f]]\nx = " + "9" * 101 + "\n",
    "[[gaps.f]]\nx = " + "9" * 100 + "\n",
    '[[gaps.f]]\nx = "a\\ud800"\n',
    '[[gaps.f]]\nx = "a\\u00e9\\U0001F642\\n\\""\n',
    '[[gaps.f]]\nx = "a\\U00110000"\n',
    '[[gaps.f]]\nx = "a\\q"\n',
    '[[gaps.f]]\nx = "a\x01"\n',
    "[[gaps.f]]\nx = [\n    1,\n    2\n]\n",
    "[[gaps.f]]\nx = [\n    1,\n    2,\n]\ny = [1, 2,]\n",
    "[[gaps.f]]\nx = [\n    1\n    2,\n]\n",
    "[[gaps.f]]\nx = [\n    1,\n",
    "[[gaps.f]]\nx = [,]\n",
    "[[gaps.f]]\n0 = [\n    0,\n]\n1 = 0 # 0 = 1\n",
    "[[gaps.f]]\nx = true#c\n\n  # only a comment\n[[gaps.g]]  # c\n",
    "[[gaps.f]]\nx = truth\n",
    "[[gaps.f]]\nx = 1\r\ny = 2\r\n",
    "[[gaps.f]]\nx = 1\ry = 2\n",
    "[[gaps.f]]\nx = 1",
]


@pytest.mark.parametrize("tail", TAIL_CASES)
def test_tricky_gaps_entries(tail: str) -> None:
    check_skipping(HEAD + tail)
    check_skipping('x = """\n' + tail + '"""\n')  # the "tail" inside a string of the head
    check_skipping("[gaps]\nf = 1\n" + tail)


def test_random_damage_to_the_gaps_entries() -> None:
    base = exported(12, multiline=False).split("\n")
    first = next(i for i, line in enumerate(base) if line.startswith("[[gaps."))
    rng = random.Random(11)
    junk = ['"', "\\", "[", "]", "=", "#", "\n", "\t", "\x00", " ", ".", ",", "{", "}", "'",
            "\r", "0", "e", "-", "+", ":", "[[", "]]", '"""', "a", "\\u", "9" * 101]  # fmt: skip
    skipped = 0
    for _ in range(1500):
        lines = list(base)
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(first - 5, len(lines))
            action = rng.randrange(5)
            if action == 0:
                lines.insert(i, lines[rng.randrange(len(lines))])
            elif action == 1:
                del lines[i]
            elif action == 2:
                j = rng.randrange(first - 5, len(lines))
                lines[i], lines[j] = lines[j], lines[i]
            else:
                line = lines[i]
                at = rng.randint(0, len(line))
                lines[i] = line[:at] + rng.choice(junk) + line[at + rng.randint(0, 2) :]
        skipped += check_skipping("\n".join(lines)) is not None
    assert skipped > 100  # the damage the check accepts is compared too


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1=.\"[]#\n \t\\-_{},'ue", max_size=60))
def test_any_gaps_entries(text: str) -> None:
    check_skipping(HEAD + "[[gaps.a]]\n" + text)


# --- the [gaps] writer -------------------------------------------------------------------------


def tomli_w_gaps(gaps: dict[str, Any]) -> str:
    return tomli_w.dumps({"gaps": _without_none(gaps)})


@pytest.mark.parametrize(("size", "lang"), [(0, "en"), (3, "es"), (400, "en"), (400, "es")])
def test_gaps_table_is_what_tomli_w_writes(size: int, lang: str) -> None:
    session = synthetic_session(max(size, 1), segments=6, stages=5)
    if size == 0:
        session.touchpoints = []
    else:
        tps = session.touchpoints
        tps[0] = replace(tps[0], name='Quote " back\\slash\ttab ñ 🙂')
        tps[1] = replace(tps[1], owner="x" * 120)  # an owner line too long to stay inline
    gaps = analyse(session, lang).to_dict()
    assert _gaps_table(gaps) == tomli_w_gaps(gaps)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=20,
    )
)
def test_gaps_table_matches_tomli_w_on_any_shape(value: Any) -> None:
    gaps = {"summary": value, "findings": [{"message": value}, {"message": "x" * 90}]}
    try:
        expected = tomli_w_gaps(gaps)
    except (TypeError, ValueError):
        return  # not TOML-able (tomli-w refuses it, and so may we)
    assert _gaps_table(gaps) == expected
