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


# --- text shown on a screen or written to a file -------------------------------------------
#
# What people type is data. New text cannot hold control characters (validation refuses
# them), but a database written by an older version, or edited by hand, may. Wherever text
# leaves the program (the app, the terminal, a report) it goes through ``visible``, so that
# an escape sequence is shown as symbols and never acts on the terminal.

_HIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (Unicode Cc) other than tab and newline."""
_HIDDEN_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def control_picture(char: str) -> str:
    """The symbol shown for a control character: U+241B '␛' for ESC, '␡' for DEL, and the
    replacement character '�' for the C1 controls (U+0080..U+009F), which have no symbol."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def _picture(match: re.Match[str]) -> str:
    return control_picture(match.group())


def visible(text: str) -> str:
    """``text`` with every control character but newline and tab shown as a symbol.

    ``"\\x1b]0;x\\x07"`` becomes ``"␛]0;x␇"``: printed, it is read, not obeyed.
    """
    if _HIDDEN.search(text) is None:
        return text
    return _HIDDEN.sub(_picture, text)


def visible_line(text: str) -> str:
    """``visible`` for a place that holds one line: a newline or tab becomes a space."""
    if _HIDDEN_OR_BREAK.search(text) is None:
        return text
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _HIDDEN.sub(_picture, text)


def without_controls(text: str) -> tuple[str, bool]:
    """Typed or pasted text made storable: ``\\r\\n`` and a lone ``\\r`` become ``\\n``, and
    every other control character but newline and tab is dropped. The flag says whether
    anything was dropped (line endings do not count)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _HIDDEN.sub("", text)
    return cleaned, len(cleaned) != len(text)


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f]")


def json_text(value: object) -> str:
    """``value`` as indented JSON that keeps accents and emoji as they are, with DEL and
    the C1 controls written as ``\\u`` escapes too (json escapes only U+0000..U+001F): the
    same data, and nothing a terminal would obey."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    if _JSON_UNSAFE.search(text) is None:
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
