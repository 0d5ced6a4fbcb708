"""The core layers never import Textual, checked at run time in a fresh interpreter.

The layers themselves (and that the pure layers do no I/O) are import-linter contracts in
pyproject.toml, checked by ``lint-imports`` in CI; this test also catches an import done
inside a function, such as the one ``tpworkshop open`` makes of the UI: importing the CLI
must not load Textual."""

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
    "tpworkshop.formats.json_format",
    "tpworkshop.formats.reports",
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
