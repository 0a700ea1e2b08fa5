"""Pasted order text: labelled fields from shopping apps' order pages and share texts fill the form;
everything else is left alone."""

from __future__ import annotations

import datetime as dt

import pytest

from store.records.order_text import MAX_TEXT, parse_order_text

SAMPLES: list[tuple[str, str, dict[str, str]]] = [
    (
        "taobao order page",
        """订单编号：3712345678901234567 复制
支付宝交易号：2026112022001234567890123456 复制
创建时间：2026-11-20 14:05:33
付款时间：2026-11-20 14:05:41
实付款：￥1,299.00
店铺：小米官方旗舰店 >
商品名称：Redmi Buds 6 真无线蓝牙耳机""",
        {
            "order_no": "3712345678901234567",
            "order_date": "2026-11-20",
            "amount_paid": "1299.00",
            "shop": "小米官方旗舰店",
            "product": "Redmi Buds 6 真无线蓝牙耳机",
        },
    ),
    (
        "taobao share text",
        "【淘宝】https://m.tb.cn/h.5abcDEF?tk=XyZ9ab CZ0001 「罗技 M720 无线鼠标 蓝牙双模」\n"
        "点击链接直接打开 或者 淘宝搜索直接打开",
        {"platform": "淘宝", "product": "罗技 M720 无线鼠标 蓝牙双模"},
    ),
    (
        "tmall share text",
        "【天猫】「戴森 V12 吸尘器」https://m.tb.cn/h.9xyz 点击链接直接打开",
        {"platform": "天猫", "product": "戴森 V12 吸尘器"},
    ),
    (
        "jd order detail, values on the next line",
        """订单号
285012345678

下单时间
2026-11-03 09:12:44
实付金额
¥ 2,399.00
商家
京东自营
签收时间
2026-11-05 18:20:01""",
        {
            "order_no": "285012345678",
            "order_date": "2026-11-03",
            "amount_paid": "2399.00",
            "shop": "京东自营",
            "delivery_date": "2026-11-05 18:20:01",  # the sign-off's time too
        },
    ),
    (
        "jd share link",
        "【京东】https://3.cn/2a-BcDeF 「小熊 电热水壶 1.7L」",
        {"platform": "京东", "product": "小熊 电热水壶 1.7L"},
    ),
    (
        "pinduoduo order page with full-width colons and spaces",
        """商品名称 ： 加厚保暖羽绒服 男款 黑色 XL
订单编号 ： 231120-123456789012345
实付 ： ¥ 159.9
下单时间 ： 2026年11月20日 20:31
拼多多 yangkeduo.com""",
        {
            "product": "加厚保暖羽绒服 男款 黑色 XL",
            "order_no": "231120-123456789012345",
            "amount_paid": "159.90",
            "order_date": "2026-11-20",
            "platform": "拼多多",
        },
    ),
    (
        "xiaohongshu order, label and value separated by spaces",
        """小红书福利社
订单号 P789012345678901234
下单时间 2026-11-18 21:03
实付款 ¥599.00
签收时间 2026/11/21 10:40""",
        {
            "order_no": "P789012345678901234",
            "order_date": "2026-11-18",
            "amount_paid": "599.00",
            "delivery_date": "2026-11-21 10:40",
        },
    ),
    (
        "xiaohongshu share text",
        "【小红书】「防晒霜 SPF50+ 50ml」 https://www.xiaohongshu.com/goods-detail/65a1b2c3\n"
        "复制本条信息，打开小红书App",
        {"platform": "小红书", "product": "防晒霜 SPF50+ 50ml"},
    ),
    (
        "english order summary",
        """Order ID: 112-3456789-0123456
Order date: 2026/11/03
Sold by: ACME Store
Item name: USB-C charger 65W
Total: ¥1,234.56""",
        {
            "order_no": "112-3456789-0123456",
            "order_date": "2026-11-03",
            "shop": "ACME Store",
            "product": "USB-C charger 65W",
            "amount_paid": "1234.56",
        },
    ),
    (
        "english labels in capitals, # and =",
        "ORDER #  A1B2C3D4E5\nAMOUNT PAID = 88 元\nDELIVERED ON: 2026-11-30",
        {"order_no": "A1B2C3D4E5", "amount_paid": "88.00", "delivery_date": "2026-11-30"},
    ),
    (
        "several fields on one line, tab- and space-separated",
        "订单号：9988776655\t实付款：¥35.00    下单时间：2026-10-01 08:00",
        {"order_no": "9988776655", "amount_paid": "35.00", "order_date": "2026-10-01"},
    ),
    (
        "no separator before the amount or the number",
        "实付款¥89.90\n订单号1234567890\n合计¥120.00",
        {"amount_paid": "89.90", "order_no": "1234567890"},  # 实付款 beats 合计 (before discounts)
    ),
    (
        "junk lines around the fields",
        """< 返回      订单详情      ···
交易成功
商品评价  晒单
再买一单  申请售后  联系客服
订单编号：5566778899001
猜你喜欢
实付款：¥12.80（含运费 ¥0.00）
商品 5 件""",
        {"order_no": "5566778899001", "amount_paid": "12.80"},
    ),
    (
        "full-width digits and a payment time only",
        "订单号：１２３４５６７８９０\n付款时间：２０２６－１１－０２ １０：００\n实付金额：１，０５０．５０元",
        {"order_no": "1234567890", "order_date": "2026-11-02", "amount_paid": "1050.50"},
    ),
    (
        "order time beats payment time whatever the order",
        "付款时间：2026-11-05 10:00\n下单时间：2026-11-04 23:59",
        {"order_date": "2026-11-04"},
    ),
    (
        "values that do not read are not filled",
        "订单编号：复制\n实付款：免费\n下单时间：2026-02-30 10:00\n签收时间：明天",
        {},
    ),
    (
        "bulleted list with a bracketed product and a shop arrow",
        "• 商品：《三体》全集 精装\n• 店铺名称：新华书店官方旗舰店 进店 ›\n• 订单金额：¥ 168",
        {"product": "《三体》全集 精装", "shop": "新华书店官方旗舰店", "amount_paid": "168.00"},
    ),
    ("nothing recognisable", "今天天气不错\n\n你好 hello 123", {}),
    (
        "confirming receipt is not the sign-off (it comes later: the return window would look longer)",
        "签收时间：2026-11-05 18:20\n确认收货时间：2026-11-12 09:00\n收货时间：2026-11-12 09:00",
        {"delivery_date": "2026-11-05 18:20"},
    ),
    ("a sign-off in Chinese date form", "签收时间：2026年11月5日 8点05", {"delivery_date": "2026-11-05 08:05"}),
]


@pytest.mark.parametrize(("name", "text", "expected"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_samples(name: str, text: str, expected: dict[str, str]) -> None:
    assert parse_order_text(text).fields == expected


def test_the_label_each_field_was_found_under_is_kept() -> None:
    found = parse_order_text(SAMPLES[0][1])
    assert found.labels["order_no"] == "订单编号" and found.labels["amount_paid"] == "实付款"
    assert found.labels["order_date"] == "创建时间"


def test_a_huge_paste_is_read_only_up_to_its_limit() -> None:
    filler = "无关的一行\n" * (MAX_TEXT // 6)
    found = parse_order_text("订单号：1234567890\n" + filler + "实付款：¥9.90\n")
    assert found.fields == {"order_no": "1234567890"}


def test_an_overlong_value_is_cut_to_the_field_size() -> None:
    found = parse_order_text("商品名称：" + "长" * 500)
    assert len(found.fields["product"]) == 200


TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("订单号：3912 8877 6655 4433", {"order_no": "3912887766554433"}),  # as the app shows it
        ("订单编号 3712 3456 7890 1234 567 复制", {"order_no": "3712345678901234567"}),
        ("订单号：1234567890 共3件", {"order_no": "1234567890"}),
        ("签收时间：11月25日 18:20", {"delivery_date": "2026-11-25 18:20"}),
        ("下单时间：12-28 09:00", {"order_date": "2025-12-28"}),  # never a day after today
        ("签收时间：2月29日", {"delivery_date": "2024-02-29"}),  # the last year that had it
        ("签收时间：13月40日", {}),
    ],
)
def test_grouped_numbers_and_dates_without_a_year(text: str, expected: dict[str, str]) -> None:
    assert parse_order_text(text, TODAY).fields == expected


def test_a_date_without_a_year_is_not_guessed_without_today() -> None:
    assert parse_order_text("签收时间：11月25日 18:20").fields == {}
