"""The yardstick for "open": a bare Textual app showing one label, nothing else.

``bench.py`` starts it in a pseudo-terminal exactly like the real app and times it to the
first painted screen, so the app's open time can be printed as a ratio of this one.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Label

MARKER = "tpworkshop bare benchmark label"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label(MARKER)


if __name__ == "__main__":
    BareApp().run()
