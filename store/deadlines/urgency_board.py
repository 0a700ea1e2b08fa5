"""Case urgency for the whole list, recomputed only for cases that changed.

Ranking 10,000 cases from scratch takes a few hundred milliseconds; after a save only one case
changed (the store keeps the same Case object for every record that did not). Urgency also
depends on the clock (a promise becomes overdue), so everything is recomputed when the minute
changes; an urgency that came out as it was keeps its old object, so what was drawn from it (the
case list's rows) is known to be unchanged without comparing it again.

Sorting 10,000 cases in the order the store holds them took about 7 ms; they are laid out in the
order of the last ranking first, which a change of a few cases hardly disturbs, and sorted from
there (about 1 ms). The very same cases ranked again within a second get the last ranking back:
the app ranks another session's change in a worker thread, then on its UI thread, where a
minute turning in between would otherwise mean counting every deadline again there.
"""

from __future__ import annotations

import datetime as dt
from operator import is_, itemgetter

from store.calendar.workdays import WorkCalendar
from store.deadlines.case_deadlines import Urgency, case_urgency, urgency_key
from store.records.models import Case

_Entry = tuple[Case, Urgency, tuple[object, ...], tuple[Case, Urgency]]  # with its sort key, and as ranked
REUSED_FOR = dt.timedelta(seconds=1)


class UrgencyBoard:
    """Ranks cases by urgency, counting days on ``calendar``."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self._minute: dt.datetime | None = None
        self._cache: dict[int, _Entry] = {}
        self._previous: dict[int, _Entry] = {}  # the last minute's, while this minute's are counted
        self._order: list[_Entry] = []  # the last ranking
        self._last: tuple[list[Case], dt.datetime, list[tuple[Case, Urgency]]] | None = None

    def rank(self, cases: list[Case], now: dt.datetime) -> list[tuple[Case, Urgency]]:
        """Cases with their urgency, most urgent first."""
        last = self._last
        if last is not None and _same(last[0], cases) and dt.timedelta(0) <= now - last[1] < REUSED_FOR:
            return list(last[2])
        minute = now.replace(second=0, microsecond=0)
        if minute != self._minute:
            self._previous, self._cache = self._cache, {}
            self._order = []
            self._minute = minute
        wanted = {case.id: case for case in cases}
        entries = []
        for entry in self._order:  # the last ranking's order: the sort below has little left to do
            case = wanted.pop(entry[0].id, None)
            if case is not None:
                entries.append(entry if entry[0] is case else self._entry(case, now))
        entries.extend(self._entry(case, now) for case in wanted.values())
        entries.sort(key=itemgetter(2))
        self._order = entries
        ranked = [entry[3] for entry in entries]
        self._last = (list(cases), now, ranked)
        self._previous = {}
        return list(ranked)

    def _entry(self, case: Case, now: dt.datetime) -> _Entry:
        cached = self._cache.get(case.id)
        # The very same object: the store hands out a new one for any change to a record,
        # including a hand edit that left the revision as it was.
        if cached is None or cached[0] is not case:
            urgency = case_urgency(case, now, self.calendar)
            before = self._previous.get(case.id)
            if before is not None and before[0] is case and before[1] == urgency:
                cached = before
            else:
                cached = (case, urgency, urgency_key(case, urgency), (case, urgency))
            self._cache[case.id] = cached
        return cached


def _same(before: list[Case], cases: list[Case]) -> bool:
    """The very same Case objects in the same order (no field compared)."""
    return len(before) == len(cases) and all(map(is_, before, cases))
