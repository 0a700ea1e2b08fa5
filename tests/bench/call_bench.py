"""Call mode while nobody types: what the app writes to the terminal each second (its timer only),
against a minimal Textual app that redraws a one-line timer every second. Read from the terminal
byte stream itself (a pty), as a slow SSH link would carry it."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from store.cases.case_store import CaseStore
from tests.bench.pty_latency import PtyApp

IDLE_SECONDS = 10.0
ENV = {"TERM": "xterm-256color", "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "TEXTUAL_ANIMATIONS": "none"}


def _idle_output(app: PtyApp) -> tuple[float, float]:
    """Bytes and writes per second over an idle window, after the first frames (a timer never lets
    the output settle, so the window starts after a fixed pause)."""
    time.sleep(2.0)
    since, start = app.mark(), time.perf_counter()
    time.sleep(IDLE_SECONDS)
    with app.lock:
        elapsed = time.perf_counter() - start
        written = len(app.buffer) - since
        writes = sum(1 for when, _ in app.arrivals if when >= start)
    return written / elapsed, writes / elapsed


def _call_mode(folder: Path) -> tuple[float, float]:
    db = folder / "weiquan.json"
    CaseStore.open(db, backups=False).create_case({"title": "Earbuds: left side silent", "order_no": "P7788123"})
    app = PtyApp([sys.executable, "-m", "tui.cli", "--db", str(db), "--lang", "en"], ENV, cols=80, rows=24)
    try:
        app.wait_for(b"Earbuds")
        app.send("p")
        app.wait_for(b"On the call")
        return _idle_output(app)
    finally:
        app.close()


def _minimal_timer() -> tuple[float, float]:
    app = PtyApp([sys.executable, "-m", "tests.bench.minimal_timer_app"], ENV, cols=80, rows=24)
    try:
        app.wait_for(b"minimal-timer-ready")
        return _idle_output(app)
    finally:
        app.close()


def run() -> None:
    print("== call mode, idle ==")
    with tempfile.TemporaryDirectory() as folder:
        ours_bytes, ours_writes = _call_mode(Path(folder))
    peer_bytes, peer_writes = _minimal_timer()
    ratio = ours_bytes / peer_bytes if peer_bytes else float("inf")
    met = "met" if ours_writes <= 1.2 and ratio <= 2.0 else "missed"
    print(
        f"call mode idle at 80x24: {ours_bytes:.0f} B/s in {ours_writes:.1f} writes/s; minimal Textual timer app "
        f"{peer_bytes:.0f} B/s in {peer_writes:.1f} writes/s; ratio {ratio:.2f} "
        f"(target: at most one write a second and at most 2x the minimal timer: {met})"
    )


if __name__ == "__main__":
    run()
