"""The case list ranked from the case index alone (before the database is decoded), the same order
and the same counts as from the decoded cases (store.deadlines.case_deadlines)."""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import NamedTuple

from store.cases.indexed_cases import IndexedCase, RankedAt
from store.deadlines.list_urgency import local_day, micros_since_epoch, rank_key, unchanged_until, urgency_at


class ListedUrgency(NamedTuple):
    """What the case list shows of a case's urgency: the counts, and the day of the earliest open
    deadline."""

    overdue: int
    broken: int
    upcoming_week: int
    overdue_estimated: int
    first_open: dt.date | None


def rank_indexed(cases: list[IndexedCase], now: dt.datetime) -> list[tuple[IndexedCase, ListedUrgency]]:
    """Cases not in the trash with their urgency at ``now``, most urgent first (ValueError for a
    damaged entry: its marks are read only here)."""
    ranked = []
    now_us = micros_since_epoch(now)
    for case in cases:
        if case.in_trash:
            continue
        held = case.ranked
        at = held.counts if held.at <= now_us < held.until else urgency_at(case.deadline_marks(), now_us)
        first = local_day(at.first_us, at.first_offset) if at.first_us is not None else None
        urgency = ListedUrgency(at.overdue, case.broken, at.upcoming_week, at.overdue_estimated, first)
        key = rank_key(case.active, at.overdue, at.overdue_estimated, case.broken, at.next_us, case.updated_us, case.id)
        ranked.append((key, case, urgency))
    ranked.sort(key=itemgetter(0))
    return [(case, urgency) for _, case, urgency in ranked]


def ranked_at(marks: tuple[tuple[int, int, int], ...], now_us: int) -> RankedAt:
    """What an index entry keeps of its urgency, counted at ``now_us``."""
    return RankedAt(now_us, unchanged_until(marks, now_us), urgency_at(marks, now_us))
