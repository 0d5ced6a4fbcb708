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
