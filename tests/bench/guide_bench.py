"""Guide benchmark: jump from a case to its guide section, and open every chapter.

Each figure is the time from the key (or the chapter request) to the last frame the guide screen
draws for it, read where the app hands frames to the terminal; Pilot's idle wait, which polls in
20 ms steps, is not part of it. The first jump of a session is timed twice: with the reader already
built in the background (the normal case, half a second after the cases are shown) and with nothing read or
built ahead, so the jump itself imports, reads and builds it (pressing `g` the moment the cases
appear).
A real terminal (a pty) cross-checks the first jump: key to the last byte drawn.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from store.cases.case_store import CaseStore
from store.records.sample_cases import fill_demo
from store.rules.guide_structure import Target, chapters
from tests.bench.pty_latency import PtyApp
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.cli import weiquan_command
from tui.textual_compat import watch_frames

CAL = calendar_to_2026()

TARGET_MS = 300
RUNS = 5  # fresh sessions for each first-jump figure


class FrameClock:
    """Times of the frames an app hands to its terminal, per screen class."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.frames: list[tuple[float, str]] = []
        watch_frames(app, lambda screen: self.frames.append((time.perf_counter(), type(screen).__name__)))

    def last_since(self, start: float, screen: str) -> float:
        """Milliseconds from ``start`` to the last frame of ``screen`` drawn after it."""
        times = [t for t, name in self.frames if name == screen and t >= start]
        assert times, f"no {screen} frame was drawn"
        return (times[-1] - start) * 1000


def _app(lang: str):  # type: ignore[no-untyped-def]
    from tui.app import WeiquanApp

    store = CaseStore.open(None, clock=lambda: FIXED_NOW)
    fill_demo(store, FIXED_NOW.date(), CAL)
    return WeiquanApp(store, lang=lang, clock=lambda: FIXED_NOW, watch_seconds=0, calendar=CAL)


async def _jump(pilot, clock: FrameClock) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    await pilot.press("g")  # from the selected case to its next step's section
    await pilot.pause()
    shown = clock.last_since(start, "GuideScreen")
    await pilot.press("escape")
    await pilot.pause()
    return shown


async def _first_jump(lang: str, *, prepared: bool) -> float:
    """The first jump of a session, once the case list has settled: with the reader built in the
    background as usual, or with nothing prepared so the jump does it all."""
    app = _app(lang)
    if not prepared:  # nothing read or built ahead: as if `g` came the moment the cases appeared
        app._get_guide_ready = lambda: None  # type: ignore[method-assign]
    clock = FrameClock(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(100):
            if not prepared or getattr(app.guides.get(lang), "built", False):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)
        await pilot.pause()
        assert (lang in app.guides) == prepared
        return await _jump(pilot, clock)


async def _later_jumps_and_chapters(lang: str) -> tuple[float, dict[str, float]]:
    from tui.screens.guide import GuideScreen

    app = _app(lang)
    clock = FrameClock(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _jump(pilot, clock)
        later = []
        case_list = app.screen.query_one("#cases")
        for n in range(1, 6):
            case_list.cursor = n % 4  # a different case each time: its own next-step section
            await pilot.pause()
            later.append(await _jump(pilot, clock))
        await pilot.press("g")
        await pilot.pause()
        guide = app.screen
        assert isinstance(guide, GuideScreen)
        per_chapter: dict[str, float] = {}
        for chapter in chapters(lang):
            samples = []
            for _ in range(5):
                other = "01-who.md" if chapter != "01-who.md" else "02-problems.md"
                await guide.go(Target(other, ""), record=False)
                await pilot.pause()
                start = time.perf_counter()
                await guide.go(Target(chapter, ""), record=False)
                await pilot.pause()
                samples.append(clock.last_since(start, "GuideScreen"))
            per_chapter[chapter] = statistics.median(samples)
    return statistics.median(later), per_chapter


def _terminal_first_jump(lang: str, runs: int = 3) -> list[float]:
    """Real terminal: the app on a demo database, `g` a few seconds after the cases are shown."""
    results = []
    with tempfile.TemporaryDirectory() as folder:
        env = {"WEIQUAN_DB": str(Path(folder) / "guide.json"), "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"}
        for _ in range(runs):
            app = PtyApp([*weiquan_command(), "--demo", "--lang", lang], env)
            try:
                app.wait_for(rb"New case|\xe6\x96\xb0\xe5\xbb\xba")  # the footer's data actions
                time.sleep(2.5)  # the user reads the case list; the reader is built meanwhile
                mark = app.mark()
                app.send("g")
                start = time.perf_counter()
                app.wait_for("目录|Contents".encode(), mark)  # the guide's key line
                results.append(app.quiet_after(mark, start, quiet=0.5) * 1000)
            finally:
                app.close()
    return results


def _spread(samples: list[float]) -> str:
    return f"{statistics.median(samples):.0f} ms (runs {min(samples):.0f}-{max(samples):.0f})"


def _first_jump_in_a_fresh_process(lang: str, *, prepared: bool) -> float:
    """One session per process, as a user has: no earlier app's garbage or warm caches."""
    mode = "prepared" if prepared else "cold"
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.guide_bench", "first-jump", lang, mode],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return float(result.stdout.split()[-1])


def run() -> None:
    print("== guide ==")
    for lang in ("zh-CN", "en"):
        prepared = [_first_jump_in_a_fresh_process(lang, prepared=True) for _ in range(RUNS)]
        cold = [_first_jump_in_a_fresh_process(lang, prepared=False) for _ in range(RUNS)]
        later, per_chapter = asyncio.run(_later_jumps_and_chapters(lang))
        slowest = max(per_chapter, key=per_chapter.__getitem__)
        print(
            f"{lang}: case -> guide section, first of a session: {_spread(prepared)} with the reader built "
            f"in the background, {_spread(cold)} with nothing prepared; later {later:.0f} ms (median)"
        )
        print(
            f"{lang}: open a chapter {min(per_chapter.values()):.0f}-{max(per_chapter.values()):.0f} ms "
            f"(median of 5 each; slowest {slowest}); target < {TARGET_MS} ms"
        )
        if os.environ.get("WEIQUAN_BENCH_TERMINAL", "1") != "0":
            terminal = _terminal_first_jump(lang)
            print(
                f"{lang}: real terminal (pty), g -> guide drawn (last byte), first of a session: "
                + ", ".join(f"{ms:.0f}" for ms in terminal)
                + " ms"
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["first-jump"]:
        print(asyncio.run(_first_jump(sys.argv[2], prepared=sys.argv[3] == "prepared")))
    else:
        run()
