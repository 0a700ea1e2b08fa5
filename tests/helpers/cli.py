"""Run ``weiquan`` as a user would: the installed command (run_weiquan), or its main() in this
process with a fixed clock and calendar (run_main)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

from store.calendar.china_time import Clock
from store.calendar.workdays import WorkCalendar
from tui.cli import main


def weiquan_command() -> list[str]:
    script = Path(sys.executable).with_name("weiquan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui.cli"]


def run_weiquan(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "WEIQUAN_DB"}
    full_env.update({"LANG": "C.UTF-8", **(env or {})})
    return subprocess.run(
        [*weiquan_command(), *args], capture_output=True, text=True, env=full_env, timeout=timeout, check=False
    )


def run_main(*args: str, clock: Clock, calendar: WorkCalendar | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``weiquan ARGS`` in this process, as the console script does (``sys.exit(main())``),
    with the clock and the built-in calendar given: for verbs whose output depends on today's
    date or on the installed calendar's years. ``--lang`` decides the language (not the locale)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args), clock=clock, calendar=calendar)
        except SystemExit as exit_:  # argparse's errors
            code = exit_.code if isinstance(exit_.code, int) else 2
    return subprocess.CompletedProcess(["weiquan", *args], code, out.getvalue(), err.getvalue())
