"""Guide front matter made of plain ``key = "text"`` / ``key = 15`` lines is read without
tomllib (slow to import, and guides are loaded at every start): exactly as tomllib reads
it, and anything else is still read, or refused with its message, by tomllib."""

from __future__ import annotations

import random
import tomllib
from pathlib import Path

import pytest

from tpworkshop.guides.loader import GuideError, _simple_front_matter, parse_guide

PIECES = [
    'step = "setup"',
    'title = "Set up: the stages"',
    "timebox = 10",
    "timebox = 0",
    "timebox = 007",
    "timebox = 1_000",
    "timebox = -5",
    'goal = "Con acentos: ¿qué? ñ"',
    'goal = "tab\there"',
    'goal = "escaped \\" quote"',
    "goal = 'literal'",
    'goal = """multi"""',
    "# a comment",
    "   # indented comment",
    "",
    "   ",
    '  indented = "key"',
    'dotted.key = "x"',
    '"quoted" = "x"',
    'x = "unclosed',
    "x = true",
    "x = 1.5",
    'x = "a" # trailing comment',
    "[table]",
    'step = "again"',
]


def tomllib_reads(lines: list[str]) -> dict | None:
    try:
        return tomllib.loads("".join(line + "\n" for line in lines))
    except tomllib.TOMLDecodeError:
        return None


def test_the_fast_reading_is_tomls_whenever_it_answers() -> None:
    rng = random.Random(3)
    answered = 0
    for _ in range(3000):
        lines = [rng.choice(PIECES) for _ in range(rng.randint(0, 6))]
        simple = _simple_front_matter(lines)
        if simple is not None:
            answered += 1
            assert simple == tomllib_reads(lines), lines
    assert answered > 300


GUIDE = "+++\n{front}\n+++\n\nBody text.\n"
FRONT = 'step = "setup"\ntitle = "T"\ngoal = "G"\ntimebox = 10\ndone_when = "D"'


def test_a_plain_front_matter_reads_as_before(tmp_path: Path) -> None:
    guide = parse_guide(GUIDE.format(front=FRONT), tmp_path / "setup.md", "en")
    assert (guide.step, guide.title, guide.goal, guide.timebox, guide.done_when) == (
        "setup",
        "T",
        "G",
        10,
        "D",
    )


@pytest.mark.parametrize(
    ("front", "fragment"),
    [
        (FRONT + '\ntitle = "twice"', "line"),  # a duplicate key: tomllib's message
        (FRONT.replace("timebox = 10", "timebox = 1.5"), "whole number"),
        (FRONT.replace('goal = "G"', 'goal = "unclosed'), "line"),
    ],
)
def test_other_front_matter_goes_to_tomllib(tmp_path: Path, front: str, fragment: str) -> None:
    with pytest.raises(GuideError) as error:
        parse_guide(GUIDE.format(front=front), tmp_path / "setup.md", "en")
    assert fragment in error.value.message
