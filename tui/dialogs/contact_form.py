"""Add or edit a contact on the timeline; the deadline is shown resolved as you type."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.widgets import Input

from store.calendar.workdays import WorkCalendar
from store.errors import InvalidInput
from store.records.case_input import contact_fields_from_form
from store.records.date_checks import DateWarning, contact_date_warnings
from store.records.date_input import MAX_DATE_CHARS, format_datetime, parse_datetime
from store.records.deadline_input import FORMS_HELP, MAX_DEADLINE_CHARS, parse_deadline
from store.records.models import Contact, Direction, PromiseState
from store.rules.messages import Messages
from store.rules.rulebook import ladder
from tui.dialogs.form import FormField, FormScreen, input_field, select_field, text_field


@dataclass(frozen=True)
class ContactFormResult:
    fields: dict[str, Any]
    expected_revision: int


class ContactForm(FormScreen[ContactFormResult]):
    def __init__(
        self,
        msgs: Messages,
        now: dt.datetime,
        calendar: WorkCalendar,
        case_revision: int,
        contact: Contact | None = None,
        preset: dict[str, str] | None = None,
    ) -> None:
        title = msgs("form.edit_contact") if contact else msgs("form.follow_up") if preset else msgs("form.new_contact")
        super().__init__(msgs, title)
        self.now = now
        self.calendar = calendar  # a relative deadline ("3个工作日") is counted on it
        self.contact = contact
        self.case_revision = case_revision
        self.preset = preset or {}

    def fields(self) -> list[FormField]:
        m, c = self.msgs, self.contact
        channels = [(step.channel.value, m.enum("channel", step.channel)) for step in ladder()]
        items = [
            input_field(
                "at",
                m("field.at") + " *",
                format_datetime(c.at if c else self.now),
                "2026-11-20 10:30",
                max_length=MAX_DATE_CHARS,
            ),
            select_field(
                "channel", m("field.channel"), channels, c.channel.value if c else self.preset.get("channel", "hotline")
            ),
            select_field(
                "direction",
                m("field.direction"),
                [(d.value, m.enum("direction", d)) for d in Direction],
                (c.direction if c else Direction.OUTGOING).value,
            ),
            input_field("agent_id", m("field.agent_id"), c.agent_id if c else "", hint=m("form.agent_hint")),
            input_field("reference_no", m("field.reference_no"), c.reference_no if c else ""),
            text_field("summary", m("field.summary"), c.summary if c else "", self._advice_hint()),
            input_field(
                "promise", m("field.promise"), c.promise if c else "", m("form.promise_placeholder"), max_length=2000
            ),
            input_field(
                "deadline",
                m("field.deadline"),
                format_datetime(c.deadline) if c and c.deadline else "",
                "3个工作日 / 48h / 11-30 18:00",
                m("form.deadline_hint", forms=FORMS_HELP),
                max_length=MAX_DEADLINE_CHARS,
            ),
        ]
        if c is not None and c.promise_state is not PromiseState.NONE:
            items.append(
                select_field(
                    "promise_state",
                    m("field.promise_state"),
                    [(s.value, m(f"promise.{s.value}")) for s in PromiseState if s is not PromiseState.NONE],
                    c.promise_state.value,
                )
            )
        return items

    def _advice_hint(self) -> str:
        """The next step's advice, shown under 'what was said' as a hint: it is the app's suggestion,
        not what was said, so it is never put in the field (saved unchanged it became a 'fact')."""
        advice = self.preset.get("advice", "")
        return self.msgs("form.advice_hint", advice=" ".join(advice.split())) if advice else ""

    @on(Input.Changed, "#input-deadline")
    @on(Input.Changed, "#input-at")
    def _preview_deadline(self) -> None:
        """Show the deadline as a date before saving (or say which forms work)."""
        field = self.field("deadline")
        text = field.value()
        try:
            at = parse_datetime(self.field("at").value(), "at", now=self.now)
        except InvalidInput as problem:
            field.show_hint(
                problem.text(self.msgs) if text.strip() else self.msgs("form.deadline_hint", forms=FORMS_HELP)
            )
            return
        field.show_hint(deadline_hint(self.msgs, text, at, self.calendar))

    def build_result(self, values: dict[str, Any]) -> ContactFormResult:
        fields, _ = contact_fields_from_form(values, self.now, self.calendar)
        return ContactFormResult(fields, self.case_revision)

    def date_warnings(self, result: ContactFormResult) -> list[DateWarning]:
        return contact_date_warnings(result.fields, self.now)


def deadline_hint(msgs: Messages, text: str, at: dt.datetime, calendar: WorkCalendar) -> str:
    """A deadline typed relative to ``at``, as the date it resolves to ("→ 2026-12-03 23:59:59");
    or what is wrong with it; or, while empty, the forms that work."""
    try:
        resolved = parse_deadline(text, at, calendar)
    except InvalidInput as problem:
        return problem.text(msgs)
    if resolved is None:
        return msgs("form.deadline_hint", forms=FORMS_HELP)
    hint = "→ " + resolved.canonical
    if resolved.reason is not None:
        hint += f"  ({msgs('clocks.estimated')}: {msgs(resolved.reason)})"
    return hint
