"""Years the built-in calendar lacks: the fixed statutory holidays (放假办法 Art. 2) are still days off."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from store.calendar.fixed_holidays import fixed_holidays
from store.calendar.holiday_file import YearCalendar
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026

D = dt.date


def test_seven_working_days_from_28_december_2026_skip_new_years_day_2027() -> None:
    calendar = calendar_to_2026()  # the premise: the built-in calendar stops at 2026
    assert not calendar.covers(2027)
    result = calendar.add_working_days(D(2026, 12, 28), 7)
    # Dec 29, 30, 31; Jan 1 is 元旦 (a holiday every year); Jan 2-3 weekend; Jan 4, 5, 6, 7
    assert result.day == D(2027, 1, 7)
    assert result.estimated and result.estimated_years == (2027,)


def test_2027_fixed_holidays_are_days_off_and_certain() -> None:
    # 2027: Spring Festival is 6 February (除夕 5 February); 清明 5 April; 端午 9 June; 中秋 15 September
    expected = {
        D(2027, 1, 1),
        D(2027, 2, 5),
        D(2027, 2, 6),
        D(2027, 2, 7),
        D(2027, 2, 8),
        D(2027, 4, 5),
        D(2027, 5, 1),
        D(2027, 5, 2),
        D(2027, 6, 9),
        D(2027, 9, 15),
        D(2027, 10, 1),
        D(2027, 10, 2),
        D(2027, 10, 3),
    }
    assert fixed_holidays(2027) == expected
    calendar = calendar_to_2026()
    for day in expected:
        assert calendar.is_working_day(day) == (False, False), day
    assert calendar.is_working_day(D(2027, 2, 9)) == (True, True)  # a Tuesday after the holiday: maybe a bridge day


@pytest.mark.parametrize("year", [2025, 2026])
def test_fixed_holidays_match_the_built_in_calendar(year: int) -> None:
    """Every day the rule fixes is a holiday in the State Council's notice, under the right festival."""
    counts: dict[str, int] = {}
    for day in fixed_holidays(year):
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        assert on_holiday, day
        counts[name] = counts.get(name, 0) + 1
    assert counts == {
        "New Year's Day": 1,
        "Spring Festival": 4,
        "Tomb-sweeping Day": 1,
        "Labour Day": 2,
        "Dragon Boat Festival": 1,
        "Mid-autumn Festival": 1,
        "National Day": 3,
    }


def test_lunar_holidays_before_2025_land_on_the_announced_festivals() -> None:
    """Before the 2024 revision the rule differed (no 除夕, one May day), but the festivals themselves
    are the same days: check the library's lunar and solar-term dates for 2020–2024 too."""
    from lunar_python import Lunar, Solar

    for year in range(2020, 2025):
        first = Lunar.fromYmd(year, 1, 1).getSolar()
        qingming = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
        for solar, name in (
            (first, "Spring Festival"),
            (qingming, "Tomb-sweeping Day"),
            (Lunar.fromYmd(year, 5, 5).getSolar(), "Dragon Boat Festival"),
            (Lunar.fromYmd(year, 8, 15).getSolar(), "Mid-autumn Festival"),
        ):
            day = D(solar.getYear(), solar.getMonth(), solar.getDay())
            on_holiday, found = chinese_calendar.get_holiday_detail(day)
            # 2020's Mid-Autumn fell on 1 October and is listed as National Day
            assert on_holiday and (found == name or (year, name) == (2020, "Mid-autumn Festival")), (year, name)


def test_a_regulator_clock_ending_on_a_fixed_holiday_moves_past_it() -> None:
    # 60 days from 2027-08-01 ends 2027-09-30 (Thu): fine; from 2027-08-02 ends 10-01, a holiday: moved to 10-04 (Mon)
    assert calendar_to_2026().add_days(D(2027, 8, 2), 60, extend_past_rest_days=True).day == D(2027, 10, 4)


def test_the_holiday_file_still_decides_the_years_it_lists() -> None:
    # a (made-up) file that says 1 January 2027 is a working day wins over the fixed holidays
    year = YearCalendar(2027, frozenset({D(2027, 2, 10)}), frozenset(), "test")
    calendar = calendar_to_2026({2027: year.is_working_day})
    assert calendar.is_working_day(D(2027, 1, 1)) == (True, False)
    assert calendar.add_working_days(D(2026, 12, 28), 7).day == D(2027, 1, 6)
    assert not calendar.add_working_days(D(2026, 12, 28), 7).estimated


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_estimate_is_explained_in_the_users_language(lang: str) -> None:
    reason = calendar_to_2026().add_working_days(D(2026, 12, 28), 7).reason
    assert reason is not None
    text = Messages(lang)(reason)
    assert "2027" in text
    if lang == "zh-CN":
        assert "周一至周五" in text and "元旦" in text and "调休" in text
        assert not any("a" <= ch <= "z" for ch in text.lower())  # no English left in the Chinese text
    else:
        assert "Monday to Friday" in text and "1 January" in text
