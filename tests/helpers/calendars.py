"""Working-day calendars for tests, independent of the installed chinesecalendar's years.

chinesecalendar 1.11.0 has 2004–2026; a later release will add 2027. Tests that count days in 2027
as a year "the built-in calendar lacks" build their calendar with the built-in part ending in 2026,
so they mean the same thing whichever release is installed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from store.calendar.workdays import WorkCalendar

BUILT_IN_TO_2026 = range(2004, 2027)


def calendar_to_2026(years: Mapping[int, Callable[[dt.date], bool]] | None = None) -> WorkCalendar:
    """The built-in calendar up to 2026, then ``years`` (a holiday file's), then the estimate."""
    return WorkCalendar(years, built_in_years=BUILT_IN_TO_2026)
