"""The deadlines calendar: UIDs from stable ids, alarms never in the past, legal days as China-time
days with their time zone, valid when empty — read back by two parsers (icalendar, vobject)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
import vobject

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.deadlines.due_report import calendar_items
from store.export.icalendar_file import calendar
from store.records.models import PromiseState, Status
from store.rules.messages import Messages
from tests.conftest import FakeClock
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.cli import run_weiquan

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


def ics(store: CaseStore, lang: str = "zh-CN", within: int = 365) -> str:
    msgs = Messages(lang)
    now = store.clock()
    items, withdrawn = calendar_items(store.cases(include_deleted=True), now, within, msgs, calendar=calendar_to_2026())
    return calendar(items + withdrawn, now, msgs("clocks.unverified"), msgs("clocks.estimated"))


def events(text: str) -> dict[str, icalendar.Event]:
    """The events by UID, read by icalendar; vobject must read the same file and the same UIDs."""
    parsed = icalendar.Calendar.from_ical(text)
    found = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    other = vobject.readOne(text)
    assert sorted(str(e.uid.value) for e in getattr(other, "vevent_list", [])) == sorted(found)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    return found


def promise_events(text: str) -> dict[str, icalendar.Event]:
    return {uid: e for uid, e in events(text).items() if "-contact-" in uid}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def store(clock: FakeClock) -> CaseStore:
    return CaseStore.open(None, clock=clock)


def add_promise(store: CaseStore, case_id: int, words: str, deadline: dt.datetime, **extra: object) -> int:
    contact = store.add_contact(
        case_id,
        {"at": NOW - dt.timedelta(hours=1), "channel": "hotline", "promise": words, "deadline": deadline, **extra},
    )
    return contact.id


def test_two_promises_with_the_same_words_are_two_events(store: CaseStore) -> None:
    case = store.create_case({"title": "耳机"})
    add_promise(store, case.id, "退款", NOW + dt.timedelta(days=3))
    add_promise(store, case.id, "退款", NOW + dt.timedelta(days=3))
    assert len(promise_events(ics(store))) == 2


def test_editing_a_promise_or_the_language_keeps_the_uid_and_a_newer_version_wins(
    store: CaseStore, clock: FakeClock
) -> None:
    case = store.create_case({"title": "耳机"})
    contact_id = add_promise(store, case.id, "3个工作日内退款", NOW + dt.timedelta(days=3))
    ((uid, before),) = promise_events(ics(store)).items()
    assert uid == f"case-{case.id}-contact-{contact_id}-promise@weiquan.invalid"
    assert set(promise_events(ics(store, "en"))) == {uid}
    clock.advance(hours=2)
    store.update_contact(case.id, contact_id, {"promise": "5个工作日内退款", "deadline": NOW + dt.timedelta(days=5)})
    ((uid_after, after),) = promise_events(ics(store)).items()
    assert uid_after == uid and "5个工作日内退款" in str(after["SUMMARY"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after["LAST-MODIFIED"].dt > before["LAST-MODIFIED"].dt


def test_statutory_clocks_are_named_by_rule(store: CaseStore) -> None:
    case = store.create_case({"title": "围巾", "category": "wrong_item", "delivery_date": "2026-11-25"})
    uids = set(events(ics(store)))
    assert f"case-{case.id}-rule-no_reason_return@weiquan.invalid" in uids
    assert uids == set(events(ics(store, "en")))


def _alarm_moment(event: icalendar.Event) -> dt.datetime | None:
    alarms = event.walk("VALARM")
    if not alarms:
        return None
    (alarm,) = alarms
    return event["DTSTART"].dt + alarm["TRIGGER"].dt


@pytest.mark.parametrize(
    ("away", "expected"),
    [
        (dt.timedelta(days=3), dt.timedelta(days=3) - dt.timedelta(days=1)),  # the day before
        (dt.timedelta(hours=3), dt.timedelta(hours=2)),  # an hour before, not a day (already past)
        (dt.timedelta(minutes=30), dt.timedelta(minutes=30)),  # at the time
    ],
)
def test_alarms_are_never_in_the_past(store: CaseStore, away: dt.timedelta, expected: dt.timedelta) -> None:
    case = store.create_case({"title": "耳机"})
    add_promise(store, case.id, "回电", NOW + away)
    (event,) = promise_events(ics(store)).values()
    alarm = _alarm_moment(event)
    assert alarm is not None and alarm >= event["DTSTAMP"].dt
    assert alarm == NOW + expected


def test_a_day_deadline_is_that_whole_day_in_china_time(store: CaseStore) -> None:
    case = store.create_case({"title": "耳机"})
    day_end = dt.datetime(2026, 11, 30, 23, 59, 59, tzinfo=CHINA_TZ)  # "by 11-30" is 24:00 that day
    add_promise(store, case.id, "退款", day_end)
    text = ics(store)
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai" in text
    assert "DTSTART;TZID=Asia/Shanghai:20261130T000000" in text and "DTEND;TZID=Asia/Shanghai:20261201T000000" in text
    (event,) = promise_events(text).values()
    assert event["DTEND"].dt.utcoffset() == dt.timedelta(hours=8)
    assert _alarm_moment(event) == dt.datetime(2026, 11, 29, 9, 0, tzinfo=CHINA_TZ)  # 09:00 the day before


def test_an_alarm_on_the_day_when_the_day_before_has_passed(store: CaseStore) -> None:
    case = store.create_case({"title": "耳机"})
    add_promise(store, case.id, "退款", dt.datetime(2026, 11, 27, 23, 59, 59, tzinfo=CHINA_TZ))
    (event,) = promise_events(ics(store)).values()
    assert _alarm_moment(event) == dt.datetime(2026, 11, 27, 9, 0, tzinfo=CHINA_TZ)


def test_text_in_events_is_safe_and_reads_back(store: CaseStore) -> None:
    case = store.create_case({"title": "标题, 带; 逗号\\ 和\x1b[2J控制\n字符"})
    add_promise(store, case.id, "退款; 赔偿, 道歉\x07" + "很长" * 60, NOW + dt.timedelta(days=2), agent_id="A,1;2")
    text = ics(store)
    assert "\x1b" not in text and "\x07" not in text
    (event,) = promise_events(text).values()
    assert "退款; 赔偿, 道歉␇" in str(event["SUMMARY"])
    assert "标题, 带; 逗号\\ 和␛[2J控制\n字符" in str(event["DESCRIPTION"])
    other = vobject.readOne(text)
    assert "标题, 带; 逗号\\ 和␛[2J控制\n字符" in other.vevent.description.value


def test_nothing_upcoming_is_still_a_valid_calendar(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    CaseStore.open(db).create_case({"title": "nothing due"})
    target = tmp_path / "deadlines.ics"
    out = run_weiquan("ics", "--db", str(db), "-o", str(target), "--lang", "en")
    assert out.returncode == 0
    assert "no events" in out.stderr
    text = target.read_bytes().decode("utf-8")
    assert events(text) == {}
    assert icalendar.Calendar.from_ical(text).walk("VTIMEZONE")


def _status(event: icalendar.Event) -> str:
    return str(event.get("STATUS", "CONFIRMED"))


@pytest.mark.parametrize("state", [PromiseState.KEPT, PromiseState.BROKEN])
def test_a_promise_settled_since_the_last_export_is_cancelled_under_its_uid(
    store: CaseStore, clock: FakeClock, state: PromiseState
) -> None:
    """Re-importing the file replaces the reminder with a cancelled event (same UID, newer
    SEQUENCE) instead of leaving a reminder for a promise that no longer needs one."""
    case = store.create_case({"title": "耳机"})
    contact_id = add_promise(store, case.id, "退款", NOW + dt.timedelta(days=3))
    ((uid, before),) = promise_events(ics(store)).items()
    assert _status(before) != "CANCELLED" and before.walk("VALARM")
    clock.advance(hours=1)
    store.set_promise_state(case.id, contact_id, state)
    ((uid_after, after),) = promise_events(ics(store)).items()
    assert uid_after == uid and _status(after) == "CANCELLED" and not after.walk("VALARM")
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


@pytest.mark.parametrize("how", ["resolved", "deleted"])
def test_every_deadline_of_a_finished_case_is_cancelled(store: CaseStore, clock: FakeClock, how: str) -> None:
    case = store.create_case({"title": "围巾", "category": "wrong_item", "delivery_date": "2026-11-25"})
    add_promise(store, case.id, "退款", NOW + dt.timedelta(days=3))
    before = events(ics(store))
    assert before and all(_status(e) != "CANCELLED" for e in before.values())
    clock.advance(hours=1)
    if how == "resolved":
        store.update_case(case.id, {"status": Status.RESOLVED})
    else:
        store.delete_case(case.id)
    after = events(ics(store))
    assert set(after) == set(before) and all(_status(e) == "CANCELLED" for e in after.values())


def test_a_settled_promise_whose_day_has_passed_leaves_the_file(store: CaseStore, clock: FakeClock) -> None:
    case = store.create_case({"title": "耳机"})
    contact_id = add_promise(store, case.id, "退款", NOW + dt.timedelta(days=1))
    store.set_promise_state(case.id, contact_id, PromiseState.KEPT)
    assert promise_events(ics(store))
    clock.advance(days=2)
    assert not promise_events(ics(store))
