"""The facilitation guide of the current step, in a side panel that can be hidden.

The guide is drawn as one renderable in a single Static (Textual's Markdown widget builds a
widget per block, ~100 per guide, on every step screen). Importing ``rich.markdown`` costs
~70 ms of the app's start (markdown-it, pygments), so the plain Markdown the guides are
written in (paragraphs, ``#`` headings, ``-`` lists, ``**bold**``) is drawn here exactly as
rich's Markdown draws it, and only a guide using anything more loads ``rich.markdown``.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

Inline = tuple[tuple[str, bool], ...]
"""A block's text as (piece, bold) pieces."""
Block = tuple[str, Any]
"""("p", Inline), ("h1".."h6", Inline) or ("ul", tuple of Inline)."""

_HEADING = re.compile(r"(#{1,6}) (\S.*)")
_LIST_MARKER = re.compile(r"[-*+](?: |$)")
_ORDERED = re.compile(r"\d{1,9}[.)](?: |$)")
_RULE = re.compile(r"([-*_])(?: *\1){2,} *|=+ *|-+ *")
_UNSUPPORTED = frozenset("`_[]<&\\~|\t\x00")
_ASCII_PUNCTUATION = frozenset(string.punctuation)


def parse_simple_markdown(source: str) -> tuple[Block, ...] | None:
    """The blocks of ``source`` when it uses only the plain subset, else None.

    The subset: paragraphs, ATX headings, tight ``-`` lists whose items are one paragraph,
    and ``**bold**`` between words; blocks separated by blank lines. Anything else (links,
    code, tables, emphasis with ``_`` or ``*``, quotes, nesting, entities, escapes, hard
    breaks...) answers None, and the caller renders with rich's Markdown.
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    if any(char in _UNSUPPORTED for char in source):
        return None
    lines = source.split("\n")
    if any(line.endswith("  ") for line in lines):
        return None  # a hard line break
    lines = [line.rstrip(" ") for line in lines]
    blocks: list[Block] = []
    index, count = 0, len(lines)
    while index < count:
        line = lines[index]
        if not line:
            index += 1
            continue
        if line[0] == " ":
            return None  # indented code, or a continuation the subset does not know
        if line[0] == "#":
            match = _HEADING.fullmatch(line)
            if match is None or match.group(2).endswith("#"):
                return None
            inline = _inline([match.group(2)])
            if inline is None:
                return None
            blocks.append((f"h{len(match.group(1))}", inline))
            index += 1
            continue
        if line.startswith("- "):
            items, index = _list(lines, index)
            if items is None:
                return None
            blocks.append(("ul", items))
            continue
        parts, index = _paragraph(lines, index)
        inline = _inline(parts) if parts is not None else None
        if inline is None:
            return None
        blocks.append(("p", inline))
    return tuple(blocks)


def _starts_block(text: str) -> bool:
    """Whether a line (stripped) could open or interrupt a block other than a paragraph."""
    return bool(
        text[0] in "#>" or _LIST_MARKER.match(text) or _ORDERED.match(text) or _RULE.fullmatch(text)
    )


def _paragraph(lines: list[str], index: int) -> tuple[list[str] | None, int]:
    if _starts_block(lines[index]):
        return None, index
    parts = [lines[index]]
    index += 1
    while index < len(lines) and lines[index]:
        stripped = lines[index].strip()
        if _starts_block(stripped):
            return None, index
        parts.append(stripped)
        index += 1
    return parts, index


def _list(lines: list[str], index: int) -> tuple[tuple[Inline, ...] | None, int]:
    items: list[Inline] = []
    count = len(lines)
    while index < count and lines[index].startswith("- "):
        content = lines[index][2:]
        if not content or content[0] == " " or _starts_block(content):
            return None, index
        parts = [content]
        index += 1
        while index < count and lines[index].startswith("  "):
            stripped = lines[index].strip()
            if _starts_block(stripped):
                return None, index
            parts.append(stripped)
            index += 1
        inline = _inline(parts)
        if inline is None:
            return None, index
        items.append(inline)
    if index < count and lines[index]:
        return None, index  # a lazy continuation line, or a block right after the list
    following = next((line for line in lines[index:] if line), "")
    if following.startswith("- "):
        return None, index  # items apart: one loose list, drawn differently
    return tuple(items), index


def _is_punctuation(char: str) -> bool:
    return char in _ASCII_PUNCTUATION or unicodedata.category(char).startswith("P")


def _inline(parts: list[str]) -> Inline | None:
    """The lines of a paragraph joined as Markdown joins them, with ``**bold**`` found.

    Bold is taken only where Markdown surely reads it so: the ``**`` that opens follows a
    space, punctuation or the start and precedes no space, the one that closes follows no
    space and precedes a space, punctuation or the end, and no other ``*`` is anywhere.
    """
    text = " ".join(part.strip() for part in parts)
    pieces: list[tuple[str, bool]] = []
    position = 0
    while True:
        start = text.find("**", position)
        if start < 0:
            rest = text[position:]
            if "*" in rest:
                return None
            if rest:
                pieces.append((rest, False))
            return tuple(pieces)
        before = text[position:start]
        end = text.find("**", start + 2)
        inner = text[start + 2 : end] if end >= 0 else ""
        if "*" in before or not inner or "*" in inner:
            return None
        opened_after = text[start - 1] if start else " "
        closed_before = text[end + 2] if end + 2 < len(text) else " "
        if not (opened_after.isspace() or _is_punctuation(opened_after)) or opened_after == "*":
            return None
        if inner[0].isspace() or inner[-1].isspace():
            return None
        if not (closed_before.isspace() or _is_punctuation(closed_before)):
            return None
        if closed_before == "*":
            return None
        if before:
            pieces.append((before, False))
        pieces.append((inner, True))
        position = end + 2


class SimpleMarkdown:
    """Draws :func:`parse_simple_markdown` blocks exactly as ``rich.markdown.Markdown``
    draws the same source: the same styles (``markdown.*`` of the console's theme), wrapping,
    bullets and blank lines between blocks."""

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self.blocks = blocks
        self._drawn: tuple[object, list[Segment]] | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Textual renders a Static twice per width (its height, then its lines): the
        # second time, and every time after, is the first one's segments.
        key = (
            options.max_width,
            options.overflow,
            options.no_wrap,
            tuple(_style(console, name) for name in _STYLE_NAMES),
        )
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, list(self._render(console, options)))
        yield from self._drawn[1]

    def _render(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        base = console.get_style("none", default="none")
        options = options.update(height=None)
        for number, (kind, content) in enumerate(self.blocks):
            # rich starts a block with a blank line once any element has closed: before
            # every block but the first, and before a first list (its items closed first).
            if number or kind == "ul":
                yield Segment.line()
            if kind == "ul":
                yield from self._bullets(console, options, base, content)
            elif kind == "p":
                text = _text(console, base + _style(console, "markdown.paragraph"), content)
                text.justify = "left"
                yield from console.render(text, options)
            else:
                text = _text(console, base + _style(console, f"markdown.{kind}"), content)
                text.justify = "center" if kind == "h1" else "left"
                yield from console.render(text, options)

    def _bullets(
        self, console: Console, options: ConsoleOptions, base: Style, items: Iterable[Inline]
    ) -> Iterator[Segment]:
        item_style = base + _style(console, "markdown.item")
        paragraph_style = item_style + _style(console, "markdown.paragraph")
        bullet_style = _style(console, "markdown.item.bullet")
        bullet = Segment(" • ", bullet_style)
        padding = Segment(" " * 3, bullet_style)
        new_line = Segment("\n")
        render_options = options.update(width=options.max_width - 3)
        for item in items:
            text = _text(console, paragraph_style, item)
            text.justify = "left"
            lines = console.render_lines(text, render_options, style=item_style)
            for number, line in enumerate(lines):
                yield padding if number else bullet
                yield from line
                yield new_line


_STYLE_NAMES = (
    "none",
    "markdown.paragraph",
    "markdown.strong",
    "markdown.item",
    "markdown.item.bullet",
    *(f"markdown.h{level}" for level in range(1, 7)),
)


def _style(console: Console, name: str) -> Style:
    return console.get_style(name, default="none")


def _text(console: Console, style: Style, pieces: Inline) -> Text:
    text = Text(justify="left")
    strong = style + _style(console, "markdown.strong")
    for piece, bold in pieces:
        text.append(piece, strong if bold else style)
    return text


def guide_markdown(source: str) -> RenderableType:
    """The renderable for a guide's Markdown: the fast one when it can draw it."""
    blocks = parse_simple_markdown(source)
    if blocks is not None:
        return SimpleMarkdown(blocks)
    from rich.markdown import Markdown  # slow to import: only for guides that need it

    return Markdown(source)


class GuidePanel(VerticalScroll, can_focus=False):
    DEFAULT_CLASSES = "guide-panel"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Any, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="guide-body")

    def show(self, guide: Any, timebox_minutes: int, lang: str) -> None:
        """Render only when visible and changed: hidden panels cost nothing."""
        if guide is None or not self.display or self._shown == (guide, timebox_minutes):
            return
        self._shown = (guide, timebox_minutes)
        title = Text(f"{guide.title}  ·  {timebox_minutes} min", style="bold")
        body = guide_markdown(f"**{guide.goal}**\n\n{guide.body}")
        self.query_one("#guide-body", Static).update(Group(title, Text(""), body))
