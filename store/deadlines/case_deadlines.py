"""The promise ledger and every deadline a case has running, and the case list's urgency order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from operator import attrgetter

import msgspec

from store.calendar.workdays import WorkCalendar
from store.deadlines.list_urgency import FAR_FUTURE_US, WEEK, micros_since_epoch, rank_key, tally
from store.deadlines.statutory_clocks import StatutoryClock, case_clocks
from store.records.models import Case, Contact, PromiseState

DUE_SOON = dt.timedelta(hours=48)
_WHEN = attrgetter("when")


class PromiseStatus(StrEnum):
    NONE = "none"
    PENDING = "pending"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    OVERDUE_ESTIMATED = "overdue_estimated"  # past a deadline computed on an estimated calendar
    KEPT = "kept"
    BROKEN = "broken"


def promise_status(contact: Contact, now: dt.datetime) -> PromiseStatus:
    state = contact.promise_state
    if state is PromiseState.NONE:
        return PromiseStatus.NONE
    if state is PromiseState.KEPT:
        return PromiseStatus.KEPT
    if state is PromiseState.BROKEN:
        return PromiseStatus.BROKEN
    if contact.deadline is None:
        return PromiseStatus.PENDING
    if now > contact.deadline:
        return PromiseStatus.OVERDUE_ESTIMATED if contact.deadline_estimated else PromiseStatus.OVERDUE
    if contact.deadline - now <= DUE_SOON:
        return PromiseStatus.DUE_SOON
    return PromiseStatus.PENDING


class Deadline(msgspec.Struct, frozen=True, gc=False):  # a Struct: built in C, tens of thousands at 10,000 cases
    """One thing with a date on it: a promise or a statutory clock.

    ``overdue`` means its end has passed. When that end is an estimate (a year whose holidays are
    not announced), the other side may in fact have longer: such a deadline is never called
    overdue without saying it is estimated (``certainly_overdue`` is False).
    """

    case_id: int
    when: dt.datetime
    overdue: bool
    contact: Contact | None = None
    clock: StatutoryClock | None = None

    @property
    def estimated(self) -> bool:
        if self.clock is not None:
            return self.clock.estimated
        return bool(self.contact and self.contact.deadline_estimated)

    @property
    def verified(self) -> bool:
        return self.clock is None or self.clock.verified

    @property
    def certainly_overdue(self) -> bool:
        return self.overdue and not self.estimated


def clock_is_done(case: Case, clock: StatutoryClock) -> bool:
    """The clock has done its job (e.g. the complaint was accepted): not a deadline any more."""
    done_when = clock.rule.done_when
    return done_when is not None and getattr(case, done_when) is not None


def is_own_window(clock: StatutoryClock) -> bool:
    """A window of the consumer's own: once it has ended it is history, not a task."""
    return clock.rule.party == "consumer"


def clock_is_live(case: Case, clock: StatutoryClock, now: dt.datetime) -> bool:
    """Is this clock still something to act on?"""
    if clock_is_done(case, clock):
        return False
    if is_own_window(clock):
        return not clock.is_over(now)
    return True


ClocksOf = Callable[[Case], list[StatutoryClock]]  # a case's clocks, where they were counted before


def case_deadlines(
    case: Case, now: dt.datetime, calendar: WorkCalendar, clocks_of: ClocksOf | None = None
) -> list[Deadline]:
    """Open deadlines of an active case: pending promises and live statutory clocks, soonest first."""
    if not case.status.is_active or case.deleted_at is not None:
        return []
    found = [
        Deadline(case.id, c.deadline, now > c.deadline, contact=c)
        for c in case.contacts
        if c.promise_state is PromiseState.PENDING and c.deadline is not None
    ]
    for clock in case_clocks(case, calendar) if clocks_of is None else clocks_of(case):
        if clock_is_live(case, clock, now):
            # An unverified clock is shown, but never flagged as overdue as if it were certain.
            found.append(Deadline(case.id, clock.ends, clock.verified and clock.is_over(now), clock=clock))
    found.sort(key=_WHEN)
    return found


@dataclass(frozen=True)
class Urgency:
    overdue: int  # certainly overdue
    broken: int
    next_deadline: Deadline | None  # the first not yet overdue
    upcoming_week: int = 0  # deadlines not yet passed that end within 7 days
    overdue_estimated: int = 0  # past an estimated end: perhaps overdue, perhaps not yet
    first_open: Deadline | None = None  # the earliest still open, overdue or not

    @property
    def needs_attention(self) -> bool:
        return self.overdue > 0 or self.broken > 0


def case_urgency(case: Case, now: dt.datetime, calendar: WorkCalendar) -> Urgency:
    deadlines = case_deadlines(case, now, calendar)
    counts = tally([(d.when, d.overdue, d.estimated) for d in deadlines], now + WEEK)
    return Urgency(
        counts.overdue,
        broken_promises(case),
        deadlines[counts.next_index] if counts.next_index is not None else None,
        counts.upcoming_week,
        counts.overdue_estimated,
        deadlines[counts.first_index] if counts.first_index is not None else None,
    )


def broken_promises(case: Case) -> int:
    """Broken promises that still count: those of a case not yet finished."""
    return sum(c.promise_state is PromiseState.BROKEN for c in case.contacts) if case.status.is_active else 0


def urgency_key(case: Case, urgency: Urgency) -> tuple[object, ...]:
    """The case list's order (list_urgency.rank_key)."""
    nearest = micros_since_epoch(urgency.next_deadline.when) if urgency.next_deadline else FAR_FUTURE_US
    return rank_key(
        case.status.is_active,
        urgency.overdue,
        urgency.overdue_estimated,
        urgency.broken,
        nearest,
        micros_since_epoch(case.updated),
        case.id,
    )


def by_urgency(cases: list[Case], now: dt.datetime, calendar: WorkCalendar) -> list[tuple[Case, Urgency]]:
    ranked = [(case, case_urgency(case, now, calendar)) for case in cases]
    ranked.sort(key=lambda pair: urgency_key(*pair))
    return ranked
