"""The app reads the holiday file beside its database before counting any deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store.calendar.workdays import WorkCalendar
from store.cases.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW, workers_done
from tests.helpers.calendars import calendar_to_2026
from tui.app import WeiquanApp
from tui.textual_compat import shown_notifications
from tui.widgets.case_list import CaseList


async def _opened(db: Path) -> tuple[WorkCalendar, list[str]]:
    """The calendar the app counts with once it has loaded the database, and the notifications shown."""
    app = WeiquanApp(
        lambda: CaseStore.open(db, clock=lambda: FIXED_NOW),
        lang="en",
        clock=lambda: FIXED_NOW,
        calendar=calendar_to_2026(),
        watch_seconds=0,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await workers_done(pilot)  # the database opened, with the holiday file beside it
        assert app.screen.query_one(CaseList).row_count == 1
        return app.calendar, [n.message for n in shown_notifications(app)]


async def test_a_broken_holiday_file_is_shown_and_the_cases_still_open(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db, clock=lambda: FIXED_NOW)
    case = store.create_case({"title": "耳机左耳无声"})
    store.add_contact(case.id, {"at": "2027-02-04T10:00:00+08:00", "channel": "12315"})
    (tmp_path / "holidays.toml").write_text("[2027]\nholidays = ['2027-02-30']\n", encoding="utf-8")
    calendar, messages = await _opened(db)
    assert any("'2027-02-30' is not a date" in m and "not used" in m for m in messages)
    assert calendar.add_working_days(dt.date(2027, 2, 4), 3).estimated


async def test_a_good_holiday_file_is_used_quietly(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    CaseStore.open(db, clock=lambda: FIXED_NOW).create_case({"title": "耳机左耳无声"})
    (tmp_path / "holidays.toml").write_text("[2027]\nholidays = ['2027-02-06..2027-02-13']\n", encoding="utf-8")
    calendar, messages = await _opened(db)
    assert messages == []
    assert not calendar.add_working_days(dt.date(2027, 2, 4), 3).estimated
