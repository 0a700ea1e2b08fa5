"""The case form asks for the courier's sign-off date and time, the 三包 mark and the facts that
decide a statutory amount; the case pane shows what follows from them."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Checkbox

from store.cases.case_store import CaseStore
from store.records.models import Category
from tests.helpers.app_driver import fill, screen_text
from tui.dialogs.case_form import CaseForm
from tui.screens.main import MainScreen


async def test_the_form_records_sign_off_time_sanbao_and_confirmed_facts(make_app, app_store: CaseStore) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, CaseForm)
        text = screen_text(pilot)
        assert "签收时间" in text
        hint = str(form.query_one("#hint-delivery_date").render())
        assert "不是你取件的时间" in hint and "168" in hint
        await fill(pilot, "title", "假冒保温杯")
        await fill(pilot, "amount_paid", "59.90")
        await fill(pilot, "order_date", "2026-11-10")
        await fill(pilot, "delivery_date", "2026-11-13 18:20")
        await fill(pilot, "category", "counterfeit")
        for name in ("sanbao_covered", "deceived"):
            box = form.query_one(f"#input-{name}", Checkbox)
            box.focus()
            await pilot.press("space")
        await fill(pilot, "loss", "12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [case] = app_store.cases()
        assert case.delivery_date == dt.date(2026, 11, 13) and case.delivery_time == dt.time(18, 20)
        assert case.sanbao_covered and case.deceived and not case.seller_knew
        assert case.category is Category.COUNTERFEIT and case.loss_fen == 1_200
        await pilot.press("4")  # every fact of the case
        await pilot.pause()
        shown = screen_text(pilot)
        assert "法定赔偿（退款之外另计）" in shown and "¥500.00" in shown  # 3 × ¥59.90 is below ¥500
        # editing keeps the time: the form shows it again
        await pilot.press("e")
        assert isinstance(app.screen, CaseForm)
        assert app.screen.field("delivery_date").value() == "2026-11-13 18:20"
        assert app.screen.field("sanbao_covered").value() is True


async def test_a_bad_sign_off_is_one_message_in_the_users_language(make_app, app_store: CaseStore) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await fill(pilot, "title", "t")
        await fill(pilot, "delivery_date", "昨天傍晚")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)  # nothing lost
        error = str(app.screen.query_one("#error-delivery_date").render())
        assert "“昨天傍晚”不是日期或日期加时间" in error
        assert app_store.cases() == []


async def test_the_case_pane_shows_the_168_hour_cut_off_first(make_app, app_store: CaseStore) -> None:
    app_store.create_case(
        {"title": "耳机", "category": "quality", "delivery_date": "2026-11-24", "delivery_time": "09:05:00"}
    )
    app = make_app("en")
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.press("3")  # the statutory clocks
        await pilot.pause()
        text = screen_text(pilot)
        cutoff = text.index("7-day return: the platform may close it 168 hours after sign-off")
        assert text.index("2026-12-01", cutoff) < text.index("09:05", cutoff) < text.index("UNVERIFIED", cutoff)
        assert "Xiaohongshu's own rule not found" in text  # why the earlier end, and why unverified
        assert cutoff < text.index("7-day no-reason return window")
