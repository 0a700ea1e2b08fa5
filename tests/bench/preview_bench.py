"""Export preview of a big case: a case of 1,000 contacts beside one of 5, as the user waits.

In the app (headless, Pilot), each figure runs from the key to the first frame handed to the
terminal that shows its effect, read where the app hands frames over (as the guide benchmark
does): the preview's text on screen after `x`; the scroll moved after down, page down, end and
home; the new format or redaction named on the status line after 1-4 and r (and, as a second
figure, its preview painted once rendered in the background); the main screen back after Esc.
A real terminal (a pty) cross-checks the first paint and Esc from the byte stream.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench.dataset import write_database
from tests.bench.pty_latency import PtyApp
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.cli import weiquan_command
from tui.textual_compat import watch_frames

FIRST_PAINT_TARGET_MS = 1_000
KEY_TARGET_MS = 100
SESSIONS = 3
KEYS = ["down", "pagedown", "end", "home", "2", "3", "4", "1", "r", "escape"]

Snapshot = dict[str, Any]


class Frames:
    """Each frame the app hands to its terminal, with what the export dialog showed at that moment."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.frames: list[tuple[float, Snapshot]] = []
        watch_frames(app, lambda screen: self.frames.append((time.perf_counter(), self.snapshot())))

    def snapshot(self) -> Snapshot:
        from tui.screens.export import ExportScreen
        from tui.widgets.text_preview import TextPreview

        screen = self.app.screen
        if not isinstance(screen, ExportScreen):
            return {"screen": type(screen).__name__}
        preview = screen.query_one("#box-text" if screen.fmt == "form" else "#export-preview", TextPreview)
        return {
            "screen": "ExportScreen",
            "fmt": screen.fmt,
            "redact": screen.redact,
            "shown": screen.export is not None and bool(preview.rows),
            "scroll": preview.scroll_offset.y,
        }

    async def wait(self, pilot: Any, start: float, wanted: Callable[[Snapshot], bool], timeout: float = 60) -> float:
        """Milliseconds from ``start`` to the first frame after it that ``wanted`` accepts."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for moment, shown in self.frames:
                if moment >= start and wanted(shown):
                    return (moment - start) * 1000
            await pilot.pause(0.002)
        raise TimeoutError("the frame never came")


def _expected(key: str, before: Snapshot) -> tuple[Callable[[Snapshot], bool], Callable[[Snapshot], bool] | None]:
    """(the key's answer on screen, its new preview painted — for keys that render a new export)."""
    formats = {"1": "timeline", "2": "dossier", "3": "complaint", "4": "form"}
    if key in formats:
        fmt = formats[key]
        return (lambda s: s.get("fmt") == fmt), (lambda s: s.get("fmt") == fmt and bool(s.get("shown")))
    if key == "r":
        flag = not before["redact"]
        return (lambda s: s.get("redact") == flag), (lambda s: s.get("redact") == flag and bool(s.get("shown")))
    if key == "escape":
        return (lambda s: s["screen"] != "ExportScreen"), None
    if key == "home":
        return (lambda s: s.get("scroll") == 0), None
    scroll = before["scroll"]
    return (lambda s: s.get("scroll", scroll) > scroll), None


async def _session(db: Path) -> tuple[float, dict[str, float], dict[str, float]]:
    from store.cases.case_store import CaseStore
    from tui.app import WeiquanApp

    store = CaseStore.open(db, clock=lambda: FIXED_NOW, backups=False)
    app = WeiquanApp(store, lang="zh-CN", clock=lambda: FIXED_NOW, watch_seconds=0)
    frames = Frames(app)
    answers: dict[str, float] = {}
    painted: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        start = time.perf_counter()
        await pilot.press("x")
        first_paint = await frames.wait(pilot, start, lambda s: bool(s.get("shown")))
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        for key in KEYS:
            before = frames.snapshot()
            answered, repainted = _expected(key, before)
            start = time.perf_counter()
            await pilot.press(key)
            answers[key] = await frames.wait(pilot, start, answered)
            if repainted is not None:
                painted[key] = await frames.wait(pilot, start, repainted)
            await app.workers.wait_for_complete()
            await pilot.pause(0.1)
    return first_paint, answers, painted


def _median_by_key(sessions: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(s[key] for s in sessions) for key in sessions[0]}


def _terminal(db: Path) -> tuple[float, float]:
    """Real terminal: seconds from `x` to the export's title drawn, and from Esc to the main screen's footer."""
    env = {"WEIQUAN_DB": str(db), "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"}
    app = PtyApp([*weiquan_command(), "--lang", "zh-CN"], env)
    try:
        app.wait_for("新建".encode())  # the footer's data actions: the cases are listed
        time.sleep(1.5)
        mark = app.mark()
        app.send("x")
        shown = app.wait_for("# 维权时间线".encode(), mark)
        time.sleep(1.0)
        mark = app.mark()
        app.send("\x1b")
        closed = app.wait_for("新建".encode(), mark)
        return shown, closed
    finally:
        app.close()


def _verdict(value: float, target: float) -> str:
    return "met" if value < target else "missed"


def run() -> None:
    print("== export preview (1,000 contacts beside 5) ==")
    with tempfile.TemporaryDirectory() as folder:
        figures = {}
        for contacts in (5, 1_000):
            db = Path(folder) / f"preview{contacts}.json"
            write_database(db, 1, contacts)
            runs = [asyncio.run(_session(db)) for _ in range(SESSIONS)]
            terminal = [_terminal(db) for _ in range(SESSIONS)]
            figures[contacts] = (
                statistics.median(r[0] for r in runs),
                _median_by_key([r[1] for r in runs]),
                _median_by_key([r[2] for r in runs]),
                statistics.median(t[0] for t in terminal) * 1000,
                statistics.median(t[1] for t in terminal) * 1000,
            )
    big, small = figures[1_000], figures[5]
    ratio = big[0] / small[0]
    print(
        f"first paint (x -> the export on screen): {big[0]:.0f} ms at 1,000 contacts, {small[0]:.0f} ms at 5 "
        f"-> ratio {ratio:.1f}; target < {FIRST_PAINT_TARGET_MS} ms: {_verdict(big[0], FIRST_PAINT_TARGET_MS)}"
    )
    slow_key = max(big[1], key=big[1].__getitem__)
    peer_key = max(small[1], key=small[1].__getitem__)
    slowest, peer = big[1][slow_key], small[1][peer_key]
    print(
        f"slowest key ({', '.join(KEYS)}; key -> its effect on screen): {slowest:.0f} ms ({slow_key}) at "
        f"1,000 contacts, {peer:.0f} ms ({peer_key}) at 5 -> ratio {slowest / peer:.1f}; "
        f"target < {KEY_TARGET_MS} ms: {_verdict(slowest, KEY_TARGET_MS)}"
    )
    print("  each key at 1,000 / 5 contacts, ms: " + ", ".join(f"{k} {big[1][k]:.0f}/{small[1][k]:.0f}" for k in KEYS))
    slow_paint = max(big[2], key=big[2].__getitem__)
    print(
        f"new preview painted after a format or redaction key: slowest {big[2][slow_paint]:.0f} ms ({slow_paint}) at "
        f"1,000 contacts, {max(small[2].values()):.0f} ms at 5; target < {FIRST_PAINT_TARGET_MS} ms: "
        f"{_verdict(big[2][slow_paint], FIRST_PAINT_TARGET_MS)}"
    )
    print(
        f"real terminal (pty): x -> export drawn {big[3]:.0f} ms at 1,000 contacts, {small[3]:.0f} ms at 5 "
        f"(ratio {big[3] / small[3]:.1f}); Esc -> main screen {big[4]:.0f} ms, {small[4]:.0f} ms at 5"
    )


if __name__ == "__main__":
    run()
