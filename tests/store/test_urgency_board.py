"""The urgency board ranks as a fresh sort would, counts deadlines again only for cases that
changed, and gives the very same cases ranked again within a second their last ranking, even when
a minute turned in between (the app ranks another session's change in a worker, then on its UI
thread: counting every deadline again there held it for 0.4 s at 10,000 cases)."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from store.calendar.china_time import CHINA_TZ
from store.calendar.workdays import WorkCalendar
from store.cases.case_store import CaseStore
from store.deadlines import urgency_board
from store.deadlines.case_deadlines import by_urgency
from store.deadlines.urgency_board import UrgencyBoard
from store.records.models import Case, Status
from tests.helpers.calendars import calendar_to_2026

START = dt.datetime(2026, 11, 20, 10, 0, 59, 500_000, tzinfo=CHINA_TZ)  # half a second before a minute turns


@pytest.fixture
def calendar() -> WorkCalendar:
    return calendar_to_2026()


@pytest.fixture
def cases() -> list[Case]:
    store = CaseStore.open(None, clock=lambda: START)
    for n in range(12):
        case = store.create_case({"title": f"case {n}", "status": "resolved" if n % 5 == 0 else "open"})
        if n % 3:
            store.add_contact(
                case.id,
                {
                    "at": "2026-11-18T10:00:00+08:00",
                    "channel": "hotline",
                    "promise": "退款",
                    "deadline": f"2026-11-{19 + n % 4}T18:00:00+08:00",
                },
            )
    return store.cases(ordered=False)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Ids of the cases whose deadlines the board counts."""
    seen: list[int] = []
    real = urgency_board.case_urgency

    def noting(case: Case, now: dt.datetime, calendar: WorkCalendar):  # type: ignore[no-untyped-def]
        seen.append(case.id)
        return real(case, now, calendar)

    monkeypatch.setattr(urgency_board, "case_urgency", noting)
    return seen


def test_the_same_cases_ranked_again_within_a_second_are_not_counted_again(
    cases: list[Case], calendar: WorkCalendar, counted: list[int]
) -> None:
    board = UrgencyBoard(calendar)
    first = board.rank(cases, START)
    counted.clear()
    later = START + dt.timedelta(milliseconds=600)  # the next minute
    assert board.rank(list(cases), later) == first
    assert counted == []
    much_later = START + dt.timedelta(seconds=2)
    assert board.rank(cases, much_later) == by_urgency(cases, much_later, calendar)
    assert sorted(counted) == sorted(c.id for c in cases)  # a new minute: everything counted again


def test_a_changed_case_is_counted_again_and_put_in_its_place(
    cases: list[Case], calendar: WorkCalendar, counted: list[int]
) -> None:
    board = UrgencyBoard(calendar)
    now = START.replace(second=0)
    board.rank(cases, now)
    changed = list(cases)
    last_in_line = board.rank(cases, now)[-1][0]
    at = changed.index(last_in_line)
    changed[at] = msgspec.structs.replace(last_in_line, status=Status.OPEN, contacts=cases[1].contacts)
    counted.clear()
    ranked = board.rank(changed, now + dt.timedelta(seconds=5))
    assert counted == [last_in_line.id]
    assert ranked == by_urgency(changed, now, calendar)
    assert ranked[-1][0].id != last_in_line.id


def test_cases_that_come_and_go_are_ranked_as_a_fresh_sort_would(cases: list[Case], calendar: WorkCalendar) -> None:
    board = UrgencyBoard(calendar)
    now = START.replace(second=0)
    board.rank(cases, now)
    fewer = cases[3:]
    assert board.rank(fewer, now) == by_urgency(fewer, now, calendar)
    assert board.rank(cases[::-1], now) == by_urgency(cases, now, calendar)


def test_an_urgency_that_came_out_the_same_in_a_new_minute_keeps_its_object(
    cases: list[Case], calendar: WorkCalendar
) -> None:
    store = CaseStore.open(None, clock=lambda: START)
    due = store.create_case({"title": "due in a minute"})
    store.add_contact(
        due.id,
        {
            "at": "2026-11-18T10:00:00+08:00",
            "channel": "hotline",
            "promise": "退款",
            "deadline": "2026-11-20T10:01:30+08:00",
        },
    )
    due = msgspec.structs.replace(store.get(due.id), id=99)  # beside the other store's cases
    every = [*cases, due]
    board = UrgencyBoard(calendar)
    before = {case.id: urgency for case, urgency in board.rank(every, START)}
    later = START + dt.timedelta(minutes=1, seconds=5)  # past that promise's end
    after = {case.id: urgency for case, urgency in board.rank(every, later)}
    assert after == {case.id: urgency for case, urgency in by_urgency(every, later, calendar)}
    assert after[due.id] is not before[due.id] and after[due.id].overdue == 1
    assert all(after[c.id] is before[c.id] for c in cases)  # nothing else changed: the same objects
