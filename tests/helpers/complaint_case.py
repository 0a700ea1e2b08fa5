"""A complaint worth filing, for the export tests: a ¥899 thermos, a fraud claim, contacts with the
shop and with a regulator."""

from __future__ import annotations

from store.cases.case_store import CaseStore
from store.records.models import Case


def thermos_case(store: CaseStore, **extra: object) -> Case:
    """A ¥899 thermos sold as genuine, a fraud claim (3× = ¥2,697), three contacts with the shop,
    then a 12315 filing and a public post."""
    case = store.create_case(
        {
            "title": "保温杯疑似假货",
            "platform": "小红书",
            "shop": "小红书自营",
            "respondent_name": "行吟信息科技（上海）有限公司",
            "respondent_credit_code": "913101010886931103",
            "respondent_address": "上海市黄浦区马当路 388 号",
            "order_no": "P2026_1112*01",
            "product": "保温杯 *Pro* 500ml",
            "amount_paid_fen": 89_900,
            "order_date": "2026-11-10",
            "delivery_date": "2026-11-12",
            "category": "quality",
            "demand": "return_refund",
            "deceived": True,
            **extra,
        }
    )
    for fields in [
        {
            "at": "2026-11-13T09:00:00+08:00",
            "channel": "after_sales",
            "reference_no": "AS_77",
            "summary": "申请退货退款。",
        },
        {
            "at": "2026-11-14T10:00:00+08:00",
            "channel": "online_cs",
            "agent_id": "KF_3307",
            "summary": "客服说：\n1. 先寄回检测\n2. 检测后退款",
            "promise": "检测后退款",
            "deadline": "2026-11-20T23:59:00+08:00",
        },
        {
            "at": "2026-11-21T09:00:00+08:00",
            "channel": "12315",
            "reference_no": "12315-2026-1",
            "summary": "已向12315投诉。",
        },
        {"at": "2026-11-22T09:00:00+08:00", "channel": "public_post", "summary": "在微博发帖。"},
        {
            "at": "2026-11-23T15:00:00+08:00",
            "channel": "hotline",
            "direction": "incoming",
            "agent_id": "8821",
            "summary": "热线来电，称仍在处理。",
            "promise": "三天内答复",
            "deadline": "2026-11-26T15:00:00+08:00",
        },
    ]:
        store.add_contact(case.id, fields)
    return store.get(case.id)
