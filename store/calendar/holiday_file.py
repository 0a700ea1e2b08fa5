"""The user's holiday file: China's holidays for years the built-in calendar does not have yet.

The State Council publishes each year's holidays and make-up working days (调休) late in the year
before; until weiquan's calendar data ships them, dates in that year are counted Monday to Friday
less the fixed statutory holidays (store.calendar.fixed_holidays) and marked estimated. A
``holidays.toml`` beside the database fills the gap:

    [2027]
    source = "国务院办公厅关于2027年部分节假日安排的通知"
    holidays = ["2027-01-01", "2027-02-06..2027-02-13"]
    workdays = ["2027-02-20"]

Years the built-in calendar already covers are left to it (the file cannot loosen a known
deadline). A broken file changes nothing: every year it would have filled stays estimated.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.calendar.workdays import WorkCalendar
from store.errors import InvalidInput

HOLIDAY_FILE_NAME = "holidays.toml"

EXAMPLE = """\
# China's statutory holidays for years weiquan's built-in calendar does not have yet
# (`weiquan holidays` says which years it has). Copy them from the State Council's notice
# (国务院办公厅关于××××年部分节假日安排的通知), one section per year. A range is
# "first..last", both days included.
#
# The dates below only show the form; they are NOT the real schedule. Replace them with the
# notice's dates, then remove the "# " in front of the section's lines.
#
# [2027]
# source = "国务院办公厅关于2027年部分节假日安排的通知"
# holidays = ["2027-01-01", "2027-02-06..2027-02-13"]   # days off
# workdays = ["2027-02-20"]                            # make-up working days (调休), Saturdays or Sundays
"""


@dataclass(frozen=True)
class YearCalendar:
    year: int
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]  # make-up working days on a weekend
    source: str

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays


@dataclass(frozen=True)
class HolidayFile:
    path: Path
    years: dict[int, YearCalendar]  # only years the built-in calendar lacks
    ignored_years: list[int]  # in the file, but the built-in calendar covers them

    def calendar(self, base: WorkCalendar) -> WorkCalendar:
        """``base`` with this file's years."""
        return base.with_years({year: cal.is_working_day for year, cal in self.years.items()})


def holiday_file_beside(db_path: Path) -> Path:
    return db_path.parent / HOLIDAY_FILE_NAME


def read_holiday_file(path: Path, base: WorkCalendar) -> HolidayFile:
    """Parse and check the whole file; raise InvalidInput (saying where) on any problem. Years
    ``base`` has built in are set aside (ignored_years)."""
    try:
        body = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(f"{path} is not valid TOML ({error}).") from None
    years: dict[int, YearCalendar] = {}
    ignored: list[int] = []
    for key, section in body.items():
        if not (key.isdigit() and len(key) == 4) or not isinstance(section, dict):
            raise InvalidInput(f"{path}: [{key}] is not a year section such as [2027].")
        year = int(key)
        calendar = _year(path, year, section)
        if base.covers(year):
            ignored.append(year)
        else:
            years[year] = calendar
    return HolidayFile(path, years, sorted(ignored))


def calendar_beside(db_path: Path | None, base: WorkCalendar) -> tuple[WorkCalendar, list[str]]:
    """The calendar to count with for the database at ``db_path``: ``base`` with the holiday file
    beside it, if there is one; and what the user should be told (a broken file, ignored years),
    or nothing. Without a usable file every year ``base`` lacks stays estimated."""
    if db_path is None:
        return base, []
    path = holiday_file_beside(db_path)
    if not path.exists():
        return base, []
    try:
        found = read_holiday_file(path, base)
    except InvalidInput as problem:
        return base, [f"{problem.message} It is not used: dates past the built-in calendar stay estimated."]
    notices = []
    if found.ignored_years:
        listed = ", ".join(str(y) for y in found.ignored_years)
        notices.append(f"{path}: the built-in calendar already has {listed}; those sections are not used.")
    return found.calendar(base), notices


def _year(path: Path, year: int, section: dict[str, Any]) -> YearCalendar:
    where = f"{path} [{year}]"
    unknown = sorted(set(section) - {"source", "holidays", "workdays"})
    if unknown:
        raise InvalidInput(f"{where}: unknown key {unknown[0]!r} (expected source, holidays, workdays).")
    source = section.get("source", "")
    if not isinstance(source, str):
        raise InvalidInput(f"{where}: source must be text.")
    holidays = _days(where, year, section.get("holidays", []), "holidays")
    workdays = _days(where, year, section.get("workdays", []), "workdays")
    if not holidays:
        raise InvalidInput(f"{where}: no holidays listed.")
    both = sorted(holidays & workdays)
    if both:
        raise InvalidInput(f"{where}: {both[0]} is listed both as a holiday and as a make-up working day.")
    weekday = next((d for d in sorted(workdays) if d.weekday() < 5), None)
    if weekday is not None:
        raise InvalidInput(f"{where}: {weekday} is a weekday; make-up working days fall on a Saturday or Sunday.")
    return YearCalendar(year, frozenset(holidays), frozenset(workdays), source.strip())


def _days(where: str, year: int, entries: object, key: str) -> set[dt.date]:
    if not isinstance(entries, list):
        raise InvalidInput(
            f'{where}: {key} must be a list of dates such as "{year}-10-01" or "{year}-10-01..{year}-10-07".'
        )
    days: set[dt.date] = set()
    for entry in entries:
        first, _, last = str(entry).partition("..")
        start, end = _date(where, first), _date(where, last) if last else None
        end = end or start
        if end < start:
            raise InvalidInput(f"{where}: the range {entry} ends before it starts.")
        if start.year != year or end.year != year:
            raise InvalidInput(f"{where}: {entry} is not in {year}.")
        day = start
        while day <= end:
            days.add(day)
            day += dt.timedelta(days=1)
    return days


def _date(where: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{where}: {text.strip()!r} is not a date like 2027-10-01.") from None
