"""The new-case form fills its order fields from pasted order text, for the user to check and save."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import TextArea

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import fill, screen_text
from tui.dialogs.case_form import CaseForm
from tui.dialogs.paste_order import PasteOrderDialog
from tui.screens.main import MainScreen
from tui.textual_compat import shown_notifications

TAOBAO = """订单详情
订单编号：3712345678901234567 复制
创建时间：2026-11-20 14:05:33
实付款：￥1,299.00
店铺：小米官方旗舰店 >
商品名称：Redmi Buds 6 真无线蓝牙耳机
猜你喜欢"""


def notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in shown_notifications(app)]


async def paste(pilot: Pilot, text: str) -> None:
    """Ctrl+O, then a terminal paste (bracketed paste arrives as one Paste event) into the box."""
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PasteOrderDialog)
    pilot.app.screen.query_one(TextArea).post_message(events.Paste(text))
    await pilot.pause()


async def test_pasted_order_text_fills_the_form(make_app, app_store: CaseStore) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert "Ctrl+O：粘贴订单文字" in screen_text(pilot)  # the form says how
        await fill(pilot, "title", "耳机左耳无声")
        await fill(pilot, "category", "quality")
        await paste(pilot, TAOBAO)
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CaseForm)
        values = form.values()
        assert values["order_no"] == "3712345678901234567" and values["amount_paid"] == "1299.00"
        assert values["order_date"] == "2026-11-20" and values["shop"] == "小米官方旗舰店"
        assert values["product"] == "Redmi Buds 6 真无线蓝牙耳机"
        assert values["title"] == "耳机左耳无声" and values["category"] == "quality"  # not in the text: kept
        assert values["delivery_date"] == ""
        assert notices(app) == ["已从粘贴的文字填入：店铺、订单号、商品、实付金额（元）、下单日期。请核对后保存。"]
        assert "← 根据粘贴文字中的“订单编号”填入" in screen_text(pilot)
        await pilot.press("ctrl+s")  # the user checks, then saves the case
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [case] = app_store.cases()
        assert (case.order_no, case.amount_paid_fen, case.shop) == ("3712345678901234567", 129_900, "小米官方旗舰店")
        assert case.order_date.isoformat() == "2026-11-20" and case.title == "耳机左耳无声"


async def test_text_with_nothing_recognisable_changes_nothing(make_app, app_store: CaseStore) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await fill(pilot, "order_no", "P1")
        before = app.screen.values()
        await paste(pilot, "hello\nthis is not an order\n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.values() == before
        assert notices(app) == ["Nothing in the pasted text was recognised; the form is unchanged."]


async def test_cancelling_the_paste_box_changes_nothing(make_app, app_store: CaseStore) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        before = app.screen.values()
        await paste(pilot, TAOBAO)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseForm) and app.screen.values() == before
        assert app_store.cases() == []
