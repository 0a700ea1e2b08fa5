"""The footer: not rebuilt while another screen covers it, right again after, and in the UI language."""

from __future__ import annotations

import pytest

from store.cases.case_store import CaseStore
from store.records.sample_cases import fill_demo
from tests.helpers.app_driver import FIXED_NOW, screen_text
from tests.helpers.calendars import calendar_to_2026
from tui.widgets.screen_footer import ScreenFooter


async def test_footer_is_left_alone_while_hidden_and_rebuilt_on_return(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        footer = main.query_one(ScreenFooter)
        keys_before = list(footer.children)
        assert keys_before and "New case" in screen_text(pilot)
        await pilot.press("question_mark")  # the help screen covers the main screen
        await pilot.pause()
        await pilot.pause()
        assert app.screen is not main
        assert list(footer.children) == keys_before  # the very same widgets: not rebuilt
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is main
        assert list(footer.children) != keys_before  # rebuilt for the main screen's bindings
        assert "New case" in screen_text(pilot)


async def test_the_command_palette_key_is_described_in_the_ui_language(make_app) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer_line = screen_text(pilot).splitlines()[-1]
        assert "^p 命令" in footer_line and "palette" not in footer_line
        await pilot.press("L")  # switch to English
        await pilot.pause()
        await pilot.pause()
        footer_line = screen_text(pilot).splitlines()[-1]
        assert "^p commands" in footer_line and "命令" not in footer_line


CLOSE = {"en": "esc Close", "zh-CN": "esc 关闭"}


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("key", ["x", "g"])  # the export view (Footer) and the guide (its key line)
async def test_the_way_out_stays_in_a_full_footer_at_80_columns(make_app, app_store: CaseStore, lang, key) -> None:
    """More keys than 80 columns hold: the ones that fit are shown whole, Esc's among them."""
    fill_demo(app_store, FIXED_NOW.date(), calendar_to_2026())
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.jump_to_case(1)
        await pilot.press(key)
        for _ in range(5):
            await pilot.pause()
        footer = " ".join(screen_text(pilot).splitlines()[-1].split())
        assert CLOSE[lang] in footer, footer
        await pilot.resize_terminal(120, 30)  # wider: nothing is lost
        for _ in range(5):
            await pilot.pause()
        wide = " ".join(screen_text(pilot).splitlines()[-1].split())
        assert CLOSE[lang] in wide and len(wide.split()) >= len(footer.split()), wide


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
async def test_the_export_footer_keeps_copy_and_save_at_80_columns(make_app, app_store: CaseStore, lang) -> None:
    fill_demo(app_store, FIXED_NOW.date(), calendar_to_2026())
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.jump_to_case(1)
        await pilot.press("x")
        for _ in range(5):
            await pilot.pause()
        footer = " ".join(screen_text(pilot).splitlines()[-1].split())
        wanted = ["c Copy", "s Save"] if lang == "en" else ["c 复制", "s 保存"]
        assert all(key in footer for key in wanted) and CLOSE[lang] in footer, footer
