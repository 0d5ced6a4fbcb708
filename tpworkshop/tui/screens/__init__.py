"""Screens: the session picker, the six workshop steps, help and dialogs."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tpworkshop.tui.screens.base import StepScreen

_STEP_MODULES = {
    "setup": ("setup", "SetupScreen"),
    "segments": ("segments", "SegmentsScreen"),
    "touchpoints": ("touchpoints", "TouchpointsScreen"),
    "details": ("details", "DetailsScreen"),
    "assess": ("assess", "AssessScreen"),
    "analysis": ("analysis", "AnalysisScreen"),
}


def step_screen_class(step: str) -> type[StepScreen]:
    module_name, class_name = _STEP_MODULES[step]
    module = importlib.import_module(f"tpworkshop.tui.screens.{module_name}")
    return getattr(module, class_name)  # type: ignore[no-any-return]
