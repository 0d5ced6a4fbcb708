"""benchmarks/bench.py runs end to end and prints its table (a smoke test: no figure is judged)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_bench_smoke_prints_the_table(tmp_path: Path) -> None:
    report = tmp_path / "bench.json"
    env = {k: v for k, v in os.environ.items() if k != "TPWORKSHOP_DB"}
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench.py"), "--smoke", "--json", str(report)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"{os.cpu_count()} cores" in out
    assert "Python " in out and "Textual " in out and "load average" in out
    header = next(line for line in out.splitlines() if line.startswith("group"))
    for column in ("measure", "size", "median", "worst", "cpu", "target", "result", "others"):
        assert column in header
    for measure in (
        "import (fresh database)",
        "export -o FILE",
        "gaps --format json",
        "analyse() (gaps in-process)",
        "Store.load() (full read)",
        "toml dumps()",
        "toml loads()",
        "one edit committed (update_touchpoint)",
        "gaps SESSION (text): lines",
        "export --format svg -o FILE: file size",
        "export --format html -o FILE",
        "bare Textual app (one Label): open to first paint",
    ):
        assert measure in out, measure
    assert "targets:" in out
    rows = json.loads(report.read_text())["rows"]
    assert {row["measure"] for row in rows} >= {"import (fresh database)", "toml loads()"}
    assert all(row["median"] is None or row["median"] >= 0 for row in rows)


def test_timeline_shows_the_frames_of_a_key_press(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TPWORKSHOP_DB"}
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "timeline.py"), "--size", "200", "--last",
         "2", "Rab"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    presses = [line for line in result.stdout.splitlines() if line.startswith("--- ")]
    assert [line.split(":")[0] for line in presses] == ["--- 'a'", "--- 'b'"]
    assert "Screen._compositor_refresh" in result.stdout  # each repaint is listed
    assert "App._display" in result.stdout
