"""The redaction's rules one by one: the forms each kind is written in, what must stay verbatim, the
spans a review works on, and hostile input."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.calendar.china_time import CHINA_TZ
from store.export.redaction import MASK, Kind, Redactor
from store.records.models import Case, Contact

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


def kinds(text: str, redactor: Redactor | None = None) -> list[tuple[str, str]]:
    return [(s.kind.value, s.original) for s in (redactor or Redactor()).find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "客服道歉后说11月12号一定发货。",
        "订单 2026-11-10 下的，11-13 到货，2026/11/30 前退款。",
        "Order 2026-11-10 arrived on 2026.11.13; hotline 95588 and 400-820-8820.",
        "渠道工号7788的客服答应给我补发。",
        "2026-11-12 14:05 第一次联系在线客服，实付599.00元。",
        "退款金额¥1,299.00，依据《消费者权益保护法》第二十四条。",
        "客服热线400-820-8820一直占线，又打了95588和12315。",
        "被投诉方统一社会信用代码91110108551385082Q。",
        "我知道12号截止，快递在路上，放在小区门口。",
        "门店在万达广场3楼，我们小区12号停水。",
        "The agent (ID 8821) promised a refund by 25 Nov 2026, 18:00.",
        "Article 55 gives three times the price, at least 500 yuan.",
    ],
)
def test_ordinary_text_is_kept_verbatim(text: str) -> None:
    assert Redactor()(text) == text


@pytest.mark.parametrize(
    "written",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "138.1234.5678",
        "1381234 5678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "+8613812345678",
        "0086 13812345678",
        "86-13812345678",
        "(+86)13812345678",
        "（+86）138 1234 5678",
        "１３８１２３４５６７８",
        "１３８　１２３４　５６７８",
        "幺三八一二三四五六七八",
        "+86 (138) 0013-8000",
        "(138) 0013 8000",
        "+86(138)0013-8000",
    ],
)
def test_mobile_numbers_in_every_written_form(written: str) -> None:
    text = f"我的电话{written}，谢谢"
    spans = Redactor().find(text)
    assert [(s.kind, s.original) for s in spans] == [(Kind.MOBILE, written)]


@pytest.mark.parametrize(
    "written",
    ["021-62345678", "(010) 8765 4321", "（0371）6558 1234", "0755-8888 6666 转 123", "0512-6781 2345-8001",
     "+86 21 6234 5678", "86-10-62781234", "023—68881234", "0571 87654321"],
)  # fmt: skip
def test_landlines_with_area_codes_brackets_and_extensions(written: str) -> None:
    assert kinds(f"座机 {written} 白天有人") == [("landline", written)]


@pytest.mark.parametrize(
    "written",
    ["110105199003071238", "42010619950520019x", "440305 19920229 7811", "3301 0620 0106 1500 28",
     "110105900307123", "110105199003071239"],
)  # fmt: skip
def test_id_numbers_with_x_spaces_15_digits_and_a_mistyped_checksum(written: str) -> None:
    assert kinds(f"证件 {written} 请核对") == [("id_card", written)]


def test_bank_cards_by_luhn_and_other_long_numbers_as_long_numbers() -> None:
    assert kinds("卡 6222 0294 5807 3021 579 退款") == [("bank_card", "6222 0294 5807 3021 579")]
    assert kinds("编号 6222 0294 5807 3021 578 退款") == [("number", "6222 0294 5807 3021 578")]
    assert Redactor()("卡 6228-2129-9722-0033-221") == "卡 ＊＊＊＊-＊＊＊＊-＊＊＊＊-＊＊＊3-221"  # the last four stay


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("加我微信：zhangwei_1990", "wechat", "zhangwei_1990"),
        ("vx：lina19880808，备注维权", "wechat", "lina19880808"),
        ("加VLily-2020进群", "wechat", "Lily-2020"),
        ("wx号 wxid_8k2jd93ls0", "wechat", "wxid_8k2jd93ls0"),
        ("扣扣987654321晚上在线", "qq", "987654321"),
        ("My QQ is 55667788.", "qq", "55667788"),
        ("邮箱 ｌｉｎａ＠ｑｑ．ｃｏｍ", "email", "ｌｉｎａ＠ｑｑ．ｃｏｍ"),
        ("车牌粤B D12345的车", "plate", "粤B D12345"),
        ("新能源车川AD12345", "plate", "川AD12345"),
        ("顺丰SF1234567890123", "tracking", "SF1234567890123"),
        ("运单号SF 1402 3456 7890", "tracking", "SF 1402 3456 7890"),
        ("韵达 4312345678901 没更新", "tracking", "4312345678901"),
        ("EMS单号EA123456789CN", "tracking", "EA123456789CN"),
        ("订单号：3598123409876543210", "order", "3598123409876543210"),
        ("售后单号SH2026111100123被驳回", "order", "SH2026111100123"),
        ("护照号E12345678", "passport", "E12345678"),
        ("港澳通行证CA1234567", "permit", "CA1234567"),
        ("台胞证号码 12345678，请勿公开", "permit", "12345678"),
        ("小红书号：95123456789", "profile", "95123456789"),
        ("主页 https://weibo.com/u/6123456789", "profile", "https://weibo.com/u/6123456789"),
        ("寄回地址：上海市徐汇区漕溪北路123号4楼", "address", "上海市徐汇区漕溪北路123号4楼"),
        ("我住在阳光花园12幢1单元302室，", "address", "阳光花园12幢1单元302室"),
        ("家住3栋2单元501", "address", "3栋2单元501"),
        ("Ship to Room 1203, Unit 1, Building 5, 88 Jianguo Road, please", "address",
         "Room 1203, Unit 1, Building 5, 88 Jianguo Road"),
        ("快递员刘强说放驿站了", "name", "刘强"),
        ("收件人：赵敏，请勿放柜", "name", "赵敏"),
        ("签收人是吴彦，我不认识", "name", "吴彦"),
        ("快递员王师傅说不归他送", "name", "王"),
        ("The courier, Liu Qiang, left it", "name", "Liu Qiang"),
        ("I spoke with Li Ming from customer service.", "name", "Li Ming"),
        ("Mr. Wang from the courier said it was lost", "name", "Wang"),
        ("香港身份证 A123456(7)", "id_card", "A123456(7)"),
        ("抖音号：douyin_12345", "profile", "douyin_12345"),
        ("家住成都市武侯区人民南路四段1号", "address", "成都市武侯区人民南路四段1号"),
        ("电话：(010)12345678", "landline", "(010)12345678"),
        ("0755-86013388", "landline", "0755-86013388"),  # the whole field: nothing before it
        ("小红书 ID：weiquan_2026", "profile", "weiquan_2026"),
        ("xhs ID: lina_2026", "profile", "lina_2026"),
    ],
)  # fmt: skip
def test_each_kind_by_its_label_or_shape(text: str, kind: str, value: str) -> None:
    assert (kind, value) in kinds(text)


@pytest.mark.parametrize(
    "text",
    ["订单已取消", "微信支付的299元", "收件人何时能收到", "快递员马上就到", "联系人信息填错了", "小红书上很多人反映",
     "抖音 2026 年货节", "QQ音乐会员", "the driver said the road was closed", "Contact Customer Service",
     "I spoke with Customer Service twice.", "IMEI：861234567890123，与包装一致", "商品型号XM-2026Pro"],
)  # fmt: skip
def test_a_label_without_a_value_of_its_kind_masks_nothing(text: str) -> None:
    assert Redactor()(text) == text


def test_listed_names_in_any_spacing_title_case_and_pinyin() -> None:
    redactor = Redactor(names=["张伟", "欧阳娜娜", "单丽", "Chen Jing"])
    for text, name in [
        ("张伟已经打了三次电话", "张伟"),
        ("张 伟本人确认", "张 伟"),
        ("张先生多次致电", "张"),
        ("欧阳娜娜代为办理", "欧阳娜娜"),
        ("Zhang Wei called", "Zhang Wei"),
        ("contact zhangwei", "zhangwei"),
        ("Signed: WEI ZHANG", "WEI ZHANG"),
        ("Mr. Zhang paid", "Zhang"),
        ("Ouyang Nana is handling it", "Ouyang Nana"),
        ("Shan Li picked it up", "Shan Li"),  # 单 read as the surname Shan
        ("reply to chen jing", "chen jing"),
        ("Jing Chen bought it", "Jing Chen"),
    ]:
        assert ("name", name) in kinds(text, redactor), text
    assert Redactor(names=["Li Na"])("Lina's order and Linange") == "L＊＊＊'s order and Linange"


def test_names_introduced_after_a_label_are_masked_wherever_the_case_mentions_them() -> None:
    contacts = [
        Contact(id=1, at=NOW, channel="hotline", summary="快递员刘强说明天送。"),
        Contact(id=2, at=NOW, channel="hotline", summary="刘强又没来，电话也不接。"),
    ]
    case = Case(id=1, title="丢件", created=NOW, updated=NOW, contacts=contacts)
    assert Redactor.for_case(case)("刘强又没来，电话也不接。") == "刘＊又没来，电话也不接。"


def test_the_case_own_numbers_however_spaced_and_its_business_and_agents_kept() -> None:
    contacts = [Contact(id=1, at=NOW, channel="hotline", agent_id="13912345678", reference_no="TK-88120")]
    case = Case(
        id=1,
        title="t",
        order_no="P778812345678901",
        respondent_name="张伟科技有限公司",
        respondent_credit_code="91110108551385082Q",
        created=NOW,
        updated=NOW,
        contacts=contacts,
    )
    redactor = Redactor.for_case(case, keep=(), extra=())
    text = "订单 p7788 1234 5678 901，工单tk-88120，张伟科技有限公司（91110108551385082Q），客服13912345678"
    out = redactor(text)
    assert "7788 1234" not in out and "88120" not in out
    assert "张伟科技有限公司（91110108551385082Q）" in out and "客服13912345678" in out


def test_the_business_address_is_public_and_kept_while_a_home_address_is_masked() -> None:
    """The respondent's address is on every 12315 complaint (办法 Art. 10): it is the business's, not
    a person's, and a redacted complaint that hides it cannot be checked by its reader."""
    case = Case(id=1, title="t", respondent_address="上海市黄浦区马当路388号C区", created=NOW, updated=NOW)
    out = Redactor.for_case(case, keep=(), extra=())(
        "寄到上海市黄浦区马当路388号C区，退回北京市朝阳区建国路88号3栋2单元501室"
    )
    assert "上海市黄浦区马当路388号C区" in out
    assert "建国路88号" not in out and MASK in out


def test_spans_say_where_what_kind_and_the_text_as_written() -> None:
    text = "手机号：１８８１２３４５６７８，邮箱 a.b@example.com"
    spans = Redactor().find(text)
    assert [(s.kind, s.original) for s in spans] == [
        (Kind.MOBILE, "１８８１２３４５６７８"),
        (Kind.EMAIL, "a.b@example.com"),
    ]
    for span in spans:
        assert text[span.start : span.end] == span.original and len(span.masked) == len(span.original)
    assert Redactor()(text) == f"手机号：１８８{MASK * 8}，邮箱 a.{MASK}@{MASK * 7}.com"


def test_decisions_show_one_original_and_mask_more_text() -> None:
    text = "快递员刘强打了13812345678，小美姐也来了"
    redactor = Redactor(keep=["刘强"], extra=["小美"])
    assert redactor(text) == f"快递员刘强打了138{MASK * 8}，{MASK * 2}姐也来了"
    assert [s.kind for s in redactor.find(text)] == [Kind.NAME, Kind.MOBILE, Kind.MANUAL]


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("a" * 80_000 + "@", False),
        ("@" * 100_000, False),
        ("路" * 100_000, False),
        ("号" * 100_000, False),
        ("1 " * 50_000, True),  # digits spaced out are still one long number
        ("微信" * 50_000, False),
        ("1" * 100_000, True),  # one long number
        ("x@x." * 25_000, False),
        ("京A" * 50_000, False),
    ],
    ids=["a-at", "ats", "roads", "hao", "digit-space", "wechat", "digits", "x-at-x", "plates"],
)
def test_hostile_input_is_redacted_correctly(text: str, changed: bool) -> None:
    out = Redactor(["P778812345678901"], ["张伟"])(text)
    assert len(out) == len(text) and (out != text) is changed


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789 -.+()@abcXx路号栋单元室区微信收件人张伟：，　１８")), max_size=80)
)
def test_spans_never_overlap_and_masks_keep_the_length(text: str) -> None:
    redactor = Redactor(["P778812345678901"], ["张伟"])
    spans = redactor.find(text)
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    for span in spans:
        assert text[span.start : span.end] == span.original and len(span.masked) == len(span.original)
    assert len(redactor(text)) == len(text)
