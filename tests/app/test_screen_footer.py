"""The footer: not rebuilt while another screen covers it, right again after, and in the UI language."""

from __future__ import annotations

from tests.helpers.app_driver import screen_text
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
