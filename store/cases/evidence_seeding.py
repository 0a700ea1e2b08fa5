"""A new or re-categorised case's evidence checklist: an item for every kind its problem and demand call for."""

from __future__ import annotations

from store.cases.case_ids import next_record_id
from store.records.models import Case, EvidenceItem
from store.rules.evidence_needs import evidence_checklist


def seed_evidence(case: Case) -> list[EvidenceItem]:
    """Make sure the checklist has an item for every kind the case's category and demand call for."""
    have = {item.kind for item in case.evidence}
    items = list(case.evidence)
    for kind in evidence_checklist(case.category, case.demand).all:
        if kind not in have:
            items.append(EvidenceItem(id=next_record_id(items), kind=kind))
    return items
