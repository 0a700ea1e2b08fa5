"""The suggested next action for a case, from the ladder and the case's own history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from store.calendar.workdays import WorkCalendar
from store.deadlines.case_deadlines import PromiseStatus, case_deadlines, promise_status
from store.records.models import Case, Channel, Contact, Direction, EvidenceKind, EvidenceState
from store.rules.evidence_needs import evidence_checklist
from store.rules.messages import Messages
from store.rules.rulebook import escalation_order, ladder_step, regulator_channels


class Action(StrEnum):
    START = "start"  # nothing done yet: the first rung
    COLLECT = "collect"  # required evidence still missing
    WAIT = "wait"  # a promise is running
    FOLLOW_UP = "follow_up"  # a promise failed: chase once, asking for escalation
    ESCALATE = "escalate"  # move up the ladder
    CHASE_REGULATOR = "chase_regulator"  # the regulator did not decide in time: ask the office that has it
    WAIT_REGULATOR = "wait_regulator"  # a regulator's clock is running (or only estimated to have ended)


@dataclass(frozen=True)
class NextStep:
    action: Action
    channel: Channel  # where to act (the guide opens at this channel's section)
    then: Channel | None  # what comes after, if this does not work
    because: Contact | None  # the contact that prompted it
    until: dt.datetime | None = None  # for WAIT_REGULATOR: when the regulator's time runs out
    estimated: bool = False  # ``until`` is an estimate (the year's holidays are not announced)
    past_estimate: bool = False  # ``until`` has passed, but being an estimate the time may not be up
    ticket: str = ""  # the complaint (工单) number of the regulator filing, if recorded

    def describe(self, msgs: Messages, case: Case) -> str:
        values = {
            "channel": msgs.enum("channel", self.channel),
            "then": msgs.enum("channel", self.then) if self.then else "",
            "ticket": msgs("next.ticket", number=self.ticket) if self.ticket else "",
        }
        if self.because is not None:
            c = self.because
            deadline = c.deadline.strftime("%m-%d") if c.deadline else "—"
            values.update(
                source=msgs.enum("channel", c.channel),
                promise=c.promise or msgs("next.something"),
                deadline=deadline + (msgs("next.estimated_mark") if c.deadline and c.deadline_estimated else ""),
                agent=c.agent_id or "?",
                date=c.at.strftime("%m-%d"),
            )
        key = f"next.{self.action.value}"
        if self.until is not None:
            values["until"] = self.until.strftime("%m-%d") + (msgs("next.estimated_mark") if self.estimated else "")
            if self.past_estimate:
                key = "next.regulator_estimated_past"
        if self.action is Action.COLLECT:
            separator = "、" if msgs.lang.startswith("zh") else ", "
            values["missing"] = separator.join(msgs.enum("evidence_kind", k) for k in _missing_required(case))
        return msgs(key + ("_then" if self.then else ""), **values)


_FAILED = (PromiseStatus.OVERDUE, PromiseStatus.OVERDUE_ESTIMATED, PromiseStatus.BROKEN)


def _missing_required(case: Case) -> list[EvidenceKind]:
    required = evidence_checklist(case.category, case.demand).required
    have = {e.kind for e in case.evidence if e.state is not EvidenceState.MISSING}
    return [k for k in required if k not in have]


def _regulator_filing(case: Case) -> Contact | None:
    """The first complaint the consumer made to a regulator (12315 or a bureau), if any."""
    regulators = regulator_channels()
    filed = [c for c in case.timeline() if c.channel in regulators and c.direction is Direction.OUTGOING]
    return filed[0] if filed else None


def _ticket(case: Case, filing: Contact) -> str:
    """The complaint number the regulator gave, from the contacts on the filing's channel."""
    numbers = [c.reference_no for c in case.timeline() if c.channel is filing.channel and c.reference_no]
    return numbers[0] if numbers else ""


def _order(case: Case) -> list[Channel]:
    """The escalation order for this case: once a regulator has the dispute, no other regulator
    is ever suggested (a second complaint about the same dispute is refused, 办法 Art. 16(2))."""
    order = escalation_order()
    if _regulator_filing(case) is None:
        return order
    regulators = regulator_channels()
    used = {c.channel for c in case.contacts if c.direction is Direction.OUTGOING}
    return [ch for ch in order if ch not in regulators or ch in used]


def _highest_rung(case: Case) -> int:
    order = _order(case)
    reached = [
        order.index(c.channel) for c in case.contacts if c.direction is Direction.OUTGOING and c.channel in order
    ]
    return max(reached, default=-1)


def _next_rung(case: Case, after: Channel | None = None) -> Channel | None:
    """The rung above everything tried so far (and above ``after``), never a second regulator."""
    order = _order(case)
    base = _highest_rung(case)
    if after in order:
        base = max(base, order.index(after))
    return order[base + 1] if base + 1 < len(order) else None


def suggest_next_step(case: Case, now: dt.datetime, calendar: WorkCalendar) -> NextStep | None:
    """None for a finished case; otherwise the one thing to do now, and what would follow."""
    if not case.status.is_active or case.deleted_at is not None:
        return None
    timeline = case.timeline()
    if not timeline:
        return NextStep(Action.START, Channel.AFTER_SALES, Channel.ONLINE_CS, None)

    deadlines = case_deadlines(case, now, calendar)
    regulator = [d for d in deadlines if d.clock is not None and d.clock.rule.party == "regulator"]
    filing = _regulator_filing(case)
    office = filing.channel if filing is not None else Channel.C12315
    ticket = _ticket(case, filing) if filing is not None else ""
    # Only a certain overdue prompts the chase: an estimated end may come too early.
    if any(d.certainly_overdue and d.clock is not None and d.clock.rule.chase_when_overdue for d in regulator):
        return NextStep(Action.CHASE_REGULATOR, office, _next_rung(case, office), None, ticket=ticket)

    failed = [c for c in timeline if promise_status(c, now) in _FAILED]
    if failed:
        worst = failed[-1]
        followed_up = any(
            c.at > worst.at and c.channel is worst.channel and c.direction is Direction.OUTGOING for c in timeline
        )
        if not followed_up and ladder_step(worst.channel).tier == 1:
            return NextStep(Action.FOLLOW_UP, worst.channel, _tier2_entry(case), worst)

    running = [d for d in regulator if not d.certainly_overdue]
    if running:
        first = running[0]
        return NextStep(
            Action.WAIT_REGULATOR,
            office,
            _next_rung(case, office),
            None,
            first.when,
            estimated=first.estimated,
            past_estimate=first.overdue,
            ticket=ticket,
        )

    # Escalating outside is for promises certainly broken, not ones past an estimated deadline.
    failed = [c for c in failed if promise_status(c, now) is not PromiseStatus.OVERDUE_ESTIMATED]
    if failed:
        target = _next_rung(case, failed[-1].channel)
        if target is not None:
            return NextStep(Action.ESCALATE, target, _next_rung(case, target), failed[-1])

    if _missing_required(case):
        return NextStep(Action.COLLECT, timeline[-1].channel, None, None)

    pending = [c for c in timeline if promise_status(c, now) in (PromiseStatus.PENDING, PromiseStatus.DUE_SOON)]
    if pending:
        return NextStep(Action.WAIT, pending[-1].channel, _next_rung(case), pending[-1])
    target = _next_rung(case)
    if target is None:
        return None
    return NextStep(Action.ESCALATE, target, _next_rung(case, target), None)


def _tier2_entry(case: Case) -> Channel | None:
    """The first channel outside the platform not yet used (12315 unless already filed)."""
    order = _order(case)
    reached = _highest_rung(case)
    return next((ch for ch in order if ladder_step(ch).tier == 2 and order.index(ch) > reached), None)
