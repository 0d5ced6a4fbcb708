"""Every string exists in both languages; language precedence; locale formatting."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date

import pytest

import tpworkshop
from tpworkshop.domain.frameworks import FRAMEWORKS
from tpworkshop.i18n import (
    LANGUAGES,
    all_catalogs,
    format_date,
    format_number,
    format_percent,
    resolve_language,
)


def import_everything() -> None:
    for module in pkgutil.walk_packages(tpworkshop.__path__, "tpworkshop."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)


def test_every_catalogue_string_exists_in_every_language() -> None:
    import_everything()
    catalogs = all_catalogs()
    assert len(catalogs) >= 10  # cli, validation, storage, analysis, tui screens...
    missing = [entry for catalog in catalogs for entry in catalog.missing()]
    assert missing == []


def test_catalogue_placeholders_match_between_languages() -> None:
    import string

    import_everything()
    problems = []
    for catalog in all_catalogs():
        for key, entry in catalog.messages.items():
            fields = {
                lang: {f for _, f, _, _ in string.Formatter().parse(entry.get(lang, "")) if f}
                for lang in LANGUAGES
            }
            # The one allowed difference: an English-only library detail left out in Spanish.
            if fields["en"] - {"detail"} != fields["es"] - {"detail"}:
                problems.append(f"{catalog.name}:{key} {fields}")
    assert problems == []


def test_framework_stage_names_in_both_languages() -> None:
    for framework in FRAMEWORKS.values():
        assert all(framework.names[lang] for lang in LANGUAGES)
        for stage in framework.stages:
            assert all(stage.names[lang] for lang in LANGUAGES), stage.key


@pytest.mark.parametrize(
    ("cli", "session", "env", "expected"),
    [
        ("es", "en", {"LANG": "en_US.UTF-8"}, "es"),
        (None, "es", {"LANG": "en_US.UTF-8"}, "es"),
        (None, None, {"LANG": "es_ES.UTF-8"}, "es"),
        (None, None, {"LC_ALL": "es_MX.UTF-8", "LANG": "en_GB.UTF-8"}, "es"),
        (None, None, {"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),
        (None, None, {}, "en"),
        ("fr", None, {"LANG": "es_ES"}, "es"),
    ],
)
def test_language_precedence(cli, session, env, expected) -> None:  # noqa: ANN001
    assert resolve_language(cli, session, env) == expected


def test_spanish_conventions_for_numbers_and_dates() -> None:
    assert format_percent(0.8, "es") == "80 %"
    assert format_percent(0.8, "en") == "80%"
    assert format_date(date(2026, 11, 23), "es") == "23/11/2026"
    assert format_number(3.25, "es", 2) == "3,25"
