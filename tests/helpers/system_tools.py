"""Tests that need a system program (tmux, sshd, pandoc …): skipped with the reason where it is
absent, required under CI.

``.ci/run`` sets ``WEIQUAN_CI=1`` after installing every such program; then a missing one fails
the test instead of skipping it, so CI never passes by silently testing less.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CI_VARIABLE = "WEIQUAN_CI"

INSTALL_HINTS = {
    "tmux": "apt-get install tmux",
    "sshd": "apt-get install openssh-server",
    "ssh": "apt-get install openssh-client",
    "script": "apt-get install bsdutils",
    "pandoc": "apt-get install pandoc",
    "task": "apt-get install taskwarrior",
}

_EXTRA_PLACES = {"sshd": ("/usr/sbin/sshd",)}


def under_ci() -> bool:
    return os.environ.get(CI_VARIABLE, "") not in ("", "0")


def find_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    return next((p for p in _EXTRA_PLACES.get(name, ()) if Path(p).exists()), None)


def require_tool(*names: str) -> None:
    """Skip the calling test (fail it under CI) unless every program in ``names`` is installed."""
    missing = [n for n in names if find_tool(n) is None]
    if not missing:
        return
    how = "; ".join(f"{n}: {INSTALL_HINTS.get(n, 'install it')}" for n in missing)
    reason = f"needs {', '.join(missing)}, not installed here ({how})"
    if under_ci():
        pytest.fail(f"{reason} — {CI_VARIABLE} is set, so these tests are required", pytrace=False)
    pytest.skip(reason)
