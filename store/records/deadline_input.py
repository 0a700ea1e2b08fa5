"""Deadlines the way people say them: an absolute date or time, or a span from the contact's time.

Accepted forms (spaces optional, case ignored):
* absolute: ``2026-11-30``, ``2026-11-30 18:00``, ``2026/11/30``, ``11-30``, ``11月30日``,
  ``2026年11月30日 18:00``, ``11-30 18:00``. A date alone means the end of that day (24:00).
* hours: ``48h``, ``+48h``, ``48小时``, ``48个小时`` — exactly that long after the contact.
* days: ``7d``, ``+7d``, ``7天``, ``7日`` — end of the 7th day after the contact's day.
* weeks: ``2w``, ``2周``.
* working days: ``3wd``, ``3个工作日``, ``3工作日`` — end of the 3rd working day after the
  contact's day, on China's calendar (estimated when the year's holidays are not known).

Linear on any input: both patterns are matched whole on text bounded by MAX_DATE_CHARS first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from store.calendar.china_time import CHINA_TZ, to_china
from store.calendar.workdays import DayResult, WorkCalendar
from store.errors import InvalidInput
from store.records.date_input import MAX_DATE_CHARS, format_datetime, match_date, shown_input
from store.rules.messages import Msg

FORMS_HELP = "2026-11-30, 2026-11-30 18:00, 11月30日, 48h, 7d, 7天, 2w, 3wd, 3个工作日"
MAX_SPAN_DAYS = 3660

MAX_DEADLINE_CHARS = MAX_DATE_CHARS
_RELATIVE = re.compile(
    r"\+?(?P<n>\d{1,5})\s*(?P<unit>wd|个工作日|工作日|h|hr|hrs|hours?|小时|个小时|d|days?|天|日|w|weeks?|周|个星期|星期)"
)


@dataclass(frozen=True)
class ResolvedDeadline:
    when: dt.datetime
    estimated: bool = False
    reason: Msg | None = None  # why the date is an estimate, for the user's language

    @property
    def canonical(self) -> str:
        """An absolute form this parser reads back to the same instant."""
        return format_datetime(self.when)


def parse_deadline(text: str, contact_time: dt.datetime, calendar: WorkCalendar) -> ResolvedDeadline | None:
    """Resolve what the user typed against the contact's time, counting days on ``calendar``; None
    for empty input.

    Raises InvalidInput, naming the accepted forms, for anything it cannot read.
    """
    raw = text.strip().lower()
    if not raw:
        return None
    base = to_china(contact_time)
    relative = _RELATIVE.fullmatch(raw) if len(raw) <= MAX_DEADLINE_CHARS else None
    if relative:
        return _relative(int(relative["n"]), relative["unit"], base, text, calendar)
    absolute = match_date(raw)
    if absolute:
        return _absolute(absolute, base, text)
    raise InvalidInput(Msg.of("input.bad_deadline", text=shown_input(text.strip()), forms=FORMS_HELP), "deadline")


def _too_far(text: str) -> InvalidInput:
    return InvalidInput(Msg.of("input.deadline_too_far", text=text.strip()), "deadline")


def _relative(n: int, unit: str, base: dt.datetime, text: str, calendar: WorkCalendar) -> ResolvedDeadline:
    if unit in ("wd", "个工作日", "工作日"):
        if n > MAX_SPAN_DAYS // 2:
            raise _too_far(text)
        return _from_day(calendar.add_working_days(base.date(), n))
    if unit.startswith("h") or "小时" in unit:
        if n > MAX_SPAN_DAYS * 24:
            raise _too_far(text)
        return ResolvedDeadline(base + dt.timedelta(hours=n))
    days = n * 7 if unit.startswith("w") or unit in ("周", "个星期", "星期") else n
    if days > MAX_SPAN_DAYS:
        raise _too_far(text)
    return _from_day(calendar.add_days(base.date(), days, extend_past_rest_days=False))


def _absolute(match: re.Match[str], base: dt.datetime, text: str) -> ResolvedDeadline:
    year = int(match["y"]) if match["y"] else base.year
    try:
        day = dt.date(year, int(match["m"]), int(match["d"]))
        moment = dt.time(int(match["H"]), int(match["M"] or 0), int(match["S"] or 0)) if match["H"] else None
    except ValueError:
        raise InvalidInput(Msg.of("input.not_a_real_datetime", text=text.strip()), "deadline") from None
    if not match["y"] and day < base.date() - dt.timedelta(days=1):
        # "9-1" said in late September means next year's September 1
        try:
            day = day.replace(year=year + 1)
        except ValueError:  # 29 February
            day = day.replace(year=year + 1, day=28)
    if moment is None:
        return _from_day(DayResult(day))
    return ResolvedDeadline(dt.datetime.combine(day, moment, CHINA_TZ))


def _from_day(result: DayResult) -> ResolvedDeadline:
    return ResolvedDeadline(result.end_of_day(), result.estimated, result.reason)
