"""English says "1 case" and "2 cases": messages that depend on a number have both forms."""

from __future__ import annotations

import pytest

from store.rules.messages import Messages

EN, ZH = Messages("en"), Messages("zh-CN")


@pytest.mark.parametrize(
    ("key", "one", "two"),
    [
        ("statusline.cases", "1 case", "2 cases"),
        ("statusline.broken", "1 broken promise", "2 broken promises"),
        ("statusline.upcoming", "1 deadline within 7 days", "2 deadlines within 7 days"),
        ("evidence.missing_required", "1 required item still missing", "2 required items still missing"),
        ("due.within", "within 1 day", "within 2 days"),
        ("holidays.holiday_count", "1 holiday", "2 holidays"),
        ("deadlines_table.years", "year", "years"),
    ],
)
def test_english_has_a_singular_and_a_plural(key: str, one: str, two: str) -> None:
    assert EN(key, count=1) == one
    assert EN(key, count=2) == two
    assert EN(key, count=0).endswith(two.split(" ", 1)[-1].split("2", 1)[-1])  # "0 cases"


def test_chinese_has_one_form_for_every_count() -> None:
    assert ZH("statusline.cases", count=1) == "1 个案件" and ZH("statusline.cases", count=3) == "3 个案件"


def test_the_status_line_reads_right_with_ones() -> None:
    line = EN(
        "statusline.summary",
        cases=EN("statusline.cases", count=1),
        overdue=EN("statusline.overdue", count=1),
        broken=EN("statusline.broken", count=1),
        upcoming=EN("statusline.upcoming", count=1),
    )
    assert line == "1 case · 1 overdue · 1 broken promise · 1 deadline within 7 days"


def test_a_plural_message_without_a_count_takes_the_plural() -> None:
    assert EN("statusline.cases") == "{count} cases"
