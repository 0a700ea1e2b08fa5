"""The main screen's footer is not rebuilt while another screen covers it, and is right again after."""

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
