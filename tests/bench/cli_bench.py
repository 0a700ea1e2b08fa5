"""The command line beside Taskwarrior holding the same data, runs alternating A B A B.

`weiquan --version` against its own target (import time: `python -X importtime -m tui.cli --version`),
`weiquan list --json` against `task export` (100 and 10,000 cases), `weiquan due` against
`task overdue` (10,000 cases). Where `task` is not installed the comparisons are skipped with a
notice (Debian: apt-get install taskwarrior).

Each database is as the app leaves it: with its case index beside it (written here as the app
writes it, store/cases/case_index_writer.py). `list --json` without one is shown too, no target.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.dataset import index_as_the_app_does, write_database
from tests.bench.figures import alternate, median, show
from tests.bench.taskwarrior import Taskwarrior, task_binary
from tests.helpers.cli import weiquan_command

RUNS = 9


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "WEIQUAN_DB"}
    env["LANG"] = "C.UTF-8"
    return env


def timed(argv: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds for the whole command, from launch to exit, output read through a pipe."""
    start = time.perf_counter()
    subprocess.run(argv, env=env or _env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def weiquan(*args: str) -> float:
    return timed([*weiquan_command(), *args])


def version_figures() -> None:
    bare = [sys.executable, "-c", "pass"]
    timed([*weiquan_command(), "--version"]), timed(bare)
    ours, peer, _ = alternate(RUNS * 2, lambda: weiquan("--version"), lambda: timed(bare))
    show("`weiquan --version`", ours * 1000, "the interpreter alone (python -c pass)", peer * 1000, most=60)


def taskwarrior_figures(folder: Path) -> None:
    for cases, target, what in ((100, 3.0, "list"), (10_000, 1.2, "list"), (10_000, 1.0, "due")):
        db = folder / f"db{cases}.json"
        if not db.exists():
            write_database(db, cases, 10)
            index_as_the_app_does(db)
        tw = Taskwarrior(folder / f"task{cases}")
        if not tw.rc.exists() or not (tw.data / "pending.data").exists():
            tw.load(db)
        if what == "list":
            ours_argv = [*weiquan_command(), "list", "--json", "--db", str(db)]
            peer_argv, peer_name = tw.argv("export"), "`task export`"
        else:
            ours_argv = [*weiquan_command(), "due", "--db", str(db)]
            peer_argv, peer_name = tw.argv("overdue"), "`task overdue`"
        timed(ours_argv), timed(peer_argv, tw.env), timed(peer_argv, tw.env)  # warm; Taskwarrior's first run tidies
        ours, peer, ratio = alternate(RUNS, lambda a=ours_argv: timed(a), lambda a=peer_argv, e=tw.env: timed(a, e))
        show(
            f"`weiquan {what}{' --json' if what == 'list' else ''}`, {cases:,} cases",
            ours * 1000,
            f"{peer_name}, same data",
            peer * 1000,
            ratio=ratio,
            most_ratio=target,
        )


def without_index_figure(folder: Path) -> None:
    db = folder / "db100.json"
    bare = folder / "bare100.json"
    bare.write_bytes(db.read_bytes())
    argv = [*weiquan_command(), "list", "--json", "--db", str(bare)]
    timed(argv)
    show(
        "`weiquan list --json`, 100 cases, no case index beside it (no target)",
        median([timed(argv) for _ in range(RUNS)]) * 1000,
    )


def run() -> None:
    print("== command line ==")
    version_figures()
    if task_binary() is None:
        print("skipped: the comparisons with Taskwarrior (`task` is not installed; apt-get install taskwarrior)")
        return
    with tempfile.TemporaryDirectory() as folder:
        taskwarrior_figures(Path(folder))
        without_index_figure(Path(folder))


if __name__ == "__main__":
    run()
