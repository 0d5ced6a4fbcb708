"""Field rules shared by storage, import and forms: one clear sentence per problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, Literal, overload

from tpworkshop.i18n import DEFAULT_LANGUAGE, Catalog
from tpworkshop.i18n.catalogs.values import value_named, value_word

MAX_NAME = 200
MAX_TEXT = 5000
MIN_RATING, MAX_RATING = 1, 5
MIN_VOTES, MAX_VOTES = 0, 10_000
MAX_DIGITS = 24
"""A number out of range with more digits is named by its length in the error."""
MAX_TYPED_DIGITS = 1000
"""Longer text is not read as a number at all."""

KEY_PATTERN = re.compile(r"^[a-z0-9-]+$")

MESSAGES = Catalog(
    "validation",
    {
        "required": {
            "en": "{field} must not be empty.",
            "es": "{field} no puede quedar en blanco.",
        },
        "too_long": {
            "en": "{field} is too long ({length} characters; the limit is {limit}).",
            "es": "{field} tiene demasiados caracteres ({length}; el máximo es {limit}).",
        },
        "control": {
            "en": "{field} must be a single line, without tabs or control characters.",
            "es": "{field} debe ocupar una sola línea, sin tabuladores ni caracteres de control.",
        },
        "control_text": {
            "en": "{field} must not hold control characters (only line breaks and tabs).",
            "es": "{field} no puede tener caracteres de control (solo saltos de línea y tabuladores).",
        },
        "not_text": {
            "en": "{field} must be text.",
            "es": "{field} debe ser un texto.",
        },
        "not_list": {
            "en": "{field} must be a list of texts.",
            "es": "{field} debe ser una lista de textos.",
        },
        "bad_key": {
            "en": "{field} must use only lowercase letters a-z, digits and '-' (got {value!r}).",
            "es": "{field} solo admite minúsculas a-z, dígitos y '-' (se recibió {value!r}).",
        },
        "not_int": {
            "en": "{field} must be a whole number.",
            "es": "{field} debe ser un número entero.",
        },
        "range": {
            "en": "{field} must be between {low} and {high} (got {value}).",
            "es": "{field} debe estar entre {low} y {high} (se recibió {value}).",
        },
        "range_huge": {
            "en": "{field} must be between {low} and {high} (got a number of {digits} digits).",
            "es": "{field} debe estar entre {low} y {high} (se recibió un número de {digits} cifras).",
        },
        "negative": {
            "en": "{field} cannot be negative (got {value}).",
            "es": "{field} no puede ser menor que 0 (se recibió {value}).",
        },
        "not_bool": {
            "en": "{field} must be true or false.",
            "es": "{field} debe ser true o false.",
        },
        "choice": {
            "en": "{field} must be one of {choices} (got {value!r}).",
            "es": "{field} debe ser uno de {choices} (se recibió {value!r}).",
        },
        "choice_meant": {
            "en": "{field} must be one of {choices}: write {meant!r}, not {value!r}.",
            "es": "{field} debe ser uno de {choices}: escribe {meant!r}, no {value!r}.",
        },
        "not_date": {
            "en": "{field} must be a date such as 2026-12-31.",
            "es": "{field} debe ser una fecha como 2026-12-31.",
        },
        "not_time": {
            "en": "{field} must be a date and time such as 2026-12-31T09:30.",
            "es": "{field} debe ser una fecha y hora como 2026-12-31T09:30.",
        },
        "duplicate": {
            "en": "{field} {value!r} is used twice.",
            "es": "{field} {value!r} aparece dos veces.",
        },
        "missing_ref": {
            "en": "{field} {value!r} does not exist.",
            "es": "{field} {value!r} no existe.",
        },
        "unknown_field": {
            "en": "{field} is not a known field.",
            "es": "{field} no es un campo conocido.",
        },
    },
)


class ValidationError(ValueError):
    """A value that breaks a rule; ``message(lang)`` gives the sentence to show."""

    def __init__(self, field: str, code: str, **params: Any) -> None:
        self.field = field
        self.code = code
        self.params = params
        super().__init__(self.message(DEFAULT_LANGUAGE))

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        from tpworkshop.domain.labels import field_subject

        if self.code == "choice":
            return self._choice_message(lang, field_subject(self.field, lang))
        return MESSAGES(self.code, lang, field=field_subject(self.field, lang), **self.params)

    def _choice_message(self, lang: str, subject: str) -> str:
        """The values a file may hold, each with its name in the language where it differs
        («human (humano)»); a value written as that name («Humano») is told which to write."""
        choices: tuple[str, ...] = self.params["choices"]
        value = self.params["value"]
        glossed = []
        for choice in choices:
            word = value_word(self.field, choice, lang)
            glossed.append(f"{choice} ({word})" if word and word != choice else choice)
        listed = ", ".join(glossed)
        meant = value_named(self.field, value) if isinstance(value, str) else None
        if meant is None and isinstance(value, str):
            meant = next((c for c in choices if c.casefold() == value.strip().casefold()), None)
        if meant is not None:
            return MESSAGES(
                "choice_meant", lang, field=subject, choices=listed, meant=meant, value=value
            )
        return MESSAGES("choice", lang, field=subject, choices=listed, value=value)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters multi-line text may not hold: all of Cc but tab and newline."""


def has_control(text: str) -> bool:
    """Any character of Unicode category Cc (C0, DEL, C1): tabs, newlines, NUL..."""
    return _CONTROL.search(text) is not None


def single_line(field: str, value: Any, *, required: bool = False, limit: int = MAX_NAME) -> str:
    """Trimmed one-line text: names, keys, owners, channels, list items."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "not_text")
    text = value.strip()
    if has_control(text):
        raise ValidationError(field, "control")
    if required and not text:
        raise ValidationError(field, "required")
    if len(text) > limit:
        raise ValidationError(field, "too_long", length=len(text), limit=limit)
    return text


def name(field: str, value: Any) -> str:
    return single_line(field, value, required=True)


def optional_line(field: str, value: Any) -> str:
    return single_line(field, value)


def multi_line(field: str, value: Any, *, limit: int = MAX_TEXT) -> str:
    """Free text kept as typed (not trimmed): newlines and tabs allowed, ``\\r\\n`` and a
    lone ``\\r`` stored as ``\\n``, any other control character (ESC, BEL, NUL, DEL, C1)
    refused (FORMAT.md)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, "not_text")
    text: str = value
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL_IN_TEXT.search(text) is not None:
        raise ValidationError(field, "control_text")
    if len(text) > limit:
        raise ValidationError(field, "too_long", length=len(text), limit=limit)
    return text


def text_list(field: str, value: Any) -> list[str]:
    """A list of one-line items; blank items are dropped."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ValidationError(field, "not_list")
    items = [single_line(f"{field}[{i + 1}]", item) for i, item in enumerate(value)]
    return [item for item in items if item]


def key(field: str, value: Any) -> str:
    text = single_line(field, value, required=True)
    if not KEY_PATTERN.match(text):
        raise ValidationError(field, "bad_key", value=text)
    return text


_DIGITS = re.compile(r"[+-]?[0-9]+")


def integer(field: str, value: Any) -> int:
    if isinstance(value, bool):
        raise ValidationError(field, "not_int")
    if isinstance(value, str):
        text = value.strip()
        # Bounded length: int() of thousands of digits is slow, and refused past 4,300.
        if len(text) > MAX_TYPED_DIGITS or _DIGITS.fullmatch(text) is None:
            raise ValidationError(field, "not_int")
        return int(text)
    if isinstance(value, int):
        return value
    raise ValidationError(field, "not_int")


def in_range(field: str, value: Any, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``; one sentence naming the field otherwise."""
    number = integer(field, value)
    if not low <= number <= high:
        if abs(number) >= 10**MAX_DIGITS:  # said by its length, not printed whole
            digits = len(str(abs(number))) if number.bit_length() < 4000 else "1000+"
            raise ValidationError(field, "range_huge", low=low, high=high, digits=digits)
        raise ValidationError(field, "range", low=low, high=high, value=number)
    return number


def rating(field: str, value: Any) -> int:
    return in_range(field, value, MIN_RATING, MAX_RATING)


def votes(field: str, value: Any) -> int:
    """Dot votes on a touchpoint: 0..10000 (FORMAT.md)."""
    return in_range(field, value, MIN_VOTES, MAX_VOTES)


def optional_rating(field: str, value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return rating(field, value)


def count(field: str, value: Any) -> int:
    number = integer(field, value)
    if number < 0:
        raise ValidationError(field, "negative", value=number)
    return number


def boolean(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(field, "not_bool")
    return value


@overload
def choice(
    field: str, value: Any, choices: tuple[str, ...], *, optional: Literal[False]
) -> str: ...
@overload
def choice(
    field: str, value: Any, choices: tuple[str, ...], *, optional: bool = True
) -> str | None: ...
def choice(
    field: str, value: Any, choices: tuple[str, ...], *, optional: bool = True
) -> str | None:
    if value is None or (optional and isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise ValidationError(field, "required")
    if not isinstance(value, str) or value.strip() not in choices:
        raise ValidationError(field, "choice", choices=choices, value=value)
    return value.strip()


def optional_date(field: str, value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(field, "not_date")


Cleaner = Callable[[str, Any], Any]
