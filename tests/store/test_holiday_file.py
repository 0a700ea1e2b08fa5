"""The user's holiday file: later years' holidays counted exactly, a broken file changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.calendar.holiday_file import EXAMPLE, holiday_file_beside, read_holiday_file, use_holiday_file
from store.calendar.workdays import add_days, add_working_days, is_working_day
from store.errors import InvalidInput
from store.rules.messages import Messages

D = dt.date
EN = Messages("en")

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


def test_the_file_fills_a_year_the_built_in_calendar_lacks(tmp_path: Path) -> None:
    assert add_working_days(D(2027, 2, 4), 3).estimated  # before: Monday-Friday guess
    assert use_holiday_file(_write(tmp_path, FILE_2027)) == []
    # Thu Feb 4 + 3 working days: Fri Feb 5, then Feb 6-13 off (Mon-Fri Feb 8-12 included), Mon Feb 15, Tue Feb 16
    result = add_working_days(D(2027, 2, 4), 3)
    assert result.day == D(2027, 2, 16) and not result.estimated and result.reason is None
    assert is_working_day(D(2027, 2, 20)) == (True, False)  # make-up Saturday
    assert is_working_day(D(2027, 10, 1)) == (False, False)  # a bare TOML date works too
    assert add_working_days(D(2027, 2, 18), 2).day == D(2027, 2, 20)
    # a period ending on a holiday moves to the next working day
    assert add_days(D(2027, 2, 1), 5, extend_past_rest_days=True).day == D(2027, 2, 15)
    assert add_working_days(D(2028, 3, 1), 1).estimated  # a year the file does not list stays estimated


def test_years_the_built_in_calendar_has_are_left_to_it(tmp_path: Path) -> None:
    text = FILE_2027 + '\n[2026]\nholidays = ["2026-11-25"]\n'  # would make a Wednesday a holiday
    notices = [EN(n) for n in use_holiday_file(_write(tmp_path, text))]
    assert len(notices) == 1 and "already has 2026" in notices[0]
    assert is_working_day(D(2026, 11, 25)) == (True, False)
    assert not add_working_days(D(2027, 2, 4), 3).estimated  # the rest of the file is used


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[2027\nholidays = [", "not valid TOML"),
        ("[twenty]\nholidays = ['2027-01-01']", "[twenty] is not a year section"),
        ("title = 'x'", "[title] is not a year section"),
        ("[2027]\nholiday = ['2027-01-01']", "unknown key 'holiday'"),
        ("[2027]\nholidays = '2027-01-01'", "holidays must be a list"),
        ("[2027]\nholidays = ['2027-13-01']", "'2027-13-01' is not a date"),
        ("[2027]\nholidays = ['2027-02-13..2027-02-06']", "ends before it starts"),
        ("[2027]\nholidays = ['2028-01-01']", "is not in 2027"),
        ("[2027]\nholidays = ['2027-12-30..2028-01-02']", "is not in 2027"),
        ("[2027]\nholidays = []", "no holidays listed"),
        ("[2027]\nholidays = ['2027-02-20']\nworkdays = ['2027-02-20']", "both as a holiday and as a make-up"),
        ("[2027]\nholidays = ['2027-01-01']\nworkdays = ['2027-02-17']", "2027-02-17 is a weekday"),
        ("[2027]\nsource = 3\nholidays = ['2027-01-01']", "source must be text"),
    ],
)
def test_a_broken_file_is_explained_and_not_used(tmp_path: Path, text: str, says: str) -> None:
    db = _write(tmp_path, text)
    with pytest.raises(InvalidInput) as raised:
        read_holiday_file(holiday_file_beside(db))
    assert says in raised.value.message and str(holiday_file_beside(db)) in raised.value.message
    notices = [EN(n) for n in use_holiday_file(db)]
    assert len(notices) == 1 and says in notices[0] and "not used" in notices[0]
    assert add_working_days(D(2027, 2, 4), 3).estimated  # nothing from it was used


def test_a_file_that_is_not_utf8_is_explained(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    holiday_file_beside(db).write_bytes("[2027]\n# 节假日".encode("gb18030"))
    assert "not UTF-8" in EN(use_holiday_file(db)[0])


def test_no_file_or_no_database_file_means_the_built_in_calendar_only(tmp_path: Path) -> None:
    use_holiday_file(_write(tmp_path, FILE_2027))
    assert use_holiday_file(tmp_path / "elsewhere" / "weiquan.json") == []
    assert add_working_days(D(2027, 2, 4), 3).estimated  # the earlier file is no longer in use
    use_holiday_file(_write(tmp_path, FILE_2027))
    assert use_holiday_file(None) == [] and add_working_days(D(2027, 2, 4), 3).estimated


def test_the_example_changes_nothing_until_it_is_filled_in(tmp_path: Path) -> None:
    db = _write(tmp_path, EXAMPLE)
    assert read_holiday_file(holiday_file_beside(db)).years == {}
    uncommented = "\n".join(line.removeprefix("# ") for line in EXAMPLE.splitlines() if line.startswith("# ["))
    assert uncommented == "[2027]"  # its section is there, commented out
    assert use_holiday_file(db) == [] and add_working_days(D(2027, 2, 4), 3).estimated


@pytest.mark.parametrize("key", ["²²²²", "１２３４", "٢٠٢٧", " 2027"])
def test_a_section_is_a_year_only_when_written_in_four_ascii_digits(tmp_path: Path, key: str) -> None:
    db = _write(tmp_path, f'["{key}"]\nholidays = ["2027-01-01"]\n')
    with pytest.raises(InvalidInput) as raised:
        read_holiday_file(holiday_file_beside(db))
    assert "is not a year section" in raised.value.message


def test_a_holiday_file_that_is_a_fifo_is_reported_not_waited_on(tmp_path: Path) -> None:
    import os

    db = tmp_path / "weiquan.json"
    os.mkfifo(holiday_file_beside(db))
    [notice] = use_holiday_file(db)
    assert "pipe (FIFO)" in EN(notice) and "not used" in EN(notice)
