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
deadline). A broken file changes nothing: every year it would have filled stays estimated. Only
a regular file of at most MAX_HOLIDAY_FILE_BYTES is read (a FIFO there would otherwise hang every
start), and a section is a year only when its name is four ASCII digits.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.calendar.workdays import calendar_covers, install_year_calendars
from store.errors import InvalidInput, WeiquanError
from store.persistence.regular_files import MEGABYTE, read_regular
from store.records.record_ids import shown
from store.rules.messages import Msg

HOLIDAY_FILE_NAME = "holidays.toml"
MAX_HOLIDAY_FILE_BYTES = MEGABYTE  # a year's notice fits in a few hundred bytes
_YEAR_KEY = re.compile(r"[0-9]{4}", re.ASCII)
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")

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


def holiday_file_beside(db_path: Path) -> Path:
    return db_path.parent / HOLIDAY_FILE_NAME


def read_holiday_file(path: Path) -> HolidayFile:
    """Parse and check the whole file; raise InvalidInput (saying where) on any problem, FileProblem
    when it cannot be read."""
    raw = read_regular(path, limit=MAX_HOLIDAY_FILE_BYTES)
    try:
        body = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput(Msg.of("holidays.not_utf8", path=str(path))) from None
    except tomllib.TOMLDecodeError as error:
        at = _TOML_POSITION.search(str(error))
        where = Msg.of("holidays.toml_position", line=at[1], column=at[2]) if at else ""
        raise InvalidInput(Msg.of("holidays.not_toml", path=str(path), where=where)) from None
    years: dict[int, YearCalendar] = {}
    ignored: list[int] = []
    for key, section in body.items():
        if not _YEAR_KEY.fullmatch(key) or not isinstance(section, dict):
            raise InvalidInput(Msg.of("holidays.not_a_year", path=str(path), key=shown(key)[1:-1]))
        year = int(key)
        calendar = _year(path, year, section)
        if calendar_covers(year):
            ignored.append(year)
        else:
            years[year] = calendar
    return HolidayFile(path, years, sorted(ignored))


def use_holiday_file(db_path: Path | None) -> list[Msg]:
    """Install the holiday file beside ``db_path`` for all day counting; return what the user should
    be told (a broken file, ignored years), or nothing. Without a file every uncovered year stays
    estimated."""
    install_year_calendars({})
    if db_path is None:
        return []
    path = holiday_file_beside(db_path)
    if not path.exists():
        return []
    try:
        found = read_holiday_file(path)
    except WeiquanError as problem:
        return [Msg.of("holidays.not_used", problem=problem.msg)]
    install_year_calendars({year: cal.is_working_day for year, cal in found.years.items()})
    if found.ignored_years:
        listed = tuple(str(y) for y in found.ignored_years)  # listed in the language's own way
        return [Msg.of("holidays.years_ignored", path=str(path), years=listed)]
    return []


def _year(path: Path, year: int, section: dict[str, Any]) -> YearCalendar:
    where = f"{path} [{year}]"
    unknown = sorted(set(section) - {"source", "holidays", "workdays"})
    if unknown:
        raise InvalidInput(Msg.of("holidays.unknown_key", where=where, key=shown(unknown[0])))
    source = section.get("source", "")
    if not isinstance(source, str):
        raise InvalidInput(Msg.of("holidays.source_not_text", where=where))
    holidays = _days(where, year, section.get("holidays", []), "holidays")
    workdays = _days(where, year, section.get("workdays", []), "workdays")
    if not holidays:
        raise InvalidInput(Msg.of("holidays.none_listed", where=where))
    both = sorted(holidays & workdays)
    if both:
        raise InvalidInput(Msg.of("holidays.both", where=where, day=str(both[0])))
    weekday = next((d for d in sorted(workdays) if d.weekday() < 5), None)
    if weekday is not None:
        raise InvalidInput(Msg.of("holidays.workday_on_weekday", where=where, day=str(weekday)))
    return YearCalendar(year, frozenset(holidays), frozenset(workdays), source.strip())


def _days(where: str, year: int, entries: object, key: str) -> set[dt.date]:
    if not isinstance(entries, list):
        raise InvalidInput(Msg.of("holidays.not_a_list", where=where, key=key, year=year))
    days: set[dt.date] = set()
    for entry in entries:
        first, _, last = str(entry).partition("..")
        start, end = _date(where, first), _date(where, last) if last else None
        end = end or start
        if end < start:
            raise InvalidInput(Msg.of("holidays.range_backwards", where=where, entry=shown(entry)))
        if start.year != year or end.year != year:
            raise InvalidInput(Msg.of("holidays.other_year", where=where, entry=shown(entry), year=year))
        day = start
        while day <= end:
            days.add(day)
            day += dt.timedelta(days=1)
    return days


def _date(where: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(Msg.of("holidays.not_a_date", where=where, text=shown(text.strip()))) from None
