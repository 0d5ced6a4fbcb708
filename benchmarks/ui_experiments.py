"""What-if runs of the app: the fixes recommended for the UI, patched in at start-up, so their
effect can be measured with the same harness before anyone edits a screen.

    python benchmarks/bench.py --quick --experiment baseline
    python benchmarks/bench.py --quick --experiment guide-static,map-order-cache,gc-freeze

``baseline`` runs the app through this runner with no patch (the CLI's ``open`` does a little
more at start-up, so compare experiments with ``baseline``, not with the plain bench). The
patches are rough stand-ins for the real fixes, not the fixes themselves.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def guide_static() -> None:
    """The guide panel as one Static showing rich's Markdown, not Textual's Markdown widget
    (which mounts a widget per paragraph and bullet: ~200 widgets that every layout pass of
    every step screen walks)."""
    from rich.markdown import Markdown as RichMarkdown
    from textual.widgets import Static

    from tpworkshop.tui.widgets.guide_panel import GuidePanel

    def compose(self: GuidePanel) -> Any:
        yield Static(id="guide-title")
        yield Static(id="guide-body")

    def show(self: GuidePanel, guide: Any, timebox_minutes: int, lang: str) -> None:
        if guide is None:
            return
        self.query_one("#guide-title", Static).update(f"{guide.title}  ·  {timebox_minutes} min")
        body = RichMarkdown(f"**{guide.goal}**\n\n{guide.body}")
        self.query_one("#guide-body", Static).update(body)

    GuidePanel.compose = compose  # type: ignore[method-assign]
    GuidePanel.show = show  # type: ignore[method-assign]


def map_order_cache() -> None:
    """Session.in_map_order() computed once per loaded session (the app replaces the session
    on every reload and never changes it in place); Details calls it three times a press."""
    from tpworkshop.domain.model import Session

    original = Session.in_map_order

    def in_map_order(self: Session) -> list[Any]:
        cached = self.__dict__.get("_map_order")
        if cached is None or cached[0] != len(self.touchpoints):
            cached = (len(self.touchpoints), original(self))
            self.__dict__["_map_order"] = cached
        return list(cached[1])

    Session.in_map_order = in_map_order  # type: ignore[method-assign]


def gc_freeze() -> None:
    """gc.freeze() once the session is open: the widgets and the first session stop being
    rescanned by every full collection (the 70-200 ms pauses seen on key presses)."""
    from tpworkshop.tui.app import WorkshopApp

    original = WorkshopApp.open_session

    def open_session(self: WorkshopApp, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.call_after_refresh(gc.freeze)

    WorkshopApp.open_session = open_session  # type: ignore[method-assign]


def chrome_no_layout() -> None:
    """The status bar and the stepper (one line each, fixed height) updated without a layout
    pass: Static.update() lays out the whole screen by default, once a second (the timer
    tick) and after every edit."""
    from textual.widgets import Static

    from tpworkshop.tui.widgets.status_bar import StatusBar
    from tpworkshop.tui.widgets.stepper import Stepper

    def update(self: Static, content: Any = "", *, layout: bool = False) -> None:
        Static.update(self, content, layout=False)

    StatusBar.update = update  # type: ignore[method-assign]
    Stepper.update = update  # type: ignore[method-assign]


PATCHES: dict[str, Callable[[], None]] = {
    "baseline": lambda: None,
    "guide-static": guide_static,
    "map-order-cache": map_order_cache,
    "gc-freeze": gc_freeze,
    "chrome-no-layout": chrome_no_layout,
}


def apply(names: list[str]) -> None:
    for name in names:
        PATCHES[name]()


def main(argv: list[str]) -> int:
    db, session_id, *names = argv
    apply(names)
    from tpworkshop.tui.app import make_app

    app = make_app(db, session_id=int(session_id))
    app.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
