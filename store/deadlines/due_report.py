"""What is due across all cases, as data for `weiquan due`, the due dashboard and the iCalendar file;
and the promises that were broken in cases not yet resolved, which need attention as much."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter

import msgspec

from store.calendar.workdays import WorkCalendar
from store.deadlines.case_deadlines import ClocksOf, Deadline, case_deadlines, clock_is_live
from store.deadlines.statutory_clocks import StatutoryClock, case_clocks
from store.records.models import Case, Channel, Contact, PromiseState
from store.rules.messages import Messages, Msg
from store.rules.rulebook import Rule

_WHEN = attrgetter("when")


class DueItem(msgspec.Struct, frozen=True, gc=False):
    """One line of what is due. A Struct (built in C, never in a cycle: not tracked by the
    collector) whose text is shared with the case and the catalog, not copied: 10,000 cases make
    tens of thousands of these, held while they are listed."""

    case_id: int
    case_title: str
    when: dt.datetime
    overdue: bool
    kind: str  # "promise", "statutory", or "broken" (a promise not kept, its case still open)
    label: str  # the promise text, or the rule's name
    where: str  # the channel, or the citation
    verified: bool
    estimated: bool
    estimate_reason: str
    origin: int | str = ""  # the contact's id, or the rule's id
    revision: int = 0  # the case's revision: grows with every change to it
    modified: dt.datetime = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # the case's last change
    cancelled: bool = False  # no longer applies (see withdrawn_items)
    agent_label: str = ""  # "Agent ID", when the contact gave one
    agent_id: str = ""

    @property
    def detail(self) -> str:
        """The channel and the agent ID, or the citation."""
        return f"{self.where} · {self.agent_label} {self.agent_id}" if self.agent_id else self.where

    @property
    def source(self) -> str:
        """A stable id within the case: "contact-7-promise" or "rule-no_reason_return"."""
        return f"contact-{self.origin}-{self.kind}" if isinstance(self.origin, int) else f"rule-{self.origin}"

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


class Words:
    """The words of due items in one language, each looked up once: at 10,000 cases a listing
    says the same channel names, rule names and citations tens of thousands of times."""

    def __init__(self, msgs: Messages) -> None:
        self.msgs = msgs
        self._channels: dict[Channel, str] = {}
        self._agent_label: str | None = None
        self._rules: dict[str, tuple[str, str]] = {}
        self._reasons: dict[object, str] = {}

    def channel(self, contact: Contact) -> str:
        label = self._channels.get(contact.channel)
        if label is None:
            label = self._channels[contact.channel] = self.msgs.enum("channel", contact.channel)
        return label

    def agent_label(self) -> str:
        if self._agent_label is None:
            self._agent_label = self.msgs("field.agent_id")
        return self._agent_label

    def rule(self, rule: Rule) -> tuple[str, str]:
        """The rule's name and citation."""
        words = self._rules.get(rule.id)
        if words is None:
            words = self._rules[rule.id] = (rule.name(self.msgs.lang), rule.citation(self.msgs.lang))
        return words

    def reasons(self, reasons: tuple[Msg, ...]) -> str:
        """Why a clock's end is an estimate, in one sentence or more."""
        if not reasons:
            return ""
        key = tuple((r.key, tuple(r.params.items())) for r in reasons)
        try:
            said = self._reasons.get(key)
        except TypeError:  # a parameter that cannot be a key: said each time
            return " ".join(self.msgs(r) for r in reasons)
        if said is None:
            said = self._reasons[key] = " ".join(self.msgs(r) for r in reasons)
        return said


def describe(deadline: Deadline, case: Case, words: Words) -> DueItem:
    if deadline.contact is not None:
        return _promise_item(case, deadline.contact, deadline.when, deadline.overdue, "promise", words)
    clock = deadline.clock
    assert clock is not None
    name, citation = words.rule(clock.rule)
    return DueItem(
        case.id,
        case.title,
        deadline.when,
        deadline.overdue,
        "statutory",
        name,
        citation,
        clock.verified,
        clock.estimated,
        words.reasons(clock.reasons),
        clock.rule.id,
        case.revision,
        case.updated,
    )


def _promise_item(case: Case, contact: Contact, when: dt.datetime, overdue: bool, kind: str, words: Words) -> DueItem:
    agent = contact.agent_id
    return DueItem(
        case.id,
        case.title,
        when,
        overdue,
        kind,
        contact.promise or "—",
        words.channel(contact),
        True,
        contact.deadline_estimated,
        "",
        contact.id,
        case.revision,
        case.updated,
        agent_label=words.agent_label() if agent else "",
        agent_id=agent,
    )


def broken_promises(cases: list[Case], msgs: Messages) -> list[DueItem]:
    """Promises marked broken in active cases (a follow-up or the next step is due), by date."""
    words = Words(msgs)
    found = [
        _promise_item(case, contact, contact.deadline or contact.at, False, "broken", words)
        for case in cases
        if case.status.is_active and case.deleted_at is None
        for contact in case.contacts
        if contact.promise_state is PromiseState.BROKEN
    ]
    return sorted(found, key=_by_date)


def _by_date(item: DueItem) -> tuple[dt.datetime, int]:
    return item.when, item.case_id


class _ClocksOnce:
    """Each case's clocks, counted the first time they are asked for (the calendar file asks for
    the clocks of every case twice: what is coming up, and what was withdrawn)."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self._calendar = calendar
        self._found: dict[int, list[StatutoryClock]] = {}

    def __call__(self, case: Case) -> list[StatutoryClock]:
        clocks = self._found.get(case.id)
        if clocks is None:
            clocks = self._found[case.id] = case_clocks(case, self._calendar)
        return clocks


def due_items(
    cases: list[Case], now: dt.datetime, within_days: int, msgs: Messages, *, calendar: WorkCalendar
) -> list[DueItem]:
    return _due_items(cases, now, within_days, Words(msgs), calendar, None)


def _due_items(
    cases: list[Case],
    now: dt.datetime,
    within_days: int,
    words: Words,
    calendar: WorkCalendar,
    clocks: ClocksOf | None,
) -> list[DueItem]:
    """Overdue deadlines, then those ending within ``within_days``, each part soonest first. Each
    case's deadlines are described as they are found, never all held at once with their items."""
    horizon = now + dt.timedelta(days=within_days)
    overdue, coming = [], []
    for case in cases:
        for deadline in case_deadlines(case, now, calendar, clocks):
            if deadline.overdue:
                overdue.append(describe(deadline, case, words))
            elif deadline.when <= horizon:
                coming.append(describe(deadline, case, words))
    overdue.sort(key=_WHEN)  # stable: deadlines at the same time stay in the order found
    coming.sort(key=_WHEN)
    return overdue + coming


def withdrawn_items(
    cases: list[Case], now: dt.datetime, within_days: int, msgs: Messages, *, calendar: WorkCalendar
) -> list[DueItem]:
    """Deadlines not yet passed that an earlier calendar may hold but that no longer apply: a
    promise kept or broken, a clock whose job is done, every deadline of a case resolved, closed
    or deleted. A calendar file lists them as cancelled under the same UIDs, so a calendar that
    imported them drops them instead of keeping a stale reminder."""
    return _withdrawn_items(cases, now, within_days, Words(msgs), _ClocksOnce(calendar))


def _withdrawn_items(
    cases: list[Case], now: dt.datetime, within_days: int, words: Words, clocks: _ClocksOnce
) -> list[DueItem]:
    horizon = now + dt.timedelta(days=within_days)
    found = []
    for case in cases:
        finished = not case.status.is_active or case.deleted_at is not None
        for contact in case.contacts:
            when = contact.deadline
            settled = finished or contact.promise_state is not PromiseState.PENDING
            if when is not None and now <= when <= horizon and settled:
                found.append(_promise_item(case, contact, when, False, "promise", words))
        for clock in clocks(case):
            if now <= clock.ends <= horizon and (finished or not clock_is_live(case, clock, now)):
                found.append(describe(Deadline(case.id, clock.ends, False, clock=clock), case, words))
    cancelled = (msgspec.structs.replace(item, cancelled=True) for item in found)
    return sorted(cancelled, key=_by_date)


def calendar_items(
    cases: list[Case], now: dt.datetime, within_days: int, msgs: Messages, *, calendar: WorkCalendar
) -> tuple[list[DueItem], list[DueItem]]:
    """What a deadlines calendar holds: the deadlines coming up, and those withdrawn since (pass
    the deleted cases too, so that their deadlines are withdrawn). Each case's clocks are counted once."""
    words, clocks = Words(msgs), _ClocksOnce(calendar)
    upcoming = [item for item in _due_items(cases, now, within_days, words, calendar, clocks) if not item.overdue]
    return upcoming, _withdrawn_items(cases, now, within_days, words, clocks)
