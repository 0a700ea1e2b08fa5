"""Textual's own words on screen in the UI language: the command palette's placeholder and "no
matches", its commands, the Ctrl+C notice, and the key a choice list adds to the footer."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from tests.helpers.app_driver import screen_text, type_text
from tui.textual_compat import shown_notifications

ENGLISH = ("Search for commands", "No matches found", "Dismiss menu", "to quit the app", "Theme", "Keys")


async def wait_for_text(pilot, needle: str, tries: int = 100) -> str:
    for _ in range(tries):
        text = screen_text(pilot)
        if needle in text:
            return text
        await pilot.pause(0.02)
    raise AssertionError(f"{needle!r} never appeared:\n{screen_text(pilot)}")


async def test_the_command_palette_speaks_chinese(make_app) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        text = await wait_for_text(pilot, "搜索操作")
        assert "新建案件" in text  # our actions, by their Chinese names
        await type_text(pilot, "zzqx")
        text = await wait_for_text(pilot, "没有匹配的操作")
        assert not any(word in text for word in ENGLISH)


async def test_the_palette_offers_no_english_system_commands(make_app) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+p")
        text = await wait_for_text(pilot, "新建案件")
        assert "Theme" not in text and "Quit the application" not in text and "Keys" not in text


@pytest.mark.parametrize(
    ("lang", "words"), [("zh-CN", ("退出维权", "要退出吗？")), ("en", ("to quit weiquan", "Quit?"))]
)
async def test_ctrl_c_says_how_to_quit_in_the_ui_language(make_app, lang: str, words: tuple[str, str]) -> None:
    app = make_app(lang)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        [notice] = shown_notifications(app)
        assert words[0] in notice.message and notice.title == words[1]
        assert "q" in notice.message and "to quit the app" not in notice.message


async def test_an_open_choice_list_names_its_key_in_chinese(make_app) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 50)) as pilot:  # tall enough for the list to leave the footer
        await pilot.press("n")
        app.screen.query_one("#input-category").focus()
        await pilot.pause()
        await pilot.press("enter")  # opens the list of problem types
        text = await wait_for_text(pilot, "关闭列表")
        assert "Dismiss menu" not in text
