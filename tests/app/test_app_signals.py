"""The app tells its screens what changed (textual.signal): every screen that shows cases follows
another session's change, whichever screen is on top, and a language switch keeps the selection."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW, screen_text
from tui.screens.due import DueScreen
from tui.screens.main import MainScreen
from tui.screens.trash import TrashScreen
from tui.widgets.case_list import CaseList


def _promise(store: CaseStore, title: str, deadline: str) -> int:
    case = store.create_case({"title": title})
    store.add_contact(
        case.id, {"at": "2026-11-25T10:00:00+08:00", "channel": "hotline", "promise": "退款", "deadline": deadline}
    )
    return case.id


async def test_the_due_dashboard_and_the_list_below_it_follow_another_sessions_change(
    make_app, app_store: CaseStore, db_path: Path
) -> None:
    _promise(app_store, "first case", "2026-11-27T18:00:00+08:00")
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DueScreen) and "first case" in screen_text(pilot)
        other = CaseStore.open(db_path, clock=lambda: FIXED_NOW)
        _promise(other, "added elsewhere", "2026-11-28T18:00:00+08:00")
        app.check_outside_changes()
        await pilot.pause()
        assert isinstance(app.screen, DueScreen) and "added elsewhere" in screen_text(pilot)
        main = app.screen_stack[-2]
        assert isinstance(main, MainScreen)
        assert "added elsewhere" in [row.title for row in main.query_one(CaseList).rows]  # under the dashboard


async def test_the_trash_follows_another_sessions_restore(make_app, app_store: CaseStore, db_path: Path) -> None:
    case_id = app_store.create_case({"title": "thrown away"}).id
    app_store.delete_case(case_id)
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TrashScreen) and "thrown away" in screen_text(pilot)
        CaseStore.open(db_path, clock=lambda: FIXED_NOW).restore_case(case_id)
        app.check_outside_changes()
        await pilot.pause()
        trash = app.screen
        assert isinstance(trash, TrashScreen)
        table = trash.query_one("#trash-table", DataTable)
        assert list(table.rows) == [RowKey("none")]  # only the "trash is empty" line
        assert "thrown away" in [row.title for row in app.screen_stack[-2].query_one(CaseList).rows]  # back in the list


async def test_a_language_switch_rebuilds_the_main_screen_on_the_same_case(make_app, app_store: CaseStore) -> None:
    for title in ("first", "second", "third"):
        app_store.create_case({"title": title})
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        before = app.screen
        assert isinstance(before, MainScreen)
        chosen = before.selected_case_id
        await pilot.press("L")
        await pilot.pause()
        after = app.screen
        assert isinstance(after, MainScreen) and after is not before and app.lang == "zh-CN"
        assert after.selected_case_id == chosen and after.query_one(CaseList).current_case_id == chosen
