"""Statutory amounts a demand can cite, computed exactly in fen from the amount paid."""

from __future__ import annotations

from dataclasses import dataclass

from store.records.models import Case, LegalBasis

FRAUD_MULTIPLE, FRAUD_MINIMUM_FEN = 3, 500_00  # 消法 Art. 55 para 1
FOOD_MULTIPLE, FOOD_LOSS_MULTIPLE, FOOD_MINIMUM_FEN = 10, 3, 1_000_00  # 食品安全法 Art. 148


@dataclass(frozen=True)
class StatutoryAmount:
    basis: LegalBasis
    amount_fen: int
    formula_zh: str
    formula_en: str
    citation_zh: str
    citation_en: str


def statutory_amount(case: Case, loss_fen: int | None = None) -> StatutoryAmount | None:
    """The amount the case's legal basis gives, or None (no basis, or the amount paid is unknown)."""
    price = case.amount_paid_fen
    if case.legal_basis is LegalBasis.NONE or price is None:
        return None
    if case.legal_basis is LegalBasis.FRAUD_X3:
        amount = max(FRAUD_MULTIPLE * price, FRAUD_MINIMUM_FEN)
        return StatutoryAmount(
            case.legal_basis,
            amount,
            "价款的三倍，不足500元的按500元",
            "3× the price paid, at least ¥500",
            "消费者权益保护法第55条第1款（限制见实施条例第49条）",
            "Consumer Rights Protection Law Art. 55 para. 1 (limits: Implementing Regulations Art. 49)",
        )
    by_loss = FOOD_LOSS_MULTIPLE * loss_fen if loss_fen is not None else 0
    amount = max(FOOD_MULTIPLE * price, by_loss, FOOD_MINIMUM_FEN)
    return StatutoryAmount(
        case.legal_basis,
        amount,
        "价款十倍或损失三倍，不足1000元的按1000元（不影响食品安全且不误导消费者的标签瑕疵除外）",
        "10× the price or 3× the loss, at least ¥1,000 (harmless labelling flaws excluded)",
        "食品安全法（2021）第148条",
        "Food Safety Law (2021) Art. 148",
    )
