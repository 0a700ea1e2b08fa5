"""The case pane's text widgets: right after every update, and no screen layout when heights stay."""

from __future__ import annotations

import gc

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from store.cases.case_store import CaseStore
from tui.case_rows import CaseRow
from tui.widgets.case_list import CaseList
from tui.widgets.row_table import Cell, RowTable
from tui.widgets.static_update import update_static


class TwoLines(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("one", id="top")
        yield Static("below", id="below")


async def test_update_static_lays_out_only_when_the_height_changes() -> None:
    layouts: list[Screen] = []
    app = TwoLines()
    async with app.run_test(size=(40, 10)) as pilot:
        top, below = app.query_one("#top", Static), app.query_one("#below", Static)
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, layouts.append, immediate=True)
        await pilot.pause()
        await pilot.pause()  # start-up layouts done
        layouts.clear()
        update_static(top, "two")  # same height: repainted, not laid out
        await pilot.pause()
        assert str(top.render()) == "two" and below.region.y == 1 and not layouts
        update_static(top, "a\nb\nc")  # taller: the widget below moves down
        await pilot.pause()
        assert top.region.height == 3 and below.region.y == 3 and layouts
        layouts.clear()
        update_static(top, "x" * 100)  # one long line wraps to three at 40 columns: same height
        await pilot.pause()
        assert below.region.y == 3 and not layouts
        update_static(top, "")  # shorter: the widget below moves up
        await pilot.pause()
        assert top.region.height == 1 and below.region.y == 1


async def test_the_loaded_cases_are_left_out_of_full_garbage_collections(make_app, app_store: CaseStore) -> None:
    for n in range(3):
        app_store.create_case({"title": f"case {n}"})
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(CaseList).row_count == 3
        loaded = app_store.cases(ordered=False)
        tracked = {id(obj) for obj in gc.get_objects()}  # every generation the collector walks
        assert gc.get_freeze_count() > 0
        assert not any(id(case) in tracked for case in loaded)


class OneTable(App[None]):
    def compose(self) -> ComposeResult:
        yield RowTable(id="table")
        yield Static("below", id="below")


async def test_a_table_grows_and_shrinks_with_its_rows() -> None:
    app = OneTable()
    async with app.run_test(size=(60, 20)) as pilot:
        table, below = app.query_one(RowTable), app.query_one("#below", Static)
        for count in (2, 5, 1):
            table.set_data(["n"], [[Cell(str(i))] for i in range(count)], list(range(count)))
            await pilot.pause()
            assert table.region.height == count + 1 and below.region.y == count + 1  # header + rows


class OneList(App[None]):
    def compose(self) -> ComposeResult:
        yield CaseList(id="cases")


def _case_rows(count: int) -> list[CaseRow]:
    return [CaseRow(n, " ", f"case {n}", "05-01", "") for n in range(1, count + 1)]


async def test_fewer_matching_rows_relay_out_the_screen_only_when_the_scroll_bar_goes() -> None:
    layouts: list[Screen] = []
    app = OneList()
    async with app.run_test(size=(40, 10)) as pilot:
        cases = app.query_one(CaseList)
        cases.set_rows(_case_rows(1000))
        await pilot.pause()
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, layouts.append, immediate=True)
        await pilot.pause()
        layouts.clear()
        cases.set_rows(_case_rows(300))  # still more rows than lines: only the list is redrawn
        await pilot.pause()
        assert cases.virtual_size.height == 301 and cases.show_vertical_scrollbar and not layouts
        cases.scroll_to(y=290, animate=False)
        cases.set_rows(_case_rows(50), keep=1)
        await pilot.pause()
        assert cases.virtual_size.height == 51 and cases.scroll_y <= cases.max_scroll_y and not layouts
        cases.set_rows(_case_rows(3))  # the scroll bar goes: the list is laid out again
        await pilot.pause()
        assert not cases.show_vertical_scrollbar and layouts


async def test_moving_to_a_case_whose_contact_says_more_repaints_without_a_layout(
    make_app, app_store: CaseStore
) -> None:
    for n, summary in enumerate(("short", "a longer account of the call, " * 12, "")):
        case = app_store.create_case({"title": f"case {n}"})
        app_store.add_contact(case.id, {"at": "2026-11-20T10:00:00+08:00", "channel": "hotline", "summary": summary})
    layouts: list[Screen] = []
    app = make_app("en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        detail = app.screen.query_one("#contact-detail", Static)
        heights = {detail.get_content_height(detail.size, detail.size, detail.content_size.width)}
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, layouts.append, immediate=True)
        await pilot.pause()
        layouts.clear()
        for key in ("down", "down", "up", "up"):
            await pilot.press(key)
            await pilot.pause()
            heights.add(detail.get_content_height(detail.size, detail.size, detail.content_size.width))
        assert len(heights) > 1 and not layouts  # the details changed height; nothing was laid out


async def test_a_filter_keystroke_redraws_the_list_without_laying_out_the_screen(
    make_app, app_store: CaseStore
) -> None:
    for n in range(60):
        app_store.create_case({"title": f"{'earphones' if n % 2 else 'scarf'} {n}"})
    layouts: list[Screen] = []
    app = make_app("en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        cases = app.screen.query_one(CaseList)
        await pilot.press("slash")
        await pilot.pause()
        app.screen.screen_layout_refresh_signal.subscribe(app.screen, layouts.append, immediate=True)
        await pilot.pause()
        layouts.clear()
        for key in "ear":
            await pilot.press(key)
            await pilot.pause()
        assert cases.row_count == 30 and not layouts  # fewer rows, a longer value: repainted only


async def test_a_filter_longer_than_its_box_scrolls_to_what_is_typed(make_app, app_store: CaseStore) -> None:
    app_store.create_case({"title": "scarf"})
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        box = app.screen.query_one("#filter")
        typed = "abcdefghij" * 5 + "XYZ"
        for key in typed:
            await pilot.press(key)
        await pilot.pause()
        shown = "".join(s.text for s in box.render_line(0))
        assert box.scroll_x > 0 and shown.rstrip().endswith("XYZ") and not shown.startswith("abc")
        for _ in range(len(typed) - 3):
            await pilot.press("backspace")
        await pilot.pause()
        shown = "".join(s.text for s in box.render_line(0))
        assert box.scroll_x == 0 and shown.startswith("abc")
