"""The deadline parser: the forms people use, clear errors, never a crash, its own output read back."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.calendar.china_time import CHINA_TZ
from store.errors import InvalidInput
from store.records.deadline_input import FORMS_HELP, parse_deadline
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

BASE = dt.datetime(2026, 9, 28, 10, 0, tzinfo=CHINA_TZ)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("48h", "2026-09-30 10:00"),
        ("+48h", "2026-09-30 10:00"),
        ("48小时", "2026-09-30 10:00"),
        ("7d", "2026-10-05 23:59:59"),
        ("7天", "2026-10-05 23:59:59"),
        ("+7d", "2026-10-05 23:59:59"),
        ("2w", "2026-10-12 23:59:59"),
        ("3wd", "2026-10-08 23:59:59"),
        ("3个工作日", "2026-10-08 23:59:59"),
        ("3 个工作日", "2026-10-08 23:59:59"),
        ("2026-11-30", "2026-11-30 23:59:59"),
        ("2026/11/30 18:00", "2026-11-30 18:00"),
        ("11-30", "2026-11-30 23:59:59"),
        ("11月30日", "2026-11-30 23:59:59"),
        ("2026年11月30日 18:00", "2026-11-30 18:00"),
        ("9-1", "2027-09-01 23:59:59"),  # a past day without a year means next year
    ],
)
def test_forms(text: str, expected: str) -> None:
    assert parse_deadline(text, BASE, CAL).canonical == expected


def test_empty_means_no_deadline() -> None:
    assert parse_deadline("  ", BASE, CAL) is None


@pytest.mark.parametrize("text", ["tomorrow-ish", "3x", "2026-02-30", "25:00", "13/45", "99999999d", "-3d", "3.5d"])
def test_unreadable_input_says_which_forms_work(text: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_deadline(text, BASE, CAL)
    assert raised.value.field == "deadline"


def test_message_lists_the_forms() -> None:
    with pytest.raises(InvalidInput, match="Forms that work"):
        parse_deadline("soon", BASE, CAL)
    assert "3个工作日" in FORMS_HELP


def test_working_days_into_an_uncovered_year_are_marked_estimated() -> None:
    resolved = parse_deadline("5个工作日", dt.datetime(2026, 12, 29, 9, tzinfo=CHINA_TZ), CAL)
    assert resolved.estimated and resolved.reason is not None
    assert "2027" in Messages("en")(resolved.reason) and "2027" in Messages("zh-CN")(resolved.reason)


contact_times = st.datetimes(min_value=dt.datetime(2004, 1, 1), max_value=dt.datetime(2040, 12, 31)).map(
    lambda d: d.replace(tzinfo=CHINA_TZ, microsecond=0)
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40), at=contact_times)
def test_never_crashes_on_any_text(text: str, at: dt.datetime) -> None:
    try:
        parse_deadline(text, at, CAL)
    except InvalidInput:
        pass


relative = st.builds(
    lambda n, unit: f"{n}{unit}",
    st.integers(0, 400),
    st.sampled_from(["h", "d", "w", "wd", "天", "小时", "个工作日", "周"]),
)
absolute = st.builds(
    lambda d, h, m: f"{d.isoformat()} {h:02d}:{m:02d}",
    st.dates(dt.date(2004, 1, 1), dt.date(2040, 12, 31)),
    st.integers(0, 23),
    st.integers(0, 59),
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(relative, absolute), at=contact_times)
def test_round_trips_its_own_output(text: str, at: dt.datetime) -> None:
    first = parse_deadline(text, at, CAL)
    assert first is not None
    again = parse_deadline(first.canonical, at, CAL)
    assert again is not None and again.when == first.when
    assert first.when.tzinfo is not None
