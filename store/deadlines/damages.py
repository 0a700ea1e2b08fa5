"""Statutory amounts a consumer can claim on top of the refund, computed exactly in fen.

Which amount applies is not a free choice: it follows from the case's problem type and the facts
the user has confirmed (content/rules/damages.toml), e.g. a food case whose seller knew.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from store.records.models import Case, Category
from store.rules.content_schema import Schema, load_content
from store.rules.rulebook import CaseFact


class Basis(Schema, frozen=True, kw_only=True):
    """A statute giving an amount on top of the refund ([[basis]] in damages.toml)."""

    id: str
    categories: tuple[Category, ...] = ()  # empty: any problem type
    requires: tuple[CaseFact, ...] = ()  # facts the user must have confirmed
    price_multiple: int
    loss_multiple: int
    minimum_fen: int
    name_zh: str
    name_en: str
    formula_zh: str
    formula_en: str
    citation_zh: str
    citation_en: str
    limits_zh: str
    limits_en: str

    def text(self, field: str, lang: str) -> str:
        """``field`` (name, formula, citation, limits) in the language of ``lang``."""
        text: str = getattr(self, f"{field}_{'zh' if lang.startswith('zh') else 'en'}")
        return text

    def applies_to(self, case: Case) -> bool:
        if self.categories and case.category not in self.categories:
            return False
        return all(getattr(case, fact) for fact in self.requires)


class DamagesFile(Schema, frozen=True):
    as_of: dt.date
    basis: tuple[Basis, ...]


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


def bases() -> tuple[Basis, ...]:
    return load_content("rules/damages.toml", DamagesFile).basis


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
