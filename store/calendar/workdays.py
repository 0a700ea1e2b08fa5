"""Days and working days on China's calendar, counted the way 民法典 Arts. 201 and 203 say.

* The start day is not counted: a period "within N days" of day D ends on day D + N.
* When a period's last day is a rest day or statutory holiday, the period ends on the next
  working day (used for deadlines that run against a business or a regulator; for the
  consumer's own windows the caller keeps the earlier, unextended end).
* The cutoff is 24:00 of the last day.

Holidays and the make-up working days (调休) come from ``chinesecalendar``, which covers only the
years it ships, then from the user's holiday file (store.calendar.holiday_file) for later years. For any
other year we count Monday to Friday less the fixed statutory holidays (store.calendar.fixed_holidays:
those days are certain) and say the result is *estimated*, with the reason: the bridge days and the
make-up working days of such a year are not known. We never fall back silently and never raise.

All of this is one value, a WorkCalendar, built by the app and the CLI (with the holiday file beside
the database) and passed to everything that counts days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar

from store.calendar.china_time import CHINA_TZ
from store.calendar.fixed_holidays import is_fixed_holiday
from store.rules.messages import Msg

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DayResult:
    """A computed date; ``estimated`` when the holiday data did not cover ``estimated_years``."""

    day: dt.date
    estimated_years: tuple[int, ...] = ()

    @property
    def estimated(self) -> bool:
        return bool(self.estimated_years)

    @property
    def reason(self) -> Msg | None:
        """Why the date is an estimate, to be said in the user's language; None when it is not."""
        return estimate_reason(self.estimated_years) if self.estimated_years else None

    def end_of_day(self) -> dt.datetime:
        """24:00 of the day, as the last second of it in China time."""
        return dt.datetime.combine(self.day, dt.time(23, 59, 59), CHINA_TZ)


def estimate_reason(years: tuple[int, ...]) -> Msg:
    return Msg.of("clocks.estimate_reason", years=tuple(str(y) for y in years))  # joined in the language's way


@lru_cache(maxsize=256)
def _built_in_has(year: int) -> bool:
    """Whether the installed chinesecalendar has this year's holidays (a fact about the package)."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


class WorkCalendar:
    """China's working days, as one value passed to whatever counts days.

    The built-in calendar (chinesecalendar) decides the years it covers; ``years`` (from the user's
    holiday file, store.calendar.holiday_file) decides later ones; any other year is Monday to
    Friday less the fixed statutory holidays, and marked estimated. ``built_in_years`` limits the
    built-in calendar to a range (tests: a calendar that ends in 2026 whatever the installed
    package has). A calendar never changes; two of them in one process answer each for itself.
    """

    def __init__(
        self,
        years: Mapping[int, Callable[[dt.date], bool]] | None = None,
        *,
        built_in_years: range | None = None,
    ) -> None:
        self._years = dict(years or {})
        self._built_in_years = built_in_years
        # Counting is memoised per calendar: ranking 10,000 cases asks for the same few days again
        # and again.
        self._day = lru_cache(maxsize=8192)(self._classify)
        self._working_days = lru_cache(maxsize=8192)(self._count_working_days)
        self._days = lru_cache(maxsize=8192)(self._count_days)

    def with_years(self, years: Mapping[int, Callable[[dt.date], bool]]) -> WorkCalendar:
        """This calendar with ``years`` (a holiday file's) for years the built-in one lacks."""
        return WorkCalendar(years, built_in_years=self._built_in_years)

    @property
    def file_years(self) -> tuple[int, ...]:
        """The years decided by a holiday file."""
        return tuple(sorted(self._years))

    def covers(self, year: int) -> bool:
        """Whether the built-in calendar has this year's holidays."""
        if self._built_in_years is not None and year not in self._built_in_years:
            return False
        return _built_in_has(year)

    def identity(self) -> list[object]:
        """What tells this built-in calendar from another: the calendar package's version and the
        years it covers here (the case index counts again when it changes)."""
        return [getattr(chinese_calendar, "__version__", ""), list(self.covered_years())]

    def covered_years(self) -> tuple[int, int]:
        """First and last year of the built-in calendar."""
        years = [y for y in range(1990, 2101) if self.covers(y)]
        return years[0], years[-1]

    def is_working_day(self, day: dt.date) -> tuple[bool, bool]:
        """(is it a working day, was that estimated)."""
        return self._day(day)

    def add_working_days(self, start: dt.date, count: int) -> DayResult:
        """The day on which ``count`` working days after ``start`` have passed (start not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        return self._working_days(start, count)

    def add_days(self, start: dt.date, count: int, *, extend_past_rest_days: bool) -> DayResult:
        """``count`` calendar days after ``start``; optionally moved past a closing rest day or holiday."""
        return self._days(start, count, extend_past_rest_days)

    def _classify(self, day: dt.date) -> tuple[bool, bool]:
        if self.covers(day.year):
            return chinese_calendar.is_workday(day), False
        from_file = self._years.get(day.year)
        if from_file is not None:
            return from_file(day), False
        if is_fixed_holiday(day):
            return False, False  # a fixed statutory holiday is off in every year
        return day.weekday() < 5, True

    def _count_working_days(self, start: dt.date, count: int) -> DayResult:
        day, seen, uncovered = start, 0, set()
        while seen < count:
            day += ONE_DAY
            working, estimated = self._day(day)
            if estimated:
                uncovered.add(day.year)
            seen += working
        return _result(day, uncovered)

    def _count_days(self, start: dt.date, count: int, extend_past_rest_days: bool) -> DayResult:
        day = start + dt.timedelta(days=count)
        uncovered: set[int] = set()
        if extend_past_rest_days:
            while True:
                working, estimated = self._day(day)
                if estimated:
                    uncovered.add(day.year)
                if working:
                    break
                day += ONE_DAY
        return _result(day, uncovered)


def add_years(start: dt.date, years: int) -> DayResult:
    """Same calendar day ``years`` later (29 Feb becomes 28 Feb: never later than the law allows)."""
    try:
        return DayResult(start.replace(year=start.year + years))
    except ValueError:
        return DayResult(start.replace(year=start.year + years, day=28))


def _result(day: dt.date, uncovered: set[int]) -> DayResult:
    return DayResult(day, tuple(sorted(uncovered)))
