"""Sizes: usable at 80x24, one pane at a time below 72 columns, never a crash on resize."""

from __future__ import annotations

import pytest

from store.cases.case_store import CaseStore
from store.records.sample_cases import fill_demo
from tests.helpers.app_driver import FIXED_NOW, screen_text
from tests.helpers.calendars import calendar_to_2026
from tui.screens.main import MainScreen

CAL = calendar_to_2026()

SIZES = [(200, 60), (120, 40), (80, 24), (71, 24), (60, 20), (50, 15), (40, 12), (80, 24), (200, 60)]


@pytest.mark.slow
async def test_resize_from_large_to_tiny_and_back(make_app, app_store: CaseStore) -> None:
    fill_demo(app_store, FIXED_NOW.date(), CAL)
    app = make_app("zh-CN")
    async with app.run_test(size=SIZES[0]) as pilot:
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MainScreen)
            assert screen.has_class("-narrow") == (width < MainScreen.NARROW_BELOW)
            text = screen_text(pilot)
            assert "羊绒围巾" in text  # the case list is there at every size
        for view in (["n"], ["question_mark"], ["D"], ["g"], ["x"]):  # every screen survives a resize
            await pilot.press(*view)
            await pilot.pause()
            for width, height in SIZES[2:]:
                await pilot.resize_terminal(width, height)
                await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)


async def test_narrow_terminal_shows_one_pane_and_w_switches(make_app, app_store: CaseStore) -> None:
    fill_demo(app_store, FIXED_NOW.date(), CAL)
    app = make_app("en")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        text = screen_text(pilot)
        assert "Air fryer" in text and "Timeline" not in text
        await pilot.press("w")
        await pilot.pause()
        text = screen_text(pilot)
        assert "Timeline" in text or "Platform" in text
        assert "w Switch pane" in text
        await pilot.press("w")
        await pilot.pause()
        assert "Air fryer" in screen_text(pilot)
        await pilot.press("enter")  # Enter on a case opens it
        await pilot.pause()
        assert app.screen.has_class("-show-detail")


async def test_usable_at_80x24(make_app, app_store: CaseStore) -> None:
    fill_demo(app_store, FIXED_NOW.date(), CAL)
    app = make_app("zh-CN")
    async with app.run_test(size=(80, 24)) as pilot:
        text = screen_text(pilot)
        assert "羊绒围巾发错颜色" in text and "下一步" in text and "新建案件" in text
        assert not app.screen.has_class("-narrow")
