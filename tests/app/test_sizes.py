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


def _line_with(text: str, *needles: str) -> str:
    """The screen line that holds every one of ``needles``."""
    lines = [line for line in text.splitlines() if all(n in line for n in needles)]
    assert lines, f"no line holds all of {needles!r}:\n{text}"
    return lines[0]


@pytest.mark.parametrize(
    ("size", "lang", "words"),
    [
        ((80, 24), "zh-CN", ("客服热线", "8821", "11-23", "!已逾期", "3个")),
        ((100, 30), "en", ("Hotline", "8821", "11-23", "!OVERDUE", "3个工作日")),
        ((80, 24), "en", ("Hotline", "8821", "11-23", "!OVERDUE", "3个")),
        ((60, 20), "zh-CN", ("客服热线", "8821", "11-23", "!已逾期", "3个")),  # one pane: the case
    ],
    ids=["80x24-zh", "100x30-en", "80x24-en", "60x20-zh"],
)
async def test_a_contact_row_shows_its_deadline_and_state(make_app, app_store, size, lang, words) -> None:
    """The timeline row of the overdue hotline promise: date, channel, agent ID, deadline, state and
    the start of the promise on one line, with no horizontal scrolling."""
    fill_demo(app_store, FIXED_NOW.date(), CAL)
    [hotline] = [c for c in app_store.get(1).contacts if c.agent_id == "8821"]
    assert f"{hotline.deadline:%m-%d}" == words[2] and hotline.promise.startswith(words[4])
    app = make_app(lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.jump_to_case(1)
        if app.screen.has_class("-narrow"):
            await pilot.press("enter")  # open the case
        await pilot.pause()
        text = screen_text(pilot)
        row = _line_with(text, *words)
        assert row.index(words[1]) < row.index(words[2]) < row.index(words[3]) < row.index(words[4])
        assert app.screen.query_one("#timeline").scroll_x == 0


async def test_80x24_keeps_the_facts_short_and_the_tabs_one_key_away(make_app, app_store: CaseStore) -> None:
    fill_demo(app_store, FIXED_NOW.date(), CAL)
    app = make_app("zh-CN")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#summary").region.height <= 3
        text = screen_text(pilot)
        assert "羊绒围巾发错颜色" in text and "➜" in text
        assert "[1 联系记录]" in text and "2 证据" in text and "3 法定期限" in text and "4 案件信息" in text
        footer = text.splitlines()[-1]
        assert "? 帮助" in footer and "c 记录联系" in footer and "n 新建案件" in footer
        app.screen.jump_to_case(1)
        for key, shown in (("2", "客服聊天记录"), ("3", "七日无理由退货期"), ("4", "订单号"), ("1", "客服热线")):
            await pilot.press(key)
            await pilot.pause()
            assert shown in screen_text(pilot), key
        assert not app.screen.has_class("-narrow")


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (60, 20)])
@pytest.mark.parametrize("lang", ["en", "zh-CN"])
async def test_help_is_always_in_the_footer(make_app, app_store: CaseStore, size, lang) -> None:
    fill_demo(app_store, FIXED_NOW.date(), CAL)
    app = make_app(lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        footer = screen_text(pilot).splitlines()[-1]
        assert ("? Help" if lang == "en" else "? 帮助") in footer
        if size[0] >= 100:
            assert ("f Log follow-up" if lang == "en" else "f 记录跟进") in footer


async def test_the_case_list_date_column_means_one_thing(make_app, app_store: CaseStore) -> None:
    """Every row's date is the case's next deadline (past when overdue, marked !); no status words."""
    fill_demo(app_store, FIXED_NOW.date(), CAL)
    app = make_app("zh-CN")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(pilot)
        header = _line_with(text, "#", "案件", "期限")
        assert header.index("案件") < header.index("期限")
        overdue = _line_with(text, "蓝牙耳机")
        assert "!" in overdue and "11-23" in overdue and "已逾期" not in overdue
        resolved = _line_with(text, "面霜降价")
        assert "✓" in resolved and "已解决" not in resolved


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pytest.mark.parametrize(("lang", "key_hint"), [("zh-CN", "Esc清除"), ("en", "Esc clears it")])
async def test_a_filter_that_matches_nothing_says_how_to_clear_it_in_full(
    make_app, app_store: CaseStore, size, lang, key_hint
) -> None:
    fill_demo(app_store, FIXED_NOW.date(), CAL)
    app = make_app(lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"zzzz")
        for _ in range(5):
            await pilot.pause()
        list_column = [line.split("▕")[0].strip() for line in screen_text(pilot).splitlines() if "▕" in line]
        joined = " ".join(list_column) if lang == "en" else "".join(list_column).replace(" ", "")
        assert key_hint in joined, list_column
