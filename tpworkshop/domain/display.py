"""User text as rich ``Text``, for the command line, the analysis renderers and the reports.

A ``Text`` built from a plain string is never read as markup (``[bold]``, ``[link=...]``
and ``[@click=...]`` stay characters), and ``visible`` turns control characters into
symbols, so what a person typed can neither style, link, run an action nor drive the
terminal. Textual's side of the same rule is ``tpworkshop.tui.display``.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from tpworkshop.domain.text import visible, visible_line


def plain(text: str, style: str = "", **options: Any) -> Text:
    """``text`` exactly as typed (newlines kept), as a rich Text; ``options`` go to Text."""
    return Text(visible(text), style=style, **options)


def plain_line(text: str, style: str = "", **options: Any) -> Text:
    """``plain`` for one line: newlines and tabs become spaces."""
    return Text(visible_line(text), style=style, **options)


__all__ = ["plain", "plain_line", "visible", "visible_line"]
