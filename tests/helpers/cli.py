"""Run the installed ``weiquan`` command as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def weiquan_command() -> list[str]:
    script = Path(sys.executable).with_name("weiquan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui.cli"]


def run_weiquan(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "WEIQUAN_DB"}
    full_env.update({"LANG": "C.UTF-8", **(env or {})})
    return subprocess.run(
        [*weiquan_command(), *args], capture_output=True, text=True, env=full_env, timeout=timeout, check=False
    )
