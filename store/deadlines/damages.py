"""Statutory amounts a consumer can claim on top of the refund, computed exactly in fen.

Which amount applies is not a free choice: it follows from the case's problem type and the facts
the user has confirmed (content/rules/damages.toml), e.g. a food case whose seller knew.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from store.records.models import Case, Category
from store.rules.content_files import read_toml
from store.rules.rulebook import CASE_FACTS


@dataclass(frozen=True)
class Basis:
    id: str
    categories: tuple[Category, ...]  # empty: any problem type
    requires: tuple[str, ...]  # facts (CASE_FACTS) the user must have confirmed
    price_multiple: int
    loss_multiple: int
    minimum_fen: int
    texts: dict[str, str]  # name_zh, formula_en, citation_zh, limits_en, …

    def text(self, field: str, lang: str) -> str:
        return self.texts[f"{field}_{'zh' if lang.startswith('zh') else 'en'}"]

    def applies_to(self, case: Case) -> bool:
        if self.categories and case.category not in self.categories:
            return False
        return all(getattr(case, fact) for fact in self.requires)


@dataclass(frozen=True)
class StatutoryAmount:
    basis: Basis
    amount_fen: int  # on top of the refund of the price

    def formula(self, lang: str) -> str:
        return self.basis.text("formula", lang)

    def citation(self, lang: str) -> str:
        return self.basis.text("citation", lang)

    def limits(self, lang: str) -> str:
        return self.basis.text("limits", lang)


@cache
def bases() -> tuple[Basis, ...]:
    loaded = []
    for raw in read_toml("rules/damages.toml")["basis"]:
        requires = tuple(raw.get("requires", []))
        if any(fact not in CASE_FACTS for fact in requires):
            raise ValueError(f"damages.toml: basis {raw.get('id')!r} requires an unknown fact")
        loaded.append(
            Basis(
                id=raw["id"],
                categories=tuple(Category(c) for c in raw.get("categories", [])),
                requires=requires,
                price_multiple=int(raw["price_multiple"]),
                loss_multiple=int(raw["loss_multiple"]),
                minimum_fen=int(raw["minimum_fen"]),
                texts={
                    f"{field}_{lang}": raw[f"{field}_{lang}"]
                    for field in ("name", "formula", "citation", "limits")
                    for lang in ("zh", "en")
                },
            )
        )
    return tuple(loaded)


def applicable_basis(case: Case) -> Basis | None:
    """The statute the case's problem type and confirmed facts point to, if any."""
    return next((basis for basis in bases() if basis.applies_to(case)), None)


def statutory_amount(case: Case) -> StatutoryAmount | None:
    """The amount on top of the refund, or None (no basis applies, or the amount paid is unknown)."""
    basis = applicable_basis(case)
    if basis is None or case.amount_paid_fen is None:
        return None
    by_loss = basis.loss_multiple * case.loss_fen if case.loss_fen is not None else 0
    return StatutoryAmount(basis, max(basis.price_multiple * case.amount_paid_fen, by_loss, basis.minimum_fen))
