"""Over SSH on loopback: start-up, a filter keystroke and an export, next to the same things locally.

Start-up and filtering are timed from outside, in a real terminal (tmux), until the screen shows the
result; export is the whole `weiquan export` command, with and without ssh in front of it.
"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from tests.bench.dataset import write_database
from tests.helpers.cli import weiquan_command
from tests.helpers.sshd import find_sshd, remote_env, start_sshd, weiquan_path
from tests.helpers.tmux import TmuxSession

RUNS = 5


def _poll(tty: TmuxSession, needle: str, timeout: float = 30.0) -> float:
    start = time.perf_counter()
    while needle not in tty.screen():
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"{needle!r} never appeared")
        time.sleep(0.005)
    return time.perf_counter() - start


def _session_figures(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds to the first screen with cases, seconds from a filter keystroke to the filtered list)."""
    start = time.perf_counter()
    tty = TmuxSession(command, env=env, width=120, height=40)
    try:
        _poll(tty, "#1")  # a case title of the synthetic data
        shown = time.perf_counter() - start
        _poll(tty, "New case")  # data actions enabled: loading finished
        tty.type("/")
        _poll(tty, "▸ /")
        tty.type("#4242")
        filtered = _poll(tty, "#4242 ")
        tty.send("Escape")
        return shown, filtered
    finally:
        tty.close()


def run() -> None:
    print("== over SSH (loopback) ==")
    if find_sshd() is None:
        print("skipped: openssh-server is not installed (apt-get install openssh-server)")
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        db = root / "db.json"
        write_database(db, 10_000, 10)
        server = start_sshd(root)
        try:
            env = {"LANG": "en_US.UTF-8", "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"}
            local_cmd = [*weiquan_command(), "--db", str(db), "--lang", "en"]
            ssh_cmd = server.ssh_command(*remote_env(LANG="en_US.UTF-8", TEXTUAL_ANIMATIONS="none"), weiquan_path(),
                                         "--db", str(db), "--lang", "en", tty=True)
            local, remote = [], []
            for _ in range(RUNS):
                local.append(_session_figures(local_cmd, env))
                remote.append(_session_figures(ssh_cmd, env))
            for label, index in (("start-up to the case list (10,000 cases)", 0), ("filter keystroke to filtered list", 1)):
                lo = statistics.median(r[index] for r in local) * 1000
                re = statistics.median(r[index] for r in remote) * 1000
                print(f"{label}: local {lo:.0f} ms, over ssh {re:.0f} ms (ratio {re / lo:.2f})")
            export_local, export_ssh = [], []
            for _ in range(RUNS):
                for argv, bucket in ((weiquan_command(), export_local), (server.ssh_command(weiquan_path()), export_ssh)):
                    start = time.perf_counter()
                    subprocess.run([*argv, "export", "1", "--db", str(db)], check=True, capture_output=True)
                    bucket.append(time.perf_counter() - start)
            print(f"`weiquan export 1` as a whole command (10,000-case database): local "
                  f"{statistics.median(export_local) * 1000:.0f} ms, `ssh host weiquan export 1` "
                  f"{statistics.median(export_ssh) * 1000:.0f} ms")
        finally:
            server.stop()


if __name__ == "__main__":
    run()
