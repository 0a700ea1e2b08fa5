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
from dataclasses import dataclass
from pathlib import Path

from store.calendar import HOLIDAY_FILE_NAME
from store.calendar.workdays import WorkCalendar
from store.errors import InvalidInput, WeiquanError
from store.persistence.regular_files import MEGABYTE, read_regular
from store.records.record_ids import shown
from store.rules.content_schema import Schema, convert, toml_data
from store.rules.messages import Messages, Msg

MAX_HOLIDAY_FILE_BYTES = MEGABYTE  # a year's notice fits in a few hundred bytes
_YEAR_KEY = re.compile(r"[0-9]{4}", re.ASCII)

EXAMPLE_SECTION = """\
# [2027]
# source = "国务院办公厅关于2027年部分节假日安排的通知"
# holidays = ["2027-01-01", "2027-02-06..2027-02-13"]   # {days_off}
# workdays = ["2027-02-20"]                            # {workdays}
"""


def example_file(msgs: Messages) -> str:
    """A holiday file to fill in, its comments in the user's language; its one section is
    commented out, so the file changes nothing until the notice's dates are put in."""
    notes = "".join(f"# {line}".rstrip() + "\n" for line in msgs("holidays.example_notes").splitlines())
    section = EXAMPLE_SECTION.format(
        days_off=msgs("holidays.example_days_off"), workdays=msgs("holidays.example_workdays")
    )
    return notes + "#\n" + section


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


class HolidayYear(Schema, frozen=True):
    """One [year] section: days off, make-up working days (调休), where they come from. A day is
    "2027-10-01" or a bare TOML date; a range "2027-10-01..2027-10-07" includes both ends."""

    holidays: tuple[str, ...] = ()
    workdays: tuple[str, ...] = ()
    source: str = ""


def read_holiday_file(path: Path, base: WorkCalendar) -> HolidayFile:
    """Parse and check the whole file; raise InvalidInput (saying where) on any problem, FileProblem
    when it cannot be read. Years ``base`` has built in are set aside (ignored_years)."""
    raw = read_regular(path, limit=MAX_HOLIDAY_FILE_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(Msg.of("holidays.not_utf8", path=str(path))) from None
    body = toml_data(text, source=str(path))
    years: dict[int, YearCalendar] = {}
    ignored: list[int] = []
    for key, section in body.items():
        if not _YEAR_KEY.fullmatch(key) or not isinstance(section, dict):
            raise InvalidInput(Msg.of("holidays.not_a_year", path=str(path), key=shown(key)[1:-1]))
        year = int(key)
        # bare TOML dates are allowed: read as the text they stand for
        days = {name: [_as_text(d) for d in v] if isinstance(v, list) else v for name, v in section.items()}
        calendar = _year(path, year, convert(days, HolidayYear, source=str(path), within=f"[{key}]"))
        if base.covers(year):
            ignored.append(year)
        else:
            years[year] = calendar
    return HolidayFile(path, years, sorted(ignored))


def _as_text(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def calendar_beside(db_path: Path | None, base: WorkCalendar) -> tuple[WorkCalendar, list[Msg]]:
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
    except WeiquanError as problem:
        return base, [Msg.of("holidays.not_used", problem=problem.msg)]
    notices = []
    if found.ignored_years:
        listed = tuple(str(y) for y in found.ignored_years)  # listed in the language's own way
        notices.append(Msg.of("holidays.years_ignored", path=str(path), years=listed))
    return found.calendar(base), notices


def _year(path: Path, year: int, section: HolidayYear) -> YearCalendar:
    where = f"{path} [{year}]"
    holidays = _days(where, year, section.holidays)
    workdays = _days(where, year, section.workdays)
    if not holidays:
        raise InvalidInput(Msg.of("holidays.none_listed", where=where))
    both = sorted(holidays & workdays)
    if both:
        raise InvalidInput(Msg.of("holidays.both", where=where, day=str(both[0])))
    weekday = next((d for d in sorted(workdays) if d.weekday() < 5), None)
    if weekday is not None:
        raise InvalidInput(Msg.of("holidays.workday_on_weekday", where=where, day=str(weekday)))
    return YearCalendar(year, frozenset(holidays), frozenset(workdays), section.source.strip())


def _days(where: str, year: int, entries: tuple[str, ...]) -> set[dt.date]:
    days: set[dt.date] = set()
    for entry in entries:
        first, _, last = entry.partition("..")
        start, end = _date(where, first), _date(where, last) if last else None
        end = end or start
        if end < start:
            raise InvalidInput(Msg.of("holidays.range_backwards", where=where, entry=shown(entry)))
        if start.year != year or end.year != year:
            raise InvalidInput(Msg.of("holidays.other_year", where=where, entry=shown(entry), year=year))
        # counted, not stepped past ``end``: a day after 9999-12-31 does not exist (OverflowError)
        days.update(start + dt.timedelta(days=n) for n in range((end - start).days + 1))
    return days


def _date(where: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(Msg.of("holidays.not_a_date", where=where, text=shown(text.strip()))) from None
