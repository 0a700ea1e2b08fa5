"""Statutory clocks, the promise ledger, urgency order, next steps and statutory amounts."""

from __future__ import annotations

import datetime as dt

import pytest

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.deadlines.case_deadlines import PromiseStatus, by_urgency, promise_status
from store.deadlines.next_step import Action, suggest_next_step
from store.deadlines.statutory_clocks import case_clocks
from store.records.models import Channel, PromiseState
from store.rules.messages import Messages
from store.rules.rulebook import rules
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


def at(month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=CHINA_TZ)


@pytest.fixture
def store() -> CaseStore:
    return CaseStore.open(None, clock=lambda: NOW)


def clocks_by_id(case) -> dict:
    return {c.rule.id: c for c in case_clocks(case, CAL)}


def test_seven_day_return_counts_from_the_day_after_delivery_and_never_extends(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "delivery_date": "2026-09-26", "category": "quality"})
    clock = clocks_by_id(case)["no_reason_return"]
    # delivered Sat Sep 26; day 1 is Sep 27; day 7 is Oct 3, inside National Day: the consumer's own
    # window is shown at its earliest possible end, not moved past the holiday
    assert clock.started == dt.date(2026, 9, 26)
    assert clock.ends == dt.datetime(2026, 10, 3, 23, 59, 59, tzinfo=CHINA_TZ)
    assert clock.verified and "第25条" in clock.rule.citation("zh-CN") and "Art. 25" in clock.rule.citation("en")
    assert clock.rule.as_of == dt.date(2026, 11, 30)


def test_refund_clock_runs_against_the_business_and_moves_past_a_holiday(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "return_received_date": "2026-09-26"})
    clock = clocks_by_id(case)["refund_after_return"]
    assert clock.ends.date() == dt.date(2026, 10, 8)  # Oct 3 is a holiday -> next working day


def test_regulator_has_seven_working_days_after_a_12315_filing(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    store.add_contact(case.id, {"at": at(9, 28), "channel": Channel.C12315})
    clock = clocks_by_id(store.get(case.id))["regulator_accept"]
    assert clock.started == dt.date(2026, 9, 28)
    assert clock.ends.date() == dt.date(2026, 10, 13)  # Sep 29, 30, Oct 8, 9, 10 (make-up Sat), 12, 13
    assert clock.verified


def test_mediation_sixty_days_after_acceptance(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "complaint_accepted_date": "2026-10-01"})
    assert clocks_by_id(case)["mediation"].ends.date() == dt.date(2026, 11, 30)


def test_three_year_limit_from_the_earliest_known_date(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "order_date": "2026-11-01", "delivery_date": "2026-11-03"})
    assert clocks_by_id(case)["three_year_limit"].ends.date() == dt.date(2029, 11, 1)


def test_unverified_rules_are_marked_and_never_flag_overdue(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    store.add_contact(case.id, {"at": at(10, 1), "channel": Channel.C12315})
    odr = clocks_by_id(store.get(case.id))["odr_negotiation"]
    assert not odr.verified
    assert odr.rule.citation("en") == "secondary sources only; unverified"
    from store.deadlines.case_deadlines import case_deadlines

    flagged = [
        d for d in case_deadlines(store.get(case.id), NOW, CAL) if d.clock and d.clock.rule.id == "odr_negotiation"
    ]
    assert flagged and not flagged[0].overdue and odr.is_over(NOW)


def test_every_rule_has_a_citation_and_an_as_of_date() -> None:
    for rule in rules():
        assert rule.citation("zh-CN") and rule.citation("en") and rule.as_of
        if not rule.verified:
            assert "unverified" in rule.citation("en").lower() or "unverified" in rule.note("en").lower()


def test_promise_states(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    add = lambda **kw: store.add_contact(case.id, {"at": at(11, 20), "channel": "hotline", **kw})  # noqa: E731
    plain = add(summary="no promise")
    late = add(promise="refund", deadline=at(11, 25))
    soon = add(promise="call back", deadline=NOW + dt.timedelta(hours=20))
    later = add(promise="ship", deadline=NOW + dt.timedelta(days=5))
    open_ended = add(promise="look into it")
    kept = add(promise="x", deadline=at(11, 21))
    store.set_promise_state(case.id, kept.id, PromiseState.KEPT)
    got = {c.id: promise_status(c, NOW) for c in store.get(case.id).contacts}
    assert got == {
        plain.id: PromiseStatus.NONE,
        late.id: PromiseStatus.OVERDUE,
        soon.id: PromiseStatus.DUE_SOON,
        later.id: PromiseStatus.PENDING,
        open_ended.id: PromiseStatus.PENDING,
        kept.id: PromiseStatus.KEPT,
    }


def test_case_list_order_overdue_first_then_nearest_deadline_then_finished(store: CaseStore) -> None:
    calm = store.create_case({"title": "calm"})
    near = store.create_case({"title": "near"})
    store.add_contact(
        near.id, {"at": at(11, 25), "channel": "hotline", "promise": "p", "deadline": NOW + dt.timedelta(days=2)}
    )
    far = store.create_case({"title": "far"})
    store.add_contact(
        far.id, {"at": at(11, 25), "channel": "hotline", "promise": "p", "deadline": NOW + dt.timedelta(days=9)}
    )
    late = store.create_case({"title": "late"})
    store.add_contact(late.id, {"at": at(11, 20), "channel": "hotline", "promise": "p", "deadline": at(11, 22)})
    done = store.create_case({"title": "done", "status": "resolved"})
    order = [c.title for c, _ in by_urgency(store.cases(), NOW, CAL)]
    assert order[0] == "late" and order.index("near") < order.index("far") < order.index("calm")
    assert order[-1] == "done"
    del calm, done


def test_next_step_for_a_broken_hotline_promise(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    store.add_contact(
        case.id,
        {"at": at(11, 17), "channel": "hotline", "agent_id": "8821", "promise": "refund", "deadline": at(11, 20, 18)},
    )
    step = suggest_next_step(store.get(case.id), NOW, CAL)
    assert step.action is Action.FOLLOW_UP and step.channel is Channel.HOTLINE and step.then is Channel.C12315
    text = step.describe(Messages("en"), store.get(case.id))
    assert "8821" in text and "11-20" in text and "12315" in text and "escalat" in text
    # after one follow-up on the same channel, the suggestion is to file with 12315
    store.add_contact(case.id, {"at": at(11, 26, 9), "channel": "hotline", "summary": "asked for escalation"})
    step = suggest_next_step(store.get(case.id), NOW, CAL)
    assert step.action is Action.ESCALATE and step.channel is Channel.C12315


def test_next_step_for_an_unanswered_12315_filing(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    store.add_contact(
        case.id,
        {"at": at(11, 2), "channel": "hotline", "promise": "p", "deadline": at(11, 5), "promise_state": "broken"},
    )
    store.add_contact(case.id, {"at": at(11, 6), "channel": "hotline"})
    store.add_contact(case.id, {"at": at(11, 9), "channel": "12315"})
    step = suggest_next_step(store.get(case.id), NOW, CAL)  # 7 working days after Nov 9 ended Nov 18
    assert step.action is Action.CHASE_REGULATOR and step.channel is Channel.C12315
    assert step.then is not Channel.MARKET_BUREAU  # never a second regulator (办法 Art. 16(2))
    assert "12315" in step.describe(Messages("zh-CN"), store.get(case.id))


def test_no_next_step_for_a_resolved_case(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "status": "resolved"})
    assert suggest_next_step(case, NOW, CAL) is None


def test_a_new_case_starts_with_the_after_sales_request(store: CaseStore) -> None:
    step = suggest_next_step(store.create_case({"title": "t"}), NOW, CAL)
    assert step.action is Action.START and step.channel is Channel.AFTER_SALES
