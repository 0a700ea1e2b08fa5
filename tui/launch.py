"""Open the app: resolve the database (or a throwaway demo one) and run Textual."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from store.calendar.china_time import Clock, china_now
from store.persistence.db_location import real_db_path, resolve_db_path
from store.rules.messages import Messages
from store.text.controls import for_plain_text

if TYPE_CHECKING:
    from store.cases.case_store import CaseStore
    from store.cases.indexed_cases import IndexFile
    from tui.launch_options import LaunchOptions


def launch_app(args: LaunchOptions, clock: Clock = china_now) -> int:
    msgs = Messages(args.lang)
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        print(f"weiquan: {msgs('launch.needs_terminal')}", file=sys.stderr)
        return 2
    term = os.environ.get("TERM", "")
    if term in ("", "dumb", "unknown"):
        shown = for_plain_text(term) or msgs("launch.term_unset")
        print(f"weiquan: {msgs('launch.dumb_terminal', term=shown)}", file=sys.stderr)
        return 2
    early = None if args.demo else early_index(resolve_db_path(args.db))
    from store.calendar.workdays import WorkCalendar
    from tui.app import WeiquanApp  # Textual loads only here

    folder = tempfile.TemporaryDirectory(prefix="weiquan-demo-") if args.demo else None
    calendar = WorkCalendar()  # the app adds the holiday file beside the database when it opens it

    def open_store() -> CaseStore:  # in a worker, after the first frame (the case store loads there)
        from store.cases.case_store import CaseStore

        if folder is None:
            return CaseStore.open(resolve_db_path(args.db), clock=clock)
        from store.records.sample_cases import fill_demo

        store = CaseStore.open(Path(folder.name) / "demo.json", clock=clock, backups=False)
        fill_demo(store, clock().date(), calendar)
        return store

    try:
        app = WeiquanApp(
            open_store, lang=args.lang, clock=clock, calendar=calendar, early_index=early, keep_index=folder is None
        )
        app.run(mouse=not args.no_mouse)
    finally:
        if folder is not None:
            folder.cleanup()
    return app.return_code or (1 if app.crashed else 0)


def early_index(path: Path) -> IndexFile | None:
    """The case index beside the database, when it was made from the file there now: the cases
    are listed from it while the database loads."""
    from store.cases.indexed_cases import read_case_index

    try:
        return read_case_index(real_db_path(path))
    except OSError:  # a path the store will report on in its own words
        return None
