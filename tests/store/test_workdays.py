"""Working days on China's calendar, counted per 民法典 Arts. 201/203 (start day not counted)."""

from __future__ import annotations

import datetime as dt

import pytest

from store.calendar.workdays import WorkCalendar
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026

D = dt.date


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        # Spring Festival 2026: Feb 15-23 off; Sat Feb 14 and Sat Feb 28 are make-up working days.
        (D(2026, 2, 12), 1, D(2026, 2, 13)),
        (D(2026, 2, 12), 2, D(2026, 2, 14)),  # the make-up Saturday counts
        (D(2026, 2, 13), 2, D(2026, 2, 24)),  # Feb 14, then the whole holiday is skipped
        (D(2026, 2, 16), 1, D(2026, 2, 24)),  # start on a holiday: the next working day is day 1
        (D(2026, 2, 24), 4, D(2026, 2, 28)),  # Sat Feb 28 is a working day
        # National Day 2026: Oct 1-7 off; Sat Oct 10 is a make-up working day.
        (D(2026, 9, 28), 3, D(2026, 10, 8)),
        (D(2026, 9, 30), 1, D(2026, 10, 8)),
        (D(2026, 10, 3), 1, D(2026, 10, 8)),  # start inside the holiday
        (D(2026, 10, 8), 2, D(2026, 10, 10)),  # the make-up Saturday
        (D(2026, 10, 9), 2, D(2026, 10, 12)),
        # an ordinary week
        (D(2026, 11, 20), 3, D(2026, 11, 25)),
        (D(2026, 11, 20), 0, D(2026, 11, 20)),
    ],
)
def test_working_days_on_the_2026_calendar(start: dt.date, count: int, expected: dt.date) -> None:
    result = WorkCalendar().add_working_days(start, count)
    assert result.day == expected
    assert not result.estimated


def test_crossing_into_an_uncovered_year_is_estimated_with_a_reason() -> None:
    result = calendar_to_2026().add_working_days(D(2026, 12, 30), 3)
    assert result.estimated
    assert result.reason is not None and "2027" in Messages("en")(result.reason)
    assert result.day == D(2027, 1, 5)  # Dec 31 (Thu), Jan 1 (Fri) is 元旦, Jan 4 (Mon), Jan 5 (Tue)


def test_a_year_far_outside_the_data_never_raises() -> None:
    calendar = calendar_to_2026()
    result = calendar.add_working_days(D(2031, 5, 1), 10)
    assert result.estimated and result.day.weekday() < 5
    working, estimated = calendar.is_working_day(D(2031, 5, 3))
    assert (working, estimated) == (False, True)


@pytest.mark.parametrize(
    ("start", "count", "extend", "expected"),
    [
        (D(2026, 9, 26), 7, True, D(2026, 10, 8)),  # ends Oct 3 (holiday) -> next working day
        (D(2026, 9, 26), 7, False, D(2026, 10, 3)),  # the consumer's own window is never extended
        (D(2026, 11, 16), 7, True, D(2026, 11, 23)),  # ends on a Monday: unchanged
        (D(2026, 11, 14), 7, True, D(2026, 11, 23)),  # ends Sat Nov 21 -> Monday
    ],
)
def test_calendar_days_and_the_closing_rest_day(start, count, extend, expected) -> None:
    assert WorkCalendar().add_days(start, count, extend_past_rest_days=extend).day == expected


def test_end_of_day_is_the_24_00_cutoff() -> None:
    end = WorkCalendar().add_working_days(D(2026, 11, 20), 1).end_of_day()
    assert (end.hour, end.minute, end.second) == (23, 59, 59)
    assert end.utcoffset() == dt.timedelta(hours=8)


def test_two_calendars_in_one_process_each_count_for_itself() -> None:
    """A calendar is a value: one with a (made-up) 2027 holiday file and one without answer
    differently, side by side, whichever was asked first."""
    plain = calendar_to_2026()
    spring_festival = frozenset(D(2027, 2, 8) + dt.timedelta(days=n) for n in range(5))  # Mon-Fri off
    with_file = plain.with_years({2027: lambda day: day.weekday() < 5 and day not in spring_festival})
    for _ in range(2):  # and again, from each one's memo
        estimated = plain.add_working_days(D(2027, 2, 4), 3)
        exact = with_file.add_working_days(D(2027, 2, 4), 3)
        # the estimate: 除夕 to 初三 (Feb 5-8) are fixed holidays, then Feb 9, 10, 11
        assert (estimated.day, estimated.estimated) == (D(2027, 2, 11), True)
        # the file: Feb 5 is a working day, Feb 8-12 are off, then Feb 15, 16
        assert (exact.day, exact.estimated) == (D(2027, 2, 16), False)
    assert plain.is_working_day(D(2027, 2, 10)) == (True, True)
    assert with_file.is_working_day(D(2027, 2, 10)) == (False, False)


def test_the_built_in_years_are_the_calendars_own() -> None:
    """The estimate starts where this calendar's built-in data ends, not where the installed
    package's does."""
    to_2025 = WorkCalendar(built_in_years=range(2004, 2026))
    assert to_2025.covered_years() == (2004, 2025) and not to_2025.covers(2026)
    # 2026-02-14 is a make-up Saturday in the State Council's notice: the built-in calendar knows it
    assert WorkCalendar().is_working_day(D(2026, 2, 14)) == (True, False)
    assert to_2025.is_working_day(D(2026, 2, 14)) == (False, True)  # an estimate: Saturdays are off
