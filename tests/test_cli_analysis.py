"""The analysis and its formats from the command line, through real subprocesses:
the new keys through SQLite, ``export --format json``."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.test_cli import tpw

NEW_KEYS = """format = "tpworkshop/1"

[session]
name = "Claves nuevas"
language = "es"
framework = "custom"
dots_per_participant = 7

[[stages]]
key = "a"
name = "Antes"
weight = 4

[[segments]]
key = "s"
name = "Familias"

[[touchpoints]]
id = "tp-1"
segment = "s"
stage = "a"
name = "Web"
effectiveness = 3
importance = 2
moment_of_truth = true
evidence = "reported"

[[accepted]]
rule = "no-data"
segment = "s"
stage = "a"
touchpoint = "tp-1"
reason = "Nada que medir"
by = "Marta"
"""


def test_new_keys_survive_import_and_export_through_the_database(
    db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "nuevas.toml"
    source.write_text(NEW_KEYS, encoding="utf-8")
    assert tpw("import", str(source), db=db_path).returncode == 0
    exported = tpw("export", "Claves", db=db_path)
    assert exported.returncode == 0, exported.stderr
    data = tomllib.loads(exported.stdout)
    assert data["session"]["dots_per_participant"] == 7
    (tp,) = data["touchpoints"]
    assert (tp["importance"], tp["moment_of_truth"], tp["evidence"]) == (2, True, "reported")
    assert data["accepted"] == [
        {
            "rule": "no-data",
            "segment": "s",
            "stage": "a",
            "touchpoint": "tp-1",
            "reason": "Nada que medir",
            "by": "Marta",
        }
    ]
    assert [a["rule"] for a in data["gaps"]["accepted"]] == ["no-data"]
    assert "no-data" not in [f["rule"] for f in data["gaps"]["findings"]]
    # the file's text up to [gaps] is the source's, key for key (plus the times)
    written = [
        line
        for line in exported.stdout.split("\n[gaps]")[0].strip().splitlines()
        if not line.startswith(("created = ", "updated = "))
    ]
    assert written == NEW_KEYS.strip().splitlines()


def test_export_json(db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "nuevas.toml"
    source.write_text(NEW_KEYS, encoding="utf-8")
    assert tpw("import", str(source), db=db_path).returncode == 0
    result = tpw("export", "Claves", "--format", "json", db=db_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "tpworkshop/1"
    assert data["touchpoints"][0]["evidence"] == "reported"
    assert data["touchpoints"][0]["kind"] is None
    assert data["gaps"]["matrix"] == [
        {
            "touchpoint": "tp-1",
            "importance": 2,
            "effectiveness": 3,
            "opportunity": 2,
            "quadrant": "low-priority",
        }
    ]
    written = tmp_path / "out.json"
    assert (
        tpw("export", "Claves", "--format", "json", "-o", str(written), db=db_path).returncode == 0
    )
    assert json.loads(written.read_text(encoding="utf-8")) == data


# --- gaps on a file, as a linter ------------------------------------------------------------

CLEAN_MAP = """format = "tpworkshop/1"

[session]
name = "Linted"
framework = "custom"

[[stages]]
key = "a"
name = "Before"
weight = 2

[[segments]]
key = "s"
name = "Shoppers"

[[touchpoints]]
id = "tp-1"
segment = "s"
stage = "a"
name = "Web"
channel = "web"
owner = "Ana"
processes = ["Publishing"]
desired_outcome = "Found"
"""
"""One touchpoint with every detail but data: a single low finding (no-data)."""


def write_map(tmp_path: Path, text: str = CLEAN_MAP) -> Path:
    path = tmp_path / "map.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_gaps_on_a_file_needs_no_database_and_creates_nothing(tmp_path: Path) -> None:
    path = write_map(tmp_path)
    db = tmp_path / "sessions" / "tpworkshop.db"
    result = tpw("gaps", str(path), db=db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 of 1 touchpoints generates no data: Web" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.toml"]
    data = json.loads(tpw("gaps", str(path), "--format", "json", db=db).stdout)
    assert [f["rule"] for f in data["findings"]] == ["no-data"]


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ([], 0),  # only a low finding; --check fails on high by default
        (["--fail-on", "high"], 0),
        (["--fail-on", "medium"], 0),
        (["--fail-on", "low"], 3),
    ],
)
def test_check_exit_codes(tmp_path: Path, options: list[str], code: int) -> None:
    path = write_map(tmp_path)
    result = tpw("gaps", str(path), "--check", *options, db=tmp_path / "x.db")
    assert result.returncode == code, result.stderr
    if code == 3:
        assert result.stderr.strip() == "1 finding is low or worse (--fail-on low)."
    else:
        assert result.stderr == ""


def test_check_counts_every_level_at_or_above_fail_on(tmp_path: Path) -> None:
    # the owner removed: no-owner (medium, weight 2) and no-data (low)
    path = write_map(tmp_path, CLEAN_MAP.replace('owner = "Ana"\n', ""))
    medium = tpw("gaps", str(path), "--check", "--fail-on", "medium", db=tmp_path / "x.db")
    assert medium.returncode == 3
    assert medium.stderr.strip() == "1 finding is medium or worse (--fail-on medium)."
    low = tpw(
        "gaps", str(path), "--check", "--fail-on", "low", "--lang", "es", db=tmp_path / "x.db"
    )
    assert low.returncode == 3
    assert low.stderr.strip() == "2 hallazgos son de gravedad baja o mayor (--fail-on low)."


def test_accepted_findings_do_not_fail_the_check(tmp_path: Path) -> None:
    accepted = CLEAN_MAP + (
        '\n[[accepted]]\nrule = "no-data"\nsegment = "s"\nstage = "a"\ntouchpoint = "tp-1"\n'
        'reason = "Nothing to record on a static page"\n'
    )
    path = write_map(tmp_path, accepted)
    result = tpw("gaps", str(path), "--check", "--fail-on", "low", db=tmp_path / "x.db")
    assert result.returncode == 0, result.stderr
    assert "1 accepted finding counts in no figure" in result.stdout


def test_check_on_a_session_in_the_database(db_path: Path, tmp_path: Path) -> None:
    assert tpw("import", str(write_map(tmp_path)), db=db_path).returncode == 0
    assert tpw("gaps", "Linted", "--check", db=db_path).returncode == 0
    assert tpw("gaps", "Linted", "--check", "--fail-on", "low", db=db_path).returncode == 3


def test_a_bad_file_is_an_error_and_usage_errors_stay_two(tmp_path: Path) -> None:
    bad = write_map(tmp_path, CLEAN_MAP.replace("weight = 2", "weight = 9"))
    result = tpw("gaps", str(bad), "--check", db=tmp_path / "x.db")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "stages[1] (a), weight" in result.stderr
    missing = tpw("gaps", str(tmp_path / "nowhere.toml"), "--check", db=tmp_path / "x.db")
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    assert not (tmp_path / "x.db").exists()
    usage = tpw("gaps", str(bad), "--fail-on", "low", db=tmp_path / "x.db")
    assert usage.returncode == 2
    assert "--fail-on only makes sense with --check" in usage.stderr
    assert (
        tpw("gaps", str(bad), "--check", "--fail-on", "worst", db=tmp_path / "x.db").returncode == 2
    )


def test_all_lists_every_finding(tmp_path: Path) -> None:
    many = CLEAN_MAP + "".join(
        f'\n[[touchpoints]]\nid = "tp-{i}"\nsegment = "s"\nstage = "a"\nname = "Extra {i}"\n'
        for i in range(2, 8)
    )
    path = write_map(tmp_path, many)
    grouped = tpw("gaps", str(path), db=tmp_path / "x.db").stdout
    assert "7 of 7 touchpoints generate no data: Web, Extra 2, Extra 3 +4 more" in grouped
    every = tpw("gaps", str(path), "--all", db=tmp_path / "x.db").stdout
    assert all(f"“Extra {i}”" in every for i in range(2, 8))
    markdown = tpw("gaps", str(path), "--all", "--format", "markdown", db=tmp_path / "x.db")
    assert "“Extra 7” (Shoppers, Before) generates no data" in markdown.stdout
