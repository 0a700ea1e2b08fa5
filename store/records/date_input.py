"""Dates and times as people type them: 2026-11-20, 2026/11/20, 11-20, 2026年11月20日 10:30.

Linear on any input: text longer than MAX_DATE_CHARS is refused before any pattern runs, and the
pattern has no two adjacent quantifiers that can match the same characters (each optional piece
starts with a character of its own), so a failing match backtracks over each character once.
"""

from __future__ import annotations

import datetime as dt
import re

from store.calendar.china_time import CHINA_TZ
from store.errors import InvalidInput
from store.rules.messages import Msg

DATE_FORMS = "2026-11-20, 2026/11/20, 11-20, 2026年11月20日"
DATETIME_FORMS = "2026-11-20 10:30, 11-20 10:30, 2026年11月20日 10点30"
MAX_DATE_CHARS = 40  # the longest form, "2026年11月20日 10点30分", has 20
# Years a record's dates may fall in: wide for any complaint (and for a clock left at 1970 by a
# device without a real-time clock), narrow enough that a deadline counted years past the last
# (statutory clocks, working days) and a conversion to China time stay within Python's dates
# (years 1 to 9999), which otherwise raise in every view of the case.
FIRST_YEAR, LAST_YEAR = 1970, 2199

DATE_PATTERN = re.compile(
    r"(?:(?P<y>\d{4})\s*[-/.年]\s*)?(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*(?:[日号]\s*)?"
    r"(?:t\s*)?(?:(?P<H>\d{1,2})[:：点](?P<M>\d{2})?(?::(?P<S>\d{2}))?分?)?"
)


def match_date(text: str) -> re.Match[str] | None:
    """The parts of a date (and time) typed in one of the forms above; None otherwise (and for
    anything longer than MAX_DATE_CHARS)."""
    raw = text.strip().lower()
    if len(raw) > MAX_DATE_CHARS:
        return None
    return DATE_PATTERN.fullmatch(raw)


def year_problem(day: dt.date, text: str) -> Msg | None:
    """What is wrong with a date outside FIRST_YEAR to LAST_YEAR (``text``: as typed or stored)."""
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    return Msg.of("input.year_out_of_range", text=shown_input(text), first=FIRST_YEAR, last=LAST_YEAR)


def check_year(day: dt.date, text: str, field: str) -> None:
    wrong = year_problem(day, text)
    if wrong is not None:
        raise InvalidInput(wrong, field)


def shown_input(raw: str) -> str:
    """What the user typed, for a message: shortened, so a pasted essay is not repeated back."""
    return raw if len(raw) <= MAX_DATE_CHARS else raw[: MAX_DATE_CHARS - 1] + "…"


def parse_date(text: str, field: str, *, today: dt.date) -> dt.date | None:
    """A calendar date, or None for empty input; the year defaults to ``today``'s."""
    raw = text.strip()
    if not raw:
        return None
    match = match_date(raw)
    if not match or match["H"] is not None:
        raise InvalidInput(Msg.of("input.not_a_date", text=shown_input(raw), forms=DATE_FORMS), field)
    try:
        day = dt.date(int(match["y"] or today.year), int(match["m"]), int(match["d"]))
    except ValueError:
        raise InvalidInput(Msg.of("input.not_a_real_date", text=raw), field) from None
    check_year(day, raw, field)
    return day


def parse_datetime(text: str, field: str, *, now: dt.datetime) -> dt.datetime:
    """A date with an optional time (China time); required."""
    raw = text.strip()
    if not raw:
        raise InvalidInput(Msg.of("input.time_needed", forms=DATETIME_FORMS), field)
    match = match_date(raw)
    if not match:
        raise InvalidInput(Msg.of("input.not_a_datetime", text=shown_input(raw), forms=DATETIME_FORMS), field)
    try:
        day = dt.date(int(match["y"] or now.year), int(match["m"]), int(match["d"]))
        moment = dt.time(int(match["H"] or 0), int(match["M"] or 0), int(match["S"] or 0))
    except ValueError:
        raise InvalidInput(Msg.of("input.not_a_real_datetime", text=raw), field) from None
    check_year(day, raw, field)
    return dt.datetime.combine(day, moment, CHINA_TZ)


def format_datetime(moment: dt.datetime) -> str:
    local = moment.astimezone(CHINA_TZ)
    return local.strftime("%Y-%m-%d %H:%M") + (f":{local.second:02d}" if local.second else "")
