"""Input errors are catalog messages, said in the user's language (the catalogs themselves are
checked in tests/store/test_catalogs.py)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from store.calendar.china_time import CHINA_TZ
from store.errors import InvalidInput
from store.records.case_input import case_fields_from_form
from store.records.choice_input import parse_choice
from store.records.date_input import parse_date, parse_datetime
from store.records.deadline_input import parse_deadline
from store.records.duration_input import parse_duration
from store.records.models import Channel, Contact, build
from store.records.money import parse_yuan
from store.rules.messages import Messages, Msg
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=CHINA_TZ)
CJK = re.compile(r"[\u4e00-\u9fff]")


BAD_INPUT: list[tuple[str, Callable[[], object]]] = [
    ("not a date", lambda: parse_date("someday", "order_date", today=NOW.date())),
    ("no such date", lambda: parse_date("2026-02-30", "order_date", today=NOW.date())),
    ("no time", lambda: parse_datetime(" ", "at", now=NOW)),
    ("not a time", lambda: parse_datetime("noon", "at", now=NOW)),
    ("bad deadline", lambda: parse_deadline("soon", NOW, CAL)),
    ("deadline 30-02", lambda: parse_deadline("30-02", NOW, CAL)),
    ("too far", lambda: parse_deadline("9999d", NOW, CAL)),
    ("amount", lambda: parse_yuan("twelve")),
    ("decimals", lambda: parse_yuan("1.234")),
    ("huge", lambda: parse_yuan("99999999999999")),
    ("duration", lambda: parse_duration("forever")),
    ("channel", lambda: parse_choice("phone", Channel, "channel", "channel")),
    ("title", lambda: case_fields_from_form({"title": ""}, NOW.date())),
    ("credit code", lambda: case_fields_from_form({"title": "x", "respondent_credit_code": "123"}, NOW.date())),
    ("references", lambda: case_fields_from_form({"title": "x", "references": "no colon"}, NOW.date())),
    ("too long", lambda: build(Contact, {"id": 1, "at": NOW, "channel": "hotline", "agent_id": "8" * 201})),
]


@pytest.mark.parametrize(("name", "attempt"), BAD_INPUT, ids=[n for n, _ in BAD_INPUT])
def test_bad_input_is_said_in_either_language(name: str, attempt: Callable[[], object]) -> None:
    with pytest.raises(InvalidInput) as caught:
        attempt()
    error = caught.value
    assert error.msg.key, "the message comes from the catalogs"
    english, chinese = error.text(Messages("en")), error.text(Messages("zh-CN"))
    assert CJK.search(chinese) and chinese != english
    assert "{" not in english and "{" not in chinese


def test_a_list_parameter_is_joined_in_the_languages_own_way() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_choice("x", Channel, "channel", "channel")
    assert "客服热线（hotline）、12315（12315）" in caught.value.text(Messages("zh-CN"))
    assert "hotline (Hotline), 12315 (12315)" in caught.value.message


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("hotline", "hotline"),
        ("HOTLINE", "hotline"),
        ("客服热线", "hotline"),
        ("热线", "hotline"),
        ("Hotline", "hotline"),
    ]
    + [("在线客服", "online_cs"), ("online", "online_cs"), ("12315", "12315"), ("市场监管局", "market_bureau")],
)
def test_a_choice_by_value_or_by_label_in_either_language(typed: str, expected: str) -> None:
    assert parse_choice(typed, Channel, "channel", "channel").value == expected


def test_an_ambiguous_piece_of_a_label_is_refused() -> None:
    with pytest.raises(InvalidInput):
        parse_choice("客服", Channel, "channel", "channel")  # 在线客服 and 客服热线


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [("12:30", 750), ("1:02:03", 3723), ("12m", 720), ("1h5m", 3900), ("1h 5m", 3900), ("90s", 90)]
    + [("12分30秒", 750), ("1小时5分", 3900), ("12", 720), ("12 分钟", 720), ("", None)],
)
def test_durations(typed: str, seconds: int | None) -> None:
    assert parse_duration(typed) == seconds


@pytest.mark.parametrize("typed", ["12:60", "1:75:00", "m", "h", "25h", "12:3", "-5"])
def test_bad_durations(typed: str) -> None:
    with pytest.raises(InvalidInput):
        parse_duration(typed)


@pytest.mark.parametrize(("lang", "stop"), [("en", "."), ("zh-CN", "。")])
def test_a_sentence_put_before_a_full_stop_keeps_one_stop(lang: str, stop: str) -> None:
    """ "cannot be read: {problem}." with a problem that is itself a sentence says one stop, not two;
    a user's own text keeps its stops."""
    msgs = Messages(lang)
    problem = Msg.of("input.wrong_kind", field="tags")
    said = msgs(Msg.of("store.damaged_what", path="/tmp/weiquan.json", problem=problem))
    assert said.endswith(msgs(problem)[:-1] + stop) and stop * 2 not in said
    typed = "写的就是这样。" if lang == "zh-CN" else "as typed."
    assert msgs("store.damaged_what", path="/x", problem=typed).endswith(typed + stop)
