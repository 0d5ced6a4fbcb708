"""Hostile files: import and ``gaps PATH.toml`` read only regular files up to 16 MiB, and
refuse the TOML shapes that would make parsing slow, before tomllib sees them.

FORMAT.md: a file larger than 16 MiB, or anything that is not a regular file, is refused
before it is parsed; no file may take more than about 2 s or 200 MB to parse. Each refusal
is one sentence (English and Spanish), exit code 1, and nothing written: the database is
not even created. Real subprocesses, with timeouts, so a regression hangs no test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tpworkshop.formats import safe_read
from tpworkshop.formats.safe_read import MAX_FILE_BYTES, Refused, read_limited, scan_toml
from tpworkshop.formats.toml_format import FormatError, load_path, loads

HEADER = 'format = "tpworkshop/1"\n\n[session]\nname = "Hostile"\n'
BOMB_PARTS = 40_000


def tpw(
    *args: str, db: Path, lang: str = "C.UTF-8", timeout: float = 30
) -> tuple[subprocess.CompletedProcess[str], float]:
    """The command line, and how long it took (wall clock, interpreter start included)."""
    env = {**os.environ, "TPWORKSHOP_DB": str(db), "LANG": lang}
    env.pop("LC_ALL", None)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "tpworkshop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
    return done, time.monotonic() - started


def assert_refused(done: subprocess.CompletedProcess[str], db: Path, *words: str) -> None:
    """Exit code 1, no traceback, the file's problem in one sentence, nothing written."""
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr and "Unexpected error" not in done.stderr
    problems = [line for line in done.stderr.splitlines() if line.startswith("  - ")]
    assert len(problems) == 1, done.stderr
    sentence = problems[0][4:]
    assert sentence.count(". ") == 0 and sentence.endswith("."), sentence
    for word in words:
        assert word in sentence, (word, sentence)
    assert not db.parent.exists()  # the database was never opened


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


def bomb_file(tmp_path: Path) -> Path:
    """The issue's file: ~80 KB, one dotted key of 40,000 parts (26 s and 9.4 GB in tomllib)."""
    path = tmp_path / "bomb.toml"
    path.write_text(HEADER + "a" + ".a" * (BOMB_PARTS - 1) + " = 1\n", encoding="utf-8")
    return path


# --- not a regular file ------------------------------------------------------------------------


def test_import_dev_zero_is_refused_at_once(db_path: Path) -> None:
    done, took = tpw("import", "/dev/zero", db=db_path, timeout=20)
    assert_refused(done, db_path, "/dev/zero", "not a regular file")
    assert took < 10


def test_import_a_fifo_never_blocks(fifo: Path, db_path: Path) -> None:
    done, took = tpw("import", str(fifo), db=db_path, timeout=20)
    assert_refused(done, db_path, "not a regular file")
    assert took < 10


def test_import_a_fifo_in_spanish(fifo: Path, db_path: Path) -> None:
    done, _ = tpw("import", str(fifo), db=db_path, lang="es_ES.UTF-8", timeout=20)
    assert_refused(done, db_path, "no es un archivo normal")


def test_import_a_directory_is_refused(tmp_path: Path, db_path: Path) -> None:
    done, _ = tpw("import", str(tmp_path), db=db_path)
    assert_refused(done, db_path, "folder")


def test_import_a_17_mib_file_is_refused_before_reading(tmp_path: Path, db_path: Path) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as handle:  # a sparse file: 17 MiB that cost no disk
        handle.write(HEADER.encode())
        handle.truncate(17 * 1024 * 1024)
    done, _ = tpw("import", str(big), db=db_path)
    assert_refused(done, db_path, "larger than 16 MiB")


def test_a_file_of_exactly_16_mib_is_read(tmp_path: Path) -> None:
    path = tmp_path / "edge.toml"
    data = HEADER.encode()
    path.write_bytes(data + b"#" * (MAX_FILE_BYTES - len(data)))
    assert len(read_limited(path)) == MAX_FILE_BYTES


def test_a_file_that_says_it_is_small_is_read_only_to_the_limit() -> None:
    """A procfs file reports size 0 and then yields more: at most limit + 1 bytes are read."""
    with pytest.raises(Refused) as caught:
        read_limited(Path("/proc/self/maps"), limit=10)
    assert caught.value.code == "file_too_big"


def test_the_app_reader_returns_at_once_on_a_fifo(fifo: Path) -> None:
    """The picker's import (load_path, in a worker thread) must not hang on a FIFO either."""
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            load_path(fifo)
        except FormatError as error:
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "load_path blocked on a FIFO"
    assert "not a regular file" in str(outcome[0])


# --- TOML shapes that would make tomllib slow -------------------------------------------------


def test_the_dotted_key_bomb_is_refused_in_well_under_two_seconds(
    tmp_path: Path, db_path: Path
) -> None:
    bomb = bomb_file(tmp_path)
    assert 75_000 < bomb.stat().st_size < 85_000
    done, took = tpw("import", str(bomb), db=db_path)
    assert_refused(done, db_path, "Line 5", "dotted key of more than 10 parts")
    assert took < 2, f"{took:.2f} s"
    started = time.perf_counter()
    with pytest.raises(FormatError):
        loads(bomb.read_bytes())
    assert time.perf_counter() - started < 0.5


def test_gaps_reads_a_file_through_the_same_guards(
    tmp_path: Path, fifo: Path, db_path: Path
) -> None:
    done, took = tpw("gaps", str(bomb_file(tmp_path)), db=db_path)
    assert done.returncode == 1 and "dotted key of more than 10 parts" in done.stderr
    assert took < 2 and "Traceback" not in done.stderr
    done, took = tpw("gaps", str(fifo), db=db_path, timeout=20)
    assert done.returncode == 1 and "not a regular file" in done.stderr and took < 10
    big = tmp_path / "big.toml"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    done, _ = tpw("gaps", str(big), db=db_path)
    assert done.returncode == 1 and "larger than 16 MiB" in done.stderr
    assert not db_path.parent.exists()


@pytest.mark.parametrize(
    "value",
    [
        "[" * 200 + "]" * 200,
        "{ a = " * 200 + "1" + " }" * 200,
        "[{ a = " * 17 + "1" + " }]" * 17,
    ],
    ids=["arrays", "inline-tables", "mixed"],
)
def test_deep_nesting_is_refused_naming_the_line(value: str, tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(HEADER + f"notes = {value}\n", encoding="utf-8")
    done, _ = tpw("import", str(path), db=db_path)
    assert_refused(done, db_path, "Line 5", "more than 16 deep")


def test_a_number_of_thousands_of_digits_is_refused_naming_the_line(
    tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "digits.toml"
    body = '[[segments]]\nkey = "s"\nname = "S"\n[[stages]]\nkey = "p"\nname = "P"\n'
    body += '[[touchpoints]]\nid = "t"\nsegment = "s"\nstage = "p"\nname = "T"\n'
    path.write_text(HEADER + body + f"votes = {'9' * 5000}\n", encoding="utf-8")
    done, _ = tpw("import", str(path), db=db_path)
    assert_refused(done, db_path, "Line 16", "more than 100 digits")


@pytest.mark.parametrize("votes", ["99999999999999999999", "9223372036854775807", "-1"])
def test_a_number_out_of_range_names_its_field(votes: str, tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "votes.toml"
    body = '[[segments]]\nkey = "s"\nname = "S"\n[[stages]]\nkey = "p"\nname = "P"\n'
    body += f'[[touchpoints]]\nid = "t"\nsegment = "s"\nstage = "p"\nname = "T"\nvotes = {votes}\n'
    path.write_text(HEADER + body, encoding="utf-8")
    done, _ = tpw("import", str(path), db=db_path)
    assert_refused(done, db_path, "touchpoints[1] (t), votes:", "Votes must be between 0 and 10000")
    done, _ = tpw("import", str(path), db=db_path, lang="es_ES.UTF-8")
    assert_refused(done, db_path, "El número de votos debe estar entre 0 y 10000")


def test_a_million_keys_are_refused_before_parsing(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(HEADER + "".join(f"k{n} = 1\n" for n in range(1_100_000)), encoding="utf-8")
    done, took = tpw("import", str(path), db=db_path)
    assert_refused(done, db_path, "more keys, tables and list items than tpworkshop reads")
    assert took < 5


def test_a_big_file_not_laid_out_as_export_writes_it_is_refused(tmp_path: Path) -> None:
    """What the fast path cannot read goes to tomllib whole, with a smaller budget."""
    text = HEADER + 'notes = """\nmulti-line"""\n' + "".join(f"k{n} = 1\n" for n in range(500_000))
    with pytest.raises(FormatError) as caught:
        loads(text)
    assert "not laid out as tpworkshop export writes it" in str(caught.value)


def test_a_file_with_thousands_of_problems_lists_a_hundred(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "unknown.toml"
    path.write_text(HEADER + "".join(f"k{n} = 1\n" for n in range(5_000)), encoding="utf-8")
    done, _ = tpw("import", str(path), db=db_path)
    assert done.returncode == 1 and not db_path.parent.exists()
    lines = done.stderr.splitlines()
    assert "5000 problems" in lines[0]
    assert len([line for line in lines if line.startswith("  - ")]) == 101
    assert lines[-1] == "  - … and 4900 more problems like these, not listed."


# --- the scan reads TOML as tomllib does: what is in a string is text -------------------------


def test_strings_and_comments_may_hold_anything() -> None:
    """Dots, brackets, braces and digits inside strings, comments and quoted keys are text:
    nothing is refused and the file imports as written."""
    hostile = "a.b.c.d.e.f.g.h.i.j.k.l.m " + "[" * 40 + " {{{{ " + "9" * 120
    text = HEADER.replace('"Hostile"\n', f'"Hostile"\norganisation = "{hostile}"\n')
    text += f"notes = '''\n{hostile}\n'''\n# {hostile}\nparticipants = ['{hostile}']\n"
    session = loads(text)
    assert session.organisation == hostile and session.notes == hostile + "\n"
    assert session.participants == [hostile]
    scan_toml(f'"quoted.key.with.many.dots.a.b.c.d.e.f.g.h" = "{hostile}"\n')


@pytest.mark.parametrize(
    "text",
    [
        'a = """x""""\n' + "b" + ".b" * 20 + " = 1\n",  # a closing delimiter with a quote more
        "a = '''x''''\n" + "b" + ".b" * 20 + " = 1\n",
        'a = ["""x"""", {' + "b" + ".b" * 20 + " = 1}]\n",
        'a = "\\"" # "\n' + "b" + ".b" * 20 + " = 1\n",
        "a = 'x\\' # \n" + "b" + ".b" * 20 + " = 1\n",  # no escape in a literal string
    ],
)
def test_the_scan_is_not_fooled_by_quotes(text: str) -> None:
    """Where strings end as TOML says, so a bomb after a tricky string is still seen."""
    with pytest.raises(Refused) as caught:
        scan_toml(text)
    assert caught.value.code == "toml_key_parts"


def test_the_scan_of_an_export_is_cheap() -> None:
    """A file as export writes it: the scan costs a fraction of the read (~20 ms a MiB)."""
    touchpoint = (
        '[[touchpoints]]\nid = "tp-{n}"\nsegment = "s"\nstage = "p"\nname = "Touchpoint {n}"\n'
        'channel = "web"\npeople = ["Ana", "Luis"]\nvotes = 3\npain_point = true\n\n'
    )
    text = HEADER + "".join(touchpoint.format(n=n) for n in range(20_000))
    started = time.process_time()
    scan = scan_toml(text)
    took = time.process_time() - started
    assert scan.work < safe_read.MAX_GENERAL_WORK
    assert took < 0.1 * len(text) / 2**20 + 0.05, f"{took:.3f} s for {len(text) / 2**20:.1f} MiB"


def test_the_limits_are_where_they_say() -> None:
    """10 key parts, 16 levels and 100 digits are read; one more is refused."""
    scan_toml("a" + ".a" * 9 + " = 1\n")
    scan_toml("x = " + "[" * 16 + "]" * 16 + "\n")
    scan_toml("x = " + "9" * 100 + "\n")
    for text, code in (
        ("a" + ".a" * 10 + " = 1\n", "toml_key_parts"),
        ("[" + "a." * 10 + "a]\n", "toml_key_parts"),
        ("x = " + "[" * 17 + "]" * 17 + "\n", "toml_too_deep"),
        ("x = " + "9" * 101 + "\n", "toml_long_number"),
    ):
        with pytest.raises(Refused) as caught:
            scan_toml(text)
        assert caught.value.code == code, text
