"""Memory per case at 10,000 cases: resident memory above the same program holding one case,
divided by the cases. The app in a real pty (its resident size once the cases are listed), the
command line's peak (`list --json`, `due`), and Taskwarrior's peak for `task export` as the peer."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.dataset import index_as_the_app_does, write_database
from tests.bench.figures import median, show
from tests.bench.pty_latency import PtyApp
from tests.bench.startup_bench import ENV, ROW
from tests.bench.taskwarrior import Taskwarrior, task_binary
from tests.helpers.cli import weiquan_command

CASES = 10_000
TARGET_KB = 8.0


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def app_kb(db: Path) -> tuple[int, int]:
    """(resident KB, peak resident KB) of the app once its cases are listed and it has settled."""
    app = PtyApp([*weiquan_command(), "--db", str(db), "--lang", "en"], ENV)
    try:
        app.wait_for(ROW.pattern, timeout=300)
        time.sleep(3.0)  # the guide reader is prepared after the list, the case index checked: both counted
        return _status_kb(app.pid, "VmRSS"), _status_kb(app.pid, "VmHWM")
    finally:
        app.close()


# The peak is read by a small go-between: a child forked from this (large) process would count
# the parent's pages it shares until exec in its own peak.
_PEAK = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(os.wait4(proc.pid, 0)[2].ru_maxrss)
"""


def peak_kb(argv: list[str], env: dict[str, str] | None = None) -> int:
    """Peak resident KB of a command run to its end."""
    out = subprocess.run([sys.executable, "-c", _PEAK, *argv], env=env, capture_output=True, text=True, check=True)
    return int(out.stdout)


def _per_case(big: float, small: float) -> float:
    return (big - small) / (CASES - 1)


def run() -> None:
    print("== memory per case ==")
    with tempfile.TemporaryDirectory() as folder:
        one, many = Path(folder) / "one.json", Path(folder) / "many.json"
        write_database(one, 1, 10)
        write_database(many, CASES, 10)
        index_as_the_app_does(one), index_as_the_app_does(many)  # as the app leaves them
        env = {**os.environ, "LANG": "C.UTF-8"}
        peer: float | None = None
        if task_binary() is not None:
            tw_one, tw_many = Taskwarrior(Path(folder) / "t1"), Taskwarrior(Path(folder) / "tn")
            tw_one.load(one), tw_many.load(many)
            peer = _per_case(
                median([peak_kb(tw_many.argv("export"), tw_many.env) for _ in range(3)]),
                median([peak_kb(tw_one.argv("export"), tw_one.env) for _ in range(3)]),
            )
        peer_name = "Taskwarrior `task export`" if peer is not None else "(Taskwarrior not installed)"
        for verb in (["list", "--json"], ["due"]):
            ours = _per_case(
                median([peak_kb([*weiquan_command(), *verb, "--db", str(many)], env) for _ in range(3)]),
                median([peak_kb([*weiquan_command(), *verb, "--db", str(one)], env) for _ in range(3)]),
            )
            what = f"`weiquan {' '.join(verb)}` peak, per case at 10,000"
            show(what, ours, peer_name, peer, unit="KB", most=TARGET_KB)
        big, small = [app_kb(many) for _ in range(2)], [app_kb(one) for _ in range(2)]
        resident = _per_case(median([b[0] for b in big]), median([s[0] for s in small]))
        peak = _per_case(median([b[1] for b in big]), median([s[1] for s in small]))
        show("the app, resident once listed, per case at 10,000", resident, peer_name, peer, unit="KB", most=TARGET_KB)
        show("the app, peak while loading, per case at 10,000", peak, peer_name, peer, unit="KB")


if __name__ == "__main__":
    run()
