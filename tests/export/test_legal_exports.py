"""Exports say what the rules say: the amount on top of the refund, where to file, the 2-year limits
first, estimates in the reader's language and never a plain "ended" for an estimated end."""

from __future__ import annotations

import datetime as dt

import pytest

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.export.documents import render_export
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


@pytest.fixture
def store() -> CaseStore:
    return CaseStore.open(None, clock=lambda: NOW)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh-CN", "除退还价款外，依法另行主张赔偿：¥1,797.00（价款的三倍，不足500元的按500元"),
        ("en", "On top of the refund of the price, the law gives: ¥1,797.00 (3× the price paid, at least ¥500"),
    ],
)
def test_the_complaint_presents_the_statutory_amount_on_top_of_the_refund(
    store: CaseStore, lang: str, expected: str
) -> None:
    case = store.create_case(
        {"title": "假耳机", "category": "counterfeit", "deceived": True, "amount_paid_fen": 59_900}
    )
    text = render_export(case, "complaint", Messages(lang), NOW, calendar=CAL).text
    assert expected in text
    assert "依法主张金额" not in text


def test_the_food_amount_names_knowledge_and_the_standard(store: CaseStore) -> None:
    case = store.create_case(
        {"title": "过期奶粉", "category": "food", "seller_knew": True, "amount_paid_fen": 5_000, "loss_fen": 40_000}
    )
    zh = render_export(case, "complaint", Messages("zh-CN"), NOW, calendar=CAL).text
    assert "¥1,200.00" in zh and "明知" in zh and "食品安全法（2021）第148条" in zh
    dossier = render_export(case, "dossier", Messages("zh-CN"), NOW, calendar=CAL).text
    assert "| 损失金额（元） | ¥400.00 |" in dossier
    assert "经营者明知食品不符合食品安全标准仍然销售" in dossier


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_complaint_says_which_bureau_and_only_one(store: CaseStore, lang: str) -> None:
    text = render_export(store.create_case({"title": "t"}), "complaint", Messages(lang), NOW, calendar=CAL).text
    if lang == "zh-CN":
        assert "平台住所地" in text and "第13条" in text and "第16条第2项" in text
    else:
        assert "where the platform is domiciled" in text and "Art. 13" in text and "Art. 16(2)" in text


def test_the_dossier_and_complaint_list_the_two_year_limits_before_the_three_year_one(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "category": "quality", "order_date": "2026-11-01"})
    for fmt in ("dossier", "complaint"):
        text = render_export(case, fmt, Messages("zh-CN"), NOW, calendar=CAL).text
        three = text.index("三年期限")
        assert text.index("产品缺陷致损的诉讼时效") < three and text.index("质量问题通知卖方") < three, fmt


def test_sanbao_goods_and_the_sign_off_time_appear_in_the_dossier(store: CaseStore) -> None:
    case = store.create_case(
        {
            "title": "手机",
            "category": "quality",
            "order_date": "2026-11-10",
            "delivery_date": "2026-11-13",
            "delivery_time": "18:20:00",
            "sanbao_covered": True,
        }
    )
    text = render_export(case, "dossier", Messages("zh-CN"), NOW, calendar=CAL).text
    assert "| 签收时间 | 2026-11-13 18:20 |" in text
    assert "商品属于三包目录" in text
    assert "三包：售出后15日内性能故障可换货或修理" in text
    assert "签收后168小时" in text and "2026-11-20 18:20" in text


def test_an_estimated_end_is_explained_in_the_readers_language(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    store.add_contact(case.id, {"at": dt.datetime(2026, 12, 28, 10, tzinfo=CHINA_TZ), "channel": "12315"})
    later = dt.datetime(2027, 1, 8, 10, tzinfo=CHINA_TZ)
    zh = render_export(store.get(case.id), "dossier", Messages("zh-CN"), later, calendar=CAL).text
    line = next(x for x in zh.splitlines() if x.startswith("- **市场监管部门决定是否受理**"))
    assert "2027-01-07" in line and "按估算已结束" in line and "(已结束)" not in line
    assert "周一至周五" in line and "Monday" not in line
    en = render_export(store.get(case.id), "dossier", Messages("en"), later, calendar=CAL).text
    line = next(x for x in en.splitlines() if x.startswith("- **Regulator decides"))
    assert "ended by an estimate" in line and "Monday to Friday" in line
