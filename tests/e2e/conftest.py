"""The ``terminal`` fixture: start the installed weiquan in tmux on a database in the test's folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.cli import weiquan_command
from tests.helpers.tmux import TmuxSession


@pytest.fixture
def terminal(tmp_path: Path):
    sessions: list[TmuxSession] = []

    def start(
        *args: str, lang: str = "zh_CN.UTF-8", width: int = 120, height: int = 40, db: Path | None = None
    ) -> TmuxSession:
        env = {
            "LANG": lang,
            "LC_ALL": lang,
            "TERM": os.environ.get("E2E_TERM", "xterm-256color"),
            "WEIQUAN_DB": str(db or tmp_path / "weiquan.json"),
            "TEXTUAL_ANIMATIONS": "none",
            "HOME": str(tmp_path),
        }
        session = TmuxSession([*weiquan_command(), *args], env=env, width=width, height=height)
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.close()
