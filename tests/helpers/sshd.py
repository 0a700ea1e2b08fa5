"""A throwaway OpenSSH server on 127.0.0.1 for end-to-end tests (host and user keys made here)."""

from __future__ import annotations

import getpass
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = (
    "openssh-server is not installed, so the SSH end-to-end tests cannot run. "
    ".ci/run installs it; by hand: apt-get update && apt-get install -y openssh-server"
)


def find_sshd() -> str | None:
    for candidate in (shutil.which("sshd"), "/usr/sbin/sshd"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class SshServer:
    port: int
    user: str
    key: Path
    process: subprocess.Popen[bytes]

    def ssh_command(self, *remote: str, tty: bool = False) -> list[str]:
        return [
            "ssh",
            *(["-tt"] if tty else ["-T"]),
            "-p",
            str(self.port),
            "-i",
            str(self.key),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "BatchMode=yes",
            f"{self.user}@127.0.0.1",
            *remote,
        ]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_sshd(folder: Path) -> SshServer:
    sshd = find_sshd()
    if sshd is None:
        raise RuntimeError(INSTALL_HINT)
    for name in ("host_key", "user_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)], check=True)
    authorized = folder / "authorized_keys"
    authorized.write_text((folder / "user_key.pub").read_text())
    authorized.chmod(0o600)
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {folder / 'host_key'}",
                f"PidFile {folder / 'sshd.pid'}",
                f"AuthorizedKeysFile {authorized}",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "PrintMotd no",
                "PrintLastLog no",
                "AcceptEnv LANG LC_*",
                "",
            ]
        )
    )
    Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation directory
    process = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"sshd exited at start: {process.stdout.read().decode(errors='replace')}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return SshServer(port, getpass.getuser(), folder / "user_key", process)
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("sshd did not start listening within 15 s")


def remote_env(**values: str) -> list[str]:
    """`env K=V ...` for the remote command (sshd does not forward our environment)."""
    return ["env", *(f"{k}={v}" for k, v in values.items())]


def weiquan_path() -> str:
    """The installed weiquan next to this interpreter (the remote side runs the same install)."""
    import sys

    return str(Path(sys.executable).with_name("weiquan"))
