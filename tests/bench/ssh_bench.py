"""Over SSH on loopback: start-up, a filter keystroke and an export, next to the same things locally.

Start-up and filtering are timed from outside, on the terminal's byte stream (a pty): from launching
(or from the last key) until the output holds the result. Export is the whole `weiquan export`
command, with and without ssh in front of it.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.dataset import PRODUCTS, write_database
from tests.bench.pty_latency import PtyApp
from tests.helpers.cli import weiquan_command
from tests.helpers.sshd import find_sshd, remote_env, start_sshd, weiquan_path

RUNS = 5


QUERIES = ["#4242", "#1234", "#7777", "#9001", "#3333"]


def _session_figures(command: list[str], env: dict[str, str]) -> tuple[float, list[float]]:
    """(seconds until the loaded case list is drawn, [seconds from a filter's last key to its row])."""
    row_of = {q: re.compile(q[1:].encode() + b" (?:" + b"|".join(p.encode() for p in PRODUCTS) + b")") for q in QUERIES}
    app = PtyApp(command, env)
    try:
        shown = app.wait_for(rb"New case")  # data actions in the footer: the cases are loaded
        keys = []
        for query in QUERIES:
            app.send("/")
            time.sleep(0.4)
            for ch in query[:-1]:
                app.send(ch)
                time.sleep(0.15)
            mark = app.mark()
            app.send(query[-1])
            keys.append(app.wait_for(row_of[query].pattern, mark))
            app.send("\x15")  # Ctrl+U: clear the filter line
            time.sleep(0.3)
            app.send("\r")
            time.sleep(0.3)
        return shown, keys
    finally:
        app.close()


def _echo_figures(command: list[str], env: dict[str, str]) -> list[float]:
    """[seconds from a query's last key to its echo] in the minimal input app, typed as above."""
    app = PtyApp(command, env)
    try:
        app.wait_for(rb"echo-ready")
        keys = []
        for query in QUERIES:
            for ch in query[:-1]:
                app.send(ch)
                time.sleep(0.15)
            mark = app.mark()
            app.send(query[-1])
            keys.append(app.wait_for(re.escape(f"echo:{query}".encode()), mark))
            app.send("\x15")
            time.sleep(0.3)
        return keys
    finally:
        app.close()


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
            ssh_cmd = server.ssh_command(
                *remote_env(LANG="en_US.UTF-8", TEXTUAL_ANIMATIONS="none"),
                weiquan_path(),
                "--db",
                str(db),
                "--lang",
                "en",
                tty=True,
            )
            local, remote = [], []
            for _ in range(3):
                local.append(_session_figures(local_cmd, env))
                remote.append(_session_figures(ssh_cmd, env))
            lo = statistics.median(r[0] for r in local) * 1000
            rs = statistics.median(r[0] for r in remote) * 1000
            print(
                f"launch to the drawn case list (10,000 cases): local {lo:.0f} ms, over ssh {rs:.0f} ms "
                f"(ratio {rs / lo:.2f})"
            )
            lo = statistics.median(k for r in local for k in r[1]) * 1000
            rs = statistics.median(k for r in remote for k in r[1]) * 1000
            print(
                f"filter keystroke to the filtered row on the terminal (10,000 cases): local {lo:.0f} ms, "
                f"over ssh {rs:.0f} ms (target < 50 ms)"
            )
            echo = [sys.executable, str(Path(__file__).with_name("minimal_input_app.py"))]
            echo_local, echo_ssh = [], []
            for _ in range(3):
                echo_local += _echo_figures(echo, env)
                echo_ssh += _echo_figures(server.ssh_command(*echo, tty=True), env)
            elo, ers = statistics.median(echo_local) * 1000, statistics.median(echo_ssh) * 1000
            print(
                f"  the same keys echoed by a minimal Textual input app: local {elo:.0f} ms, over ssh {ers:.0f} ms "
                f"-> weiquan's filtering adds {lo - elo:.0f} ms locally, {rs - ers:.0f} ms over ssh"
            )
            # first frame, weiquan vs the minimal app, both over ssh (the start-up target's own terms)
            minimal = [sys.executable, str(Path(__file__).with_name("minimal_app.py"))]
            firsts, minimals = [], []
            for _ in range(RUNS):
                for argv, bucket, marker in (
                    (
                        server.ssh_command(
                            *remote_env(LANG="en_US.UTF-8"), weiquan_path(), "--db", str(db), "--lang", "en", tty=True
                        ),
                        firsts,
                        rb"consumer complaints",
                    ),
                    (server.ssh_command(*minimal, tty=True), minimals, rb"minimal-app-ready"),
                ):
                    app = PtyApp(argv, env)
                    try:
                        bucket.append(app.wait_for(marker))
                    finally:
                        app.close()
            ratio = statistics.median(a / b for a, b in zip(firsts, minimals, strict=True))
            print(
                f"first frame over ssh (10,000 cases): weiquan {statistics.median(firsts) * 1000:.0f} ms, "
                f"minimal Textual app {statistics.median(minimals) * 1000:.0f} ms -> ratio {ratio:.2f} "
                f"(target <= 2.0)"
            )
            export_local, export_ssh = [], []
            for _ in range(RUNS):
                for argv, bucket in (
                    (weiquan_command(), export_local),
                    (server.ssh_command(weiquan_path()), export_ssh),
                ):
                    start = time.perf_counter()
                    subprocess.run([*argv, "export", "1", "--db", str(db)], check=True, capture_output=True)
                    bucket.append(time.perf_counter() - start)
            print(
                f"`weiquan export 1` as a whole command (10,000-case database): local "
                f"{statistics.median(export_local) * 1000:.0f} ms, `ssh host weiquan export 1` "
                f"{statistics.median(export_ssh) * 1000:.0f} ms"
            )
        finally:
            server.stop()


if __name__ == "__main__":
    run()
