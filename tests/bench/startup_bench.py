"""Start-up as the user waits for it: from launching the installed `weiquan` in a real terminal (a
pty) until the case rows are on the screen, against a bare Textual app (Header, Static, Footer)
until its first frame, runs alternating A B A B.

A database the app has had open before has its case index beside it (store/cases/case_index.py),
written a second after the cases loaded: the targets are for such a database, the one a user
opens every day. The very first launch (a database imported, or written by an older version)
has none and is shown too, without a target."""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

from store.cases.case_index import index_path
from store.cases.indexed_cases import read_case_index
from tests.bench.dataset import PRODUCTS, write_database
from tests.bench.figures import alternate, show
from tests.bench.pty_latency import PtyApp
from tests.helpers.cli import weiquan_command

ENV = {"TERM": "xterm-256color", "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "TEXTUAL_ANIMATIONS": "none"}
# A listed case row: its number, then the title (every dataset title starts with a product name).
ROW = re.compile(rb"\d+ (?:" + b"|".join(re.escape(p.encode()) for p in PRODUCTS) + rb")")
BARE = [sys.executable, str(Path(__file__).with_name("minimal_app.py"))]


def seconds_until(argv: list[str], pattern: re.Pattern[bytes], timeout: float = 300.0) -> float:
    """Seconds from launching ``argv`` in a 120x40 pty until ``pattern`` is on the terminal."""
    start = time.perf_counter()
    app = PtyApp(argv, ENV)
    try:
        app.wait_for(pattern.pattern, timeout=timeout)
        return time.perf_counter() - start
    finally:
        app.close()


def weiquan_listed(db: Path) -> float:
    return seconds_until([*weiquan_command(), "--db", str(db), "--lang", "en"], ROW)


def weiquan_listed_first_time(db: Path) -> float:
    Path(index_path(db)).unlink(missing_ok=True)
    return weiquan_listed(db)


def first_session(db: Path, timeout: float = 300.0) -> None:
    """Open the app on ``db`` and leave it open until it has written the case index."""
    Path(index_path(db)).unlink(missing_ok=True)
    app = PtyApp([*weiquan_command(), "--db", str(db), "--lang", "en"], ENV)
    try:
        app.wait_for(ROW.pattern, timeout=timeout)
        deadline = time.perf_counter() + timeout
        while read_case_index(db) is None:
            if time.perf_counter() > deadline:
                raise TimeoutError("the case index was not written")
            time.sleep(0.05)
    finally:
        app.close()


def bare_first_frame() -> float:
    return seconds_until(BARE, re.compile(rb"minimal-app-ready"))


# (cases, contacts per case, target ratio, runs). 100,000 cases with 10 contacts each would pass the
# 256 MB limit on a database file (regular_files.MAX_DATA_FILE_BYTES); with 9 they take about 245 MB.
SIZES = ((1_000, 10, 1.5, 7), (10_000, 10, 2.0, 7), (100_000, 9, None, 3))
FIRST_LAUNCH_RUNS = 3  # at 1,000 and 10,000 cases (at 100,000 one launch takes about ten seconds)


def run(sizes: tuple[tuple[int, int, float | None, int], ...] = SIZES) -> None:
    print("== start-up until the cases are listed (real pty) ==")
    with tempfile.TemporaryDirectory() as folder:
        for cases, per_case, target, runs in sizes:
            db = Path(folder) / f"db{cases}.json"
            write_database(db, cases, per_case)
            bare_first_frame()  # the interpreter's files in the page cache
            if target is not None:
                ours, peer, ratio = alternate(
                    FIRST_LAUNCH_RUNS, lambda db=db: weiquan_listed_first_time(db), bare_first_frame
                )
                show(
                    f"first launch (no case index yet) to the case rows, {cases:,} cases",
                    ours * 1000,
                    "bare Textual app's first frame",
                    peer * 1000,
                    ratio=ratio,
                )
            first_session(db)
            weiquan_listed(db)  # the index in the page cache too
            ours, peer, ratio = alternate(runs, lambda db=db: weiquan_listed(db), bare_first_frame)
            show(
                f"launch to the case rows on the terminal, {cases:,} cases / {cases * per_case:,} contacts",
                ours * 1000,
                "bare Textual app's first frame",
                peer * 1000,
                ratio=ratio,
                most_ratio=target,
            )
            db.unlink()
            Path(index_path(db)).unlink(missing_ok=True)


if __name__ == "__main__":
    run()
