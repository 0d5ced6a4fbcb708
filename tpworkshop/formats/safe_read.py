"""Reading a file someone handed us, and looking at its TOML before tomllib does.

A file to import may be hostile: ``/dev/zero`` never ends, a FIFO blocks the reader for
ever, and some small TOML files cost tomllib unbounded time and memory (an 80 KB file with
one 40,000-part dotted key took 26 s and 9.4 GB). FORMAT.md: a file larger than 16 MiB, or
anything that is not a regular file, is refused before it is parsed; and nothing that would
take more than about 2 s or 200 MB to parse is handed to tomllib.

:func:`read_limited` reads only regular files, checks the size before reading and never
reads more than the limit plus one byte (a file that grows meanwhile cannot beat the
check). :func:`scan_toml` is a linear pre-scan, at C speed (regular expressions and
``str.count``), that refuses the shapes that make tomllib slow: many-part dotted keys, deep
nesting, numbers with thousands of digits, and more keys, tables and list items than can be
read in about two seconds. Each refusal is a :class:`Refused` carrying a catalogue code
(``tpworkshop.formats.messages``) and its parameters; the reader turns it into one sentence.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 16 * 1024 * 1024
"""FORMAT.md: 16 MiB, checked before reading."""
MAX_KEY_PARTS = 10
"""Parts of one dotted key (``a.b.c`` has 3); FORMAT.md's own keys have at most 2."""
MAX_DEPTH = 16
"""Lists and inline tables inside each other; FORMAT.md's files nest 2 deep."""
MAX_DIGITS = 100
"""Digits of one number; FORMAT.md's numbers have at most 5 (votes: 0..10000)."""
MAX_WORK = 5_000_000
"""The work a file may cost, in units of about a microsecond of tomllib (measured on the
2-core development machine, quiet): a key 5, a ``[`` or ``{`` 8 (a table or a list: tables
also cost tomllib ~800 bytes each), a dot between key parts 4, a list item 3. An exported
file costs about 280,000 a MiB (16 MiB: about 4,500,000), which the fast path of
``toml_format`` reads about three times as fast as tomllib would."""
MAX_GENERAL_WORK = 2_000_000
"""The work a file may cost when tomllib reads it whole (it is not laid out as export
writes it: see ``toml_format._fast_parse``): about 2 s and at most ~200 MB, an exported
file of about 7 MiB (8,500 touchpoints) edited by hand."""

_READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Refused(Exception):
    """A file tpworkshop will not read: the catalogue code of the sentence, and its values."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


# --- the file --------------------------------------------------------------------------------


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, else Refused.

    ``os.stat`` is asked first, so a FIFO, a device or a folder is never opened; the file is
    then opened without blocking and checked again (it may have been swapped meanwhile), and
    read in chunks up to ``limit + 1`` bytes.
    """
    name = str(path)
    try:
        before = os.stat(path)
    except FileNotFoundError:
        raise Refused("file_missing", {"path": name}) from None
    except OSError as error:
        raise Refused("file_unreadable", {"path": name, "reason": _reason(error)}) from None
    _check_kind(before, name, limit)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise Refused("file_missing", {"path": name}) from None
    except OSError as error:
        raise Refused("file_unreadable", {"path": name, "reason": _reason(error)}) from None
    try:
        _check_kind(os.fstat(descriptor), name, limit)  # the file opened is the file checked
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(_READ_CHUNK, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise Refused("file_unreadable", {"path": name, "reason": _reason(error)}) from None
    finally:
        os.close(descriptor)
    if remaining <= 0:  # it grew past the limit while we read
        raise Refused("file_too_big", {"path": name, "limit": _mib(limit)})
    return b"".join(chunks)


def _check_kind(status: os.stat_result, name: str, limit: int) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise Refused("file_is_dir", {"path": name})
    if not stat.S_ISREG(status.st_mode):
        raise Refused("file_not_regular", {"path": name})
    if status.st_size > limit:
        raise Refused("file_too_big", {"path": name, "limit": _mib(limit)})


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _mib(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MiB"


# --- the TOML in it --------------------------------------------------------------------------

_STRINGS_AND_COMMENTS = re.compile(
    r'"(?:""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"{3,5}|[^"\\\n]*(?:\\.[^"\\\n]*)*")'
    r"|'(?:''[\s\S]*?'{3,5}|[^'\n]*')"
    r"|#[^\n]*"
)
"""A string or a comment, delimited as TOML delimits them: a multi-line basic string holds
anything but an unescaped ``\"\"\"`` and its closing delimiter may carry up to two more
quotes; a one-line string ends on its line. Written as unrolled loops (``[^"\\]*`` then
escapes), which the regular expression engine runs several times as fast as alternations."""
_LONG_DOTTED = re.compile(
    rf"\.(?:[ \t]*[A-Za-z0-9_-]+[ \t]*\.){{{MAX_KEY_PARTS - 1}}}[ \t]*[A-Za-z0-9_-]"
)
"""MAX_KEY_PARTS dots between bare words (a quoted part is one by then): a key of more parts.
It starts with a literal dot, so the regular expression engine skips to each dot."""
_LONG_NUMBER = re.compile(rf"(?<![0-9_])[0-9][0-9_]{{{MAX_DIGITS}}}")
"""More than MAX_DIGITS digits (underscores may separate them); it starts only where a run of
digits starts, so a long run is read once."""
_NOT_NESTING = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")
_NESTING = re.compile(r"[\[\]{}]")


def _blank(match: re.Match[str]) -> str:
    """A string becomes one bare word, keeping its newlines (line numbers stay the file's)."""
    return "S" + "\n" * match.group().count("\n")


@dataclass(frozen=True)
class Scan:
    """What the pre-scan measured: the work units of MAX_WORK."""

    work: int


def scan_toml(text: str) -> Scan:
    """Refuse (Refused) a TOML text whose shape would make tomllib slow or greedy.

    Linear in the text and at C speed: one substitution turns every string and comment into
    a bare word ``S`` (so what they hold, dots, brackets, "=", digits, is not taken for
    structure), then counts and searches run on what is left. Only when something is refused
    is the text read again, slowly, for the line to name. An unterminated string is left as
    it is: tomllib says where it is wrong.
    """
    bare = _STRINGS_AND_COMMENTS.sub("S", text)
    work = 5 * bare.count("=") + 4 * bare.count(".") + 3 * bare.count(",")
    work += 8 * (bare.count("[") + bare.count("{"))
    if work > MAX_WORK:
        raise Refused("toml_too_much", {})
    if bare.count(".") >= MAX_KEY_PARTS and _LONG_DOTTED.search(bare):
        raise Refused(
            "toml_key_parts", {"line": _first_line(text, _LONG_DOTTED), "limit": MAX_KEY_PARTS}
        )
    if _LONG_NUMBER.search(bare):
        raise Refused(
            "toml_long_number", {"line": _first_line(text, _LONG_NUMBER), "limit": MAX_DIGITS}
        )
    if _too_deep(bare):
        raise Refused("toml_too_deep", {"line": _deep_line(text), "limit": MAX_DEPTH})
    return Scan(work)


def check_general_work(scan: Scan) -> None:
    """Refused when the file is too big a job for tomllib reading it whole."""
    if scan.work > MAX_GENERAL_WORK:
        raise Refused("toml_too_much_general", {})


def _too_deep(bare: str) -> bool:
    """Lists and inline tables nested more than MAX_DEPTH deep: each pass removes the
    innermost ``[]`` and ``{}`` pairs of the brackets alone; a pass that still finds pairs
    after MAX_DEPTH of them found deeper nesting (or brackets so mismatched that tomllib
    would refuse the file anyway). A header's brackets close on their line like any other."""
    brackets = _NOT_NESTING.sub("", bare)
    for _ in range(MAX_DEPTH):
        brackets, removed = _INNERMOST.subn("", brackets)
        if not removed:
            return False
    return _INNERMOST.search(brackets) is not None


def _lines_blanked(text: str) -> str:
    """The text as scan_toml sees it, with the file's line numbers (slow: used on refusal)."""
    return _STRINGS_AND_COMMENTS.sub(_blank, text)


def _first_line(text: str, pattern: re.Pattern[str]) -> int:
    blanked = _lines_blanked(text)
    match = pattern.search(blanked)
    return _line(blanked, match.start()) if match else 1


def _deep_line(text: str) -> int:
    blanked = _lines_blanked(text)
    depth = 0
    for match in _NESTING.finditer(blanked):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _line(blanked, match.start())
        elif depth:
            depth -= 1
    return 1


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1
