"""One vocabulary: every catalogue and every shipped guide follows facilitation_guides/glossary.md.

The glossary's last section is TOML: ``[[avoid]]`` rules (a language, a regular expression
that must not match, an example it catches, what to write instead), ``[[term]]`` entries
(catalogue messages that must read exactly as the glossary says) and the English words that
must never show in Spanish.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.test_i18n import import_everything
from tpworkshop.domain.frameworks import FRAMEWORKS
from tpworkshop.domain.labels import FIELD_LABELS
from tpworkshop.domain.validation import MESSAGES as VALIDATION
from tpworkshop.domain.validation import ValidationError
from tpworkshop.guides import shipped_guides_dir
from tpworkshop.i18n import LANGUAGES, all_catalogs

GLOSSARY = shipped_guides_dir() / "glossary.md"
RULES_HEADING = "## Rules the test reads"


@dataclass(frozen=True)
class Rule:
    lang: str
    pattern: re.Pattern[str]
    example: str
    use: str


@dataclass(frozen=True)
class Text:
    where: str
    lang: str
    text: str


@cache
def glossary() -> dict[str, Any]:
    """The TOML block under the rules heading of glossary.md."""
    markdown = GLOSSARY.read_text(encoding="utf-8")
    section = markdown.split(RULES_HEADING, 1)[1]
    block = re.search(r"```toml\n(.*?)\n```", section, re.S)
    assert block, f"{GLOSSARY} has no ```toml block under {RULES_HEADING!r}"
    return tomllib.loads(block.group(1))


def rules(lang: str | None = None) -> list[Rule]:
    found = [
        Rule(r["lang"], re.compile(r["pattern"]), r["example"], r["use"])
        for r in glossary()["avoid"]
    ]
    return [rule for rule in found if lang is None or rule.lang == lang]


def without_placeholders(text: str) -> str:
    """The words a reader sees: ``{name}`` fields and argparse's ``%(name)s`` left out."""
    text = re.sub(r"%(?:\(\w+\))?[rsd]", "", text)
    try:
        parts = string.Formatter().parse(text)
        return "".join(literal for literal, *_ in parts)
    except ValueError:
        return text


def catalogue_texts() -> Iterator[Text]:
    """Every message of every catalogue, and the framework and stage names."""
    import_everything()
    for catalog in all_catalogs():
        for key, entry in catalog.messages.items():
            for lang in LANGUAGES:
                if entry.get(lang):
                    yield Text(f"{catalog.name}:{key}", lang, without_placeholders(entry[lang]))
    for framework in FRAMEWORKS.values():
        for lang in LANGUAGES:
            yield Text(f"framework {framework.key}", lang, framework.names[lang])
            for stage in framework.stages:
                for label in (stage.names[lang], stage.shorts[lang], stage.hints[lang]):
                    yield Text(f"framework {framework.key}:{stage.key}", lang, label)


def guide_texts() -> Iterator[Text]:
    """Every paragraph (or list) of every shipped guide, its lines joined, by language."""
    root = shipped_guides_dir()
    for lang in LANGUAGES:
        for path in sorted((root / lang).glob("*.md")):
            block: list[str] = []
            start = 1
            lines = path.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate([*lines, ""], start=1):
                if line.strip():
                    if not block:
                        start = number
                    block.append(line.strip())
                elif block:
                    yield Text(f"{path.relative_to(root)}:{start}", lang, " ".join(block))
                    block = []


def violations(texts: Iterator[Text]) -> list[str]:
    by_lang = {lang: rules(lang) for lang in LANGUAGES}
    found = []
    for item in texts:
        for rule in by_lang[item.lang]:
            match = rule.pattern.search(item.text)
            if match:
                found.append(f"{item.where} ({item.lang}): {match.group(0)!r} -> {rule.use}")
    return sorted(set(found))


# --- the glossary itself ---------------------------------------------------------------------


def test_every_rule_catches_its_example() -> None:
    assert rules(), "the glossary lists no rules"
    missed = [rule.example for rule in rules() if not rule.pattern.search(rule.example)]
    assert missed == []


def test_rules_are_for_known_languages() -> None:
    assert {rule.lang for rule in rules()} <= set(LANGUAGES)


def test_the_glossary_tables_obey_their_own_rules_in_the_spanish_column() -> None:
    """The canonical terms (the bold ones and the plain table cells) are not forbidden."""
    for term in glossary()["term"]:
        for lang in LANGUAGES:
            hits = [r.use for r in rules(lang) if r.pattern.search(term[lang])]
            assert hits == [], (term, lang)


# --- catalogues and guides ---------------------------------------------------------------


def test_catalogues_follow_the_glossary() -> None:
    assert violations(catalogue_texts()) == []


def test_shipped_guides_follow_the_glossary() -> None:
    assert violations(guide_texts()) == []


def test_no_english_word_in_a_spanish_message() -> None:
    words = set(glossary()["english"]["words"])
    found = []
    for item in catalogue_texts():
        if item.lang != "es":
            continue
        # A hyphenated identifier ("five-stage", a framework key) is one word, not two.
        for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", item.text):
            if word in words:
                found.append(f"{item.where}: {word!r} in {item.text!r}")
    assert found == []


def test_catalogue_terms_read_as_the_glossary_says() -> None:
    import_everything()
    catalogs = {catalog.name: catalog for catalog in all_catalogs()}
    wrong = []
    for term in glossary()["term"]:
        for ref in term["in"]:
            name, key = ref.split(":", 1)
            assert name in catalogs, f"glossary names an unknown catalogue {name!r}"
            for lang in LANGUAGES:
                shown = catalogs[name](key, lang)
                if shown != term[lang]:
                    wrong.append(f"{ref} ({lang}): {shown!r}, the glossary says {term[lang]!r}")
    assert wrong == []


def test_spanish_sentences_about_a_field_start_with_its_article() -> None:
    """«El nombre no puede quedar en blanco», never «Nombre no puede estar vacío»."""
    params = {
        "length": 250,
        "limit": 200,
        "value": "x",
        "low": 1,
        "high": 5,
        "choices": ("a", "b"),
        "meant": "a",
        "digits": 30,
    }
    leading = [
        code for code, entry in VALIDATION.messages.items() if entry["es"].startswith("{field}")
    ]
    assert leading, "no validation message starts with the field"
    bad = []
    for field in FIELD_LABELS.messages:
        for code in leading:
            for name in (field, f"{field}[2]"):
                sentence = ValidationError(name, code, **params).message("es")
                if not re.match(r"(?:El|La|Los|Las|Cada) ", sentence):
                    bad.append(sentence)
    assert bad == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_tables_name_every_step(lang: str) -> None:
    from tpworkshop.i18n.catalogs.tui import STEP_NAMES

    markdown = GLOSSARY.read_text(encoding="utf-8")
    for step in ("setup", "segments", "touchpoints", "details", "assess", "analysis"):
        assert STEP_NAMES(step, lang) in markdown, step


def test_glossary_is_linked_from_the_guides_readme() -> None:
    readme = Path(shipped_guides_dir(), "README.md").read_text(encoding="utf-8")
    assert "glossary.md" in readme
