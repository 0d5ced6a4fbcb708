"""What an installed package carries: its guides as package data, found by importlib.resources.

The wheel itself is built, installed into a fresh virtual environment and run from an empty
folder by .ci/run; these tests check the same promises on the development install.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from tests.conftest import REPO
from tpworkshop.guides import GUIDE_STEPS, load_guides, shipped_guides_dir
from tpworkshop.i18n import LANGUAGES


def test_shipped_guides_are_the_package_resource() -> None:
    assert importlib.util.find_spec("tpworkshop.facilitation_guides") is not None, (
        "tpworkshop.facilitation_guides is not importable: an editable install made before "
        "setup.py mapped the guides folder into the package; run pip install -e . again"
    )
    resource = Path(str(files("tpworkshop.facilitation_guides")))
    assert shipped_guides_dir() == resource
    # In a development install the package's guides are the folder people edit.
    assert resource.resolve() == (REPO / "facilitation_guides").resolve()


def test_guides_load_from_the_package_in_another_folder(tmp_path: Path) -> None:
    """Run from an empty folder with an empty user folder: every guide comes from the package."""
    code = (
        "from tpworkshop.guides import load_guides, shipped_guides_dir\n"
        "import sys\n"
        "for lang in sys.argv[1:]:\n"
        "    guides, problems = load_guides(lang)\n"
        "    assert not problems, problems\n"
        "    for guide in guides.values():\n"
        "        assert guide.source is not None, (lang, guide.step)\n"
        "        assert guide.source.is_relative_to(shipped_guides_dir()), guide.source\n"
        "        print(lang, guide.step, guide.timebox)\n"
    )
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-c", code, *LANGUAGES],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(LANGUAGES) * len(GUIDE_STEPS)
    assert list(tmp_path.iterdir()) == []


def test_user_and_command_line_folders_still_override_the_package(tmp_path: Path) -> None:
    config, ours = tmp_path / "config", tmp_path / "ours"
    for folder, step in ((config / "tpworkshop" / "guides", "setup"), (ours, "segments")):
        path = folder / "en" / f"{step}.md"
        path.parent.mkdir(parents=True)
        text = (shipped_guides_dir() / "en" / f"{step}.md").read_text(encoding="utf-8")
        path.write_text(text.replace("+++\n", "+++\n# ours\n", 1), encoding="utf-8")
    guides, problems = load_guides("en", [ours], environ={"XDG_CONFIG_HOME": str(config)})
    assert problems == []
    assert guides["setup"].source == config / "tpworkshop" / "guides" / "en" / "setup.md"
    assert guides["segments"].source == ours / "en" / "segments.md"
    assert guides["details"].source == shipped_guides_dir() / "en" / "details.md"
