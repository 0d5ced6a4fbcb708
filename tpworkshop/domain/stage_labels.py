"""Stage names that fit where space is short, still told apart (the map, the Analysis grids,
the Details headers, the Assess table, the gap summary printed at 80 columns).

A name that fits is shown whole. A framework's stage (under the name the framework gave it,
in either language) shows its designed short label (``FrameworkStage.shorts``). Any other
name is cut, and every cut ends in "…"; when cutting would make two stages look the same
("Contacto fundamental" and "Contacto principal" both "Contacto …"), the words they share
at the start are left out so what tells them apart stays ("Fundamental…", "Principal…").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

from tpworkshop.domain.frameworks import FRAMEWORKS

ELLIPSIS = "…"


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide (CJK, most emoji) characters two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells; when it does not fit it ends in "…"."""
    if cell_width(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    kept = []
    used = 0
    for char in text:
        size = cell_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept).rstrip() + ELLIPSIS


@cache
def _short_labels() -> dict[str, str]:
    """Every framework stage name (case folded), in every language, to its short label."""
    shorts: dict[str, str] = {}
    for framework in FRAMEWORKS.values():
        for stage in framework.stages:
            for lang, name in stage.names.items():
                shorts.setdefault(name.casefold(), stage.shorts[lang])
    return shorts


def short_label(name: str) -> str | None:
    """The designed short label of a framework stage named ``name``; None for any other."""
    return _short_labels().get(name.strip().casefold())


def stage_labels(names: Sequence[str], width: int) -> list[str]:
    """One label per stage name, each at most ``width`` cells, told apart where possible."""
    labels = [_first_try(name, width) for name in names]
    for group in [*_sharing_a_first_word(names, labels), *_clashes(names, labels)]:
        for index, label in zip(group, _apart([names[i] for i in group], width), strict=True):
            labels[index] = label
    for group in _clashes(names, labels):  # still alike: numbered
        for n, index in enumerate(group, start=1):
            labels[index] = _cut_anyway(f"{n} {names[index]}", width)
    return labels


def _sharing_a_first_word(names: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    """Stages cut (not shown whole, nor by a short label) whose names start with the same
    word: cut as they are, they would show mostly that word ("Contacto fu…")."""
    groups: dict[str, list[int]] = {}
    for index, (name, label) in enumerate(zip(names, labels, strict=True)):
        words = name.split()
        if len(words) > 1 and label.endswith(ELLIPSIS) and label != short_label(name):
            groups.setdefault(words[0].casefold(), []).append(index)
    return [group for group in groups.values() if len(group) > 1]


def _first_try(name: str, width: int) -> str:
    if cell_width(name) <= width:
        return name
    short = short_label(name)
    if short is not None and cell_width(short) <= width:
        return short
    return cut(short or name, width)


def _clashes(names: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    """Indexes of stages with different names shown with the same label."""
    by_label: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        by_label.setdefault(label.casefold(), []).append(index)
    return [
        group
        for group in by_label.values()
        if len({names[i].strip().casefold() for i in group}) > 1
    ]


def _apart(names: Sequence[str], width: int) -> list[str]:
    """Labels for names that look alike once cut: without the words they all start with,
    then cut ("Contacto fundamental", "Contacto principal" -> "Fundamental…",
    "Principal…")."""
    words = [name.split() for name in names]
    shared = 0
    while (
        all(len(w) > shared + 1 for w in words) and len({w[shared].casefold() for w in words}) == 1
    ):
        shared += 1
    rests = [" ".join(w[shared:]) for w in words]
    labels = []
    for rest in rests:
        rest = rest[:1].upper() + rest[1:]
        # Words were left out: the label ends in "…" even when what is left fits.
        labels.append(_cut_anyway(rest, width) if shared else cut(rest, width))
    return labels


def _cut_anyway(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells and ending in "…" even if it would have fitted (a
    number stood in for what was left out)."""
    return cut(text + " " * width, width)
