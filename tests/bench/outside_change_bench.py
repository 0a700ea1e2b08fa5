"""Another session's change at 10,000 cases: how soon the running app shows it, and how long the
app's UI thread is ever held while it takes the change in.

Shown: the app runs in a real pty, filtered to one case; another session (a CaseStore in this
process) renames that case; timed from the moment its save renames the new file into place until
the new title is on the terminal. The label says how the app learnt of the save: told by a watch
on the database's folder (inotify), or only by polling the file's stamp every 0.1 s. Sessions
usually change things minutes apart, and every case's urgency is counted again once a minute: the
second figure times changes made a few seconds after a minute turned.

Held: the app runs in this process (headless) with a probe on its event loop that wakes every
5 ms and records how late it woke; the longest delay while another session's change is taken in
is the longest the UI could not answer a key.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

from store.cases.case_store import CaseStore
from store.persistence.database_watch import DatabaseWatch
from tests.bench.dataset import write_database
from tests.bench.figures import median, show
from tests.bench.pty_latency import PtyApp
from tests.bench.startup_bench import ENV, ROW
from tests.helpers.cli import weiquan_command

CASE = 4242
SHOWN_TARGET_MS = 150.0
HELD_TARGET_MS = 100.0


class _RenameClock:
    """Notes when this process last renamed a file into place (the other session's save landing)."""

    def __init__(self) -> None:
        self.at = 0.0
        self._replace = os.replace

    def __enter__(self) -> _RenameClock:
        def replace(src: object, dst: object, **kwargs: object) -> None:
            self._replace(src, dst, **kwargs)  # type: ignore[arg-type]
            self.at = time.perf_counter()

        os.replace = replace  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        os.replace = self._replace


def _until_past_the_next_minute(seconds: float = 3.0) -> None:
    time.sleep(60 - time.time() % 60 + seconds)


def shown_latencies(db: Path, rounds: int = 6, *, minutes_apart: bool = False) -> list[float]:
    other = CaseStore.open(db, backups=False)
    app = PtyApp([*weiquan_command(), "--db", str(db), "--lang", "en"], ENV)
    try:
        app.wait_for(ROW.pattern, timeout=120)
        time.sleep(2.5)
        app.send("/")
        for ch in f"#{CASE}":
            time.sleep(0.15)
            app.send(ch)
        time.sleep(0.5)
        app.send("\r")
        time.sleep(1.0)
        found = []
        with _RenameClock() as renamed:
            for n in range(rounds):
                if minutes_apart:
                    _until_past_the_next_minute()
                title = f"Renamed elsewhere {n} #{CASE}"
                since = app.mark()
                other.update_case(CASE, {"title": title})
                app.wait_for(title.encode(), since, timeout=30)
                found.append(time.perf_counter() - renamed.at)
                time.sleep(0.5)
        return found
    finally:
        app.close()


class _LoopProbe:
    """Wakes every 5 ms on the app's event loop and keeps the longest it woke late."""

    def __init__(self) -> None:
        self.lateness = 0.0
        self.watching = True

    async def watch(self) -> None:
        while self.watching:
            start = time.perf_counter()
            await asyncio.sleep(0.005)
            self.lateness = max(self.lateness, time.perf_counter() - start - 0.005)


async def _held(db: Path, rounds: int) -> list[float]:
    from tui.app import WeiquanApp

    other = CaseStore.open(db, backups=False)
    app = WeiquanApp(lambda: CaseStore.open(db, backups=False), lang="en")
    worst: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.store is None:
            await pilot.pause(0.05)
        await pilot.pause(3.0)  # listed, the guide reader prepared
        for n in range(rounds):
            probe = _LoopProbe()
            task = asyncio.create_task(probe.watch())
            other.update_case(CASE, {"title": f"Held {n} #{CASE}"})
            while app.store.get(CASE).title != f"Held {n} #{CASE}":
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.3)  # the screens redrawn after it
            probe.watching = False
            await task
            worst.append(probe.lateness)
    return worst


def run() -> None:
    print("== another session's change, 10,000 cases ==")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "db.json"
        write_database(db, 10_000, 10)
        shown = shown_latencies(db)
        watch = DatabaseWatch.open(db)
        told = "the folder watched" if watch is not None else "no folder watch here: polled every 0.1 s"
        if watch is not None:
            watch.close()
        show(
            f"another session's change on the terminal ({told}; median of {len(shown)}, "
            f"slowest {max(shown) * 1000:.0f} ms)",
            median(shown) * 1000,
            most=SHOWN_TARGET_MS,
        )
        later = shown_latencies(db, 2, minutes_apart=True)
        show(
            f"the same, each change a few seconds after a minute turned (median of {len(later)}, "
            f"slowest {max(later) * 1000:.0f} ms)",
            median(later) * 1000,
            most=SHOWN_TARGET_MS,
        )
        held = asyncio.run(_held(db, 4))
        show(
            f"longest the UI thread was held while a change was taken in (worst of {len(held)})",
            max(held) * 1000,
            most=HELD_TARGET_MS,
        )


if __name__ == "__main__":
    run()
