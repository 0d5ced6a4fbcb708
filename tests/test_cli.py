"""The command line through real subprocesses on real database files."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import GAPS_JSON_KEYS, REPO


def tpw(
    *args: str, db: Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "TPWORKSHOP_DB": str(db), "LANG": "C.UTF-8", "LC_ALL": ""}
    full_env.pop("LC_ALL")
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tpworkshop", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=60,
    )


def assert_one_sentence_error(result: subprocess.CompletedProcess[str], code: int = 1) -> None:
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_version_is_the_installed_packages(db_path: Path) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert importlib.metadata.version("tpworkshop") == project["version"]
    for lang in ("C.UTF-8", "es_ES.UTF-8"):
        result = tpw("--version", db=db_path, env={"LANG": lang})
        assert result.returncode == 0 and result.stderr == ""
        assert result.stdout == f"tpworkshop {project['version']}\n"
    assert not db_path.parent.exists()


def test_version_and_help(db_path: Path) -> None:
    out = tpw("--help", db=db_path).stdout
    for command in ("new", "open", "join", "list", "gaps", "export", "import", "demo"):
        assert command in out
    spanish = tpw("--help", db=db_path, env={"LANG": "es_ES.UTF-8"}).stdout
    assert "opciones" in spanish and "crear una sesión" in spanish


def test_new_list_and_json(db_path: Path) -> None:
    created = tpw("new", "Taller Norte", "--framework", "5p", "--no-open", db=db_path)
    assert created.returncode == 0, created.stderr
    assert "Taller Norte" in created.stdout
    listed = json.loads(tpw("list", "--format", "json", db=db_path).stdout)
    assert [(s["name"], s["framework"]) for s in listed] == [("Taller Norte", "5p")]
    table = tpw("list", db=db_path).stdout
    assert "Taller Norte" in table


def test_database_location_flag_env_and_default(tmp_path: Path) -> None:
    flag_db = tmp_path / "flag.db"
    env_db = tmp_path / "env.db"
    assert tpw("new", "A", "--no-open", "--db", str(flag_db), db=env_db).returncode == 0
    assert flag_db.exists() and not env_db.exists()
    before_command = tpw("--db", str(flag_db), "list", "--format", "json", db=env_db)
    assert [s["name"] for s in json.loads(before_command.stdout)] == ["A"]
    env = {k: v for k, v in os.environ.items() if k != "TPWORKSHOP_DB"}
    result = subprocess.run(
        [sys.executable, "-m", "tpworkshop", "new", "B", "--no-open"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sessions" / "tpworkshop.db").exists()


def test_import_gaps_export_import_round_trip(
    db_path: Path, example_path: Path, tmp_path: Path
) -> None:
    imported = tpw("import", str(example_path), db=db_path)
    assert imported.returncode == 0, imported.stderr
    gaps = tpw("gaps", "Concesionario", db=db_path)
    assert gaps.returncode == 0, gaps.stderr
    assert "Familias" in gaps.stdout  # Spanish session: Spanish messages
    data = json.loads(tpw("gaps", "1", "--format", "json", db=db_path).stdout)
    assert list(data) == GAPS_JSON_KEYS
    assert data["top_priorities"][0] == {"touchpoint": "tp-6", "score": 17}
    first = tmp_path / "first.toml"
    assert tpw("export", "1", "-o", str(first), db=db_path).returncode == 0
    parsed = tomllib.loads(first.read_text(encoding="utf-8"))
    assert parsed["format"] == "tpworkshop/1" and "gaps" in parsed
    again = tpw("import", str(first), db=db_path)
    assert again.returncode == 0, again.stderr
    assert "(2)" in again.stdout
    second = tmp_path / "second.toml"
    assert tpw("export", "2", "-o", str(second), db=db_path).returncode == 0

    def strip(text: str) -> list[str]:
        return [
            line
            for line in text.splitlines()
            if not line.startswith(("created", "updated", 'name = "Concesionario'))
        ]

    assert strip(first.read_text()) == strip(second.read_text())
    markdown = tpw("gaps", "1", "--format", "markdown", db=db_path)
    assert markdown.returncode == 0 and "#" in markdown.stdout


def test_import_replace(db_path: Path, example_path: Path) -> None:
    tpw("import", str(example_path), db=db_path)
    replaced = tpw("import", str(example_path), "--replace", db=db_path)
    assert replaced.returncode == 0, replaced.stderr
    assert len(json.loads(tpw("list", "--format", "json", db=db_path).stdout)) == 1


def test_bad_import_lists_problems_and_writes_nothing(db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'format = "tpworkshop/1"\n[session]\nname = "  "\nframework = "nine"\n'
        '[[stages]]\nkey = "a"\nname = "A"\nweight = 9\n',
        encoding="utf-8",
    )
    result = tpw("import", str(bad), db=db_path)
    assert_one_sentence_error(result)
    assert result.stderr.count("\n") >= 3  # every problem listed
    assert not db_path.parent.exists()  # the file is refused before a database is made
    tpw("new", "Other", "--no-open", db=db_path)
    assert_one_sentence_error(tpw("import", str(bad), db=db_path))
    listed = json.loads(tpw("list", "--format", "json", db=db_path).stdout)
    assert [s["name"] for s in listed] == ["Other"]
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert_one_sentence_error(tpw("import", str(binary), db=db_path))
    assert_one_sentence_error(tpw("import", str(tmp_path / "missing.toml"), db=db_path))


def test_errors_are_one_sentence_and_usage_errors_exit_2(db_path: Path, tmp_path: Path) -> None:
    assert_one_sentence_error(tpw("gaps", "nothing-here", db=db_path))
    assert_one_sentence_error(tpw("new", "   ", "--no-open", db=db_path))
    assert_one_sentence_error(tpw("new", "x", "--framework", "nine", "--no-open", db=db_path))
    assert_one_sentence_error(tpw("frobnicate", db=db_path), code=2)
    assert_one_sentence_error(tpw("gaps", db=db_path), code=2)
    notdb = tmp_path / "notes.txt"
    notdb.write_text("hello")
    result = tpw("list", "--db", str(notdb), db=db_path)
    assert_one_sentence_error(result)
    assert notdb.read_text() == "hello"


def test_ambiguous_prefix_lists_candidates(db_path: Path) -> None:
    tpw("new", "Postventa Madrid", "--no-open", db=db_path)
    tpw("new", "Postventa Sevilla", "--no-open", db=db_path)
    result = tpw("gaps", "postventa", db=db_path)
    assert_one_sentence_error(result)
    assert "Madrid" in result.stderr and "Sevilla" in result.stderr


def test_app_commands_refuse_without_a_terminal(db_path: Path) -> None:
    tpw("new", "T", "--no-open", db=db_path)
    assert_one_sentence_error(tpw("open", "T", db=db_path))


def test_demo_created_once(db_path: Path) -> None:
    first = tpw("demo", "--no-open", db=db_path)
    second = tpw("demo", "--no-open", db=db_path)
    assert first.returncode == 0 and first.stdout == second.stdout
    assert len(json.loads(tpw("list", "--format", "json", db=db_path).stdout)) == 1


@pytest.mark.parametrize("fmt", ["markdown", "csv", "svg", "html"])
def test_export_reports(db_path: Path, example_path: Path, tmp_path: Path, fmt: str) -> None:
    pytest.importorskip("tpworkshop.formats.reports")
    tpw("import", str(example_path), db=db_path)
    out = tmp_path / f"report.{fmt}"
    result = tpw("export", "1", "--format", fmt, "-o", str(out), db=db_path)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 100


def test_joining_a_live_session_the_facilitator_ended_is_refused(db_path: Path) -> None:
    from tpworkshop.storage import Store

    tpw("new", "Ended run", "--no-open", db=db_path)
    with Store(db_path) as store:
        store.end_live(store.resolve("Ended run"))
    result = tpw("join", "Ended run", "--as", "Ana", db=db_path)
    assert_one_sentence_error(result)
    assert "ended" in result.stderr
    with Store(db_path) as store:  # the facilitator opens it again: joining works
        store.start_live(store.resolve("Ended run"))
    again = tpw("join", "Ended run", "--as", "Ana", db=db_path)
    assert "ended" not in again.stderr  # refused only for want of a terminal here
    assert "terminal" in again.stderr


# --- commands that only read create nothing -----------------------------------------------

READING_COMMANDS = [
    ("list",),
    ("list", "--format", "json"),
    ("gaps", "Concesionario"),
    ("export", "Concesionario"),
    ("export", "Concesionario", "-o", "out.toml"),
    ("open", "Concesionario"),
    ("join", "Concesionario", "--as", "Ana"),
]
NO_DATABASE = {
    "en": "There is no database at {path}",
    "es": "No hay ninguna base de datos en {path}",
}


def run_in(folder: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """tpworkshop run from ``folder`` with no TPWORKSHOP_DB, as a user runs it."""
    env = {k: v for k, v in os.environ.items() if k not in ("TPWORKSHOP_DB", "LC_ALL")}
    env["LANG"] = "es_ES.UTF-8" if lang == "es" else "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "tpworkshop", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        timeout=60,
    )


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("args", READING_COMMANDS, ids=" ".join)
def test_a_command_that_only_reads_creates_nothing(
    tmp_path: Path, args: tuple[str, ...], lang: str
) -> None:
    for db_option, path in (
        ((), Path("sessions") / "tpworkshop.db"),
        (("--db", "some/missing/dir/x.db"), Path("some/missing/dir/x.db")),
    ):
        result = run_in(tmp_path, *db_option, *args, lang=lang)
        assert result.returncode == 1, result
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith(NO_DATABASE[lang].format(path=path))
        assert list(tmp_path.iterdir()) == []


def test_reading_commands_work_once_a_command_created_the_database(
    tmp_path: Path, example_path: Path
) -> None:
    assert run_in(tmp_path, "import", str(example_path)).returncode == 0
    assert (tmp_path / "sessions" / "tpworkshop.db").is_file()
    assert run_in(tmp_path, "gaps", "Concesionario").returncode == 0
    assert run_in(tmp_path, "list").returncode == 0
