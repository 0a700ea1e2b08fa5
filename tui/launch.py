"""Open the app: resolve the database (or a throwaway demo one) and run Textual."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from store.calendar.china_time import Clock, china_now
from store.calendar.workdays import WorkCalendar
from store.cases.case_store import CaseStore
from store.persistence.db_location import resolve_db_path
from store.rules.messages import Messages
from store.text.controls import for_plain_text


def launch_app(args: argparse.Namespace, clock: Clock = china_now) -> int:
    msgs = Messages(args.lang)
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        print(f"weiquan: {msgs('launch.needs_terminal')}", file=sys.stderr)
        return 2
    term = os.environ.get("TERM", "")
    if term in ("", "dumb", "unknown"):
        shown = for_plain_text(term) or msgs("launch.term_unset")
        print(f"weiquan: {msgs('launch.dumb_terminal', term=shown)}", file=sys.stderr)
        return 2
    from tui.app import WeiquanApp  # Textual loads only here

    folder = tempfile.TemporaryDirectory(prefix="weiquan-demo-") if args.demo else None
    calendar = WorkCalendar()  # the app adds the holiday file beside the database when it opens it

    def open_store() -> CaseStore:
        if folder is None:
            return CaseStore.open(resolve_db_path(args.db), clock=clock)
        from store.records.sample_cases import fill_demo

        store = CaseStore.open(Path(folder.name) / "demo.json", clock=clock, backups=False)
        fill_demo(store, clock().date(), calendar)
        return store

    try:
        app = WeiquanApp(open_store, lang=args.lang, clock=clock, calendar=calendar)
        app.run(mouse=not args.no_mouse)
    finally:
        if folder is not None:
            folder.cleanup()
    return app.return_code or (1 if app.crashed else 0)
