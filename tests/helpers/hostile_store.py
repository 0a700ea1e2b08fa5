"""Cases whose every text field holds hostile text, for the app, CLI and export tests."""

from __future__ import annotations

import datetime as dt
from itertools import cycle

from store.cases.case_store import CaseStore
from store.records.models import EvidenceFile
from tests.helpers.app_driver import FIXED_NOW

SHORT, LONG = 200, 20_000  # the models' limits for one-line and multi-line fields


def _short(text: str) -> str:
    return text[:SHORT]


def fill_case(store: CaseStore, strings: list[str], *, title_prefix: str = "T", deadline_days: int = 1) -> int:
    """One case using ``strings`` in turn for every text field (case, references, tags, contacts
    with a promise due ``deadline_days`` after FIXED_NOW, evidence notes and attached file names);
    returns its id."""
    pick = cycle(strings)

    def short() -> str:
        return _short(next(pick))

    case = store.create_case(
        {
            "title": _short(title_prefix + next(pick)),
            "platform": short(),
            "shop": short(),
            "respondent_name": short(),
            "order_no": short(),
            "product": short(),
            "amount_paid_fen": 29_900,
            "order_date": "2026-11-01",
            "delivery_date": "2026-11-03",
            "category": "quality",
            "demand": "compensation",
            "compensation_fen": 50_000,
            "deceived": True,  # the statutory amount is shown too
            "demand_detail": next(pick)[:LONG],
            "outcome": next(pick)[:LONG],
            "references": [{"label": "L" + short()[:199], "value": "V" + short()[:199]} for _ in range(2)],
            "tags": [short() or "t" for _ in range(2)],
            "notes": next(pick)[:LONG],
        }
    )
    for hours in (1, 2):
        store.add_contact(
            case.id,
            {
                "at": FIXED_NOW - dt.timedelta(days=3, hours=hours),
                "channel": "hotline",
                "agent_id": short(),
                "reference_no": short(),
                "summary": next(pick)[:LONG],
                "promise": "P" + next(pick)[: LONG - 1],
                "deadline": FIXED_NOW + dt.timedelta(days=deadline_days, hours=hours),
            },
        )
    for item in store.get(case.id).evidence[:2]:
        store.update_evidence(case.id, item.id, {"note": next(pick)[:LONG], "state": "collected"})
        name = short().replace("/", "|")
        store.attach_file(
            case.id,
            item.id,
            EvidenceFile(path=f"/tmp/{name}.png"[:LONG], size=1234, sha256="0" * 64, attached=FIXED_NOW),
        )
    return case.id


def fill_corpus(store: CaseStore, corpus: list[str], per_case: int = 12, deadline_days: int = 1) -> list[int]:
    """Cases enough for every string of ``corpus`` to sit in some field of some case."""
    return [
        fill_case(store, corpus[start : start + per_case], deadline_days=deadline_days)
        for start in range(0, len(corpus), per_case)
    ]
