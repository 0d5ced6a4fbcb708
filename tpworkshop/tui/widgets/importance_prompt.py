"""A one-key prompt for a touchpoint's importance (1..5, or 0: back to its stage's weight).

The Assess step's rating prompt with its own words: the same keys (digits, 0, Esc) and the
same result (the digit; 0 for "none"; None when cancelled).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from tpworkshop.i18n.catalogs.tui_assess import TEXT
from tpworkshop.tui.display import content
from tpworkshop.tui.widgets.assess_dialogs import RatingPrompt


class ImportancePrompt(RatingPrompt):
    """Importance with one key: 1..5, or 0 for the stage's weight (returned as 0)."""

    def __init__(self, name: str, current: int | None, weight: int) -> None:
        super().__init__(name, current)
        self.weight = weight

    def compose(self) -> ComposeResult:
        lang = str(getattr(self.app, "lang", "en"))
        with Vertical(classes="dialog rating-dialog"):
            yield Label(
                content(TEXT("importance.title", lang, name=self.touchpoint_name)),
                classes="dialog-title",
            )
            yield Static(TEXT("importance.scale", lang), classes="rating-scale")
            yield Static(
                TEXT("importance.help", lang, weight=self.weight), classes="dialog-message"
            )
