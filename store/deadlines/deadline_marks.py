"""A case's open deadlines as marks for the case index: each one's end and how to read it, none of
it depending on the moment it is read (list_urgency reads them at any moment)."""

from __future__ import annotations

import datetime as dt

from store.calendar.workdays import WorkCalendar
from store.deadlines.case_deadlines import clock_is_done, is_own_window
from store.deadlines.list_urgency import ESTIMATED, OWN_WINDOW, PROMISE, VERIFIED, micros_since_epoch
from store.deadlines.statutory_clocks import case_clocks
from store.records.models import Case, PromiseState

Mark = tuple[int, int, int]  # end in microseconds since the epoch, its UTC offset in seconds, flags


def case_marks(case: Case, calendar: WorkCalendar) -> list[Mark]:
    """The deadlines case_deadlines would find at any moment, in the same order: pending promises
    with an end, then every clock that has not done its job (a window of one's own included: it is
    dropped once it has ended, when read)."""
    if not case.status.is_active or case.deleted_at is not None:
        return []
    marks = [
        _mark(contact.deadline, PROMISE | (ESTIMATED if contact.deadline_estimated else 0))
        for contact in case.contacts
        if contact.promise_state is PromiseState.PENDING and contact.deadline is not None
    ]
    for clock in case_clocks(case, calendar):
        if not clock_is_done(case, clock):
            flags = (ESTIMATED if clock.estimated else 0) | (VERIFIED if clock.verified else 0)
            marks.append(_mark(clock.ends, flags | (OWN_WINDOW if is_own_window(clock) else 0)))
    return marks


def _mark(when: dt.datetime, flags: int) -> Mark:
    offset = when.utcoffset()
    return (micros_since_epoch(when), int(offset.total_seconds()) if offset is not None else 0, flags)
