"""App benchmarks: start-up against a minimal Textual app in the same run; filter and selection."""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.dataset import write_database

RUNS = 7


def _wall(command: list[str]) -> float:
    """Seconds from launching the process to its first painted frame (the probe prints the moment)."""
    start = time.time()
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1]) - start


def startup_ratio(db: Path, mode: str = "weiquan") -> tuple[float, float, float]:
    """Median seconds (weiquan, minimal) and the median of the pairwise ratios, runs alternating."""
    ours_cmd = [sys.executable, "-m", "tests.bench.startup_probe", mode, str(db)]
    minimal_cmd = [sys.executable, "-m", "tests.bench.startup_probe", "minimal"]
    _wall(ours_cmd), _wall(minimal_cmd)  # warm the file cache
    ours, base, ratios = [], [], []
    for _ in range(RUNS):
        a, b = _wall(ours_cmd), _wall(minimal_cmd)
        ours.append(a)
        base.append(b)
        ratios.append(a / b)
    return statistics.median(ours), statistics.median(base), statistics.median(ratios)


async def _interaction_figures(db: Path) -> tuple[list[float], list[float]]:
    """Ms of work for each filter keystroke and each selection move, inside the running app.

    Measured as process CPU time from the key press until the screen has been re-rendered, so the
    idle wait for Textual's next refresh tick (which costs nothing) is not counted.
    """
    from store.cases.case_store import CaseStore
    from tui.app import WeiquanApp
    from tui.widgets.case_list import CaseList

    app = WeiquanApp(CaseStore.open(db, backups=False), lang="zh-CN", watch_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(200):  # let the guide reader be built first (once a session, in the background)
            if getattr(app.guides.get(app.lang), "built", False):
                break
            await pilot.pause(0.05)
        screen = app.screen
        filter_times = []
        await pilot.press("slash")
        for key in ["耳", "机", "space", "#", "1", "backspace", "backspace", "backspace", "backspace", "backspace"]:
            start = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            filter_times.append((time.process_time() - start) * 1000)
        await pilot.press("escape")
        move_times = []
        case_list = screen.query_one(CaseList)
        case_list.focus()
        for _ in range(15):
            start = time.process_time()
            await pilot.press("down")
            await pilot.pause()
            move_times.append((time.process_time() - start) * 1000)
    return filter_times, move_times


def run() -> None:
    print("== app ==")
    with tempfile.TemporaryDirectory() as folder:
        for cases, target in ((1_000, 1.3), (10_000, 2.0)):
            db = Path(folder) / f"db{cases}.json"
            write_database(db, cases, 10)
            ours, base, ratio = startup_ratio(db)
            print(
                f"start-up to first frame, {cases:,} cases / {cases * 10:,} contacts: weiquan {ours * 1000:.0f} ms, "
                f"minimal Textual app {base * 1000:.0f} ms -> ratio {ratio:.2f} (target <= {target})"
            )
            listed, base, ratio = startup_ratio(db, "weiquan-listed")
            print(
                f"  ... and until the cases are listed (loaded in a worker after the first frame): "
                f"{listed * 1000:.0f} ms, ratio {ratio:.2f} to the minimal app"
            )
        db = Path(folder) / "db10000.json"
        unsettled = _slowest_key_unsettled(db)
        filters, moves = asyncio.run(_interaction_figures(db))
        print(
            f"10,000 cases: filter keystroke {statistics.median(filters):.1f} ms (target < 50), "
            f"move selection {statistics.median(moves):.1f} ms (target < 50)"
        )
        print(
            f"  slowest of the {len(filters) + len(moves)} keys {max(filters + moves):.0f} ms; "
            f"{unsettled:.0f} ms when the loaded cases are left to the garbage collector's full passes"
        )


def _slowest_key_unsettled(db: Path) -> float:
    """The slowest key of the same run with the app's gc.freeze turned off, for comparison."""
    import gc

    import tui.app

    settle = tui.app._settle_long_lived_objects
    tui.app._settle_long_lived_objects = lambda: None
    try:
        filters, moves = asyncio.run(_interaction_figures(db))
    finally:
        tui.app._settle_long_lived_objects = settle
        gc.collect()
    return max(filters + moves)


if __name__ == "__main__":
    run()
