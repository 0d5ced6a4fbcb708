"""Comparing names the way people mean them: trimmed, case- and accent-insensitive."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """'  Teléfono ' -> 'telefono'."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A key in [a-z0-9-]+ made from a display name, unique among ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40].strip("-") or "item"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate
