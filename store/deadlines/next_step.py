"""The suggested next action for a case, from the ladder and the case's own history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from store.deadlines.case_deadlines import PromiseStatus, case_deadlines, promise_status
from store.records.models import Case, Channel, Contact, Direction, EvidenceKind, EvidenceState
from store.rules.evidence_needs import evidence_checklist
from store.rules.messages import Messages
from store.rules.rulebook import escalation_order, ladder_step


class Action(StrEnum):
    START = "start"  # nothing done yet: the first rung
    COLLECT = "collect"  # required evidence still missing
    WAIT = "wait"  # a promise is running
    FOLLOW_UP = "follow_up"  # a promise failed: chase once, asking for escalation
    ESCALATE = "escalate"  # move up the ladder
    CHASE_REGULATOR = "chase_regulator"  # 12315 did not decide in time
    WAIT_REGULATOR = "wait_regulator"  # a regulator's clock is running


@dataclass(frozen=True)
class NextStep:
    action: Action
    channel: Channel  # where to act (the guide opens at this channel's section)
    then: Channel | None  # what comes after, if this does not work
    because: Contact | None  # the contact that prompted it
    until: dt.datetime | None = None  # for WAIT_REGULATOR: when the regulator's time runs out

    def describe(self, msgs: Messages, case: Case) -> str:
        values = {
            "channel": msgs.enum("channel", self.channel),
            "then": msgs.enum("channel", self.then) if self.then else "",
        }
        if self.because is not None:
            c = self.because
            values.update(
                source=msgs.enum("channel", c.channel),
                promise=c.promise or msgs("next.something"),
                deadline=c.deadline.strftime("%m-%d") if c.deadline else "—",
                agent=c.agent_id or "?",
                date=c.at.strftime("%m-%d"),
            )
        if self.until is not None:
            values["until"] = self.until.strftime("%m-%d")
        if self.action is Action.COLLECT:
            separator = "、" if msgs.lang.startswith("zh") else ", "
            values["missing"] = separator.join(msgs.enum("evidence_kind", k) for k in _missing_required(case))
        key = f"next.{self.action.value}" + ("_then" if self.then else "")
        return msgs(key, **values)


def _missing_required(case: Case) -> list[EvidenceKind]:
    required = evidence_checklist(case.category, case.demand).required
    have = {e.kind for e in case.evidence if e.state is not EvidenceState.MISSING}
    return [k for k in required if k not in have]


def _highest_rung(case: Case) -> int:
    order = escalation_order()
    reached = [
        order.index(c.channel) for c in case.contacts if c.direction is Direction.OUTGOING and c.channel in order
    ]
    return max(reached, default=-1)


def _next_rung(case: Case, after: Channel | None = None) -> Channel | None:
    """The rung above everything tried so far (and above ``after``)."""
    order = escalation_order()
    base = _highest_rung(case)
    if after in order:
        base = max(base, order.index(after))
    return order[base + 1] if base + 1 < len(order) else None


def suggest_next_step(case: Case, now: dt.datetime) -> NextStep | None:
    """None for a finished case; otherwise the one thing to do now, and what would follow."""
    if not case.status.is_active or case.deleted_at is not None:
        return None
    timeline = case.timeline()
    if not timeline:
        return NextStep(Action.START, Channel.AFTER_SALES, Channel.ONLINE_CS, None)

    regulator = [d for d in case_deadlines(case, now) if d.clock is not None and d.clock.rule.party == "regulator"]
    if any(d.overdue and d.clock is not None and d.clock.rule.id == "regulator_accept" for d in regulator):
        return NextStep(Action.CHASE_REGULATOR, Channel.C12315, Channel.MARKET_BUREAU, None)

    failed = [c for c in timeline if promise_status(c, now) in (PromiseStatus.OVERDUE, PromiseStatus.BROKEN)]
    if failed:
        worst = failed[-1]
        followed_up = any(
            c.at > worst.at and c.channel is worst.channel and c.direction is Direction.OUTGOING for c in timeline
        )
        if not followed_up and ladder_step(worst.channel).tier == 1:
            return NextStep(Action.FOLLOW_UP, worst.channel, _tier2_entry(case), worst)

    running = [d for d in regulator if not d.overdue]
    if running:
        return NextStep(Action.WAIT_REGULATOR, Channel.C12315, _next_rung(case), None, running[0].when)

    if failed:
        target = _next_rung(case, failed[-1].channel)
        if target is not None:
            return NextStep(Action.ESCALATE, target, _next_rung_after(target), failed[-1])

    if _missing_required(case):
        return NextStep(Action.COLLECT, timeline[-1].channel, None, None)

    pending = [c for c in timeline if promise_status(c, now) in (PromiseStatus.PENDING, PromiseStatus.DUE_SOON)]
    if pending:
        return NextStep(Action.WAIT, pending[-1].channel, _next_rung(case), pending[-1])
    target = _next_rung(case)
    if target is None:
        return None
    return NextStep(Action.ESCALATE, target, _next_rung_after(target), None)


def _tier2_entry(case: Case) -> Channel | None:
    """The first channel outside the platform not yet used (12315 unless already filed)."""
    order = escalation_order()
    reached = _highest_rung(case)
    return next((ch for ch in order if ladder_step(ch).tier == 2 and order.index(ch) > reached), None)


def _next_rung_after(channel: Channel) -> Channel | None:
    order = escalation_order()
    i = order.index(channel)
    return order[i + 1] if i + 1 < len(order) else None
