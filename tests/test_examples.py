"""The repository's own examples and documents: every example imports, and every link in the
documents points at a file inside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO
from tpworkshop.analysis import analyse
from tpworkshop.formats.toml_format import dumps, load_path, loads

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toml"))
DOCUMENTS = [
    REPO / "README.md",
    REPO / "CHANGELOG.md",
    *sorted((REPO / "docs").glob("*.md")),
    REPO / "examples" / "README.md",
    REPO / "facilitation_guides" / "README.md",
]
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def test_there_is_an_english_and_a_spanish_example() -> None:
    assert {load_path(path).language for path in EXAMPLE_FILES} == {"en", "es"}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_an_example_imports_and_survives_export(path: Path) -> None:
    session = load_path(path)
    assert session.segments and session.stages and session.touchpoints and session.actions
    assert path.stem.endswith(f"-{session.language}")  # the file says its language
    exported = dumps(session)
    assert dumps(loads(exported)) == exported


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_an_example_has_findings_of_every_severity(path: Path) -> None:
    analysis = analyse(load_path(path))
    assert {finding.severity for finding in analysis.findings} == {"high", "medium", "low"}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(REPO)))
def test_links_stay_inside_the_repository(document: Path) -> None:
    for target in MARKDOWN_LINK.findall(document.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue  # a web address or a heading of the same page
        path = (document.parent / target.split("#")[0]).resolve()
        assert path.is_relative_to(REPO.resolve()), f"{target} leaves the repository"
        assert path.exists(), f"{target} does not exist"
    assert "../shared" not in document.read_text(encoding="utf-8")
