"""Working days on China's calendar, counted per 民法典 Arts. 201/203 (start day not counted)."""

from __future__ import annotations

import datetime as dt

import pytest

from store.calendar.workdays import add_days, add_working_days, is_working_day
from store.rules.messages import Messages

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
    result = add_working_days(start, count)
    assert result.day == expected
    assert not result.estimated


def test_crossing_into_an_uncovered_year_is_estimated_with_a_reason() -> None:
    result = add_working_days(D(2026, 12, 30), 3)
    assert result.estimated
    assert result.reason is not None and "2027" in Messages("en")(result.reason)
    assert result.day == D(2027, 1, 5)  # Dec 31 (Thu), Jan 1 (Fri) is 元旦, Jan 4 (Mon), Jan 5 (Tue)


def test_a_year_far_outside_the_data_never_raises() -> None:
    result = add_working_days(D(2031, 5, 1), 10)
    assert result.estimated and result.day.weekday() < 5
    working, estimated = is_working_day(D(2031, 5, 3))
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
    assert add_days(start, count, extend_past_rest_days=extend).day == expected


def test_end_of_day_is_the_24_00_cutoff() -> None:
    end = add_working_days(D(2026, 11, 20), 1).end_of_day()
    assert (end.hour, end.minute, end.second) == (23, 59, 59)
    assert end.utcoffset() == dt.timedelta(hours=8)
