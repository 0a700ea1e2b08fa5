"""Turn what a user typed into case and contact fields, with messages that name the field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from store.calendar.china_time import CHINA_TZ
from store.calendar.workdays import WorkCalendar
from store.errors import InvalidInput
from store.records.credit_code import credit_code_problem
from store.records.date_input import DATETIME_FORMS, match_date, parse_date, parse_datetime
from store.records.deadline_input import ResolvedDeadline, parse_deadline
from store.records.models import Case, Contact, build
from store.records.money import parse_yuan
from store.rules.messages import Msg

_TAG_SPLIT = re.compile(r"[,，、;；]+")
_COLON = re.compile(r"[:：]")


def parse_references(text: str) -> list[dict[str, str]]:
    """One per line, ``label: value`` (a full-width colon works too)."""
    refs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label, sep, value = _split_reference(line)
        if not sep or not label.strip() or not value.strip():
            raise InvalidInput(Msg.of("input.reference_line", line=number), "references")
        refs.append({"label": label.strip(), "value": value.strip()})
    return refs


def _split_reference(line: str) -> tuple[str, str, str]:
    """(label, colon, value) at the first colon, half- or full-width; one pass over the line."""
    match = _COLON.search(line)
    if match is None:
        return line, "", ""
    return line[: match.start()], match[0], line[match.end() :]


def format_references(case: Case) -> str:
    return "\n".join(f"{r.label}: {r.value}" for r in case.references)


def parse_tags(text: str) -> list[str]:
    return [t.strip() for t in _TAG_SPLIT.split(text) if t.strip()]


def case_fields_from_form(values: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Typed case fields from form text; raises InvalidInput naming the field."""
    title = str(values.get("title", "")).strip()
    if not title:
        raise InvalidInput(Msg.of("input.title_needed"), "title")
    code = str(values.get("respondent_credit_code", "")).strip().upper()
    problem = credit_code_problem(code)
    if problem:
        raise InvalidInput(problem, "respondent_credit_code")
    fields: dict[str, Any] = {
        "title": title,
        "platform": values.get("platform", "").strip(),
        "shop": values.get("shop", "").strip(),
        "respondent_name": values.get("respondent_name", "").strip(),
        "respondent_credit_code": code,
        "respondent_address": _address(values),
        "order_no": values.get("order_no", "").strip(),
        "product": values.get("product", "").strip(),
        "amount_paid_fen": _money(values, "amount_paid"),
        "order_date": parse_date(values.get("order_date", ""), "order_date", today=today),
        **parse_sign_off(values.get("delivery_date", ""), today=today),
        "return_received_date": parse_date(values.get("return_received_date", ""), "return_received_date", today=today),
        "complaint_accepted_date": parse_date(
            values.get("complaint_accepted_date", ""), "complaint_accepted_date", today=today
        ),
        "category": values.get("category", "other"),
        "demand": values.get("demand", "return_refund"),
        "demand_detail": values.get("demand_detail", "").strip(),
        "compensation_fen": _money(values, "compensation"),
        "loss_fen": _money(values, "loss"),
        "deceived": bool(values.get("deceived", False)),
        "seller_knew": bool(values.get("seller_knew", False)),
        "sanbao_covered": bool(values.get("sanbao_covered", False)),
        "status": values.get("status", "open"),
        "outcome": values.get("outcome", "").strip(),
        "recovered_fen": _money(values, "recovered"),
        "references": parse_references(values.get("references", "")),
        "tags": parse_tags(values.get("tags", "")),
        "notes": values.get("notes", ""),
    }
    # Dates that look wrong (a sign-off before the order …) are warnings: store.records.date_checks.
    now = dt.datetime.combine(today, dt.time(), CHINA_TZ)
    build(Case, {**fields, "id": 1, "created": now, "updated": now})  # every remaining rule, same as the store
    return fields


def _address(values: dict[str, Any]) -> str:
    """The respondent's address on one line (it is pasted into a one-line box of the 12315 form);
    its length is checked with every other field's."""
    return " ".join(str(values.get("respondent_address", "")).split())


def parse_sign_off(text: str, *, today: dt.date) -> dict[str, Any]:
    """The courier's sign-off as ``delivery_date`` and, when given, ``delivery_time``."""
    raw = text.strip()
    if not raw:
        return {"delivery_date": None, "delivery_time": None}
    match = match_date(raw)
    if not match:
        raise InvalidInput(Msg.of("input.not_a_sign_off", text=raw, forms=DATETIME_FORMS), "delivery_date")
    if match["H"] is None:
        return {"delivery_date": parse_date(raw, "delivery_date", today=today), "delivery_time": None}
    moment = parse_datetime(raw, "delivery_date", now=dt.datetime.combine(today, dt.time(), CHINA_TZ))
    return {"delivery_date": moment.date(), "delivery_time": moment.time()}


def format_sign_off(case: Case) -> str:
    """The form text for a case's sign-off: the day, with the time when known."""
    if case.delivery_date is None:
        return ""
    if case.delivery_time is None:
        return case.delivery_date.isoformat()
    return f"{case.delivery_date.isoformat()} {case.delivery_time:%H:%M}"


def _money(values: dict[str, Any], name: str) -> int | None:
    try:
        return parse_yuan(str(values.get(name, "")))
    except InvalidInput as problem:
        raise InvalidInput(problem.msg, name) from None


def contact_fields_from_form(
    values: dict[str, Any], now: dt.datetime, calendar: WorkCalendar
) -> tuple[dict[str, Any], ResolvedDeadline | None]:
    """Typed contact fields (and the resolved deadline, for display) from form text; a relative
    deadline ("3个工作日") is counted on ``calendar``."""
    at = parse_datetime(values.get("at", ""), "at", now=now)  # a future time: a warning (date_checks)
    resolved = parse_deadline(values.get("deadline", ""), at, calendar)
    fields: dict[str, Any] = {
        "at": at,
        "channel": values.get("channel", "other"),
        "direction": values.get("direction", "outgoing"),
        "agent_id": values.get("agent_id", "").strip(),
        "reference_no": values.get("reference_no", "").strip(),
        "summary": values.get("summary", ""),
        "promise": values.get("promise", "").strip(),
        "deadline": resolved.when if resolved else None,
        "deadline_estimated": bool(resolved and resolved.estimated),
    }
    if "promise_state" in values:
        fields["promise_state"] = values["promise_state"]
    if resolved and resolved.when < at:
        raise InvalidInput(Msg.of("input.deadline_before_contact"), "deadline")
    build(Contact, {**fields, "id": 1})
    return fields, resolved
