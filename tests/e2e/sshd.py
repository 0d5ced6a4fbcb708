"""A throwaway OpenSSH server on 127.0.0.1 for end-to-end tests, using the shipped example."""

from __future__ import annotations

import getpass
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "docs" / "ssh" / "sshd_config.workshop"
SSHD = shutil.which("sshd") or "/usr/sbin/sshd"

needs_sshd = pytest.mark.skipif(
    not Path(SSHD).exists() or shutil.which("ssh") is None or shutil.which("ssh-keygen") is None,
    reason="OpenSSH server/client not installed",
)


@dataclass
class SshServer:
    port: int
    user: str
    key: Path
    process: subprocess.Popen[bytes]
    log: Path

    def client_command(self, remote_words: str = "") -> str:
        return (
            f"ssh -t -q -i {self.key} -p {self.port} -o StrictHostKeyChecking=no "
            f"-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR {self.user}@127.0.0.1 "
            f"{remote_words}"
        ).strip()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_sshd(workdir: Path, db: Path, session: str) -> SshServer:
    """sshd with a fresh host key and user key; the shipped Match block, filled in."""
    workdir.mkdir(parents=True, exist_ok=True)
    host_key, user_key = workdir / "host_ed25519", workdir / "user_ed25519"
    for key in (host_key, user_key):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    authorized = workdir / "authorized_keys"
    authorized.write_text(Path(f"{user_key}.pub").read_text())
    authorized.chmod(0o600)
    user = getpass.getuser()
    tpw = f"{sys.executable} -m tpworkshop"
    match_block = (
        EXAMPLE.read_text()
        .replace("@USER@", user)
        .replace("@TPW@", tpw)
        .replace("@DB@", str(db))
        .replace("@SESSION@", session)
    )
    port = free_port()
    config = workdir / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {host_key}\n"
        f"PidFile {workdir / 'sshd.pid'}\nAuthorizedKeysFile {authorized}\n"
        "StrictModes no\nUsePAM no\nPermitRootLogin prohibit-password\n"
        "PubkeyAuthentication yes\nPrintMotd no\nPrintLastLog no\n"
        "AcceptEnv LANG LC_* COLORTERM\n"
        f"{match_block}"
    )
    Path("/run/sshd").mkdir(parents=True, exist_ok=True)
    subprocess.run([SSHD, "-t", "-f", str(config)], check=True)
    log = workdir / "sshd.log"
    process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stderr=log.open("wb"))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    return SshServer(port, user, user_key, process, log)
