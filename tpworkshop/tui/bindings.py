"""Key bindings named by catalogue keys, shown in the interface language.

A binding's description (and its group's) is written as a catalogue key, such as
``Binding("f5", "next_step", "key.next")``. Screens that mix in :class:`TranslatedBindings`
hand Textual's footer their active bindings with those keys replaced by the text in the
app's language, at the moment the footer asks: nothing is stored translated, so a change
of language needs no redo. The help screen reads the same translations.

Which catalogues name a node's bindings: the node's ``BINDING_CATALOGS`` (a class
attribute; the first catalogue that holds a key gives its text), else :data:`UI`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import ClassVar, TypeVar

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.screen import Screen

from tpworkshop.i18n import DEFAULT_LANGUAGE, Catalog
from tpworkshop.i18n.catalogs.tui import UI

Catalogs = tuple[Catalog, ...]
Result = TypeVar("Result")


def catalogs_of(node: object) -> Catalogs:
    """The catalogues that name ``node``'s bindings."""
    catalogs: Catalogs = getattr(node, "BINDING_CATALOGS", (UI,))
    return catalogs


def interface_language(node: DOMNode) -> str:
    """The language the app shows (``lang`` on the app), English before an app exists."""
    lang = getattr(node.app, "lang", None)
    return lang if isinstance(lang, str) else DEFAULT_LANGUAGE


def _text(key: str, catalogs: Catalogs, lang: str, n: str) -> str | None:
    for catalog in catalogs:
        if key in catalog:
            return catalog(key, lang, n=n)
    return None


@lru_cache(maxsize=2048)
def translated(binding: Binding, catalogs: Catalogs, lang: str) -> Binding:
    """``binding`` with its description and group named in ``lang`` (``{n}``: its key)."""
    description = _text(binding.description, catalogs, lang, binding.key)
    group = binding.group
    group_text = _text(group.description, catalogs, lang, binding.key) if group else None
    if description is None and group_text is None:
        return binding
    return dataclasses.replace(
        binding,
        description=binding.description if description is None else description,
        group=group
        if group is None or group_text is None
        else Binding.Group(group_text, compact=group.compact),
    )


def declared_bindings(node: DOMNode) -> list[Binding]:
    """The bindings ``node``'s class declares in ``BINDINGS``, its bases' included: a key
    bound again in a subclass replaces the base's binding, as Textual merges them."""
    by_key: dict[str, list[Binding]] = {}
    for cls in reversed(type(node).__mro__):
        declared = cls.__dict__.get("BINDINGS")
        if not declared:
            continue
        keys: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(declared):
            keys.setdefault(binding.key, []).append(binding)
        by_key.update(keys)
    return [binding for bindings in by_key.values() for binding in bindings]


def shown_bindings(node: DOMNode, bindings: Iterable[Binding]) -> Iterator[Binding]:
    """``bindings`` (declared by ``node``) as the interface shows them."""
    catalogs, lang = catalogs_of(node), interface_language(node)
    for binding in bindings:
        yield translated(binding, catalogs, lang)


class TranslatedBindings(Screen[Result]):
    """A screen whose footer shows binding descriptions in the interface language.

    Its own bindings are named by ``BINDING_CATALOGS``; a modal screen lists it first:
    ``class Dialog(TranslatedBindings[bool], ModalScreen[bool])``.
    """

    BINDING_CATALOGS: ClassVar[Catalogs] = (UI,)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        lang = interface_language(self)
        return {
            key: ActiveBinding(
                active.node,
                translated(active.binding, catalogs_of(active.node), lang),
                active.enabled,
                active.tooltip,
            )
            for key, active in super().active_bindings.items()
        }
