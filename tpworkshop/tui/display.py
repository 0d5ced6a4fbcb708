"""The one way the app puts text on screen: Textual ``Content`` built from plain strings.

A string handed to a Static, Label, DataTable, OptionList or notification is read as
markup by Textual, so a name such as ``[@click=app.quit]x[/]`` would become an action and
``Empresas [/b]`` would crash the screen. Everything that may hold what a person typed
goes through these functions instead: the text is kept literally, and control characters
(from a database written by an older version) are shown as symbols (``␛``), never sent
to the terminal. Styles come only from the program, never from the text.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.visual import VisualType
from textual.widgets import Static

from tpworkshop.domain.display import plain, plain_line
from tpworkshop.domain.text import visible, visible_line

Part = str | tuple[str, str | Style] | Content


def content(text: str, style: str | Style = "") -> Content:
    """``text`` literally (newlines kept), with an optional style of the program's."""
    return Content.styled(visible(text), style)


def content_line(text: str, style: str | Style = "") -> Content:
    """``content`` for one line: newlines and tabs become spaces."""
    return Content.styled(visible_line(text), style)


def assemble(*parts: Part) -> Content:
    """Several pieces in one line of Content: plain strings, ``(text, style)`` pairs, or
    Content already made; every string is taken literally."""
    safe: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            safe.append(visible(part))
        elif isinstance(part, tuple):
            safe.append((visible(part[0]), part[1]))
        else:
            safe.append(part)
    return Content.assemble(*safe)


__all__ = [
    "assemble",
    "content",
    "content_line",
    "plain",
    "plain_line",
    "show_content",
    "visible",
    "visible_line",
]


def show_content(widget: Static, content: VisualType) -> None:
    """``widget.update(content)``, asking for a layout only if its size follows its content.

    A layout pass costs 5-20 ms; a widget whose CSS fixes its height (and whose width
    does not follow its content) only needs a repaint.
    """
    widget.update(content, layout=widget.styles.auto_dimensions)
