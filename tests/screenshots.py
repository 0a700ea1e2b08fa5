"""`make screenshots`: SVG screenshots of the real app on the demo cases, for the README."""

from __future__ import annotations

import asyncio
from pathlib import Path

from store.cases.case_store import CaseStore
from store.records.sample_cases import fill_demo
from tests.helpers.app_driver import FIXED_NOW, workers_done
from tests.helpers.calendars import calendar_to_2026
from tui.app import WeiquanApp
from tui.widgets.evidence_pane import EvidenceTable

CAL = calendar_to_2026()

OUT = Path(__file__).resolve().parents[1] / "screenshots"

SHOTS: list[tuple[str, str, tuple[int, int], list[str], str | None]] = [
    # (file, language, size, keys, widget to focus first)
    ("main-zh-CN", "zh-CN", (100, 30), ["down"], None),
    ("main-en", "en", (100, 30), ["down"], None),
    ("case-form-zh-CN", "zh-CN", (100, 32), ["n"], None),
    ("contact-form-en", "en", (100, 32), ["c"], None),
    ("evidence-zh-CN", "zh-CN", (100, 30), ["down", "2"], "evidence"),
    ("help-en", "en", (100, 36), ["question_mark"], None),
    ("guide-zh-CN", "zh-CN", (120, 36), ["g"], None),
    ("export-zh-CN", "zh-CN", (120, 36), ["x", "4", "down", "down", "down", "down", "down", "down", "down"], None),
    ("due-en", "en", (120, 30), ["D"], None),
    ("main-80x24-zh-CN", "zh-CN", (80, 24), ["down"], None),
    ("main-80x24-en", "en", (80, 24), ["down"], None),
    (
        "call-zh-CN",
        "zh-CN",
        (100, 32),
        ["p", "a", *"8821", "enter", "p", *"退款到原支付账户", "enter"] + ["d", *"3个工作日", "enter", "1", "3"],
        None,
    ),
]


async def shoot(name: str, lang: str, size: tuple[int, int], keys: list[str], focus: str | None) -> Path:
    store = CaseStore.open(None, clock=lambda: FIXED_NOW)
    fill_demo(store, FIXED_NOW.date(), CAL)
    app = WeiquanApp(store, lang=lang, clock=lambda: FIXED_NOW, watch_seconds=0, calendar=CAL)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if focus == "evidence":
            app.screen.query_one(EvidenceTable).focus()
            await pilot.pause()
        await workers_done(pilot)  # exports are rendered and wrapped in threads
        await pilot.wait_for_scheduled_animations()
        return Path(app.save_screenshot(filename=f"{name}.svg", path=str(OUT)))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for shot in SHOTS:
        print(asyncio.run(shoot(*shot)))


if __name__ == "__main__":
    main()
