"""Guide benchmark: open every chapter, and jump from a case to its guide section."""

from __future__ import annotations

import asyncio
import statistics
import time

from store.case_store import CaseStore
from store.demo import fill_demo
from store.guide import Target, chapters
from tests.helpers.app_driver import FIXED_NOW


async def _figures(lang: str) -> tuple[dict[str, float], float, float]:
    from tui.app import WeiquanApp
    from tui.screens.guide import GuideScreen

    store = CaseStore.open(None, clock=lambda: FIXED_NOW)
    fill_demo(store, FIXED_NOW.date())
    app = WeiquanApp(store, lang=lang, clock=lambda: FIXED_NOW, watch_seconds=0)
    per_chapter: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        jumps = []
        case_list = app.screen.query_one("#cases")
        for n in range(6):
            case_list.cursor = n % 4  # a different case each time: its own next-step section
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("g")  # from the selected case to its next step's section
            await pilot.pause()
            jumps.append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        guide = app.screen
        assert isinstance(guide, GuideScreen)
        for chapter in chapters(lang):
            samples = []
            for _ in range(5):
                start = time.perf_counter()
                await guide.go(Target(chapter, ""), record=False)
                await pilot.pause()
                samples.append(time.perf_counter() - start)
                await guide.go(Target("01-who.md" if chapter != "01-who.md" else "02-problems.md", ""), record=False)
                await pilot.pause()
            per_chapter[chapter] = statistics.median(samples) * 1000
    return per_chapter, jumps[0] * 1000, statistics.median(jumps[1:]) * 1000


def run() -> None:
    print("== guide ==")
    for lang in ("zh-CN", "en"):
        per_chapter, first, later = asyncio.run(_figures(lang))
        slowest = max(per_chapter, key=per_chapter.get)
        print(f"{lang}: open a chapter {min(per_chapter.values()):.0f}-{max(per_chapter.values()):.0f} ms "
              f"(slowest {slowest}); case -> guide section: {first:.0f} ms the first time, {later:.0f} ms median "
              f"after, the reader being kept (target < 300 ms)")


if __name__ == "__main__":
    run()
