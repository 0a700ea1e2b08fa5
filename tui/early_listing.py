"""What the app's first frame shows, prepared by a child process while this one loads Textual.

Loading Textual takes one core about 170 ms before the app can draw anything; meanwhile a forked
child reads the message catalogs and the case index (store/cases/case_index.py), ranks the cases
and makes their rows, and hands them over a pipe. A machine with a second core lists 10,000 cases
that much sooner. Where there is no fork, or the child fails or is late, the same is made here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import marshal
import os
import select
import time
from pathlib import Path
from typing import NamedTuple

from store.rules.messages import DEFAULT_LANGUAGE, catalog
from tui.case_rows import CaseRow, list_row

CHILD_SECONDS = 10.0  # a child this late (a machine that is swapping) is left for the work done here


class EarlyListing(NamedTuple):
    """The catalogs of the app's language (and English, the fallback), and, from a case index
    that names the database file there now, the ranked rows and the status line's counts."""

    catalogs: dict[str, dict[str, str]]
    rows: list[CaseRow] | None
    counts: tuple[int, int, int, int, int] | None  # cases, overdue, broken, within a week, estimated
    database: list[int] | None = None  # the stamp of the database file the index was made from


def prepare(db_path: Path | None, lang: str, now: dt.datetime) -> EarlyListing:
    from store.cases.indexed_cases import read_case_index
    from store.cases.indexed_ranking import rank_indexed
    from store.gc_pause import collector_paused

    catalogs = {name: catalog(name) for name in {lang, DEFAULT_LANGUAGE}}
    index = read_case_index(db_path) if db_path is not None else None
    if index is None:
        return EarlyListing(catalogs, None, None)
    with collector_paused():  # 10,000 rows: objects without cycles, walked again and again
        try:
            ranked = rank_indexed(index.cases, now)
        # A damaged entry, or an end on no calendar's day (OverflowError): listed once loaded.
        except (ValueError, OverflowError):
            return EarlyListing(catalogs, None, None)
        rows = [list_row(c.id, c.title, c.active, urgency, urgency.first_open, now) for c, urgency in ranked]
    overdue = broken = upcoming = guessed = 0
    for _, urgency in ranked:
        overdue += urgency.overdue
        broken += urgency.broken
        upcoming += urgency.upcoming_week
        guessed += urgency.overdue_estimated
    return EarlyListing(catalogs, rows, (len(rows), overdue, broken, upcoming, guessed), index.database)


class Prepared:
    """``prepare`` started in a forked child now; ``result()`` when the app needs it."""

    def __init__(self, db_path: Path | None, lang: str, now: dt.datetime) -> None:
        self._args = (db_path, lang, now)
        self._pid = 0
        self._fd = -1
        try:
            read_end, write_end = os.pipe()
            pid = os.fork()
        except OSError:
            return
        if pid == 0:
            _child(read_end, write_end, self._args)
        os.close(write_end)
        self._pid, self._fd = pid, read_end

    def result(self) -> EarlyListing:
        """The child's listing, or (no child, a failed or late one) the same made here."""
        data = self._collect() if self._pid else None
        if data is not None:
            with contextlib.suppress(ValueError, EOFError, TypeError):
                catalogs, rows, counts, database = marshal.loads(data)
                made = None if rows is None else list(map(CaseRow._make, rows))
                return EarlyListing(catalogs, made, counts, database)
        return prepare(*self._args)

    def _collect(self) -> bytes | None:
        chunks: list[bytes] = []
        deadline = time.monotonic() + CHILD_SECONDS
        try:
            while (left := deadline - time.monotonic()) > 0:
                ready, _, _ = select.select([self._fd], [], [], left)
                if not ready:
                    break
                chunk = os.read(self._fd, 1 << 20)
                if not chunk:
                    return b"".join(chunks) if self._ended_well() else None
                chunks.append(chunk)
            with contextlib.suppress(OSError):
                os.kill(self._pid, 9)
            self._ended_well()
            return None
        finally:
            os.close(self._fd)

    def _ended_well(self) -> bool:
        try:
            _, status = os.waitpid(self._pid, 0)
        except ChildProcessError:
            return False
        return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _child(read_end: int, write_end: int, args: tuple[Path | None, str, dt.datetime]) -> None:
    """In the child: the listing down the pipe, then out at once (no cleanup of the parent's
    state, no output flushed twice)."""
    code = 1
    try:
        os.close(read_end)
        catalogs, rows, counts, database = prepare(*args)
        payload = marshal.dumps((catalogs, None if rows is None else [tuple(r) for r in rows], counts, database))
        view = memoryview(payload)
        while view:
            view = view[os.write(write_end, view) :]
        code = 0
    except BaseException:
        pass
    finally:
        os._exit(code)
