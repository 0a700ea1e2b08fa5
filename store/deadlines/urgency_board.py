"""Case urgency for the whole list, recomputed only for cases that changed.

Ranking 10,000 cases from scratch takes a few hundred milliseconds; after a save only one case
changed (the store keeps the same Case object for every record that did not). Urgency also
depends on the clock (a promise becomes overdue), so everything is recomputed when the minute
changes.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter

from store.calendar.workdays import WorkCalendar
from store.deadlines.case_deadlines import Urgency, case_urgency, urgency_key
from store.records.models import Case


class UrgencyBoard:
    """Ranks cases by urgency, counting days on ``calendar``."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self._minute: dt.datetime | None = None
        self._cache: dict[int, tuple[Case, Urgency, tuple[object, ...]]] = {}  # with its sort key

    def rank(self, cases: list[Case], now: dt.datetime) -> list[tuple[Case, Urgency]]:
        """Cases with their urgency, most urgent first."""
        minute = now.replace(second=0, microsecond=0)
        if minute != self._minute:
            self._cache.clear()
            self._minute = minute
        entries = []
        for case in cases:
            cached = self._cache.get(case.id)
            # The very same object: the store hands out a new one for any change to a record,
            # including a hand edit that left the revision as it was.
            if cached is None or cached[0] is not case:
                urgency = case_urgency(case, now, self.calendar)
                cached = (case, urgency, urgency_key(case, urgency))
                self._cache[case.id] = cached
            entries.append(cached)
        entries.sort(key=itemgetter(2))
        return [(case, urgency) for case, urgency, _ in entries]
