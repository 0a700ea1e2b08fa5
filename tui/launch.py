"""Open the app: resolve the database (or a throwaway demo one) and run Textual."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from store.calendar.china_time import Clock, china_now
from store.persistence.db_location import real_db_path, resolve_db_path
from store.rules.messages import Messages, given_catalogs
from store.text.controls import for_plain_text
from tui.early_listing import Prepared

if TYPE_CHECKING:
    from store.cases.case_store import CaseStore
    from tui.launch_options import LaunchOptions


def launch_app(args: LaunchOptions, clock: Clock = china_now) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        print(f"weiquan: {Messages(args.lang)('launch.needs_terminal')}", file=sys.stderr)
        return 2
    term = os.environ.get("TERM", "")
    if term in ("", "dumb", "unknown"):
        msgs = Messages(args.lang)
        shown = for_plain_text(term) or msgs("launch.term_unset")
        print(f"weiquan: {msgs('launch.dumb_terminal', term=shown)}", file=sys.stderr)
        return 2
    # The first frame's catalogs and case rows are made in a child while Textual loads here;
    # the garbage collector waits until that frame is drawn (walking the objects of every module
    # as it loads took about 10 ms of the start; WeiquanApp.start_loading turns it on again).
    prepared = Prepared(None if args.demo else database_file(args.db), args.lang, clock())
    gc.disable()
    from tui.app import WeiquanApp  # Textual loads only here

    early = prepared.result()
    given_catalogs(early.catalogs)

    folder = tempfile.TemporaryDirectory(prefix="weiquan-demo-") if args.demo else None

    def open_store() -> CaseStore:  # in a worker, after the first frame (the case store loads there)
        from store.cases.case_store import CaseStore

        if folder is None:
            return CaseStore.open(resolve_db_path(args.db), clock=clock)
        from store.calendar.workdays import WorkCalendar
        from store.records.sample_cases import fill_demo

        store = CaseStore.open(Path(folder.name) / "demo.json", clock=clock, backups=False)
        fill_demo(store, clock().date(), WorkCalendar())
        return store

    try:
        app = WeiquanApp(open_store, lang=args.lang, clock=clock, early=early, keep_index=folder is None)
        app.run(mouse=not args.no_mouse)
    finally:
        if folder is not None:
            folder.cleanup()
    return app.return_code or (1 if app.crashed else 0)


def database_file(db: str | None) -> Path | None:
    """The database file itself (a link followed), beside which the case index is."""
    try:
        return real_db_path(resolve_db_path(db))
    except OSError:  # a path the store will report on in its own words
        return None
