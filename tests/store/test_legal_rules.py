"""The law as of 2026 in the rules: the 2-year limits, 三包 from the sale, the 168-hour cut-off, the
2026 complaint Measures, one regulator per dispute, and estimates that never claim overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.deadlines.case_deadlines import PromiseStatus, case_deadlines, case_urgency, promise_status
from store.deadlines.due_report import due_items
from store.deadlines.next_step import Action, suggest_next_step
from store.deadlines.statutory_clocks import case_clocks
from store.records.models import Case, Channel, Direction
from store.rules.messages import Messages
from store.rules.rulebook import ladder_step, regulator_channels, regulator_notes, rules
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)
QUALITY_TYPES = ("quality", "counterfeit", "food")


@pytest.fixture
def store() -> CaseStore:
    return CaseStore.open(None, clock=lambda: NOW)


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=CHINA_TZ)


def by_id(case: Case) -> dict:
    return {c.rule.id: c for c in case_clocks(case, CAL)}


# -- 1. the 2-year limits ---------------------------------------------------------------------------


@pytest.mark.parametrize("category", QUALITY_TYPES)
def test_quality_cases_get_the_two_year_limits_before_the_three_year_one(store: CaseStore, category: str) -> None:
    case = store.create_case(
        {"title": "t", "category": category, "order_date": "2026-11-01", "delivery_date": "2026-11-03"}
    )
    clocks = by_id(case)
    defect, notice, general = clocks["defect_damage_limit"], clocks["quality_notice"], clocks["three_year_limit"]
    assert defect.ends.date() == dt.date(2028, 11, 1)  # 2 years from the earliest date known (the order)
    assert notice.ends.date() == dt.date(2028, 11, 3)  # 2 years from receipt (民法典 Art. 621)
    assert general.ends.date() == dt.date(2029, 11, 1)
    order = [c.rule.id for c in case_clocks(case, CAL)]
    assert order.index("defect_damage_limit") < order.index("three_year_limit")
    assert order.index("quality_notice") < order.index("three_year_limit")
    assert defect.verified and notice.verified
    assert "产品质量法第45条" in defect.rule.citation(
        "zh-CN"
    ) and "Product Quality Law Art. 45" in defect.rule.citation("en")
    assert "民法典第621条" in notice.rule.citation("zh-CN") and "Civil Code Art. 621" in notice.rule.citation("en")


def test_the_three_year_rule_names_the_shorter_limits_beside_it() -> None:
    general = next(r for r in rules() if r.id == "three_year_limit")
    assert "2年" in general.note("zh-CN") and "第45条" in general.note("zh-CN") and "第621条" in general.note("zh-CN")
    assert "2-year" in general.note("en") and "Art. 45" in general.note("en") and "Art. 621" in general.note("en")


def test_a_logistics_case_has_only_the_general_limit(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "category": "logistics", "order_date": "2026-11-01"})
    clocks = by_id(case)
    assert "three_year_limit" in clocks and "defect_damage_limit" not in clocks and "quality_notice" not in clocks


def test_the_quality_notice_counts_from_the_order_when_receipt_is_unknown(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "category": "quality", "order_date": "2026-11-01"})
    notice = by_id(case)["quality_notice"]
    assert notice.ends.date() == dt.date(2028, 11, 1) and notice.estimated
    assert "下单日" in Messages("zh-CN")(notice.reasons[0])


def test_the_due_report_lists_the_two_year_limits_first(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "category": "quality", "order_date": "2026-11-01"})
    items = [i for i in due_items([case], NOW, 3660, Messages("zh-CN"), calendar=CAL) if i.case_id == case.id]
    names = [i.label for i in items]
    three = names.index("三年期限（投诉与一般诉讼时效）")
    assert names.index("产品缺陷致损的诉讼时效（2年）") < three
    assert names.index("质量问题通知卖方（最迟收货后2年）") < three


# -- 2. 消法 Art. 24 after the 7 days -----------------------------------------------------------------


def test_non_conforming_goods_can_still_be_returned_after_seven_days() -> None:
    rule = next(r for r in rules() if r.id == "non_conforming_return")
    assert "7日后符合法定解除合同条件的，仍可及时退货" in rule.note("zh-CN")
    assert "更换、修理" in rule.note("zh-CN")
    assert "statutory conditions for ending the contract" in rule.note("en")


# -- 3 and 4. the right bureau, one regulator per dispute -----------------------------------------------


def test_the_regulator_is_the_platforms_domicile_not_where_you_live() -> None:
    notes = regulator_notes()
    assert (
        "住所地" in notes.where("zh-CN") and "第13条" in notes.where("zh-CN") and "第16条第1项" in notes.where("zh-CN")
    )
    assert "domiciled" in notes.where("en") and "Art. 13" in notes.where("en") and "Art. 16(1)" in notes.where("en")
    assert "第16条第2项" in notes.once("zh-CN") and "Art. 16(2)" in notes.once("en")
    bureau = ladder_step(Channel.MARKET_BUREAU)
    assert "住所地" in bureau.prepare("zh-CN") and "domiciled" in bureau.prepare("en")
    assert "或你所在地" not in bureau.prepare("zh-CN") and "or where you live" not in bureau.prepare("en")


def _silent_12315(store: CaseStore, ticket: str = "12315-2026-3300981") -> Case:
    case = store.create_case({"title": "t"})
    store.add_contact(
        case.id,
        {"at": at(2026, 11, 2), "channel": "hotline", "promise": "p", "deadline": at(2026, 11, 5)},
    )
    store.add_contact(case.id, {"at": at(2026, 11, 6), "channel": "hotline"})
    store.add_contact(case.id, {"at": at(2026, 11, 9), "channel": "12315", "reference_no": ticket})
    return store.get(case.id)


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_silent_regulator_is_asked_quoting_the_ticket_not_filed_with_again(store: CaseStore, lang: str) -> None:
    case = _silent_12315(store)
    step = suggest_next_step(case, NOW, CAL)  # 7 working days after 9 November ended on the 18th
    assert step.action is Action.CHASE_REGULATOR and step.channel is Channel.C12315
    assert step.then not in regulator_channels()
    text = step.describe(Messages(lang), case)
    assert "12315-2026-3300981" in text
    if lang == "zh-CN":
        assert "询问" in text and "不要" in text and "消协" in text and "直接向" not in text
    else:
        assert "ask" in text and "Do not" in text and "consumer association" in text and "directly" not in text


def test_a_pending_complaint_never_leads_to_a_second_regulator(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    store.add_contact(case.id, {"at": at(2026, 11, 24), "channel": "12315"})
    step = suggest_next_step(store.get(case.id), NOW, CAL)
    assert step.action is Action.WAIT_REGULATOR and step.then is Channel.PUBLIC_POST
    # a promise the 12315 office made and broke: still no second regulator
    store.add_contact(
        case.id,
        {
            "at": at(2026, 11, 25),
            "channel": "12315",
            "direction": "incoming",
            "promise": "call back",
            "deadline": at(2026, 11, 25, 18),
            "promise_state": "broken",
        },
    )
    store.update_case(case.id, {"complaint_accepted_date": "2026-11-25"})
    step = suggest_next_step(store.get(case.id), NOW, CAL)
    assert step.channel not in (Channel.MARKET_BUREAU,) and step.then is not Channel.MARKET_BUREAU


def test_a_complaint_filed_with_the_bureau_is_not_filed_again_with_12315(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    store.add_contact(
        case.id,
        {"at": at(2026, 11, 2), "channel": "hotline", "promise": "p", "deadline": at(2026, 11, 3)},
    )
    store.add_contact(case.id, {"at": at(2026, 11, 4), "channel": "hotline"})
    store.add_contact(case.id, {"at": at(2026, 11, 5), "channel": "market_bureau"})
    step = suggest_next_step(store.get(case.id), NOW, CAL)
    assert step.action is Action.CHASE_REGULATOR and step.channel is Channel.MARKET_BUREAU
    assert step.then is not Channel.C12315


CHANNELS = st.sampled_from(list(Channel))
CONTACTS = st.lists(
    st.tuples(
        st.integers(0, 60),
        CHANNELS,
        st.sampled_from(list(Direction)),
        st.sampled_from(["", "none", "pending", "broken", "kept"]),
    ),
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(contacts=CONTACTS, accepted=st.booleans())
def test_no_advice_ever_suggests_a_second_regulator(contacts: list, accepted: bool) -> None:
    store = CaseStore.open(None, clock=lambda: NOW)
    case = store.create_case({"title": "t", **({"complaint_accepted_date": "2026-11-01"} if accepted else {})})
    for days_ago, channel, direction, state in contacts:
        fields: dict = {"at": NOW - dt.timedelta(days=days_ago), "channel": channel, "direction": direction}
        if state:
            fields.update(promise="p", deadline=NOW - dt.timedelta(days=days_ago) + dt.timedelta(days=2))
            if state != "none":
                fields["promise_state"] = state
        store.add_contact(case.id, fields)
    case = store.get(case.id)
    filed = {
        c.channel for c in case.contacts if c.channel in regulator_channels() and c.direction is Direction.OUTGOING
    }
    step = suggest_next_step(case, NOW, CAL)
    if not filed or step is None:
        return
    others = set(regulator_channels()) - filed
    assert step.then not in others
    if step.action is Action.ESCALATE:
        assert step.channel not in others


# -- 5. the 2026 Measures -------------------------------------------------------------------------------

REPEALED = ("投诉举报处理暂行办法", "Interim Measures on Handling Complaints")


def test_no_rule_cites_the_repealed_interim_measures_and_every_date_is_current() -> None:
    for rule in rules():
        for lang in ("zh-CN", "en"):
            for text in (rule.citation(lang), rule.note(lang)):
                assert not any(old in text for old in REPEALED), rule.id
                assert "may have been replaced" not in text and "可能已" not in text, rule.id
        assert rule.as_of == dt.date(2026, 11, 30), rule.id


@pytest.mark.parametrize(
    ("rule_id", "zh", "en"),
    [
        ("regulator_accept", "办法（2026）第15条", "(2026) Art. 15"),
        ("mediation", "第22条、第23条第5项", "Arts. 22, 23(5)"),
        ("three_year_limit", "办法（2026）第16条第4项", "(2026) Art. 16(4)"),
        ("refund_after_return", "第25条第3款", "Art. 25 para. 3"),
    ],
)
def test_the_regulator_rules_cite_the_2026_measures(rule_id: str, zh: str, en: str) -> None:
    rule = next(r for r in rules() if r.id == rule_id)
    assert zh in rule.citation("zh-CN") and en in rule.citation("en")


# -- 6. 三包 ----------------------------------------------------------------------------------------------


def test_sanbao_applies_only_to_goods_marked_covered_and_runs_from_the_sale(store: CaseStore) -> None:
    cream = store.create_case(
        {"title": "面霜", "category": "quality", "order_date": "2026-11-01", "delivery_date": "2026-11-05"}
    )
    assert not {"sanbao_return", "sanbao_exchange"} & set(by_id(cream))
    phone = store.create_case(
        {
            "title": "手机",
            "category": "quality",
            "order_date": "2026-11-01",
            "delivery_date": "2026-11-05",
            "sanbao_covered": True,
        }
    )
    clocks = by_id(phone)
    assert clocks["sanbao_return"].started == dt.date(2026, 11, 1)  # the sale, not the delivery
    assert clocks["sanbao_return"].ends.date() == dt.date(2026, 11, 8)
    assert clocks["sanbao_exchange"].ends.date() == dt.date(2026, 11, 16)
    assert not clocks["sanbao_return"].verified and not clocks["sanbao_exchange"].verified


def test_sanbao_without_an_order_date_starts_no_clock(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "delivery_date": "2026-11-05", "sanbao_covered": True})
    assert not {"sanbao_return", "sanbao_exchange"} & set(by_id(case))


# -- 7. the 168-hour cut-off ------------------------------------------------------------------------------


def test_a_known_sign_off_time_shows_the_earlier_168_hour_end(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "delivery_date": "2026-11-13", "delivery_time": "18:20:00"})
    clocks = by_id(case)
    cutoff, legal = clocks["platform_return_cutoff"], clocks["no_reason_return"]
    assert cutoff.ends == at(2026, 11, 20, 18, 20)  # 168 hours after 13 November 18:20
    assert legal.ends == dt.datetime(2026, 11, 20, 23, 59, 59, tzinfo=CHINA_TZ)
    assert cutoff.ends < legal.ends and not cutoff.estimated
    assert not cutoff.verified  # platform practice, not found for Xiaohongshu
    assert "168" in cutoff.rule.note("zh-CN") and "小红书" in cutoff.rule.citation("zh-CN")
    assert "Xiaohongshu" in cutoff.rule.citation("en")
    order = [c.rule.id for c in case_clocks(case, CAL)]
    assert order.index("platform_return_cutoff") < order.index("no_reason_return")


def test_without_the_time_the_cut_off_is_the_earliest_it_can_be(store: CaseStore) -> None:
    case = store.create_case({"title": "t", "delivery_date": "2026-11-13"})
    cutoff = by_id(case)["platform_return_cutoff"]
    assert cutoff.ends == at(2026, 11, 20, 0, 0) and cutoff.estimated
    assert "0点" in Messages("zh-CN")(cutoff.reasons[0]) and "00:00" in Messages("en")(cutoff.reasons[0])


# -- 8. estimates never claim overdue --------------------------------------------------------------------


def _filed_before_new_year(store: CaseStore) -> Case:
    case = store.create_case({"title": "t"})
    store.add_contact(case.id, {"at": at(2026, 12, 28), "channel": "12315", "reference_no": "T-1"})
    return store.get(case.id)


def test_an_estimated_regulator_deadline_is_not_called_overdue_or_chased(store: CaseStore) -> None:
    case = _filed_before_new_year(store)
    clock = by_id(case)["regulator_accept"]
    assert clock.ends.date() == dt.date(2027, 1, 7) and clock.estimated  # 元旦 counted as a holiday
    after = at(2027, 1, 8, 10)
    deadline = next(d for d in case_deadlines(case, after, CAL) if d.clock is clock or d.clock == clock)
    assert deadline.overdue and not deadline.certainly_overdue
    urgency = case_urgency(case, after, CAL)
    assert urgency.overdue == 0 and urgency.overdue_estimated >= 1
    step = suggest_next_step(case, after, CAL)
    assert step.action is Action.WAIT_REGULATOR and step.past_estimate
    zh = step.describe(Messages("zh-CN"), case)
    en = step.describe(Messages("en"), case)
    assert "估算" in zh and "不要重复投诉" in zh and "T-1" in zh
    assert "estimate" in en and "T-1" in en
    assert clock.state_key(after) == "clocks.ended_estimated"


def test_a_promise_past_an_estimated_deadline_is_said_to_be_estimated(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    contact = store.add_contact(
        case.id,
        {
            "at": at(2026, 12, 30),
            "channel": "hotline",
            "promise": "退款",
            "deadline": at(2027, 1, 5, 23, 59),
            "deadline_estimated": True,
        },
    )
    later = at(2027, 1, 6, 9)
    assert promise_status(contact, later) is PromiseStatus.OVERDUE_ESTIMATED
    item = due_items([store.get(case.id)], later, 7, Messages("zh-CN"), calendar=CAL)[0]
    assert item.overdue and not item.certainly_overdue and item.state_label(Messages("zh-CN")) == "估算逾期"
    step = suggest_next_step(store.get(case.id), later, CAL)
    assert step.action is Action.FOLLOW_UP and "估算" in step.describe(Messages("zh-CN"), store.get(case.id))


# -- 10. the 7-day exclusions -----------------------------------------------------------------------------


def test_the_seven_day_exclusions_are_closed_and_opening_the_parcel_is_allowed() -> None:
    rule = next(r for r in rules() if r.id == "no_reason_return")
    zh, en = rule.note("zh-CN"), rule.note("en")
    assert "根据商品性质" in zh and "不得扩大" in zh and "拆封" in zh and "不影响退货" in zh
    assert "by their nature" in en and "may not widen" in en and "Opening the package" in en
