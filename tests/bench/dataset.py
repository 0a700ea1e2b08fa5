"""Synthetic but realistic databases of any size, written straight to disk for benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import orjson

from store.calendar.china_time import CHINA_TZ, china_now
from store.calendar.workdays import WorkCalendar
from store.cases.case_index_writer import CaseIndexKeeper
from store.cases.case_store import CaseStore
from store.persistence.schema import CASES_TABLE, META_DOC_ID, META_TABLE, SCHEMA_VERSION
from store.records.models import Case, Category, Channel, Contact, Demand, Status, encode_case

PRODUCTS = ["蓝牙耳机", "羊绒围巾", "面霜 50ml", "运动鞋 42码", "空气炸锅", "Sneakers", "儿童保温杯", "Wool coat"]
PROBLEMS = ["左耳无声", "收到的颜色不对", "包装破损漏液", "物流停滞五天", "降价未保价", "退款迟迟未到账"]
SAID = [
    "客服表示已登记，会在48小时内给答复。",
    "要求转人工，客服称需要上级审批。",
    "Agent said the refund is being processed and will arrive in 3 working days.",
    "对方承认商品有瑕疵，同意退货退款，但运费需自理。",
]


def make_case(case_id: int, contacts: int, rng: random.Random) -> Case:
    start = dt.datetime(2026, 1, 1, 9, tzinfo=CHINA_TZ) + dt.timedelta(hours=rng.randrange(0, 24 * 300))
    timeline = []
    for n in range(contacts):
        at = start + dt.timedelta(hours=6 * n + rng.randrange(0, 5))
        promised = rng.random() < 0.4
        timeline.append(
            Contact(
                id=n + 1,
                at=at,
                channel=rng.choice(list(Channel)),
                agent_id=f"{rng.randrange(1000, 99999)}",
                reference_no=f"T{rng.randrange(10**9, 10**10)}",
                summary=rng.choice(SAID),
                promise="退款到原支付账户" if promised else "",
                deadline=at + dt.timedelta(days=rng.randrange(1, 8)) if promised else None,
            )
        )
    product = rng.choice(PRODUCTS)
    return Case(
        id=case_id,
        title=f"{product} {rng.choice(PROBLEMS)} #{case_id}",
        platform=rng.choice(["小红书", "淘宝", "京东"]),
        shop="小红书自营",
        order_no=f"P{rng.randrange(10**15, 10**16)}",
        product=product,
        amount_paid_fen=rng.randrange(1_000, 500_000),
        order_date=start.date() - dt.timedelta(days=3),
        category=rng.choice(list(Category)),
        demand=rng.choice(list(Demand)),
        status=rng.choice(list(Status)),
        notes="下单后三天发现问题，已拍照留证。",
        created=start,
        updated=start + dt.timedelta(days=10),
        contacts=timeline,
    )


def make_data(cases: int, contacts_per_case: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    table = {str(i): encode_case(make_case(i, contacts_per_case, rng)) for i in range(1, cases + 1)}
    return {
        META_TABLE: {META_DOC_ID: {"schema_version": SCHEMA_VERSION, "next_case_id": cases + 1}},
        CASES_TABLE: table,
    }


def write_database(path: Path, cases: int, contacts_per_case: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(orjson.dumps(make_data(cases, contacts_per_case)))
    path.chmod(0o600)


def index_as_the_app_does(db: Path) -> None:
    """The case index beside ``db``, as the app writes it a second after it has opened the database."""
    store = CaseStore.open(db, create=False)
    if not CaseIndexKeeper(db, WorkCalendar()).write(*store.index_state(), china_now()):
        raise RuntimeError("the case index was not written")
