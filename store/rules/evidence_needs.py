"""Which evidence a case needs, from content/rules/evidence.toml."""

from __future__ import annotations

from dataclasses import dataclass

from store.records.models import Category, Demand, EvidenceKind
from store.rules.content_files import read_toml


@dataclass(frozen=True)
class Checklist:
    required: tuple[EvidenceKind, ...]
    recommended: tuple[EvidenceKind, ...]

    @property
    def all(self) -> tuple[EvidenceKind, ...]:
        return self.required + self.recommended


def evidence_checklist(category: Category, demand: Demand) -> Checklist:
    rules = read_toml("rules/evidence.toml")
    by_category = rules["categories"][category.value]
    by_demand = rules["demands"][demand.value]
    required = _ordered(by_category["required"] + by_demand["required"])
    recommended = _ordered([k for k in by_category["recommended"] + by_demand["recommended"] if k not in required])
    return Checklist(tuple(EvidenceKind(k) for k in required), tuple(EvidenceKind(k) for k in recommended))


def evidence_guide_section(kind: EvidenceKind) -> str:
    return str(read_toml("rules/evidence.toml")["kinds"][kind.value]["guide"])


def _ordered(kinds: list[str]) -> list[str]:
    """De-duplicated, in EvidenceKind's declared order (the order the checklist shows)."""
    order = {k.value: i for i, k in enumerate(EvidenceKind)}
    return sorted(set(kinds), key=order.__getitem__)
