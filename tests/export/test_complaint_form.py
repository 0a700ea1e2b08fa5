"""The 12315 complaint: the form's boxes as plain text, the respondent's address, the story of the
contacts with the business (regulator filings left out), and the refund apart from the statutory
extra compensation — in the form, the Markdown complaint and the dossier."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.errors import InvalidInput
from store.export.documents import render_export
from store.records.case_input import case_fields_from_form
from store.records.models import Case
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.cli import run_weiquan
from tests.helpers.complaint_case import thermos_case

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)
ZH_LABELS = [
    "被投诉方名称",
    "统一社会信用代码",
    "被投诉方地址",
    "购买时间",
    "商品",
    "订单号",
    "金额",
    "投诉内容",
    "诉求",
    "证据清单",
]


@pytest.fixture
def store() -> CaseStore:
    return CaseStore.open(None, clock=lambda: NOW)


def boxes(case: Case, lang: str = "zh-CN") -> dict[str, str]:
    return {b.label: b.text for b in render_export(case, "form", Messages(lang), NOW, calendar=CAL).boxes}


def test_form_has_the_ten_boxes_in_order_with_plain_text(store: CaseStore) -> None:
    case = thermos_case(store)
    result = render_export(case, "form", Messages("zh-CN"), NOW, calendar=CAL)
    assert [b.label for b in result.boxes] == ZH_LABELS
    got = boxes(case)
    assert got["被投诉方名称"] == "行吟信息科技（上海）有限公司"
    assert got["统一社会信用代码"] == "913101010886931103"
    assert got["被投诉方地址"] == "上海市黄浦区马当路 388 号"
    assert got["购买时间"] == "2026-11-10"
    assert got["商品"] == "保温杯 *Pro* 500ml"  # as typed: no Markdown, no escapes
    assert got["订单号"] == "P2026_1112*01"
    assert got["金额"] == "¥899.00"
    assert "\\" not in result.text and "**" not in result.text and "#" not in result.text
    for label in ZH_LABELS:  # one labelled block per box, each box's text right under its label
        assert f"【{label}】" in result.text
    assert "【订单号】（13 字）\nP2026_1112*01\n" in result.text
    english = render_export(case, "form", Messages("en"), NOW, calendar=CAL)
    assert [b.label for b in english.boxes][:3] == [
        "Respondent's name",
        "Unified social credit code",
        "Respondent's address",
    ]
    assert "[Complaint details]" in english.text and "投诉内容" not in english.text


def test_details_tell_each_contact_with_the_business_in_order_and_leave_out_filings(store: CaseStore) -> None:
    details = boxes(thermos_case(store))["投诉内容"]
    assert "保温杯 *Pro* 500ml" in details and "P2026_1112*01" in details and "¥899.00" in details
    assert "保温杯疑似假货" in details  # what went wrong
    assert "共 3 次" in details  # the 12315 filing and the public post are not contacts with the business
    assert "12315" not in details and "微博" not in details
    lines = details.splitlines()
    numbered = [line for line in lines if line[:2] in ("1.", "2.", "3.", "4.")]
    assert [line[:3] for line in numbered] == ["1. ", "2. ", "3. "]
    assert numbered[0].startswith("1. 2026-11-13 09:00，售后申请，单号 AS_77：申请退货退款。")
    assert numbered[1].startswith("2. 2026-11-14 10:00，在线客服，工号 KF_3307：客服说：")
    assert numbered[2].startswith("3. 2026-11-23 15:00，客服热线（商家联系我），工号 8821：热线来电，称仍在处理。")
    # the user's own numbered lines stay lines, under the contact they belong to
    assert "   1. 先寄回检测\n   2. 检测后退款\n   对方承诺在 2026-11-20 23:59 前“检测后退款”，到期未兑现。" in details
    assert "对方承诺在 2026-11-26 15:00 前“三天内答复”，到期未兑现。" in details


def test_demand_states_the_refund_and_apart_from_it_the_statutory_amount(store: CaseStore) -> None:
    demand = boxes(thermos_case(store))["诉求"].splitlines()
    assert demand[0] == "1. 请求退货退款，退还货款 ¥899.00。"
    assert demand[1].startswith("2. 除退还价款外，依法另行主张赔偿：¥2,697.00（价款的三倍")
    assert "消费者权益保护法第55条第1款" in demand[1]
    assert "¥2,697.00" in demand[1] and "¥899.00" not in demand[1] and "¥2,697.00" not in demand[0]
    english = boxes(thermos_case(store), "en")["Demand"].splitlines()
    assert english[0] == "1. Return of the goods and a refund of ¥899.00."
    assert english[1].startswith("2. On top of the refund of the price, the law gives: ¥2,697.00")
    assert "Art. 55" in english[1]


def test_missing_respondent_address_is_flagged_and_nothing_is_pasted(store: CaseStore) -> None:
    case = thermos_case(store, respondent_address="")
    result = render_export(case, "form", Messages("zh-CN"), NOW, calendar=CAL)
    address = next(b for b in result.boxes if b.key == "respondent_address")
    assert address.text == "" and address.required and "第十条" in address.missing
    assert "【被投诉方地址】 缺失——" in result.text
    complaint = render_export(case, "complaint", Messages("zh-CN"), NOW, calendar=CAL).text
    assert "- 被投诉方地址：**缺失——" in complaint
    english = render_export(case, "complaint", Messages("en"), NOW, calendar=CAL).text
    assert "- Respondent's address: **MISSING" in english and "Art. 10" in english


def test_markdown_complaint_counts_contacts_with_the_business_and_splits_the_amounts(store: CaseStore) -> None:
    text = render_export(thermos_case(store), "complaint", Messages("zh-CN"), NOW, calendar=CAL).text
    assert "- 被投诉方地址：上海市黄浦区马当路 388 号" in text
    assert "共 3 次" in text and "已向12315投诉" not in text
    demand = text.split("## 投诉请求")[1].split("##")[0].strip().splitlines()
    assert demand[0] == "- 请求退货退款，退还货款 ¥899.00。"
    assert demand[1].startswith("- 除退还价款外，依法另行主张赔偿：¥2,697.00")
    # only what could be read as Markdown is escaped: not the underscores inside numbers and IDs
    assert "P2026_1112\\*01" in text and "AS_77" in text and "KF_3307" in text


def test_dossier_has_the_statutory_amount_line(store: CaseStore) -> None:
    lines = (("zh-CN", "除退还价款外，依法另行主张赔偿：¥2,697.00"), ("en", "On top of the refund of the price"))
    for lang, words in lines:
        text = render_export(thermos_case(store), "dossier", Messages(lang), NOW, calendar=CAL).text
        assert words in text and "¥2,697.00" in text
        assert "上海市黄浦区马当路 388 号" in text


def test_control_characters_in_a_box_are_pictures_never_raw(store: CaseStore) -> None:
    case = thermos_case(store, respondent_name="某\x1b[2J公司\x07", product="杯\x00子")
    text = render_export(case, "form", Messages("zh-CN"), NOW, calendar=CAL).text
    assert "\x1b" not in text and "\x07" not in text and "\x00" not in text
    assert "某␛[2J公司␇" in text and "杯␀子" in text


def test_address_from_the_form_is_one_line_and_checked() -> None:
    today = NOW.date()
    fields = case_fields_from_form({"title": "x", "respondent_address": "  上海市  黄浦区\n马当路 388 号 "}, today)
    assert fields["respondent_address"] == "上海市 黄浦区 马当路 388 号"
    with pytest.raises(InvalidInput) as raised:
        case_fields_from_form({"title": "x", "respondent_address": "路" * 201}, today)
    assert raised.value.field == "respondent_address"
    assert "被投诉方地址超过 200 个字符" in raised.value.text(Messages("zh-CN"))


def test_cli_prints_the_form_and_its_boxes_as_json(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    case = thermos_case(CaseStore.open(db, clock=lambda: NOW))
    out = run_weiquan("export", str(case.id), "--format", "form", "--db", str(db), "--lang", "zh-CN")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("【被投诉方名称】（14 字）\n行吟信息科技（上海）有限公司\n\n【统一社会信用代码】")
    assert "上海市黄浦区马当路 388 号" in out.stdout and "\\" not in out.stdout
    as_json = orjson.loads(run_weiquan("export", str(case.id), "--format", "form", "--json", "--db", str(db)).stdout)
    keys = [b["key"] for b in as_json["boxes"]]
    assert keys[:3] == ["respondent_name", "credit_code", "respondent_address"] and len(keys) == 10
    assert next(b for b in as_json["boxes"] if b["key"] == "amount")["text"] == "¥899.00"


@pytest.mark.parametrize(
    ("platform", "shop", "zh", "en"),
    [
        ("小红书", "某某旗舰店", "在小红书的某某旗舰店购买了", "I bought 保温杯 on 小红书 from 某某旗舰店 ("),
        ("小红书", "", "在小红书购买了", "I bought 保温杯 on 小红书 ("),
        ("", "某某旗舰店", "在某某旗舰店购买了", "I bought 保温杯 from 某某旗舰店 ("),
        ("", "", "我于2026-11-20购买了", "I bought 保温杯 ("),
    ],
)
def test_where_it_was_bought_is_told_from_what_is_known(
    store: CaseStore, platform: str, shop: str, zh: str, en: str
) -> None:
    """A missing platform or shop is left out of the complaint's sentence, not written as a dash."""
    case = store.create_case(
        {"title": "保温杯不保温", "product": "保温杯", "platform": platform, "shop": shop, "order_date": "2026-11-20"}
    )
    details = boxes(case)["投诉内容"]
    assert zh in details and "—购买" not in details and "在的" not in details, details
    english = render_export(case, "complaint", Messages("en"), NOW, calendar=CAL).text
    assert en in english and "from —" not in english and "on —" not in english, english
