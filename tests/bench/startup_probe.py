"""One start-up of an app, headless, measured to its first frame (run as a process by app_bench).

    python -m tests.bench.startup_probe minimal
    python -m tests.bench.startup_probe weiquan DB_PATH
    python -m tests.bench.startup_probe weiquan-listed DB_PATH   (until the cases are listed)

Textual sends the Ready event once the first frame has been displayed and input is accepted; the
probe prints the wall-clock time at that moment and leaves at once.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def _report_and_leave() -> None:
    print(time.time(), flush=True)
    os._exit(0)


def minimal() -> None:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Minimal(App[None]):
        def compose(self):
            yield Header()
            yield Static("hello")
            yield Footer()

        def on_ready(self) -> None:
            _report_and_leave()

    Minimal().run(headless=True, size=(120, 40))


def weiquan(db: Path, until_listed: bool = False) -> None:
    from tui.app import WeiquanApp
    from tui.widgets.case_list import CaseList

    class Probe(WeiquanApp):
        def on_ready(self) -> None:
            if until_listed:
                self.set_interval(0.005, self._listed)
            else:
                _report_and_leave()

        def _listed(self) -> None:
            if self.screen.query(CaseList) and self.screen.query_one(CaseList).rows:
                _report_and_leave()

    def open_store():
        from store.cases.case_store import CaseStore

        return CaseStore.open(db, backups=False)

    Probe(open_store, lang="zh-CN").run(headless=True, size=(120, 40))


if __name__ == "__main__":
    if sys.argv[1] == "minimal":
        minimal()
    else:
        weiquan(Path(sys.argv[2]), until_listed=sys.argv[1] == "weiquan-listed")
