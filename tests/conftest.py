"""Shared fixtures: real files, never mocks."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = SHARED / "examples"
EXAMPLE_ES = EXAMPLES / "concesionario-5p-es.toml"


@pytest.fixture
def example_path() -> Path:
    if not EXAMPLE_ES.exists():
        pytest.skip("../shared/examples is not beside the repository")
    return EXAMPLE_ES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sessions" / "tpworkshop.db"
