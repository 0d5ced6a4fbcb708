"""The TOML summary format ``tpworkshop/1`` of FORMAT.md: export and strict import.

Export writes a flat, ordered file (keys in FORMAT.md order, defaults omitted) whose values
are encoded with tomli-w; import reads it with tomllib, checks every table, entry and key,
and either returns a whole :class:`Session` or raises :class:`FormatError` listing every
problem. Per-field rules come from the domain (``clean``), so they live in one place.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import tomli_w

from tpworkshop.analysis.gaps import RULES
from tpworkshop.domain.labels import field_subject
from tpworkshop.domain.model import (
    DEFAULT_DOTS,
    Accepted,
    Action,
    Segment,
    Session,
    Stage,
    Touchpoint,
    clean,
)
from tpworkshop.domain.validation import ValidationError, has_control
from tpworkshop.formats.messages import MESSAGES
from tpworkshop.formats.safe_read import Refused, check_general_work, read_limited, scan_toml
from tpworkshop.i18n import DEFAULT_LANGUAGE

FORMAT_ID = "tpworkshop/1"

PROBLEM_LANGUAGES = ("en", "es")
"""The languages every Problem carries a sentence in (``message_en``, ``message_es``)."""
TOP_LEVEL = "top level"
MAX_INLINE_ARRAY = 100
"""Arrays whose line fits in this many characters are written on one line."""
MAX_PROBLEMS = 100
"""Problems listed one by one; the rest of a hostile file's are counted."""

# --- problems ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (table and entry), which key, and why.

    ``where`` is ``"session"``, ``"stages[2] (pre)"``, ``"touchpoints[3] (tp-7)"``,
    ``"top level"`` for top-level keys, or ``""`` for the file as a whole (encoding,
    syntax, reading). Entry numbers count from 1, in file order.
    """

    where: str
    field: str | None
    message_en: str
    message_es: str

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The sentence alone, in ``lang``."""
        return self.message_es if lang == "es" else self.message_en

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The sentence with its place: 'touchpoints[3] (tp-7), name: Name must not ...'."""
        place = ", ".join(part for part in (self.where, self.field) if part)
        return f"{place}: {self.message(lang)}" if place else self.message(lang)

    def __str__(self) -> str:
        return self.describe()


class FormatError(Exception):
    """A file that cannot be imported; ``problems`` lists every reason, in file order.

    A hostile file can hold a million wrong keys: past MAX_PROBLEMS the rest are only
    counted (``unlisted``), and a last line says how many more there are.
    """

    def __init__(self, problems: list[Problem], unlisted: int = 0) -> None:
        self.problems = list(problems)
        self.unlisted = unlisted
        if unlisted:
            self.problems.append(_catalog_problem("", None, "more_problems", count=unlisted))
        super().__init__(self.problems)

    @property
    def count(self) -> int:
        """How many problems the file has, listed or not."""
        return len(self.problems) - (1 if self.unlisted else 0) + self.unlisted

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Every problem, one per line, in ``lang``."""
        return "\n".join(problem.describe(lang) for problem in self.problems)

    def __str__(self) -> str:
        return self.message()


def _catalog_problem(where: str, field: str | None, code: str, **params: Any) -> Problem:
    en, es = (MESSAGES(code, lang, **params) for lang in PROBLEM_LANGUAGES)
    return Problem(where, field, en, es)


def _file_problem(code: str, **params: Any) -> FormatError:
    return FormatError([_catalog_problem("", None, code, **params)])


# --- the keys of each table, in FORMAT.md order --------------------------------------------

TEXT, TEXTS, INT, BOOL, DATE, DATETIME = "text", "texts", "int", "bool", "date", "datetime"


@dataclass(frozen=True)
class _Key:
    name: str
    """The key in the file."""
    attr: str
    """The field of the domain dataclass."""
    kind: str
    required: bool = False
    """Must be in the file (import) and is always written (export)."""
    always: bool = False
    """Optional on import but always written on export (no 'empty' default to omit)."""
    multiline: bool = False
    """Free text that may span lines; written as a \"\"\" string when it does."""
    default: object = None
    """A value other than the usual empty ones that export may leave out (dots: 3)."""


def _key(
    name: str, kind: str = TEXT, *, attr: str = "", default: object = None, **flags: bool
) -> _Key:
    return _Key(name, attr or name, kind, default=default, **flags)


SESSION_KEYS = (
    _key("name", required=True),
    _key("organisation"),
    _key("facilitator"),
    _key("participants", TEXTS),
    _key("language", always=True),
    _key("framework", always=True),
    _key("notes", multiline=True),
    _key("dots_per_participant", INT, default=DEFAULT_DOTS),
    _key("created", DATETIME),
    _key("updated", DATETIME),
)
STAGE_KEYS = (
    _key("key", required=True),
    _key("name", required=True),
    _key("weight", INT, always=True),
)
SEGMENT_KEYS = (
    _key("key", required=True),
    _key("name", required=True),
    _key("description", multiline=True),
)
TOUCHPOINT_KEYS = (
    _key("id", attr="ref", required=True),
    _key("segment", required=True),
    _key("stage", required=True),
    _key("name", required=True),
    _key("channel"),
    _key("kind"),
    _key("initiative"),
    _key("need", multiline=True),
    _key("interactions", TEXTS),
    _key("owner"),
    _key("processes", TEXTS),
    _key("people", TEXTS),
    _key("customer_contacts", TEXTS),
    _key("desired_outcome", multiline=True),
    _key("data_generated", TEXTS),
    _key("optimal_experience", multiline=True),
    _key("effectiveness", INT),
    _key("pain_point", BOOL),
    _key("pain_note", multiline=True),
    _key("votes", INT),
    _key("importance", INT),
    _key("moment_of_truth", BOOL),
    _key("evidence"),
)
ACTION_KEYS = (
    _key("title", required=True),
    _key("touchpoint"),
    _key("owner"),
    _key("due", DATE),
    _key("status", always=True),
)
ACCEPTED_KEYS = (
    _key("rule", required=True),
    _key("segment"),
    _key("stage"),
    _key("touchpoint"),
    _key("reason", required=True),
    _key("by"),
)
TOP_LEVEL_KEYS = (
    "format",
    "session",
    "stages",
    "segments",
    "touchpoints",
    "actions",
    "accepted",
    "gaps",
)


# --- export --------------------------------------------------------------------------------

_PLAIN_STRING = re.compile(r'[^"\\\x00-\x08\x0a-\x1f\x7f]*')
"""Text tomli-w writes as-is between double quotes (nothing to escape)."""


def dumps(session: Session, gaps: Mapping[str, Any] | None = None) -> str:
    """The session as ``tpworkshop/1`` TOML text; ``gaps`` becomes the final [gaps] table."""
    chunks = [f"format = {_encode_string(FORMAT_ID)}\n", _table("[session]", SESSION_KEYS, session)]
    chunks += [_table("[[stages]]", STAGE_KEYS, stage) for stage in session.stages]
    chunks += [_table("[[segments]]", SEGMENT_KEYS, segment) for segment in session.segments]
    chunks += [_table("[[touchpoints]]", TOUCHPOINT_KEYS, tp) for tp in session.in_map_order()]
    chunks += [_table("[[actions]]", ACTION_KEYS, action) for action in session.actions]
    chunks += [_table("[[accepted]]", ACCEPTED_KEYS, entry) for entry in session.accepted]
    if gaps is not None:
        chunks.append(_gaps_table(gaps))
    return _escape_c1("\n".join(chunks))


_C1 = re.compile(r"[\x80-\x9f]")


def _escape_c1(text: str) -> str:
    """C1 control characters (which TOML allows raw in strings, and only a database of an
    older version can hold) as ``\\u0085`` escapes: the same value, and nothing a terminal
    obeys when the file is printed. Every string in the file is a basic string, where the
    escape means the same."""
    if _C1.search(text) is None:
        return text
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _table(header: str, keys: tuple[_Key, ...], entity: object) -> str:
    lines = [header]
    plain = _PLAIN_STRING.fullmatch
    for key in keys:
        value = getattr(entity, key.attr)
        if type(value) is str and plain(value):  # most values: as _encode_string writes them
            if value or key.required or key.always:
                lines.append(f'{key.name} = "{value}"')
        elif not _holds_default(key, value):
            lines.append(f"{key.name} = {_encode(key.name, value, multiline=key.multiline)}")
    lines.append("")
    return "\n".join(lines)


def _holds_default(key: _Key, value: Any) -> bool:
    """True when export may leave the key out: empty text or list, None, false, votes 0."""
    if key.required or key.always:
        return False
    if key.default is not None:
        return value == key.default and not isinstance(value, bool)
    if value is None or value is False or value == "":
        return True
    if isinstance(value, list | tuple):
        return not value
    return key.name == "votes" and value == 0 and not isinstance(value, bool)


def _encode(name: str, value: Any, *, multiline: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _encode_string(value, multiline=multiline)
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, int | date):
        return str(value)  # what tomli-w writes for integers and dates
    if isinstance(value, list | tuple):
        return _encode_array(name, value)
    return _tomli_w_value(value)


def _encode_string(text: str, *, multiline: bool = False) -> str:
    """``text`` as a TOML string, exactly as tomli-w writes it.

    A string with a newline is written as a multi-line (\"\"\") string when allowed, unless it
    also holds a carriage return: tomli-w turns CRLF into LF in multi-line strings, so those
    are written on one line with escapes, which keeps every byte.
    """
    if _PLAIN_STRING.fullmatch(text):
        return f'"{text}"'  # what tomli-w writes too; skipping it keeps export fast
    as_multiline = multiline and "\n" in text and "\r" not in text
    return _tomli_w_value(text, multiline=as_multiline)


def _tomli_w_value(value: Any, *, multiline: bool = False) -> str:
    line = tomli_w.dumps({"v": value}, multiline_strings=multiline)
    return line[len("v = ") : -1]


def _encode_array(name: str, items: list[Any] | tuple[Any, ...]) -> str:
    """One line when short (like FORMAT.md), else one item per line as tomli-w does."""
    encoded = [_encode(name, item) for item in items]
    one_line = f"[{', '.join(encoded)}]"
    if len(name) + len(" = ") + len(one_line) <= MAX_INLINE_ARRAY:
        return one_line
    return "[\n" + "".join(f"    {item},\n" for item in encoded) + "]"


def utc_text(moment: datetime) -> str:
    """2026-11-23T09:00:00Z (naive times are taken as UTC; microseconds kept if any)."""
    utc = _as_utc(moment)
    return utc.replace(tzinfo=None).isoformat() + "Z"


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _gaps_table(gaps: Mapping[str, Any]) -> str:
    out: list[str] = []
    _write_table(out, {"gaps": _without_none(gaps)}, {}, name="")
    return "".join(out)


def _without_none(value: Any) -> Any:
    """TOML has no null: drop None values from tables and lists, at every depth."""
    if isinstance(value, str | int | float):
        return value
    if isinstance(value, Mapping):
        return {str(k): _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_without_none(item) for item in value if item is not None]
    return value


# The [gaps] table is written by a copy of tomli-w 1.2.0's table writer (the same layout
# decisions, so the same bytes: tests compare the two) that formats plain strings and
# numbers at once; tomli-w's own writer escapes strings a character at a time, which was
# 40 % of an export. Anything else is still formatted by tomli-w.

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_INLINE_WIDTH = 100  # tomli-w's MAX_LINE_LENGTH
_INDENT = "    "


def _write_table(
    out: list[str],
    table: Mapping[str, Any],
    cache: dict[int, str],
    *,
    name: str,
    inside_aot: bool = False,
) -> None:
    """tomli-w's gen_table_chunks(), appending to ``out``."""
    wrote = False
    literals = []
    tables: list[tuple[str, Any, bool]] = []
    for k, v in table.items():
        kind = type(v)
        if kind is dict or (kind is not str and isinstance(v, Mapping)):
            tables.append((k, v, False))
        elif (
            (kind is list or kind is tuple)
            and _is_aot(v)
            and not all(_fits_inline(t, cache) for t in v)
        ):
            tables.extend((k, t, True) for t in v)
        else:
            literals.append((k, v))
    if inside_aot or name and (literals or not tables):
        wrote = True
        out.append(f"[[{name}]]\n" if inside_aot else f"[{name}]\n")
    if literals:
        wrote = True
        out.extend(f"{_key_part(k)} = {_literal(v, cache)}\n" for k, v in literals)
    for k, v, in_aot in tables:
        if wrote:
            out.append("\n")
        else:
            wrote = True
        key_part = _key_part(k)
        display_name = f"{name}.{key_part}" if name else key_part
        _write_table(out, v, cache, name=display_name, inside_aot=in_aot)


def _literal(value: Any, cache: dict[int, str], nest_level: int = 0) -> str:
    kind = type(value)
    if kind is str:
        return f'"{value}"' if _PLAIN_STRING.fullmatch(value) else _tomli_w_value(value)
    if kind is int or kind is float:
        return str(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        indent = _INDENT * (1 + nest_level)
        items = ",\n".join(indent + _literal(item, cache, nest_level + 1) for item in value)
        return f"[\n{items},\n{_INDENT * nest_level}]"
    if isinstance(value, dict):
        return _inline_table(value, cache)
    return _tomli_w_value(value)


def _inline_table(table: Mapping[str, Any], cache: dict[int, str]) -> str:
    rendered = cache.get(id(table))
    if rendered is None:
        if not table:
            rendered = "{}"
        else:
            pairs = ", ".join(f"{_key_part(k)} = {_literal(v, cache)}" for k, v in table.items())
            rendered = "{ " + pairs + " }"
        cache[id(table)] = rendered
    return rendered


_KEY_PARTS: dict[str, str] = {}


def _key_part(key: str) -> str:
    part = _KEY_PARTS.get(key)
    if part is None:
        part = key if _BARE_KEY.fullmatch(key) else _tomli_w_value(key)
        if len(_KEY_PARTS) < 1024:
            _KEY_PARTS[key] = part
    return part


def _is_aot(value: Any) -> bool:
    return bool(
        isinstance(value, list | tuple) and value and all(isinstance(v, Mapping) for v in value)
    )


def _fits_inline(table: Mapping[str, Any], cache: dict[int, str]) -> bool:
    rendered = f"{_INDENT}{_inline_table(table, cache)},"
    return len(rendered) <= _INLINE_WIDTH and "\n" not in rendered


# --- import --------------------------------------------------------------------------------


def load_path(path: Path) -> Session:
    """Read and import a file; any failure is a FormatError with one clear sentence.

    Only a regular file of at most 16 MiB is read (``safe_read.read_limited``): a FIFO, a
    device or a folder is refused before it is opened for reading."""
    try:
        data = read_limited(Path(path))
    except Refused as refused:
        raise _file_problem(refused.code, **refused.params) from None
    return loads(data)


def loads(text: str | bytes) -> Session:
    """Import ``tpworkshop/1`` TOML; every problem is found before FormatError is raised."""
    document = _parse(_decode(text))
    reader = _Reader()
    session = reader.read(document)
    if reader.problems or session is None:
        raise FormatError(reader.problems, reader.unlisted)
    return session


def _decode(text: str | bytes) -> str:
    if isinstance(text, str):
        return text.removeprefix("\ufeff")
    try:
        return bytes(text).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _file_problem("not_utf8", position=error.start) from None


_TOML_POSITION = re.compile(r"^(?P<detail>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")
_TOML_END = re.compile(r"^(?P<detail>.*) \(at end of document\)$")


def _parse(text: str) -> dict[str, Any]:
    """The document, read by _fast_parse or else tomllib, once ``scan_toml`` has found
    nothing in it that would make either slow (FORMAT.md: about 2 s at most).

    The [gaps] entries at the end of an exported file are only checked, not built (see
    _without_gaps_entries): import ignores them and ``gaps FILE`` computes them again."""
    quick = _without_gaps_entries(text)
    if quick is not None:
        return quick
    try:
        scan = scan_toml(text)
        fast = _fast_parse(text)
        if fast is not None:
            return fast
        check_general_work(scan)
    except Refused as refused:
        raise _file_problem(refused.code, **refused.params) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_syntax_error(str(error)) from None
    except RecursionError:
        raise _file_problem("not_toml_nested") from None
    except ValueError as error:  # an integer past Python's digit limit, if the scan missed it
        raise _file_problem("not_toml", detail=str(error)) from None


# --- the [gaps] entries: checked, not built ----------------------------------------------
#
# Export ends the file with the analysis: [[gaps.findings]], [[gaps.matrix]] and the like,
# more than half the lines of a 10,000-touchpoint file. Import ignores them and `gaps FILE`
# recomputes them, so when that tail is made only of [[gaps.NAME]] entries holding plain
# values, one regular expression (C speed) checks it is well-formed TOML, one pass checks no
# entry names a key twice, and only the text before it is read into a document. The
# document's gaps arrays then hold one empty entry each. Anything else in the tail (a
# [table], a dotted key, a date, an inline table, a number past safe_read.MAX_DIGITS...)
# leaves the whole file to the ordinary path, errors and all.

_TAIL_START = re.compile(r"^\[\[gaps\.", re.M)
# Possessive quantifiers and atomic groups (nothing to backtrack into): ~5 times as fast.
_CHAR = r'[^"\\\x00-\x08\x0a-\x1f\x7f]'
_ESCAPE = (
    r'\\(?:[btnfr"\\]'
    r"|u(?![dD][89a-fA-F])[0-9A-Fa-f]{4}"
    r"|U(?:0000(?![dD][89a-fA-F])[0-9A-Fa-f]{4}|000[1-9A-Fa-f][0-9A-Fa-f]{4}|0010[0-9A-Fa-f]{4}))"
)
_T_STRING = rf'"{_CHAR}*+(?:{_ESCAPE}{_CHAR}*+)*+"'
_T_NUMBER = r"-?+(?>0|[1-9][0-9]{0,99}+)(?:\.[0-9]{1,100}+)?+(?:[eE][+-]?+[0-9]{1,100}+)?+"
_T_SCALAR = rf"(?>{_T_STRING}|{_T_NUMBER}|true|false)"
_T_END = r"[ \t]*+(?:#[^\x00-\x08\x0a-\x1f\x7f]*+)?+\n"
_T_ARRAY = (
    rf"\[[ \t]*+(?:{_T_SCALAR}[ \t]*+(?:,[ \t]*+{_T_SCALAR}[ \t]*+)*+,?+[ \t]*+)?+\]"
    rf"|\[{_T_END}(?:[ \t]*+{_T_SCALAR}[ \t]*+,{_T_END}|{_T_END})*+"
    rf"(?:[ \t]*+{_T_SCALAR}{_T_END})?+[ \t]*+\]"
)
_GAPS_TAIL = re.compile(
    rf"(?:[ \t]*+\[\[gaps\.[A-Za-z0-9_-]++\]\]{_T_END}"
    rf"(?>[ \t]*+[A-Za-z0-9_-]++[ \t]*+=[ \t]*+(?>{_T_SCALAR}|{_T_ARRAY}){_T_END}|{_T_END})*+)++"
)
_TAIL_KEY = re.compile(r"^[ \t]*+(\[\[gaps\.[A-Za-z0-9_-]++|[A-Za-z0-9_-]++(?=[ \t]*+=))", re.M)
"""In a tail _GAPS_TAIL matched: each entry's ``[[gaps.NAME`` and the keys under it."""


def _without_gaps_entries(text: str) -> dict[str, Any] | None:
    """The document with the [gaps] entries at its end checked but not built, else None
    (the ordinary path then reads the file). Everything else is exactly tomllib's."""
    text = text.replace("\r\n", "\n")
    if "\r" in text:
        return None
    start = _TAIL_START.search(text)
    if start is None:
        return None
    head, tail = text[: start.start()], text[start.start() :]
    names = _gaps_entry_names(tail if tail.endswith("\n") else tail + "\n")
    if names is None:
        return None
    try:
        scan_toml(head)
        reader = _FastReader(head.split("\n"))
        document = reader.read()
        for name in names:  # tomllib's rules: gaps.NAME must be free or an array of tables
            reader.header("[[", f"gaps.{name}", "]]")
    except (Refused, _NotFast, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    return document


def _gaps_entry_names(tail: str) -> list[str] | None:
    """The NAMEs of the [[gaps.NAME]] entries ``tail`` is made of (first seen first), or
    None when it is not only such entries of plain values, each key once in its entry."""
    if _GAPS_TAIL.fullmatch(tail) is None:
        return None
    names: dict[str, None] = {}
    seen: set[str] = set()
    for key in _TAIL_KEY.findall(tail):
        if key[0] == "[":  # a key never starts with "[": the next entry
            names[key[7:]] = None
            seen = set()
        elif key in seen:
            return None
        else:
            seen.add(key)
    return list(names)


# --- a fast path for the TOML that export writes -------------------------------------------
#
# tomllib is pure Python and reads ~100,000 lines a second: 10,000 touchpoints and their
# [gaps] table take it 1.5 s, most of an import. What export writes is a small part of TOML
# (bare keys, [table] and [[array]] headers, one-line strings, integers, booleans, arrays),
# which a line-by-line reader handles several times as fast. It returns exactly what tomllib
# would, or None as soon as it meets anything else (an escape, a multi-line string, a dotted
# key, a duplicate, a stray character...) and tomllib then reads the whole file, so anything
# unusual, and every error message, is tomllib's own. A value it does not parse itself but
# can isolate (the rest of a line after ``=``, or an array written one item per line) is
# handed to tomllib on its own.

_KEY_LINE = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*")
_COMMENT = r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
_BLANK_LINE = re.compile(_COMMENT)
_HEADER = re.compile(r"[ \t]*(\[\[?)([A-Za-z0-9_.-]+)(\]\]?)" + _COMMENT)
_STRING_VALUE = re.compile(r'"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"' + _COMMENT)
_INTEGER_VALUE = re.compile(r"(-?(?:0|[1-9][0-9]*))" + _COMMENT)
_FLOAT_VALUE = re.compile(r"(-?(?:0|[1-9][0-9]*)\.[0-9]+)" + _COMMENT)
_BOOLEAN_VALUE = re.compile(r"(true|false)" + _COMMENT)
_PLAIN_ITEM = r'"[^"\\\x00-\x08\x0a-\x1f\x7f]*"'
_STRINGS_VALUE = re.compile(rf"\[((?:{_PLAIN_ITEM}(?:, {_PLAIN_ITEM})*)?)\]" + _COMMENT)
_SIMPLE_LINE = re.compile(
    r'[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"'
    rf"|\[((?:{_PLAIN_ITEM}(?:, {_PLAIN_ITEM})*)?)\]"
    r"|(-?(?:0|[1-9][0-9]*))|(true|false))" + _COMMENT
)
"""``key = "text"`` (group 2), ``key = ["a", "b"]`` (3), ``key = 12`` (4), ``key = true`` (5)."""
_ARRAY_OPEN = re.compile(r"\[" + _COMMENT)
_ARRAY_CLOSE = re.compile(r"[ \t]*\]" + _COMMENT)
_MULTILINE_STRING = ('"""', "'''")
MAX_PIECES = 20_000
"""Values the fast path hands to tomllib one by one (dates, escaped strings...): ~0.2 s;
a file with more is read by tomllib whole (within safe_read.MAX_GENERAL_WORK)."""


class _NotFast(Exception):
    """The document leaves the subset _fast_parse reads: tomllib reads it instead."""


def _fast_parse(text: str) -> dict[str, Any] | None:
    """``tomllib.loads(text)`` for the subset of TOML export writes, else None."""
    text = text.replace("\r\n", "\n")  # as tomllib does
    if "\r" in text:
        return None
    try:
        return _FastReader(text.split("\n")).read()
    except (_NotFast, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None


class _FastReader:
    """Reads the lines into nested dicts, keeping tomllib's rules on what may be defined
    where: a key once per table, a [table] once, [[array]] entries only on such arrays."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.root: dict[str, Any] = {}
        self.header_tables: set[int] = {id(self.root)}  # made by headers: may get more
        self.defined: set[int] = set()  # named by a [header] of their own
        self.arrays: set[int] = set()  # made by [[headers]]: may get more entries
        self.keep: list[Any] = []  # what the ids above refer to stays alive
        self.pieces = 0  # values handed to tomllib one by one (~10 µs each)

    def read(self) -> dict[str, Any]:
        lines = self.lines
        table = self.root
        index, count = 0, len(lines)
        simple, blank = _SIMPLE_LINE.fullmatch, _BLANK_LINE.fullmatch
        while index < count:
            line = lines[index]
            index += 1
            match = simple(line)  # most lines: key = "text", [list], integer or boolean
            if match is not None:
                key, kind = match.group(1), match.lastindex or 0  # each alternative is a group
                if key in table:
                    raise _NotFast  # defined twice
                value = match.group(kind)
                if kind == 2:
                    table[key] = value
                elif kind == 3:
                    table[key] = value[1:-1].split('", "') if value else []
                elif kind == 4:
                    table[key] = int(value)
                else:
                    table[key] = value == "true"
                continue
            if not line or blank(line):
                continue
            header = _HEADER.fullmatch(line)
            if header is not None:
                table = self.header(*header.groups())
                continue
            match = _KEY_LINE.match(line)
            if match is None:
                raise _NotFast
            key = match.group(1)
            if key in table:
                raise _NotFast
            table[key], index = self.value(line[match.end() :], index)
        return self.root

    def value(self, rest: str, index: int) -> tuple[Any, int]:
        """The value after ``key =``, and the index of the line after it."""
        match = _INTEGER_VALUE.fullmatch(rest)
        if match is not None:
            return int(match.group(1)), index
        match = _BOOLEAN_VALUE.fullmatch(rest)
        if match is not None:
            return match.group(1) == "true", index
        match = _STRINGS_VALUE.fullmatch(rest)
        if match is not None:
            inner = match.group(1)
            return ([] if not inner else inner[1:-1].split('", "')), index
        match = _FLOAT_VALUE.fullmatch(rest)
        if match is not None:
            return float(match.group(1)), index
        if rest.startswith(_MULTILINE_STRING):
            raise _NotFast
        if _ARRAY_OPEN.fullmatch(rest):  # an array written one item per line
            end = index
            while end < len(self.lines) and not _ARRAY_CLOSE.fullmatch(self.lines[end]):
                if (
                    _MULTILINE_STRING[0] in self.lines[end]
                    or _MULTILINE_STRING[1] in self.lines[end]
                ):
                    raise _NotFast
                end += 1
            if end == len(self.lines):
                raise _NotFast
            return self.one_value("\n".join([rest, *self.lines[index : end + 1]])), end + 1
        return self.one_value(rest), index

    def one_value(self, text: str) -> Any:
        """_one_value, a bounded number of times: past MAX_PIECES the whole file is cheaper
        for tomllib (and the scan's budget for it applies)."""
        self.pieces += 1
        if self.pieces > MAX_PIECES:
            raise _NotFast
        return _one_value(text)

    def header(self, opening: str, dotted: str, closing: str) -> dict[str, Any]:
        """The table a [header] or [[header]] names, made as tomllib makes it."""
        if len(opening) != len(closing):
            raise _NotFast
        parts = dotted.split(".")
        if not all(parts):
            raise _NotFast
        table = self.root
        for part in parts[:-1]:
            table = self.descend(table, part)
        last = parts[-1]
        found = table.get(last)
        if opening == "[[":
            if found is None:
                array: list[Any] = []
                table[last] = array
                self.mark(self.arrays, array)
            elif id(found) in self.arrays:
                array = found
            else:
                raise _NotFast  # a value or a [table] of that name
            entry: dict[str, Any] = {}
            array.append(entry)
            self.mark(self.header_tables, entry)
            return entry
        if found is None:
            found = table[last] = self.mark(self.header_tables, {})
        elif id(found) not in self.header_tables or id(found) in self.defined:
            raise _NotFast  # a value, an array of tables, or a table defined twice
        self.defined.add(id(found))
        return found  # type: ignore[no-any-return]

    def descend(self, table: dict[str, Any], part: str) -> dict[str, Any]:
        found = table.get(part)
        if found is None:
            return table.setdefault(part, self.mark(self.header_tables, {}))  # type: ignore[no-any-return]
        if id(found) in self.arrays:
            return found[-1]  # type: ignore[no-any-return]
        if id(found) in self.header_tables:
            return found  # type: ignore[no-any-return]
        raise _NotFast

    def mark(self, kind: set[int], made: Any) -> Any:
        kind.add(id(made))
        self.keep.append(made)
        return made


def _one_value(text: str) -> Any:
    """One value, read by tomllib itself (an escaped string, a date, an inline table...)."""
    document = tomllib.loads(f"v = {text}")
    if len(document) != 1:
        raise _NotFast
    return document["v"]


def _toml_syntax_error(reason: str) -> FormatError:
    if match := _TOML_POSITION.match(reason):
        return _file_problem("not_toml_at", **match.groupdict())
    if match := _TOML_END.match(reason):
        return _file_problem("not_toml_end", detail=match["detail"])
    return _file_problem("not_toml", detail=reason)


_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    TEXT: lambda v: isinstance(v, str),
    TEXTS: lambda v: isinstance(v, list),
    INT: lambda v: isinstance(v, int) and not isinstance(v, bool),
    BOOL: lambda v: isinstance(v, bool),
    DATE: lambda v: isinstance(v, date) and not isinstance(v, datetime),
    DATETIME: lambda v: isinstance(v, datetime),
}


_FOUND_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "found_bool"),  # before int: a bool is an int in Python, not in TOML
    (int, "found_int"),
    (float, "found_float"),
    (str, "found_text"),
    (datetime, "found_datetime"),  # before date, for the same reason
    (date, "found_date"),
    (time, "found_time"),
    (list, "found_array"),
    (dict, "found_table"),
)


def _found_type(value: Any) -> str:
    """The catalogue key naming what a TOML value is."""
    return next((key for kind, key in _FOUND_TYPES if isinstance(value, kind)), "found_other")


class _Reader:
    """Walks a parsed document, collecting every problem and the entities that are sound."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.unlisted = 0  # problems past MAX_PROBLEMS, counted only

    def full(self) -> bool:
        """True (and the problem counted) once MAX_PROBLEMS are listed."""
        if len(self.problems) < MAX_PROBLEMS:
            return False
        self.unlisted += 1
        return True

    # -- problems --

    def add(self, where: str, field: str | None, code: str, **params: Any) -> None:
        if self.full():
            return
        self.problems.append(_catalog_problem(where, field, code, **params))

    def add_invalid(self, where: str, key: _Key, error: ValidationError) -> None:
        if self.full():
            return
        field = key.name + error.field[len(key.attr) :]  # keeps an item index: 'people[2]'
        self.problems.append(Problem(where, field, error.message("en"), error.message("es")))

    def add_wrong_type(self, where: str, key: _Key, value: Any) -> None:
        if self.full():
            return
        quoted = isinstance(value, str) and key.kind in (INT, BOOL, DATE, DATETIME)
        en, es = (
            MESSAGES(
                "wrong_type_quoted" if quoted else "wrong_type",
                lang,
                field=_subject(key.attr, lang),
                expected=MESSAGES(f"expected_{key.kind}", lang),
                found=MESSAGES(_found_type(value), lang),
            )
            for lang in PROBLEM_LANGUAGES
        )
        self.problems.append(Problem(where, key.name, en, es))

    def add_found(
        self, where: str, field: str | None, code: str, value: Any, **params: Any
    ) -> None:
        if self.full():
            return
        en, es = (
            MESSAGES(code, lang, found=MESSAGES(_found_type(value), lang), **params)
            for lang in PROBLEM_LANGUAGES
        )
        self.problems.append(Problem(where, field, en, es))

    # -- the document --

    def read(self, document: dict[str, Any]) -> Session | None:
        self.check_format(document)
        self.check_unknown_keys(TOP_LEVEL, document, TOP_LEVEL_KEYS)
        session = self.read_session(document)
        stages = self.read_keyed(document, "stages", "stage", STAGE_KEYS)
        segments = self.read_keyed(document, "segments", "segment", SEGMENT_KEYS)
        touchpoints = self.read_touchpoints(
            document, segment_keys=_valid(segments, "key"), stage_keys=_valid(stages, "key")
        )
        actions = self.read_actions(document, refs=_valid(touchpoints, "ref"))
        accepted = self.read_accepted(
            document,
            segment_keys=_valid(segments, "key"),
            stage_keys=_valid(stages, "key"),
            refs=_valid(touchpoints, "ref"),
        )
        if session is None or self.problems:
            return None  # every entry is whole only when nothing was wrong
        return Session(
            **session,
            stages=[Stage(**values) for values in stages],
            segments=[Segment(**values) for values in segments],
            touchpoints=[Touchpoint(**values) for values in touchpoints],
            actions=[Action(**values) for values in actions],
            accepted=[Accepted(**values) for values in accepted],
        )

    def check_format(self, document: dict[str, Any]) -> None:
        if "format" not in document:
            self.add(TOP_LEVEL, "format", "format_missing", expected=FORMAT_ID)
            return
        value = document["format"]
        if not isinstance(value, str):
            self.add_wrong_type(TOP_LEVEL, _key("format"), value)
        elif value != FORMAT_ID:
            # Another format or version: its other keys would only add noise.
            problem = _catalog_problem(
                TOP_LEVEL, "format", "format_wrong", found=value, expected=FORMAT_ID
            )
            raise FormatError([problem])

    def check_unknown_keys(self, where: str, table: dict[str, Any], known: tuple[str, ...]) -> None:
        for name in table:
            if name in known:
                continue
            if self.full():
                continue
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
            if close:
                self.add(where, name, "unknown_key_hint", key=name, suggestion=close[0])
            else:
                self.add(where, name, "unknown_key", key=name)

    def read_fields(
        self, entity: str, where: str, table: dict[str, Any], keys: tuple[_Key, ...]
    ) -> dict[str, Any]:
        """The valid values of one table, by domain field; a problem for every other key."""
        self.check_unknown_keys(where, table, _names(keys))
        values: dict[str, Any] = {}
        for key in keys:
            if key.name not in table:
                if key.required:
                    self.add(where, key.name, "missing_key", key=key.name)
                continue
            value = table[key.name]
            if not _TYPE_CHECKS[key.kind](value):
                self.add_wrong_type(where, key, value)
            elif key.kind == DATETIME:
                values[key.attr] = _as_utc(value)
            else:
                try:
                    values[key.attr] = clean(entity, key.attr, value)
                except ValidationError as error:
                    self.add_invalid(where, key, error)
        return values

    def read_session(self, document: dict[str, Any]) -> dict[str, Any] | None:
        if "session" not in document:
            self.add("session", None, "session_missing")
            return None
        table = document["session"]
        if not isinstance(table, dict):
            self.add_found("session", None, "not_table", table, name="session")
            return None
        values = self.read_fields("session", "session", table, SESSION_KEYS)
        return values if "name" in values else None

    def entries(
        self, document: dict[str, Any], name: str, label: str
    ) -> list[tuple[str, dict[str, Any]]]:
        """(where, table) for each entry of an array of tables such as [[stages]]."""
        if name not in document:
            return []
        array = document[name]
        if not isinstance(array, list):
            self.add_found(name, None, "not_array_of_tables", array, name=name)
            return []
        found = []
        for number, entry in enumerate(array, start=1):
            where = _entry_place(name, number, entry, label)
            if isinstance(entry, dict):
                found.append((where, entry))
            else:
                self.add_found(where, None, "entry_not_table", entry, name=name)
        return found

    def read_keyed(
        self, document: dict[str, Any], name: str, entity: str, keys: tuple[_Key, ...]
    ) -> list[dict[str, Any]]:
        """Entries of stages or segments, each a dict of valid fields; keys must be unique."""
        seen: set[str] = set()
        result = []
        for where, table in self.entries(document, name, "key"):
            values = self.read_fields(entity, where, table, keys)
            key = values.get("key")
            if key is not None:
                if key in seen:
                    self.add_invalid(where, keys[0], ValidationError("key", "duplicate", value=key))
                seen.add(key)
            result.append(values)
        return result

    def read_touchpoints(
        self, document: dict[str, Any], *, segment_keys: set[str], stage_keys: set[str]
    ) -> list[dict[str, Any]]:
        """Touchpoint fields, with ``position`` counting 0.. in file order within each cell."""
        seen: set[str] = set()
        next_position: dict[tuple[str | None, str | None], int] = {}
        touchpoints = []
        for where, table in self.entries(document, "touchpoints", "id"):
            values = self.read_fields("touchpoint", where, table, TOUCHPOINT_KEYS)
            self.check_reference(where, TOUCHPOINT_KEYS[1], values, segment_keys)
            self.check_reference(where, TOUCHPOINT_KEYS[2], values, stage_keys)
            ref = values.get("ref")
            if ref is not None:
                if ref in seen:
                    error = ValidationError("ref", "duplicate", value=ref)
                    self.add_invalid(where, TOUCHPOINT_KEYS[0], error)
                seen.add(ref)
            cell = (values.get("segment"), values.get("stage"))
            values["position"] = next_position.get(cell, 0)
            next_position[cell] = values["position"] + 1
            touchpoints.append(values)
        return touchpoints

    def check_reference(
        self, where: str, key: _Key, values: dict[str, Any], known: set[str]
    ) -> None:
        value = values.get(key.attr)
        if value is not None and value not in known:
            self.add_invalid(where, key, ValidationError(key.attr, "missing_ref", value=value))

    def read_accepted(
        self,
        document: dict[str, Any],
        *,
        segment_keys: set[str],
        stage_keys: set[str],
        refs: set[str],
    ) -> list[dict[str, Any]]:
        """[[accepted]] entries: a rule of GAPS.md, and references that exist."""
        accepted = []
        for where, table in self.entries(document, "accepted", "rule"):
            values = self.read_fields("accepted", where, table, ACCEPTED_KEYS)
            rule = values.get("rule")
            if rule is not None and rule not in RULES:
                self.add(where, "rule", "unknown_rule", rule=rule)
            for key, known in zip(
                ACCEPTED_KEYS[1:4], (segment_keys, stage_keys, refs), strict=True
            ):
                self.check_reference(where, key, values, known)
            accepted.append(values)
        return accepted

    def read_actions(self, document: dict[str, Any], *, refs: set[str]) -> list[dict[str, Any]]:
        actions = []
        for where, table in self.entries(document, "actions", "title"):
            values = self.read_fields("action", where, table, ACTION_KEYS)
            self.check_reference(where, ACTION_KEYS[1], values, refs)
            actions.append(values)
        return actions


def _subject(attr: str, lang: str) -> str:
    """The field as a sentence's subject («El peso debe ser…»), from the domain, or from this
    format's catalogue for its own keys."""
    own = f"label_{attr}"
    return MESSAGES(own, lang) if own in MESSAGES else field_subject(attr, lang)


_NAMES: dict[int, tuple[tuple[_Key, ...], tuple[str, ...]]] = {}


def _names(keys: tuple[_Key, ...]) -> tuple[str, ...]:
    """The key names of a table (by identity: hashing 20 frozen _Keys per touchpoint was a
    tenth of an import)."""
    entry = _NAMES.get(id(keys))
    if entry is None or entry[0] is not keys:
        entry = _NAMES[id(keys)] = (keys, tuple(key.name for key in keys))
    return entry[1]


def _valid(entries: list[dict[str, Any]], attr: str) -> set[str]:
    """The keys (or ids) that were valid, even in entries with other problems."""
    return {values[attr] for values in entries if attr in values}


def _entry_place(name: str, number: int, entry: Any, label_key: str) -> str:
    """'touchpoints[3] (tp-7)': the entry's number in the file and, if usable, its label."""
    where = f"{name}[{number}]"
    label = entry.get(label_key) if isinstance(entry, dict) else None
    if not isinstance(label, str) or has_control(label) or not label.strip():
        return where
    label = label.strip()
    if len(label) > 40:
        label = label[:39] + "…"
    return f"{where} ({label})"
