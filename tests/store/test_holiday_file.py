"""The user's holiday file: later years' holidays counted exactly, a broken file changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.calendar.holiday_file import calendar_beside, example_file, holiday_file_beside, read_holiday_file
from store.errors import InvalidInput
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026

EN = Messages("en")

D = dt.date

# Illustrative dates in the shape of a State Council notice (not the real 2027 schedule).
FILE_2027 = """
[2027]
source = "test notice"
holidays = ["2027-01-01", "2027-02-06..2027-02-13", 2027-10-01]
workdays = ["2027-02-20", "2027-10-09"]
"""


def _write(folder: Path, text: str) -> Path:
    db = folder / "weiquan.json"
    holiday_file_beside(db).write_text(text, encoding="utf-8")
    return db


BASE = calendar_to_2026()


def test_the_file_fills_a_year_the_built_in_calendar_lacks(tmp_path: Path) -> None:
    assert BASE.add_working_days(D(2027, 2, 4), 3).estimated  # without it: Monday-Friday guess
    calendar, notices = calendar_beside(_write(tmp_path, FILE_2027), BASE)
    assert notices == []
    # Thu Feb 4 + 3 working days: Fri Feb 5, then Feb 6-13 off (Mon-Fri Feb 8-12 included), Mon Feb 15, Tue Feb 16
    result = calendar.add_working_days(D(2027, 2, 4), 3)
    assert result.day == D(2027, 2, 16) and not result.estimated and result.reason is None
    assert calendar.is_working_day(D(2027, 2, 20)) == (True, False)  # make-up Saturday
    assert calendar.is_working_day(D(2027, 10, 1)) == (False, False)  # a bare TOML date works too
    assert calendar.add_working_days(D(2027, 2, 18), 2).day == D(2027, 2, 20)
    # a period ending on a holiday moves to the next working day
    assert calendar.add_days(D(2027, 2, 1), 5, extend_past_rest_days=True).day == D(2027, 2, 15)
    assert calendar.add_working_days(D(2028, 3, 1), 1).estimated  # a year the file does not list stays estimated
    assert BASE.add_working_days(D(2027, 2, 4), 3).estimated  # the calendar it was built on is unchanged


def test_years_the_built_in_calendar_has_are_left_to_it(tmp_path: Path) -> None:
    text = FILE_2027 + '\n[2026]\nholidays = ["2026-11-25"]\n'  # would make a Wednesday a holiday
    calendar, notices = calendar_beside(_write(tmp_path, text), BASE)
    assert len(notices) == 1 and "already has 2026" in EN(notices[0])
    assert calendar.is_working_day(D(2026, 11, 25)) == (True, False)
    assert not calendar.add_working_days(D(2027, 2, 4), 3).estimated  # the rest of the file is used


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[2027\nholidays = [", "not valid TOML (line 1, column 6)"),
        ("[twenty]\nholidays = ['2027-01-01']", "[twenty] is not a year section"),
        ("title = 'x'", "[title] is not a year section"),
        ("[2027]\nholiday = ['2027-01-01']", "[2027] has a field “holiday” that does not belong there"),
        ("[2027]\nholidays = '2027-01-01'", "[2027].holidays should be a list, not text"),
        ("[2027]\nholidays = ['2027-01-01', 3]", "[2027].holidays[1] should be text, not a whole number"),
        ("[2027]\nholidays = ['2027-13-01']", "'2027-13-01' is not a date"),
        ("[2027]\nholidays = ['2027-02-13..2027-02-06']", "ends before it starts"),
        ("[2027]\nholidays = ['2028-01-01']", "is not in 2027"),
        ("[2027]\nholidays = ['2027-12-30..2028-01-02']", "is not in 2027"),
        ("[2027]\nholidays = []", "no holidays listed"),
        ("[2027]\nholidays = ['2027-02-20']\nworkdays = ['2027-02-20']", "both as a holiday and as a make-up"),
        ("[2027]\nholidays = ['2027-01-01']\nworkdays = ['2027-02-17']", "2027-02-17 is a weekday"),
        ("[2027]\nsource = 3\nholidays = ['2027-01-01']", "[2027].source should be text, not a whole number"),
    ],
)
def test_a_broken_file_is_explained_and_not_used(tmp_path: Path, text: str, says: str) -> None:
    db = _write(tmp_path, text)
    with pytest.raises(InvalidInput) as raised:
        read_holiday_file(holiday_file_beside(db), BASE)
    assert says in raised.value.message and str(holiday_file_beside(db)) in raised.value.message
    calendar, notices = calendar_beside(db, BASE)
    assert len(notices) == 1 and says in EN(notices[0]) and "not used" in EN(notices[0])
    assert calendar is BASE  # nothing from it was used


def test_a_file_that_is_not_utf8_is_explained(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    holiday_file_beside(db).write_bytes("[2027]\n# 节假日".encode("gb18030"))
    assert "not UTF-8" in EN(calendar_beside(db, BASE)[1][0])


def test_no_file_or_no_database_file_means_the_built_in_calendar_only(tmp_path: Path) -> None:
    _write(tmp_path, FILE_2027)
    assert calendar_beside(tmp_path / "elsewhere" / "weiquan.json", BASE) == (BASE, [])
    assert calendar_beside(None, BASE) == (BASE, [])


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_example_changes_nothing_until_it_is_filled_in(tmp_path: Path, lang: str) -> None:
    example = example_file(Messages(lang))
    db = _write(tmp_path, example)
    assert read_holiday_file(holiday_file_beside(db), BASE).years == {}
    uncommented = "\n".join(line.removeprefix("# ") for line in example.splitlines() if line.startswith("# ["))
    assert uncommented == "[2027]"  # its section is there, commented out
    assert calendar_beside(db, BASE)[1] == []
    assert calendar_beside(db, BASE)[0].add_working_days(D(2027, 2, 4), 3).estimated
    filled = "\n".join(
        line.removeprefix("# ") if not line.startswith("# ") or "=" in line or "[20" in line else line
        for line in example.splitlines()
    )
    assert read_holiday_file(holiday_file_beside(_write(tmp_path, filled)), BASE).years.keys() == {2027}


@pytest.mark.parametrize("key", ["²²²²", "１２３４", "٢٠٢٧", " 2027"])
def test_a_section_is_a_year_only_when_written_in_four_ascii_digits(tmp_path: Path, key: str) -> None:
    db = _write(tmp_path, f'["{key}"]\nholidays = ["2027-01-01"]\n')
    with pytest.raises(InvalidInput) as raised:
        read_holiday_file(holiday_file_beside(db), BASE)
    assert "is not a year section" in raised.value.message


def test_a_holiday_file_that_is_a_fifo_is_reported_not_waited_on(tmp_path: Path) -> None:
    import os

    db = tmp_path / "weiquan.json"
    os.mkfifo(holiday_file_beside(db))
    calendar, [notice] = calendar_beside(db, BASE)
    assert "pipe (FIFO)" in EN(notice) and "not used" in EN(notice)
    assert calendar is BASE
