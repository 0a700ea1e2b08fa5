"""Keys at 10,000 cases, in a real terminal (a pty): from the key to the last byte it causes on the
terminal (the list, the case pane and the status line all redrawn), beside a minimal Textual app
echoing the same keys into an input line (the floor: Textual's own path from a key to the screen)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from tests.bench.dataset import write_database
from tests.bench.figures import median, show
from tests.bench.pty_latency import PtyApp
from tests.bench.startup_bench import ENV, ROW
from tests.helpers.cli import weiquan_command

QUIET = 0.35  # no byte for this long: the key's output has ended
FILTER_KEYS = ["耳", "机", " ", "#", "4", "2", "\x7f", "\x7f", "\x7f", "\x7f", "\x7f", "\x7f"]
DOWN = "\x1b[B"
TARGET_MS = 50.0


def key_to_last_byte(app: PtyApp, key: str) -> float:
    """Seconds from writing ``key`` to the last byte the app wrote in answer."""
    time.sleep(0.05)
    since = app.mark()
    start = time.perf_counter()
    app.send(key)
    return app.quiet_after(since, start, quiet=QUIET)


def weiquan_keys(db: Path) -> tuple[list[float], list[float]]:
    app = PtyApp([*weiquan_command(), "--db", str(db), "--lang", "en"], ENV)
    try:
        app.wait_for(ROW.pattern, timeout=120)
        time.sleep(2.5)  # the guide reader is prepared after the list
        moves = [key_to_last_byte(app, DOWN) for _ in range(12)]
        app.send("/")
        time.sleep(0.5)
        filters = [key_to_last_byte(app, key) for key in FILTER_KEYS]
        return filters, moves
    finally:
        app.close()


def echo_keys() -> list[float]:
    app = PtyApp([sys.executable, str(Path(__file__).with_name("minimal_input_app.py"))], ENV)
    try:
        app.wait_for(rb"echo-ready")
        time.sleep(0.5)
        return [key_to_last_byte(app, key) for key in FILTER_KEYS]
    finally:
        app.close()


def run() -> None:
    print("== keys at 10,000 cases (real pty, key to the last byte on the terminal) ==")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "db.json"
        write_database(db, 10_000, 10)
        filters, moves, floor = [], [], []
        for _ in range(2):  # A B A B
            f, m = weiquan_keys(db)
            filters += f
            moves += m
            floor += echo_keys()
        echo = median(floor) * 1000
        for what, samples in (("filter keystroke", filters), ("selection move", moves)):
            value = median(samples) * 1000
            show(
                f"{what}, 10,000 cases (median of {len(samples)}, slowest {max(samples) * 1000:.0f} ms)",
                value,
                "minimal Textual app echoing the key",
                echo,
                most=TARGET_MS,
            )


if __name__ == "__main__":
    run()
