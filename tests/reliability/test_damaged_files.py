"""Damaged, foreign, newer, read-only and full-disk databases: a clear message, file intact."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tpworkshop.storage import Store
from tpworkshop.storage.schema import SCHEMA_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tpw(
    *args: str, prefix: list[str] | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "tpworkshop", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def populated(path: Path, touchpoints: int = 50) -> int:
    with Store(path) as store:
        sid = store.create_session("Kept")
        seg = store.add_segment(sid, "All")
        for n in range(touchpoints):
            store.add_touchpoint(sid, seg, "awareness", f"T{n}", need="n" * 100)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sid


@pytest.mark.parametrize(
    "damage",
    ["truncated", "zeroed-header", "random-bytes", "text-file", "newer-schema", "foreign-db"],
)
def test_cli_refuses_and_leaves_the_file_intact(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "t.db"
    if damage == "text-file":
        path.write_text("not a database\n")
    elif damage == "random-bytes":
        path.write_bytes(os.urandom(8192))
    elif damage == "foreign-db":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE invoices (id)")
        conn.commit()
        conn.close()
    else:
        populated(path, 400)
        data = bytearray(path.read_bytes())
        if damage == "truncated":
            data = data[: len(data) // 3]
        elif damage == "zeroed-header":
            data[:100] = bytes(100)
        path.write_bytes(bytes(data))
        if damage == "newer-schema":
            conn = sqlite3.connect(path)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
            conn.commit()
            conn.close()
    before = digest(path)
    result = tpw("--db", str(path), "list")
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists() or damage not in ("text-file", "random-bytes")


def _read_only_mount(folder: Path) -> list[str] | None:
    """Run a command with ``folder`` bind-mounted read-only (root ignores chmod)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return None
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        return None
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, str(folder)]


def test_read_only_database_and_folder(tmp_path: Path) -> None:
    """As a user who may read but not write: a clear sentence, the file unchanged."""
    work = Path(tempfile.mkdtemp(prefix="tpw-ro-"))
    try:
        work.chmod(0o755)
        path = work / "t.db"
        populated(path)
        path.chmod(0o644)
        before = digest(path)
        prefix = _read_only_mount(work)
        if prefix is None:
            path.chmod(0o444)
            work.chmod(0o555)
        try:
            result = tpw(
                "--db",
                str(path),
                "new",
                "Another",
                "--no-open",
                prefix=prefix,
                env={"HOME": str(work)},
            )
        finally:
            work.chmod(0o755)
            path.chmod(0o644)
        assert result.returncode == 1, result
        assert "Traceback" not in result.stderr
        assert "read-only" in result.stderr or "Cannot" in result.stderr
        assert digest(path) == before
    finally:
        shutil.rmtree(work, ignore_errors=True)


FULL_DISK_SCRIPT = r"""
import resource, signal, sys
from tpworkshop.storage import Store, StorageError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
path = sys.argv[1]
store = Store(path)
sid = store.list_sessions()[0].id
seg = store.load(sid).segments[0].key
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
saved = 0
try:
    for n in range(100000):
        store.add_touchpoint(sid, seg, "awareness", f"Big {n}", need="x" * 4000)
        saved += 1
except StorageError as error:
    print(saved)
    print(error.code)
    print(error.message("en"))
    sys.exit(0)
print(saved)
print("no-error")
"""


def test_full_disk_gives_a_clear_message_and_keeps_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    populated(path, 10)
    size = path.stat().st_size
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK_SCRIPT, str(path), str(size + 400_000)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    saved_text, code, message = result.stdout.strip().splitlines()
    assert code in ("disk_full", "write_failed"), result.stdout
    assert "nothing was changed" in message
    saved = int(saved_text)
    with Store(path) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        session = store.load(store.list_sessions()[0].id)
    assert len(session.touchpoints) == 10 + saved
