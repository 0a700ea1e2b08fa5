"""China's fixed statutory holidays, known for every year (全国年节及纪念日放假办法 (2024) Art. 2).

元旦 1 January; 春节 除夕 to 初三 (4 days); 清明 (the solar term's day); 劳动节 1–2 May; 端午 (5th day
of the 5th lunar month); 中秋 (15th day of the 8th lunar month); 国庆 1–3 October. These days are off
in any year; what the State Council announces each year on top of them (the bridge days off and
the make-up working days, 调休) is not knowable ahead and stays an estimate.

Lunar dates and the 清明 solar term come from ``lunar-python``. Of the candidates on PyPI it was
the one that fits: pure Python (sxtwl needs a compiled wheel for each platform), it has both the
lunar calendar and the 24 solar terms (lunardate and zhdate have no solar terms, so 清明 would need
a hand-written formula), and cnlunar carries a whole almanac. Checked: its Spring Festival, Qingming,
Dragon Boat and Mid-Autumn days fall on chinesecalendar's holidays in every year 2020–2026, and agree
with sxtwl in every year 2027–2099 (tests/store/test_fixed_holidays.py keeps the first check). It
is imported only when a year outside the built-in calendar is first counted (about 13 ms), and each
year is computed once (about 4 ms).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

FIRST_YEAR = 2025  # the 2024 revision of the 放假办法 took effect on 1 January 2025
LAST_YEAR = 2099  # the range checked against a second library


@cache
def fixed_holidays(year: int) -> frozenset[dt.date]:
    """The days off that Art. 2 fixes for ``year``; empty outside the years the rule covers."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return frozenset()
    from lunar_python import Lunar, Solar

    def solar(lunar: Lunar) -> dt.date:
        day = lunar.getSolar()
        return dt.date(day.getYear(), day.getMonth(), day.getDay())

    new_year = solar(Lunar.fromYmd(year, 1, 1))  # 正月初一
    # mid-April is always in the lunar year that starts in this Gregorian year
    qingming = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
    days = {
        dt.date(year, 1, 1),
        *(new_year + dt.timedelta(days=n) for n in range(-1, 3)),  # 除夕 (the eve), 初一 to 初三
        dt.date(qingming.getYear(), qingming.getMonth(), qingming.getDay()),
        dt.date(year, 5, 1),
        dt.date(year, 5, 2),
        solar(Lunar.fromYmd(year, 5, 5)),
        solar(Lunar.fromYmd(year, 8, 15)),
        dt.date(year, 10, 1),
        dt.date(year, 10, 2),
        dt.date(year, 10, 3),
    }
    return frozenset(days)  # 正月初一 is never before 21 January, so 除夕 is in the same year


def is_fixed_holiday(day: dt.date) -> bool:
    return day in fixed_holidays(day.year)
