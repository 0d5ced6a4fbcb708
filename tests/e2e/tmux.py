"""Drive real terminals: tmux sessions, keys in, screen text out."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from collections.abc import Callable

import pytest

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """One tmux session of a given size running one command."""

    def __init__(
        self, command: str, *, width: int = 80, height: int = 24, env: dict[str, str] | None = None
    ) -> None:
        self.name = f"tpw-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={_quote(v)}" for k, v in (env or {}).items())
        shell = f"{'env ' + exports + ' ' if exports else ''}{command}; sleep 5"
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(width),
                "-y",
                str(height),
                shell,
            ],
            check=True,
        )

    def keys(self, *keys: str, literal: bool = False, pause: float = 0.15) -> None:
        for key in keys:
            args = ["tmux", "send-keys", "-t", self.name]
            if literal:
                args.append("-l")
            subprocess.run([*args, key], check=True)
            time.sleep(pause)

    def burst(self, *keys: str) -> None:
        """Several keys in one ``send-keys``: they reach the app in one read, as a paste
        or a laggy SSH link delivers them."""
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        self.keys(text, literal=True)

    def screen(self, history: int = 0) -> str:
        """The visible screen, plus ``history`` lines of scrollback above it."""
        start = ["-S", str(-history)] if history else []
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name, *start],
            capture_output=True,
            text=True,
        )
        return result.stdout

    def scrollback_has(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen(history=500)
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the terminal shows:\n{screen}")

    def wait_for(self, predicate: Callable[[str], bool] | str, timeout: float = 20.0) -> str:
        check = (lambda s: predicate in s) if isinstance(predicate, str) else predicate
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting on the screen; it shows:\n{screen}")

    def pid(self) -> int:
        """The pid of the program running in the pane's shell (its first child)."""
        result = subprocess.run(
            ["tmux", "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        )
        shell_pid = int(result.stdout.split()[0])
        children = subprocess.run(
            ["pgrep", "-P", str(shell_pid)], capture_output=True, text=True
        ).stdout.split()
        return int(children[0]) if children else shell_pid

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def _quote(value: str) -> str:
    return "'" + value.replace("'", "'\\''") + "'"
