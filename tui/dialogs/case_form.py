"""Create or edit a case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from store.records.case_input import case_fields_from_form, format_references
from store.records.date_input import MAX_DATE_CHARS
from store.records.models import Case, Category, Demand, LegalBasis, Status
from store.records.money import MAX_AMOUNT_CHARS, format_yuan
from store.rules.messages import Messages
from tui.dialogs.form import FormField, FormScreen, input_field, select_field, text_field


@dataclass(frozen=True)
class CaseFormResult:
    fields: dict[str, Any]
    expected_revision: int | None  # None for a new case


def _yuan(fen: int | None) -> str:
    return format_yuan(fen, symbol="").replace(",", "") if fen is not None else ""


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class CaseForm(FormScreen[CaseFormResult]):
    def __init__(self, msgs: Messages, today: dt.date, case: Case | None = None) -> None:
        super().__init__(msgs, msgs("form.edit_case", id=case.id) if case else msgs("form.new_case"))
        self.case = case
        self.today = today

    def fields(self) -> list[FormField]:
        m, c = self.msgs, self.case
        date_hint = m("form.date_hint")
        return [
            input_field("title", m("field.title") + " *", c.title if c else "", m("form.title_placeholder")),
            input_field("platform", m("field.platform_only"), c.platform if c else m("form.default_platform")),
            input_field("shop", m("field.shop"), c.shop if c else ""),
            input_field("order_no", m("field.order_no"), c.order_no if c else ""),
            input_field("product", m("field.product"), c.product if c else ""),
            input_field(
                "amount_paid",
                m("field.amount_paid"),
                _yuan(c.amount_paid_fen) if c else "",
                "299.00",
                max_length=MAX_AMOUNT_CHARS,
            ),
            input_field(
                "order_date",
                m("field.order_date"),
                _day(c.order_date) if c else "",
                "2026-11-20",
                date_hint,
                max_length=MAX_DATE_CHARS,
            ),
            input_field(
                "delivery_date",
                m("field.delivery_date"),
                _day(c.delivery_date) if c else "",
                "2026-11-22",
                m("form.delivery_hint"),
                max_length=MAX_DATE_CHARS,
            ),
            select_field(
                "category",
                m("field.category"),
                [(x.value, m.enum("category", x)) for x in Category],
                (c.category if c else Category.QUALITY).value,
            ),
            select_field(
                "demand",
                m("field.demand"),
                [(x.value, m.enum("demand", x)) for x in Demand],
                (c.demand if c else Demand.RETURN_REFUND).value,
            ),
            input_field(
                "compensation",
                m("field.compensation"),
                _yuan(c.compensation_fen) if c else "",
                max_length=MAX_AMOUNT_CHARS,
            ),
            select_field(
                "legal_basis",
                m("field.legal_basis"),
                [(x.value, m.enum("basis", x)) for x in LegalBasis],
                (c.legal_basis if c else LegalBasis.NONE).value,
            ),
            input_field("demand_detail", m("field.demand_detail"), c.demand_detail if c else ""),
            input_field(
                "respondent_name",
                m("field.respondent_name"),
                c.respondent_name if c else "",
                hint=m("form.respondent_hint"),
            ),
            input_field(
                "respondent_credit_code",
                m("field.credit_code"),
                c.respondent_credit_code if c else "",
                "91310000XXXXXXXXXX",
            ),
            select_field(
                "status",
                m("field.status"),
                [(x.value, m.enum("status", x)) for x in Status],
                (c.status if c else Status.OPEN).value,
            ),
            input_field("outcome", m("field.outcome"), c.outcome if c else ""),
            input_field(
                "recovered", m("field.recovered"), _yuan(c.recovered_fen) if c else "", max_length=MAX_AMOUNT_CHARS
            ),
            input_field(
                "return_received_date",
                m("field.return_received_date"),
                _day(c.return_received_date) if c else "",
                hint=m("form.return_received_hint"),
                max_length=MAX_DATE_CHARS,
            ),
            input_field(
                "complaint_accepted_date",
                m("field.complaint_accepted_date"),
                _day(c.complaint_accepted_date) if c else "",
                hint=m("form.accepted_hint"),
                max_length=MAX_DATE_CHARS,
            ),
            text_field(
                "references", m("field.references"), format_references(c) if c else "", m("form.references_hint")
            ),
            input_field(
                "tags", m("field.tags"), "，".join(c.tags) if c else "", hint=m("form.tags_hint"), max_length=2000
            ),
            text_field("notes", m("field.notes"), c.notes if c else ""),
        ]

    def build_result(self, values: dict[str, Any]) -> CaseFormResult:
        fields = case_fields_from_form(values, self.today)
        return CaseFormResult(fields, self.case.revision if self.case else None)
