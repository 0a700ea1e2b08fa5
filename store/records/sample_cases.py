"""Realistic sample cases for `weiquan --demo`, dated relative to today so deadlines are live."""

from __future__ import annotations

import datetime as dt
from typing import Any

from store.calendar.china_time import CHINA_TZ
from store.calendar.workdays import WorkCalendar
from store.cases.case_store import CaseStore
from store.records.models import EvidenceKind, EvidenceState, PromiseState


def _at(today: dt.date, days_ago: int, hour: int = 10, minute: int = 0) -> str:
    moment = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(hour, minute), CHINA_TZ)
    return moment.isoformat()


def _day(today: dt.date, days_ago: int) -> str:
    return (today - dt.timedelta(days=days_ago)).isoformat()


def demo_cases(today: dt.date) -> list[dict[str, Any]]:
    """Case fields, each with its contacts and evidence states, relative to ``today``."""
    return [
        {
            "case": {
                "title": "蓝牙耳机左耳无声，客服承诺退款未兑现",
                "platform": "小红书",
                "shop": "小红书自营",
                "order_no": "P778812345678901",
                "product": "无线蓝牙耳机 Pro",
                "amount_paid_fen": 59_900,
                "order_date": _day(today, 16),
                "delivery_date": _day(today, 13),
                "delivery_time": "18:20:00",
                "category": "quality",
                "demand": "return_refund",
                "status": "waiting",
                "references": [{"label": "售后单号", "value": "AS20261110001"}],
                "tags": ["耳机", "质量"],
                "notes": "开箱视频已录；左耳完全无声，换手机测试也一样。",
            },
            "contacts": [
                {
                    "at": _at(today, 12, 20, 15),
                    "channel": "after_sales",
                    "summary": "提交退货退款申请，附开箱视频和照片。",
                    "reference_no": "AS20261110001",
                },
                {
                    "at": _at(today, 10, 14),
                    "channel": "online_cs",
                    "agent_id": "小红 3307",
                    "summary": "在线客服说申请在审核，让等待。",
                    "promise": "24小时内审核",
                    "deadline": "24h",
                    "state": "kept",
                },
                {
                    "at": _at(today, 8, 9, 40),
                    "channel": "hotline",
                    "agent_id": "8821",
                    "summary": "热线客服确认质量问题，同意退货退款。",
                    "promise": "3个工作日内退款到原支付账户",
                    "deadline": "3wd",
                },
            ],
            "evidence": {"order_screenshot": "collected", "photos_video": "collected", "chat_log": "collected"},
        },
        {
            "case": {
                "title": "羊绒围巾发错颜色",
                "platform": "小红书",
                "shop": "小红书自营",
                "order_no": "P778899001122334",
                "product": "羊绒围巾 驼色",
                "amount_paid_fen": 32_800,
                "order_date": _day(today, 6),
                "delivery_date": _day(today, 3),
                "category": "wrong_item",
                "demand": "exchange",
                "status": "open",
                "notes": "收到的是灰色，吊牌未拆。",
            },
            "contacts": [
                {
                    "at": _at(today, 2, 19),
                    "channel": "online_cs",
                    "agent_id": "KF-1024",
                    "summary": "客服同意换货，说会安排上门取件。",
                    "promise": "48小时内安排取件",
                    "deadline": "48h",
                },
            ],
            "evidence": {"order_screenshot": "collected", "photos_video": "collected"},
        },
        {
            "case": {
                "title": "Air fryer stuck in transit for 9 days",
                "platform": "Xiaohongshu",
                "shop": "Self-operated store",
                "order_no": "P661234509876543",
                "product": "Air fryer 5L",
                "amount_paid_fen": 45_900,
                "order_date": _day(today, 14),
                "category": "logistics",
                "demand": "refund_only",
                "status": "escalated",
                "respondent_name": "（请在国家企业信用信息公示系统核实全称）",
            },
            "contacts": [
                {
                    "at": _at(today, 9),
                    "channel": "online_cs",
                    "agent_id": "A-5521",
                    "summary": "Agent said the parcel would move within 2 days.",
                    "promise": "Parcel moving again",
                    "deadline": "2d",
                    "state": "broken",
                },
                {
                    "at": _at(today, 6),
                    "channel": "online_cs",
                    "agent_id": "A-7730",
                    "summary": "Asked for escalation; agent opened a ticket.",
                    "reference_no": "TK-88120",
                },
                {
                    "at": _at(today, 4, 16),
                    "channel": "12315",
                    "summary": "Filed on the 12315 platform with tracking screenshots.",
                    "reference_no": "12315-2026-3300981",
                },
            ],
            "evidence": {"order_screenshot": "submitted", "logistics": "submitted", "chat_log": "collected"},
        },
        {
            "case": {
                "title": "面霜降价未保价",
                "platform": "小红书",
                "shop": "小红书自营",
                "order_no": "P550011223344556",
                "product": "修护面霜 50ml",
                "amount_paid_fen": 46_000,
                "order_date": _day(today, 30),
                "delivery_date": _day(today, 27),
                "category": "price",
                "demand": "refund_only",
                "status": "resolved",
                "outcome": "补差价 ¥60",
                "recovered_fen": 6_000,
            },
            "contacts": [
                {
                    "at": _at(today, 25),
                    "channel": "online_cs",
                    "agent_id": "KF-0077",
                    "summary": "申请价保。",
                    "promise": "补差价",
                    "deadline": "7d",
                    "state": "kept",
                },
            ],
            "evidence": {"order_screenshot": "collected", "chat_log": "collected", "other_proof": "collected"},
        },
        {
            "case": {
                "title": "儿童保温杯 漏水 *疑似* 假货 [bold]标签[/bold]",
                "platform": "淘宝",
                "shop": "某某母婴专营店",
                "order_no": "T3920118833",
                "product": "儿童保温杯",
                "amount_paid_fen": 12_900,
                "order_date": _day(today, 5),
                "delivery_date": _day(today, 2),
                "category": "counterfeit",
                "demand": "compensation",
                "deceived": True,
                "status": "open",
                "notes": "商品页写“品牌正品”，杯盖密封圈却与官方图片不同；品牌客服确认该批号不存在。准备送检。",
            },
            "contacts": [],
            "evidence": {},
        },
    ]


def fill_demo(store: CaseStore, today: dt.date, calendar: WorkCalendar) -> None:
    """Add the sample cases, their relative deadlines ("3个工作日") counted on ``calendar``."""
    from store.records.deadline_input import parse_deadline

    for spec in demo_cases(today):
        case = store.create_case(spec["case"])
        for raw in spec["contacts"]:
            fields = {k: v for k, v in raw.items() if k != "state"}
            if "deadline" in fields:
                resolved = parse_deadline(fields["deadline"], dt.datetime.fromisoformat(fields["at"]), calendar)
                fields["deadline"] = resolved.when if resolved else None
            contact = store.add_contact(case.id, fields)
            if "state" in raw:
                store.set_promise_state(case.id, contact.id, PromiseState(raw["state"]))
        current = store.get(case.id)
        for item in current.evidence:
            state = spec["evidence"].get(item.kind.value)
            if state:
                store.update_evidence(case.id, item.id, {"state": EvidenceState(state)})
        if not current.evidence and spec["evidence"]:
            store.add_evidence(case.id, EvidenceKind.OTHER_PROOF)
