"""The core layers never import Textual (run in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "tpworkshop.domain",
    "tpworkshop.domain.frameworks",
    "tpworkshop.storage",
    "tpworkshop.analysis",
    "tpworkshop.analysis.render",
    "tpworkshop.formats.toml_format",
    "tpworkshop.guides",
    "tpworkshop.demo",
    "tpworkshop.cli.main",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_and_analysis_do_no_io() -> None:
    """The pure layers import neither sqlite nor the storage layer."""
    code = (
        "import sys\n"
        "import tpworkshop.domain, tpworkshop.analysis\n"
        "bad = [m for m in ('sqlite3', 'sqlite_utils', 'tpworkshop.storage') if m in sys.modules]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
