"""Which evidence a case needs, from content/rules/evidence.toml (its schema: EvidenceFile)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from store.records.models import Category, Demand, EvidenceKind
from store.rules.content_schema import Schema, load_content


class KindEntry(Schema, frozen=True):
    guide: str  # the guide section (content/guide/sections.toml) on collecting it


class Needs(Schema, frozen=True):
    required: tuple[EvidenceKind, ...]
    recommended: tuple[EvidenceKind, ...]


# One field for each member of the enums (tests/store/test_content_schema.py checks they match), so
# a missing or misspelt table is named in the error, and a checklist is never silently empty.
class Kinds(Schema, frozen=True):
    order_screenshot: KindEntry
    photos_video: KindEntry
    chat_log: KindEntry
    logistics: KindEntry
    packaging: KindEntry
    call_recording: KindEntry
    other_proof: KindEntry


class ByCategory(Schema, frozen=True):
    quality: Needs
    counterfeit: Needs
    food: Needs
    wrong_item: Needs
    logistics: Needs
    after_sales: Needs
    price: Needs
    other: Needs


class ByDemand(Schema, frozen=True):
    return_refund: Needs
    refund_only: Needs
    exchange: Needs
    compensation: Needs
    explanation: Needs
    other: Needs


class EvidenceFile(Schema, frozen=True):
    """Every evidence kind, and what each problem category and each demand needs."""

    as_of: dt.date
    kinds: Kinds
    categories: ByCategory
    demands: ByDemand


@dataclass(frozen=True)
class Checklist:
    required: tuple[EvidenceKind, ...]
    recommended: tuple[EvidenceKind, ...]

    @property
    def all(self) -> tuple[EvidenceKind, ...]:
        return self.required + self.recommended


def evidence_rules() -> EvidenceFile:
    return load_content("rules/evidence.toml", EvidenceFile)


def evidence_checklist(category: Category, demand: Demand) -> Checklist:
    rules = evidence_rules()
    by_category: Needs = getattr(rules.categories, category.value)
    by_demand: Needs = getattr(rules.demands, demand.value)
    required = _ordered(by_category.required + by_demand.required)
    recommended = _ordered([k for k in by_category.recommended + by_demand.recommended if k not in required])
    return Checklist(tuple(required), tuple(recommended))


def evidence_guide_section(kind: EvidenceKind) -> str:
    entry: KindEntry = getattr(evidence_rules().kinds, kind.value)
    return entry.guide


def _ordered(kinds: tuple[EvidenceKind, ...] | list[EvidenceKind]) -> list[EvidenceKind]:
    """De-duplicated, in EvidenceKind's declared order (the order the checklist shows)."""
    order = {k: i for i, k in enumerate(EvidenceKind)}
    return sorted(set(kinds), key=order.__getitem__)
