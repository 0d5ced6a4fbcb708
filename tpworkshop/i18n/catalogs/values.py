"""The words for the values of closed lists (a touchpoint's kind, initiative and evidence, an
action's status), keyed ``FIELD.VALUE`` as the file and the database store them.

The edit history says «humano» for ``human``; an import error lists ``human (humano)`` and
tells a Spanish speaker who wrote «humano» in a file to write ``human``.
"""

from __future__ import annotations

from tpworkshop.i18n import Catalog

VALUE_WORDS = Catalog(
    "values",
    {
        "kind.communication": {"en": "communication", "es": "comunicación"},
        "kind.human": {"en": "human", "es": "humano"},
        "kind.physical": {"en": "physical", "es": "físico"},
        "kind.sensory": {"en": "sensory", "es": "sensorial"},
        "initiative.proactive": {"en": "proactive", "es": "proactivo"},
        "initiative.reactive": {"en": "reactive", "es": "reactivo"},
        "evidence.assumed": {"en": "assumed", "es": "supuesta"},
        "evidence.reported": {"en": "reported", "es": "referida"},
        "evidence.observed": {"en": "observed", "es": "observada"},
        "evidence.measured": {"en": "measured", "es": "medida"},
        "status.open": {"en": "open", "es": "abierta"},
        "status.done": {"en": "done", "es": "hecha"},
    },
)


def value_word(field: str, value: object, lang: str) -> str | None:
    """How the language names ``value`` of the closed list ``field``; None if it is not one."""
    key = f"{field}.{value}"
    return VALUE_WORDS(key, lang) if key in VALUE_WORDS else None


def value_named(field: str, word: str) -> str | None:
    """The stored value whose name, in any language, is ``word`` (any case): «Humano» → human."""
    folded = word.strip().casefold()
    for key, names in VALUE_WORDS.messages.items():
        name, _, value = key.partition(".")
        if name == field and folded in {text.casefold() for text in names.values()}:
            return value
    return None
