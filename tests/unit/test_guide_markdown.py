"""The guide panel draws plain Markdown itself, exactly as rich's Markdown draws it, and
hands anything else to rich (which is slow to import, so the app's start avoids it)."""

from __future__ import annotations

import random

import pytest
from rich.console import Console, RenderableType
from rich.markdown import Markdown
from rich.segment import Segment

from tpworkshop.guides.loader import GUIDE_STEPS, parse_guide, shipped_guides_dir
from tpworkshop.tui.widgets.guide_panel import (
    SimpleMarkdown,
    guide_markdown,
    parse_simple_markdown,
)

WIDTHS = (12, 20, 26, 33, 40, 54, 80)


def drawn(renderable: RenderableType, width: int) -> list[list[Segment]]:
    """The lines a terminal shows (adjacent segments of one style merged)."""
    console = Console(width=width, force_terminal=True, color_system="truecolor")
    options = console.options.update(width=width)
    lines = console.render_lines(renderable, options, pad=False)
    return [list(Segment.simplify(line)) for line in lines]


def assert_drawn_like_rich(source: str, width: int) -> None:
    blocks = parse_simple_markdown(source)
    assert blocks is not None, source
    assert drawn(SimpleMarkdown(blocks), width) == drawn(Markdown(source), width), (source, width)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("step", GUIDE_STEPS)
def test_shipped_guides_are_drawn_exactly_like_rich(lang: str, step: str) -> None:
    path = shipped_guides_dir() / lang / f"{step}.md"
    guide = parse_guide(path.read_text(encoding="utf-8"), path, lang)
    source = f"**{guide.goal}**\n\n{guide.body}"  # what the guide panel shows
    for width in WIDTHS:
        assert_drawn_like_rich(source, width)


PLAIN = [
    "One paragraph.",
    "Two\nlines joined.",
    "# Title\n\nText",
    "## Heading\nText right after it",
    "### Small **bold** heading",
    "- one\n- two\n  continued\n- three",
    "- first block is a list",
    "Text\n\n- item **bold**: more\n\n## Next",
    "**Bold at the start** and (**inside brackets**) and ¿**qué**? «**cita**».",
    "**Ends with a stop.**",
    "Trailing space \nnext line",
    "Wide: 日本語 and é and emoji-free",
]


@pytest.mark.parametrize("source", PLAIN)
def test_plain_markdown_is_drawn_like_rich(source: str) -> None:
    for width in WIDTHS:
        assert_drawn_like_rich(source, width)


NOT_PLAIN = [
    "A [link](https://example.com)",
    "Some `code`",
    "```\ncode\n```",
    "    indented code",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "*emphasis*",
    "_emphasis_",
    "snake_case",
    "a**b**c",
    "** not bold**",
    "> a quote",
    "1. numbered",
    "- a\n  - nested",
    "- loose\n\n- list",
    "- item\nlazy continuation",
    "Hard  \nbreak",
    "Text\n---",
    "Text\n===",
    "***",
    "Tom &amp; Jerry",
    "Esc\\*aped",
    "<b>html</b>",
    "~~gone~~",
    "#hashtag",
    "Paragraph\n# heading interrupts",
    "Paragraph\n- list interrupts",
    "tab\there",
]


@pytest.mark.parametrize("source", NOT_PLAIN)
def test_anything_else_is_left_to_rich(source: str) -> None:
    assert parse_simple_markdown(source) is None
    assert isinstance(guide_markdown(source), Markdown)


WORDS = ["word", "otra", "¿qué", "pasa?", "(x)", "a.", "é", "12", "«cita»", "fin:", "x,"]
ODD = ["-", "#", "1.", "*", "+", "x**y", "¡", "**", "_", "`", ">", "&"]


def _random_source(rng: random.Random) -> str:
    def words(count: int) -> str:
        out = []
        for _ in range(count):
            word = rng.choice(WORDS * 5 + ODD)
            roll = rng.random()
            if roll < 0.15:
                word = f"**{word}**"
            elif roll < 0.18:
                word = f"**{word}"
            out.append(word)
        return " ".join(out)

    def block() -> str:
        roll = rng.random()
        if roll < 0.25:
            return "#" * rng.randint(1, 7) + rng.choice([" ", " ", ""]) + words(rng.randint(1, 4))
        if roll < 0.6:
            items = []
            for _ in range(rng.randint(1, 4)):
                item = rng.choice(["- ", "- ", "-  ", "* "]) + words(rng.randint(1, 4))
                if rng.random() < 0.4:
                    item += "\n" + rng.choice(["  ", "  ", " ", ""]) + words(2)
                items.append(item)
            return "\n".join(items)
        lines = [words(rng.randint(1, 6)) + rng.choice(["", "", " "]) for _ in range(3)]
        return "\n".join(lines[: rng.randint(1, 3)])

    separator = rng.choice(["\n\n", "\n\n", "\n", "\n\n\n"])
    return separator.join(block() for _ in range(rng.randint(1, 5)))


def test_whatever_the_fast_path_takes_it_draws_like_rich() -> None:
    rng = random.Random(6)
    taken = 0
    for _ in range(1500):
        source = _random_source(rng)
        if parse_simple_markdown(source) is not None:
            taken += 1
            assert_drawn_like_rich(source, rng.choice(WIDTHS))
    assert taken > 100  # the generator does reach the fast path


def test_a_guide_is_rendered_once_per_width() -> None:
    blocks = parse_simple_markdown("Some **text** to wrap at several widths.\n\n- a\n- b")
    assert blocks is not None
    markdown = SimpleMarkdown(blocks)
    first = drawn(markdown, 20)
    cached = markdown._drawn
    assert drawn(markdown, 20) == first
    assert markdown._drawn is cached  # the same segments, not rendered again
    assert drawn(markdown, 30) == drawn(
        Markdown("Some **text** to wrap at several widths.\n\n- a\n- b"), 30
    )
    assert markdown._drawn is not cached
