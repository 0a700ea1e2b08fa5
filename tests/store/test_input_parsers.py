"""Every parser of typed or file input: anything at all gives a value or InvalidInput, never another
exception, and adversarial input of 100,000 characters returns (linear time: `make bench` prints
the figures and their growth; here only that it returns at all)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from store.calendar.china_time import CHINA_TZ
from store.calendar.holiday_file import read_holiday_file
from store.errors import InvalidInput, WeiquanError
from store.records.case_input import case_fields_from_form, contact_fields_from_form, parse_references, parse_tags
from store.records.credit_code import credit_code_problem
from store.records.date_input import parse_date, parse_datetime
from store.records.deadline_input import parse_deadline
from store.records.money import parse_yuan
from tests.bench.parser_bench import CASES
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=CHINA_TZ)
ROOT = Path(__file__).resolve().parents[2]

# Characters the parsers care about, mixed with anything: digits of every kind, separators, units,
# signs, exponents, spaces, CJK date words, colons, currency marks, control characters.
_ALPHABET = st.sampled_from(
    list("0123456789０１２３٠١²³.,，_-+/:：eE年月日号点分时天周小时个工作wdhT ¥￥元块RMBCNY\n\t\x00\x85\u2028xX")
)
TYPED = st.one_of(st.text(), st.text(alphabet=_ALPHABET, max_size=60))


def _only_invalid_input(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        parse(text)
    except InvalidInput as problem:
        assert problem.text  # says something


@settings(max_examples=400, deadline=None)
@given(TYPED)
@example("1e999999")  # decimal.Overflow once
@example("123456789012345678901234567.891")  # decimal.InvalidOperation once
@example("1-1" + " " * 200 + "x")
def test_no_parser_raises_anything_but_invalid_input(text: str) -> None:
    _only_invalid_input(lambda t: parse_date(t, "order_date", today=NOW.date()), text)
    _only_invalid_input(lambda t: parse_datetime(t, "at", now=NOW), text)
    _only_invalid_input(lambda t: parse_deadline(t, NOW, CAL), text)
    _only_invalid_input(parse_yuan, text)
    _only_invalid_input(parse_references, text)
    assert all(tag for tag in parse_tags(text))
    credit_code_problem(text)  # a problem or None, never an exception


@settings(max_examples=200, deadline=None)
@example({"title": "t", "amount_paid": "1e999999"})
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "title",
                "amount_paid",
                "order_date",
                "delivery_date",
                "tags",
                "references",
                "respondent_credit_code",
                "compensation",
            ]
        ),
        TYPED,
    )
)
def test_the_case_form_gives_fields_or_invalid_input(values: dict[str, str]) -> None:
    _only_invalid_input(lambda _: case_fields_from_form(values, NOW.date()), "")


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["at", "deadline", "agent_id", "summary", "promise"]), TYPED))
def test_the_contact_form_gives_fields_or_invalid_input(values: dict[str, str]) -> None:
    _only_invalid_input(lambda _: contact_fields_from_form(values, NOW, CAL), "")


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=300), st.builds(lambda k, v: f"[{k}]\nholidays = [{v!r}]\n", TYPED, TYPED)))
@example("[\"²²²²\"]\nholidays = ['2027-01-01']\n")  # str.isdigit() is true for it; int() is not
@example("[\"１２３４\"]\nholidays = ['1234-01-01']\n")
def test_the_holiday_file_gives_years_or_one_clear_error(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("holidays") / "holidays.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        read_holiday_file(path, CAL)
    except WeiquanError as problem:
        assert problem.message


@pytest.mark.parametrize(
    "text", ["1e999999", "-1e999999", "123456789012345678901234567.891", "9" * 5000, "1e-999999999", "NaN", "sNaN"]
)
def test_amounts_no_decimal_can_hold_are_refused_plainly(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_yuan(text)


def test_a_reference_line_splits_at_its_first_colon() -> None:
    assert parse_references("售后单号：AS2026:01\nTicket: T-9") == [
        {"label": "售后单号", "value": "AS2026:01"},
        {"label": "Ticket", "value": "T-9"},
    ]


def test_every_parser_returns_on_100k_characters_of_adversarial_input() -> None:
    """A hang detector, not a performance figure: each parser case of the bench (the redactor is
    timed there, and made linear with its own patterns) runs once at 100k characters in a child
    process that must end within a generous limit. The quadratic date pattern took minutes, and so
    did the wording check's file-name pattern on a long run without spaces."""
    names = sorted({name for name, *_ in CASES if name != "redactor"})
    code = (
        "from tests.bench.parser_bench import CASES\n"
        f"for name, _, make, parse in CASES:\n"
        f"    if name in {names!r}:\n"
        "        parse(make(100_000))\n"
        "print('done')\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=30, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a parser did not return on 100k characters within 30 seconds (linear ones take well under one)")
    assert result.stdout.strip() == "done", result.stderr
