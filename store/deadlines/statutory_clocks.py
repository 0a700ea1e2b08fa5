"""Statutory clocks for a case, started by its facts and contacts (rules from rules.toml)."""

from __future__ import annotations

import datetime as dt
from operator import attrgetter

import msgspec

from store.calendar.china_time import CHINA_TZ, to_china
from store.calendar.workdays import DayResult, WorkCalendar, add_years
from store.records.models import Case, Direction
from store.rules.messages import Msg
from store.rules.rulebook import Rule, Trigger, channels_starting, rules

_ENDS = attrgetter("ends")


class StatutoryClock(msgspec.Struct, frozen=True, gc=False):  # a Struct: built in C, one per rule per case
    rule: Rule
    started: dt.date  # the trigger day (not counted)
    ends: dt.datetime  # 24:00 of the last day (or the exact hour for hour-based rules)
    estimated: bool
    reasons: tuple[Msg, ...] = ()  # why the end is an estimate, for the user's language

    @property
    def verified(self) -> bool:
        return self.rule.verified

    def is_over(self, now: dt.datetime) -> bool:
        return now > self.ends

    def state_key(self, now: dt.datetime) -> str:
        """The catalog key of its state: running, ended, or ended only by an estimate."""
        if not self.is_over(now):
            return "clocks.running"
        return "clocks.ended_estimated" if self.estimated else "clocks.ended"


class Start(msgspec.Struct, frozen=True, gc=False):
    """When a clock's trigger happened: the day, the moment where known, and any assumption made."""

    day: dt.date
    moment: dt.datetime | None = None
    assumed: Msg | None = None  # the start is the earliest it can have been, not a known fact


def trigger_start(case: Case, trigger: Trigger) -> Start | None:
    """When an event that starts a clock happened, if it has."""
    if trigger == "delivery":
        return Start(case.delivery_date) if case.delivery_date else None
    if trigger == "sign_off":
        if case.delivery_date is None:
            return None
        if case.delivery_time is None:  # 00:00 of the day: the earliest the sign-off can have been
            midnight = dt.datetime.combine(case.delivery_date, dt.time(), CHINA_TZ)
            return Start(case.delivery_date, midnight, Msg.of("clocks.assumed_sign_off_time"))
        return Start(case.delivery_date, dt.datetime.combine(case.delivery_date, case.delivery_time, CHINA_TZ))
    if trigger == "receipt":
        if case.delivery_date:
            return Start(case.delivery_date)
        # received no earlier than ordered: counting from the order never ends later than the law
        return Start(case.order_date, assumed=Msg.of("clocks.assumed_receipt")) if case.order_date else None
    if trigger == "sale":
        return Start(case.order_date) if case.order_date else None
    if trigger == "return_received":
        return Start(case.return_received_date) if case.return_received_date else None
    if trigger == "complaint_accepted":
        return Start(case.complaint_accepted_date) if case.complaint_accepted_date else None
    if trigger == "first_known":
        known = [d for d in (case.order_date, case.delivery_date) if d] or [case.created.date()]
        return Start(min(known))
    wanted = channels_starting(trigger)
    outgoing = Direction.OUTGOING
    filed = [c.at for c in case.contacts if c.channel in wanted and c.direction is outgoing]
    if not filed:
        return None
    first = to_china(min(filed))
    return Start(first.date(), first)


def compute_end(
    rule: Rule, start: dt.date, moment: dt.datetime | None, calendar: WorkCalendar
) -> DayResult | dt.datetime:
    if rule.unit == "hours":
        base = moment or dt.datetime.combine(start, dt.time(23, 59, 59), CHINA_TZ)
        return base + dt.timedelta(hours=rule.length)
    if rule.unit == "working_days":
        return calendar.add_working_days(start, rule.length)
    if rule.unit == "years":
        return add_years(start, rule.length)
    # The consumer's own window is never extended: show its earliest possible end.
    return calendar.add_days(start, rule.length, extend_past_rest_days=rule.party != "consumer")


def rule_applies(rule: Rule, case: Case) -> bool:
    """Is the rule relevant to this case's problem type and the facts the user confirmed?"""
    if rule.applies_to and case.category not in rule.applies_to:
        return False
    return all(getattr(case, fact) for fact in rule.requires)


def case_clocks(case: Case, calendar: WorkCalendar) -> list[StatutoryClock]:
    """Every clock this case has started, soonest end first, its days counted on ``calendar``."""
    found = []
    starts: dict[Trigger, Start | None] = {}  # several rules share a trigger: found once a case
    for rule in rules():
        if (rule.applies_to or rule.requires) and not rule_applies(rule, case):
            continue
        trigger = rule.trigger
        if trigger in starts:
            start = starts[trigger]
        else:
            start = starts[trigger] = trigger_start(case, trigger)
        if start is None:
            continue
        assumed = (start.assumed,) if start.assumed is not None else ()
        end = compute_end(rule, start.day, start.moment, calendar)
        if isinstance(end, DayResult):
            reason = end.reason
            reasons = assumed + ((reason,) if reason is not None else ())
            found.append(StatutoryClock(rule, start.day, end.end_of_day(), bool(reasons), reasons))
        else:
            found.append(StatutoryClock(rule, start.day, end, bool(assumed), assumed))
    found.sort(key=_ENDS)
    return found
