"""What the writing verbs save in another process, the open app shows at its next check for
outside changes (every 2 s)."""

from __future__ import annotations

from pathlib import Path

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW, screen_text
from tests.helpers.cli import run_weiquan
from tui.app import WeiquanApp


async def test_the_app_shows_what_the_verbs_saved(db_path: Path) -> None:
    store = CaseStore.open(db_path, clock=lambda: FIXED_NOW)
    case_id = store.create_case({"title": "耳机左耳无声"}).id
    app = WeiquanApp(store, lang="zh-CN", clock=lambda: FIXED_NOW, watch_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        args = ["--channel", "热线", "--agent", "7777", "--at", "2026-11-26 19:00", "--duration", "5:00"]
        for verb in (["log", str(case_id), *args], ["status", str(case_id), "waiting"]):
            result = run_weiquan(*verb, "--db", str(db_path))
            assert result.returncode == 0, result.stderr
        assert "7777" not in screen_text(pilot)
        app.check_outside_changes()  # what the app does every 2 s
        await pilot.pause()
        text = screen_text(pilot)
        assert "7777" in text and "2026-11-26 19:00 · 5分0秒" in text and "等待答复" in text
