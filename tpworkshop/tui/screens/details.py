"""The details step (placeholder until built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tpworkshop.tui.screens.base import StepScreen


class DetailsScreen(StepScreen):
    STEP = "details"

    def compose_body(self) -> ComposeResult:
        yield Static(self.step_name(), id="details-placeholder")
