"""Shared fixtures: real files, never mocks."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
EXAMPLE_ES = EXAMPLES / "concesionario-5p-es.toml"


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE_ES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sessions" / "tpworkshop.db"


GAPS_JSON_KEYS = [
    "session",
    "summary",
    "stages",
    "findings",
    "accepted",
    "stale_accepted",
    "groups",
    "matrix",
    "top_priorities",
    "best",
]
"""The top-level keys of the analysis as JSON, in GAPS.md's order (`gaps --format json`)."""
