"""Statutory clocks for a case, started by its facts and contacts (rules from rules.toml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from store.calendar.china_time import CHINA_TZ, to_china
from store.calendar.workdays import DayResult, add_days, add_working_days, add_years
from store.records.models import Case, Channel, Direction
from store.rules.rulebook import Rule, rules


@dataclass(frozen=True)
class StatutoryClock:
    rule: Rule
    started: dt.date  # the trigger day (not counted)
    ends: dt.datetime  # 24:00 of the last day (or the exact hour for hour-based rules)
    estimated: bool
    reason: str

    @property
    def verified(self) -> bool:
        return self.rule.verified

    def is_over(self, now: dt.datetime) -> bool:
        return now > self.ends


def trigger_day(case: Case, trigger: str) -> tuple[dt.date, dt.datetime | None] | None:
    """The day (and moment, where known) an event that starts a clock happened, if it has."""
    if trigger == "delivery":
        return (case.delivery_date, None) if case.delivery_date else None
    if trigger == "return_received":
        return (case.return_received_date, None) if case.return_received_date else None
    if trigger == "complaint_accepted":
        return (case.complaint_accepted_date, None) if case.complaint_accepted_date else None
    if trigger == "first_known":
        known = [d for d in (case.order_date, case.delivery_date) if d] or [case.created.date()]
        return (min(known), None)
    channels = {"complaint_filed": (Channel.C12315, Channel.MARKET_BUREAU), "public_post": (Channel.PUBLIC_POST,)}
    wanted = channels[trigger]
    filed = [c.at for c in case.contacts if c.channel in wanted and c.direction is Direction.OUTGOING]
    if not filed:
        return None
    first = to_china(min(filed))
    return (first.date(), first)


def compute_end(rule: Rule, start: dt.date, moment: dt.datetime | None) -> DayResult | dt.datetime:
    if rule.unit == "hours":
        base = moment or dt.datetime.combine(start, dt.time(23, 59, 59), CHINA_TZ)
        return base + dt.timedelta(hours=rule.length)
    if rule.unit == "working_days":
        return add_working_days(start, rule.length)
    if rule.unit == "years":
        return add_years(start, rule.length)
    # The consumer's own window is never extended: show its earliest possible end.
    return add_days(start, rule.length, extend_past_rest_days=rule.party != "consumer")


def case_clocks(case: Case) -> list[StatutoryClock]:
    """Every clock this case has started, soonest end first."""
    found = []
    for rule in rules():
        if rule.applies_to and case.category not in rule.applies_to:
            continue
        start = trigger_day(case, rule.trigger)
        if start is None:
            continue
        end = compute_end(rule, *start)
        if isinstance(end, DayResult):
            found.append(StatutoryClock(rule, start[0], end.end_of_day(), end.estimated, end.reason))
        else:
            found.append(StatutoryClock(rule, start[0], end, False, ""))
    return sorted(found, key=lambda c: c.ends)
