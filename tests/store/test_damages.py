"""Statutory amounts on top of the refund: which one follows from the problem type and the facts the
user confirms, computed exactly in fen, at the minimums' boundaries; old databases keep their choice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.deadlines.damages import applicable_basis, bases, statutory_amount
from store.records.models import Category, Demand
from store.rules.content_files import read_text
from store.rules.evidence_needs import evidence_checklist
from store.rules.messages import Messages

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


@pytest.fixture
def store() -> CaseStore:
    return CaseStore.open(None, clock=lambda: NOW)


@pytest.mark.parametrize(
    ("fields", "expected_fen"),
    [
        # 消法 Art. 55: 3× the price, at least ¥500 — around the boundary of ¥166.67
        ({"category": "counterfeit", "deceived": True, "amount_paid_fen": 16_666}, 50_000),
        ({"category": "counterfeit", "deceived": True, "amount_paid_fen": 16_667}, 50_001),
        ({"category": "counterfeit", "deceived": True, "amount_paid_fen": 59_900}, 179_700),
        ({"category": "quality", "deceived": True, "amount_paid_fen": 1}, 50_000),
        # 食品安全法 Art. 148: 10× the price or 3× the loss, at least ¥1,000 — boundary ¥100
        ({"category": "food", "seller_knew": True, "amount_paid_fen": 9_999}, 100_000),
        ({"category": "food", "seller_knew": True, "amount_paid_fen": 10_000}, 100_000),
        ({"category": "food", "seller_knew": True, "amount_paid_fen": 10_001}, 100_010),
        ({"category": "food", "seller_knew": True, "amount_paid_fen": 5_000, "loss_fen": 33_333}, 100_000),
        ({"category": "food", "seller_knew": True, "amount_paid_fen": 5_000, "loss_fen": 33_334}, 100_002),
        ({"category": "food", "seller_knew": True, "amount_paid_fen": 10_000, "loss_fen": 500_000}, 1_500_000),
        # nothing confirmed: no statutory amount, whatever the problem
        ({"category": "counterfeit", "amount_paid_fen": 59_900}, None),
        ({"category": "food", "amount_paid_fen": 5_000}, None),
        ({"category": "quality", "seller_knew": True, "amount_paid_fen": 5_000}, None),  # 148 is for food only
        # the amount paid is unknown: no amount
        ({"category": "counterfeit", "deceived": True}, None),
    ],
)
def test_the_amount_follows_from_the_problem_and_the_confirmed_facts(
    store: CaseStore, fields: dict, expected_fen: int | None
) -> None:
    case = store.create_case({"title": "t", **fields})
    amount = statutory_amount(case)
    assert (amount.amount_fen if amount else None) == expected_fen


def test_a_food_case_whose_seller_knew_uses_the_food_law_even_if_deceived(store: CaseStore) -> None:
    case = store.create_case(
        {"title": "t", "category": "food", "seller_knew": True, "deceived": True, "amount_paid_fen": 5_000}
    )
    assert applicable_basis(case).id == "food_safety_art148"
    deceived_only = store.create_case({"title": "t", "category": "food", "deceived": True, "amount_paid_fen": 5_000})
    assert applicable_basis(deceived_only).id == "cpl_art55"


def test_the_food_rule_says_knowledge_and_the_standard_not_unsafe() -> None:
    food = next(b for b in bases() if b.id == "food_safety_art148")
    assert "明知" in food.text("limits", "zh-CN") and "不符合食品安全标准" in food.text("limits", "zh-CN")
    assert "knew" in food.text("limits", "en") and "food-safety standards" in food.text("name", "en")
    for path in ("rules/damages.toml", "i18n/zh-CN.toml", "i18n/en.toml"):
        text = read_text(path)
        assert "不安全的食品" not in text and "食品安全：" not in text and "Unsafe food" not in text, path


@pytest.mark.parametrize("category", [Category.COUNTERFEIT, Category.FOOD])
def test_the_new_problem_types_have_evidence_needs_and_names(category: Category) -> None:
    checklist = evidence_checklist(category, Demand.RETURN_REFUND)
    assert checklist.required
    for lang in ("zh-CN", "en"):
        assert Messages(lang).has(f"category.{category.value}")


def _write_v1_database(path: Path) -> None:
    stamp = "2026-11-01T10:00:00+08:00"
    path.write_bytes(
        orjson.dumps(
            {
                "meta": {"1": {"schema_version": 1, "next_case_id": 4}},
                "cases": {
                    "1": {
                        "title": "保温杯",
                        "legal_basis": "cpl_art55",
                        "category": "quality",
                        "created": stamp,
                        "updated": stamp,
                        "amount_paid_fen": 12_900,
                    },
                    "2": {
                        "title": "奶粉",
                        "legal_basis": "food_safety_art148",
                        "category": "quality",
                        "created": stamp,
                        "updated": stamp,
                        "amount_paid_fen": 5_000,
                    },
                    "3": {"title": "耳机", "legal_basis": "none", "created": stamp, "updated": stamp},
                },
            }
        )
    )


def test_a_schema_1_database_loads_with_the_choice_turned_into_facts(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _write_v1_database(db)
    store = CaseStore.open(db)
    cup, milk, phones = store.get(1), store.get(2), store.get(3)
    assert cup.deceived and not cup.seller_knew and statutory_amount(cup).amount_fen == 50_000
    assert milk.seller_knew and milk.category is Category.FOOD and statutory_amount(milk).amount_fen == 100_000
    assert not phones.deceived and not phones.seller_knew and statutory_amount(phones) is None
    # the new fields take their defaults
    assert not cup.sanbao_covered and cup.delivery_time is None and cup.loss_fen is None
    stored = orjson.loads(db.read_bytes())
    assert stored["meta"]["1"]["schema_version"] == 2
    assert all("legal_basis" not in doc for doc in stored["cases"].values())


def test_a_schema_1_backup_restores_with_the_facts(tmp_path: Path) -> None:
    from store.persistence.backup_format import FORMAT_NAME, read_backup

    stamp = "2026-11-01T10:00:00+08:00"
    backup = tmp_path / "old-backup.json"
    backup.write_bytes(
        orjson.dumps(
            {
                "format": FORMAT_NAME,
                "format_version": 1,
                "schema_version": 1,
                "cases": [{"id": 7, "title": "保温杯", "legal_basis": "cpl_art55", "created": stamp, "updated": stamp}],
            }
        )
    )
    [case] = read_backup(backup).cases
    assert case.id == 7 and case.deceived
