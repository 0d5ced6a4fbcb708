"""Bilingual (en/es) message catalogues.

Each layer owns a :class:`Catalog` of its own strings; every catalogue registers
itself so a test can prove that no string exists in one language only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"

_REGISTRY: list[Catalog] = []


class Catalog:
    """A named set of messages, each given in every language of LANGUAGES."""

    def __init__(self, name: str, messages: Mapping[str, Mapping[str, str]]) -> None:
        self.name = name
        self.messages = dict(messages)
        _REGISTRY.append(self)

    def __call__(self, key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
        entry = self.messages[key]
        text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
        return text.format(**params) if params else text

    def __contains__(self, key: str) -> bool:
        return key in self.messages

    def missing(self) -> list[str]:
        """Keys that lack a non-empty text in one of the languages."""
        return [
            f"{self.name}:{key}:{lang}"
            for key, entry in self.messages.items()
            for lang in LANGUAGES
            if not entry.get(lang)
        ]


def all_catalogs() -> list[Catalog]:
    return list(_REGISTRY)


def normalise_language(value: str | None) -> str | None:
    """Map 'es_ES.UTF-8', 'ES', 'es' to 'es'; unknown values to None."""
    if not value:
        return None
    code = value.strip().split(".")[0].split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else None


def environment_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment asks for: LC_ALL wins over LANG (POSIX order)."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return normalise_language(value)
    return None


def resolve_language(
    cli: str | None = None, session: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """--lang beats the session's language, which beats LC_ALL/LANG; English last."""
    return (
        normalise_language(cli)
        or normalise_language(session)
        or environment_language(environ)
        or DEFAULT_LANGUAGE
    )


def format_percent(value: float, lang: str) -> str:
    """0.8 -> '80%' (en) or '80 %' (es)."""
    number = round(value * 100)
    return f"{number} %" if lang == "es" else f"{number}%"


def format_number(value: float, lang: str, places: int = 1) -> str:
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "es" else text


def format_date(value: date | datetime, lang: str) -> str:
    """23/11/2026 in Spanish, 2026-11-23 in English (ISO, unambiguous)."""
    if lang == "es":
        return value.strftime("%d/%m/%Y")
    return value.strftime("%Y-%m-%d")


def format_datetime(value: datetime, lang: str) -> str:
    if lang == "es":
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%Y-%m-%d %H:%M")
