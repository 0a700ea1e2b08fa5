"""Create or edit a case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.widgets import Input

from store.records.case_input import case_fields_from_form, format_references, format_sign_off
from store.records.date_checks import DateWarning, case_date_warnings
from store.records.date_input import MAX_DATE_CHARS
from store.records.models import Case, Category, Demand, Status
from store.records.money import MAX_AMOUNT_CHARS, format_yuan
from store.rules.messages import Messages, Msg
from tui.dialogs.form import FormField, FormScreen, checkbox_field, input_field, select_field, text_field


@dataclass(frozen=True)
class CaseFormResult:
    fields: dict[str, Any]
    expected_revision: int | None  # None for a new case


def _yuan(fen: int | None) -> str:
    return format_yuan(fen, symbol="").replace(",", "") if fen is not None else ""


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


# what the pasted order text can fill: the form field, and the catalog key of its label
PASTE_TARGETS = {
    "platform": "field.platform_only",
    "shop": "field.shop",
    "order_no": "field.order_no",
    "product": "field.product",
    "amount_paid": "field.amount_paid",
    "order_date": "field.order_date",
    "delivery_date": "field.delivery_date",
}


class CaseForm(FormScreen[CaseFormResult]):
    BINDINGS = [*FormScreen.BINDINGS, Binding("ctrl+o", "paste_order", "key.paste_order")]

    def __init__(self, msgs: Messages, today: dt.date, case: Case | None = None) -> None:
        super().__init__(msgs, msgs("form.edit_case", id=case.id) if case else msgs("form.new_case"))
        self.case = case
        self.today = today

    def fields(self) -> list[FormField]:
        m, c = self.msgs, self.case
        date_hint = m("form.date_hint")
        return [
            input_field(
                "title", m("field.title") + " *", c.title if c else "", m("form.title_placeholder"), m("form.paste_tip")
            ),
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
                format_sign_off(c) if c else "",
                "2026-11-22 18:30",
                m("form.delivery_hint"),
                max_length=MAX_DATE_CHARS,
            ),
            checkbox_field(
                "sanbao_covered",
                m("field.sanbao_covered"),
                m("form.yes"),
                c.sanbao_covered if c else False,
                m("form.sanbao_hint"),
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
            checkbox_field("deceived", m("field.deceived"), m("form.yes"), c.deceived if c else False),
            checkbox_field(
                "seller_knew",
                m("field.seller_knew"),
                m("form.yes"),
                c.seller_knew if c else False,
                m("form.facts_hint"),
            ),
            input_field(
                "loss",
                m("field.loss"),
                _yuan(c.loss_fen) if c else "",
                hint=m("form.loss_hint"),
                max_length=MAX_AMOUNT_CHARS,
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
            input_field(
                "respondent_address",
                m("field.respondent_address"),
                c.respondent_address if c else "",
                m("form.respondent_address_placeholder"),
                m("form.respondent_address_hint"),
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

    def action_paste_order(self) -> None:
        from tui.dialogs.paste_order import PasteOrderDialog

        self.app.push_screen(PasteOrderDialog(self.msgs), self.fill_from_order_text)

    def fill_from_order_text(self, text: str | None) -> None:
        """Put what the pasted text names into the form, say which fields, leave the rest alone."""
        if not text or not text.strip():
            return
        from store.records.order_text import parse_order_text

        m = self.msgs
        found = parse_order_text(text, self.today)
        filled = [name for name in PASTE_TARGETS if name in found.fields]
        for name in filled:
            field = self.field(name)
            if isinstance(field.widget, Input):  # every paste target is a text field
                field.widget.value = found.fields[name]
            field.show_hint(m("paste.from_label", label=found.labels[name]))
        if not filled:
            self.notify(m("paste.nothing"), severity="warning")
            return
        self.notify(m("paste.filled", fields=tuple(Msg.of(PASTE_TARGETS[name]) for name in filled)), timeout=8)
        self.field(filled[0]).widget.focus()

    def build_result(self, values: dict[str, Any]) -> CaseFormResult:
        fields = case_fields_from_form(values, self.today)
        return CaseFormResult(fields, self.case.revision if self.case else None)

    def date_warnings(self, result: CaseFormResult) -> list[DateWarning]:
        return case_date_warnings(result.fields, self.today)
