"""What is due across all cases, as data for `weiquan due`, the due dashboard and the iCalendar file;
and the promises that were broken in cases not yet resolved, which need attention as much."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from store.calendar.workdays import WorkCalendar
from store.deadlines.case_deadlines import Deadline, clock_is_live, due_across
from store.deadlines.statutory_clocks import case_clocks
from store.records.models import Case, Contact, PromiseState
from store.rules.messages import Messages


@dataclass(frozen=True)
class DueItem:
    case_id: int
    case_title: str
    when: dt.datetime
    overdue: bool
    kind: str  # "promise", "statutory", or "broken" (a promise not kept, its case still open)
    label: str  # the promise text, or the rule's name
    detail: str  # channel and agent ID, or the citation
    verified: bool
    estimated: bool
    estimate_reason: str
    source: str = ""  # a stable id within the case: "contact-7-promise" or "rule-no_reason_return"
    revision: int = 0  # the case's revision: grows with every change to it
    modified: dt.datetime = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # the case's last change
    cancelled: bool = False  # no longer applies (see withdrawn_items)

    @property
    def certainly_overdue(self) -> bool:
        return self.overdue and not self.estimated

    def state_label(self, msgs: Messages) -> str:
        """Overdue, overdue by an estimate, or coming up: never a plain "overdue" for an estimate;
        or a promise broken."""
        if self.kind == "broken":
            return msgs("due.broken_tag")
        if not self.overdue:
            return msgs("due.upcoming_tag")
        return msgs("due.overdue_tag") if self.certainly_overdue else msgs("due.overdue_estimated_tag")

    def flag_labels(self, msgs: Messages) -> str:
        """The [unverified] and [estimated] marks that apply, for one-line listings."""
        flags = (("clocks.unverified", not self.verified), ("clocks.estimated", self.estimated))
        return "".join(f" [{msgs(key)}]" for key, on in flags if on)

    def to_json(self) -> dict[str, object]:
        return {
            "case_id": self.case_id,
            "case_title": self.case_title,
            "when": self.when.isoformat(),
            "overdue": self.overdue,
            "certainly_overdue": self.certainly_overdue,
            "kind": self.kind,
            "label": self.label,
            "detail": self.detail,
            "verified": self.verified,
            "estimated": self.estimated,
            "estimate_reason": self.estimate_reason or None,
        }


def describe(deadline: Deadline, case: Case, msgs: Messages) -> DueItem:
    if deadline.contact is not None:
        return _promise_item(case, deadline.contact, deadline.when, deadline.overdue, "promise", msgs)
    clock = deadline.clock
    assert clock is not None
    reason = " ".join(msgs(r) for r in clock.reasons)
    return DueItem(
        case.id,
        case.title,
        deadline.when,
        deadline.overdue,
        "statutory",
        clock.rule.name(msgs.lang),
        clock.rule.citation(msgs.lang),
        clock.verified,
        clock.estimated,
        reason,
        f"rule-{clock.rule.id}",
        case.revision,
        case.updated,
    )


def _promise_item(case: Case, contact: Contact, when: dt.datetime, overdue: bool, kind: str, msgs: Messages) -> DueItem:
    detail = msgs.enum("channel", contact.channel)
    if contact.agent_id:
        detail += f" · {msgs('field.agent_id')} {contact.agent_id}"
    return DueItem(
        case.id,
        case.title,
        when,
        overdue,
        kind,
        contact.promise or "—",
        detail,
        True,
        contact.deadline_estimated,
        "",
        f"contact-{contact.id}-{kind}",
        case.revision,
        case.updated,
    )


def broken_promises(cases: list[Case], msgs: Messages) -> list[DueItem]:
    """Promises marked broken in active cases (a follow-up or the next step is due), by date."""
    found = [
        _promise_item(case, contact, contact.deadline or contact.at, False, "broken", msgs)
        for case in cases
        if case.status.is_active and case.deleted_at is None
        for contact in case.contacts
        if contact.promise_state is PromiseState.BROKEN
    ]
    return sorted(found, key=lambda item: (item.when, item.case_id))


def due_items(
    cases: list[Case], now: dt.datetime, within_days: int, msgs: Messages, *, calendar: WorkCalendar
) -> list[DueItem]:
    by_id = {c.id: c for c in cases}
    within = dt.timedelta(days=within_days)
    return [describe(d, by_id[d.case_id], msgs) for d in due_across(cases, now, within, calendar)]


def withdrawn_items(
    cases: list[Case], now: dt.datetime, within_days: int, msgs: Messages, *, calendar: WorkCalendar
) -> list[DueItem]:
    """Deadlines not yet passed that an earlier calendar may hold but that no longer apply: a
    promise kept or broken, a clock whose job is done, every deadline of a case resolved, closed
    or deleted. A calendar file lists them as cancelled under the same UIDs, so a calendar that
    imported them drops them instead of keeping a stale reminder."""
    horizon = now + dt.timedelta(days=within_days)
    found = []
    for case in cases:
        finished = not case.status.is_active or case.deleted_at is not None
        for contact in case.contacts:
            when = contact.deadline
            settled = finished or contact.promise_state is not PromiseState.PENDING
            if when is not None and now <= when <= horizon and settled:
                found.append(_promise_item(case, contact, when, False, "promise", msgs))
        for clock in case_clocks(case, calendar):
            if now <= clock.ends <= horizon and (finished or not clock_is_live(case, clock, now)):
                found.append(describe(Deadline(case.id, clock.ends, False, clock=clock), case, msgs))
    return sorted((replace(item, cancelled=True) for item in found), key=lambda item: (item.when, item.case_id))


def calendar_items(
    cases: list[Case], now: dt.datetime, within_days: int, msgs: Messages, *, calendar: WorkCalendar
) -> tuple[list[DueItem], list[DueItem]]:
    """What a deadlines calendar holds: the deadlines coming up, and those withdrawn since (pass
    the deleted cases too, so that their deadlines are withdrawn)."""
    upcoming = [item for item in due_items(cases, now, within_days, msgs, calendar=calendar) if not item.overdue]
    return upcoming, withdrawn_items(cases, now, within_days, msgs, calendar=calendar)
