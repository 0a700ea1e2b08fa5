"""How urgent a case is at a given moment, from nothing but its open deadlines' ends: the counts the
case list and its status line show and the order it ranks cases in.

One computation for both ways the list is built: from decoded cases (case_deadlines) and, at
start-up, from the case index (each deadline kept there as a mark: its end and how to read it), so
the two cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import msgspec

WEEK = dt.timedelta(days=7)
WEEK_US = 7 * 24 * 3600 * 1_000_000
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
FAR_FUTURE_US = 2**62  # after every end: the sort key of a case with nothing coming up

# How a mark is read (bits of its flags).
PROMISE = 1  # a promise someone made (else a statutory clock)
ESTIMATED = 2  # its end was counted on a calendar not yet announced
VERIFIED = 4  # a clock whose rule is verified: only such a clock is ever called overdue
OWN_WINDOW = 8  # a window of the consumer's own: once ended it is history, not a deadline


@dataclass(frozen=True)
class Tally:
    """A case's deadlines at one moment: how many are overdue (certainly, or only by an estimate),
    how many end within a week, and which are next (indexes into the deadlines, soonest first)."""

    overdue: int
    overdue_estimated: int
    upcoming_week: int
    next_index: int | None  # the first not yet overdue
    first_index: int | None  # the earliest still open, overdue or not


def tally(ends: Sequence[tuple[Any, bool, bool] | tuple[Any, bool, bool, int]], horizon: Any) -> Tally:
    """``ends``: each open deadline as (end, overdue, estimated, …), soonest first; ``horizon``: a
    week from now (ends are datetimes, or microseconds since the epoch as marks keep them)."""
    overdue = estimated_only = week = 0
    next_index = None
    for index, end in enumerate(ends):
        if end[1]:
            if end[2]:
                estimated_only += 1
            else:
                overdue += 1
        else:
            if next_index is None:
                next_index = index
            week += end[0] <= horizon
    return Tally(overdue, estimated_only, week, next_index, 0 if ends else None)


def mark_ends(marks: Sequence[tuple[int, int, int]], now_us: int) -> list[tuple[int, bool, bool, int]]:
    """The open deadlines at ``now_us`` of a case kept as marks (end in microseconds since the
    epoch, its UTC offset in seconds, flags), as ``tally`` takes them (end, overdue, estimated,
    offset): a window of one's own that has ended is dropped, a clock is overdue only when verified."""
    found = []
    for micros, offset, flags in marks:
        over = now_us > micros
        if flags & PROMISE:
            found.append((micros, over, bool(flags & ESTIMATED), offset))
        elif not (flags & OWN_WINDOW and over):
            found.append((micros, bool(flags & VERIFIED) and over, bool(flags & ESTIMATED), offset))
    found.sort(key=itemgetter(0))
    return found


class MarksAt(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """A case's urgency at one moment, from its marks: the counts, the nearest end not yet passed
    (FAR_FUTURE_US: none) and the earliest open end with its UTC offset (first_us None: none).
    The case index keeps one per case (store.cases.indexed_cases.RankedAt)."""

    overdue: int
    overdue_estimated: int
    upcoming_week: int
    next_us: int
    first_us: int | None
    first_offset: int


def urgency_at(marks: Sequence[tuple[int, int, int]], now_us: int) -> MarksAt:
    ends = mark_ends(marks, now_us) if marks else []
    counts = tally(ends, now_us + WEEK_US)
    next_us = ends[counts.next_index][0] if counts.next_index is not None else FAR_FUTURE_US
    first_us, first_offset = (ends[0][0], ends[0][3]) if ends else (None, 0)
    return MarksAt(counts.overdue, counts.overdue_estimated, counts.upcoming_week, next_us, first_us, first_offset)


def unchanged_until(marks: Sequence[tuple[int, int, int]], now_us: int) -> int:
    """The first moment after ``now_us`` at which urgency_at answers otherwise: an end passes (one
    microsecond after it, as ``now > end`` says) or comes within a week."""
    later = [t for micros, _, _ in marks for t in (micros + 1, micros - WEEK_US) if t > now_us]
    return min(later, default=FAR_FUTURE_US)


def local_day(micros: int, offset: int) -> dt.date:
    """The calendar day a mark's end falls on where it was given (its own UTC offset)."""
    return _day(((micros // 1_000_000) + offset) // 86_400)


@functools.cache
def _day(days_since_epoch: int) -> dt.date:
    return _EPOCH_DAY + dt.timedelta(days=days_since_epoch)


_EPOCH_DAY = dt.date(1970, 1, 1)


def micros_since_epoch(when: dt.datetime) -> int:
    return (when - EPOCH) // dt.timedelta(microseconds=1)


def rank_key(
    active: bool, overdue: int, overdue_estimated: int, broken: int, nearest_us: int, updated_us: int, case_id: int
) -> tuple[bool, bool, bool, bool, int, int, int]:
    """The list's order: active before finished; overdue first (certain, then estimated); then a
    broken promise; then the nearest deadline; then the latest change; then the number."""
    return (not active, not overdue, not overdue_estimated, not broken, nearest_us, -updated_us, case_id)
