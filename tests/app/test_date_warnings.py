"""Dates that cannot be right are asked about before saving, and the user can save anyway."""

from __future__ import annotations

import datetime as dt

from store.cases.case_store import CaseStore
from store.records.date_checks import case_date_warnings, contact_date_warnings
from tests.helpers.app_driver import FIXED_NOW, fill, screen_text
from tui.dialogs.case_form import CaseForm
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.contact_form import ContactForm
from tui.screens.main import MainScreen

TODAY = FIXED_NOW.date()


def test_case_warnings() -> None:
    fields = {"order_date": TODAY + dt.timedelta(days=3), "delivery_date": TODAY - dt.timedelta(days=2)}
    warnings = case_date_warnings(fields, TODAY)
    assert [(w.field, w.msg.key) for w in warnings] == [
        ("order_date", "warn.date_in_future"),
        ("delivery_date", "warn.delivery_before_order"),
    ]
    assert case_date_warnings({"order_date": TODAY, "delivery_date": TODAY}, TODAY) == []
    returned = {"delivery_date": TODAY, "return_received_date": TODAY - dt.timedelta(days=1)}
    assert [w.msg.key for w in case_date_warnings(returned, TODAY)] == ["warn.return_before_delivery"]


def test_contact_warnings() -> None:
    assert contact_date_warnings({"at": FIXED_NOW + dt.timedelta(minutes=5)}, FIXED_NOW) == []
    [warning] = contact_date_warnings({"at": FIXED_NOW + dt.timedelta(days=2)}, FIXED_NOW)
    assert warning.field == "at"


async def test_order_in_the_future_asks_and_can_be_fixed_or_saved_anyway(make_app, app_store: CaseStore) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await fill(pilot, "title", "耳机")
        await fill(pilot, "order_date", "2027-01-05")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "下单日期" in app.screen.question and "2027-01-05" in app.screen.question
        assert "2027-01-05" in screen_text(pilot)
        await pilot.press("n")  # go back and fix: the form is as it was, the field says why
        await pilot.pause()
        assert isinstance(app.screen, CaseForm) and app_store.cases() == []
        assert app.screen.field("order_date").has_class("-invalid")
        assert app.focused is app.screen.query_one("#input-order_date")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")  # save anyway
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [case] = app_store.cases()
        assert case.order_date == dt.date(2027, 1, 5)


async def test_delivery_before_the_order_is_a_warning_not_a_refusal(make_app, app_store: CaseStore) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await fill(pilot, "title", "Kettle")
        await fill(pilot, "order_date", "2026-11-20")
        await fill(pilot, "delivery_date", "2026-11-18")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "before the order date" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        [case] = app_store.cases()
        assert (case.order_date, case.delivery_date) == (dt.date(2026, 11, 20), dt.date(2026, 11, 18))


async def test_a_contact_in_the_future_is_asked_about(make_app, app_store: CaseStore) -> None:
    case = app_store.create_case({"title": "Kettle"})
    app = make_app("en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await fill(pilot, "at", "2026-12-24 10:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "in the future" in app.screen.question
        await pilot.press("escape")  # Esc is "go back" too
        await pilot.pause()
        assert isinstance(app.screen, ContactForm) and app_store.get(case.id).contacts == []
        await pilot.press("ctrl+s")
        await pilot.press("y")
        await pilot.pause()
        assert [c.at.date() for c in app_store.get(case.id).contacts] == [dt.date(2026, 12, 24)]


async def test_right_dates_save_without_a_question(make_app, app_store: CaseStore) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await fill(pilot, "title", "Kettle")
        await fill(pilot, "order_date", "2026-11-20")
        await fill(pilot, "delivery_date", "2026-11-22")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and len(app_store.cases()) == 1
