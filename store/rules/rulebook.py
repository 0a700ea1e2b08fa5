"""The rules as data: statutory clocks (rules.toml) and the complaint ladder (ladder.toml).

Each file is described by the msgspec types below (store.rules.content_schema reads and checks it):
what a rule does comes from its flags (``requires``, ``done_when``, ``chase_when_overdue``,
``limitation``; a ladder step's ``starts`` and ``regulator``), never from its id.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal, get_args

from store.records.models import Category, Channel
from store.rules.content_schema import Schema, load_content

# What starts a clock (see the comment at the top of rules.toml).
Trigger = Literal[
    "delivery",
    "sign_off",
    "receipt",
    "sale",
    "return_received",
    "complaint_filed",
    "complaint_accepted",
    "public_post",
    "first_known",
]
Unit = Literal["days", "working_days", "hours", "years"]
# Whose deadline: the consumer's own window is never extended; one against a business or a
# regulator moves past a closing rest day (民法典 Art. 203).
Party = Literal["consumer", "business", "regulator"]
# Facts a user confirms on a case (yes/no fields of Case) that a rule may require.
CaseFact = Literal["sanbao_covered", "seller_knew", "deceived"]
# Case dates that can close a clock (done_when).
CaseDate = Literal["return_received_date", "complaint_accepted_date"]

TRIGGERS: tuple[Trigger, ...] = get_args(Trigger)
UNITS: tuple[Unit, ...] = get_args(Unit)
PARTIES: tuple[Party, ...] = get_args(Party)
CASE_FACTS: tuple[CaseFact, ...] = get_args(CaseFact)
CASE_DATES: tuple[CaseDate, ...] = get_args(CaseDate)


class Rule(Schema, frozen=True, kw_only=True):
    """A statutory clock ([[rule]] in rules.toml)."""

    id: str
    trigger: Trigger
    length: int
    unit: Unit
    party: Party
    verified: bool  # false: shown as unverified, never flagged overdue as if certain
    as_of: dt.date
    name_zh: str
    name_en: str
    citation_zh: str
    citation_en: str
    note_zh: str
    note_en: str
    applies_to: tuple[Category, ...] = ()  # problem categories it is relevant to (all when empty)
    requires: tuple[CaseFact, ...] = ()  # facts that must all be confirmed on the case
    done_when: CaseDate | None = None  # once this case date is filled in, the clock has done its job
    chase_when_overdue: bool = False  # silence past the end: ask the office about its decision
    limitation: bool = False  # a limitation period (the complaint draft lists them, shorter first)

    def name(self, lang: str) -> str:
        return self.name_zh if _zh(lang) else self.name_en

    def citation(self, lang: str) -> str:
        return self.citation_zh if _zh(lang) else self.citation_en

    def note(self, lang: str) -> str:
        return self.note_zh if _zh(lang) else self.note_en


class RulesFile(Schema, frozen=True):
    as_of: dt.date
    rule: tuple[Rule, ...]


class LadderStep(Schema, frozen=True, kw_only=True):
    """A channel of the complaint ladder ([[step]] in ladder.toml)."""

    channel: Channel
    tier: int  # 1 inside the platform, 2 outside it, 0 not part of escalation
    typical_days: int  # a rough expectation for a reply, for planning only
    guide: str  # a section of content/guide/sections.toml
    prepare_zh: str
    prepare_en: str
    with_merchant: bool  # a contact with the business itself, not a regulator, the public or a court
    starts: Trigger | None = None  # the clock an outgoing contact on this channel starts
    regulator: bool = False  # a complaint to a market regulator: one per dispute (办法 (2026) Art. 16(2))
    call_zh: tuple[str, ...] = ()  # the call mode's checklist
    call_en: tuple[str, ...] = ()

    @property
    def escalates(self) -> bool:
        return self.tier > 0

    def prepare(self, lang: str) -> str:
        return self.prepare_zh if _zh(lang) else self.prepare_en

    def call(self, lang: str) -> tuple[str, ...]:
        return self.call_zh if _zh(lang) else self.call_en


class RegulatorNotes(Schema, frozen=True):
    """What the ladder says about complaining to a regulator: which office, and only once."""

    jurisdiction_zh: str
    jurisdiction_en: str
    one_at_a_time_zh: str
    one_at_a_time_en: str

    def where(self, lang: str) -> str:
        return self.jurisdiction_zh if _zh(lang) else self.jurisdiction_en

    def once(self, lang: str) -> str:
        return self.one_at_a_time_zh if _zh(lang) else self.one_at_a_time_en


class LadderFile(Schema, frozen=True):
    as_of: dt.date
    regulator: RegulatorNotes
    step: tuple[LadderStep, ...]


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


@cache
def rules() -> tuple[Rule, ...]:
    return load_content("rules/rules.toml", RulesFile).rule


@cache
def ladder() -> tuple[LadderStep, ...]:
    return load_content("rules/ladder.toml", LadderFile).step


def regulator_notes() -> RegulatorNotes:
    return load_content("rules/ladder.toml", LadderFile).regulator


@cache  # the ladder never changes: asked for every case's clocks
def channels_starting(trigger: Trigger) -> frozenset[Channel]:
    """The channels whose outgoing contacts start clocks with this trigger."""
    return frozenset(step.channel for step in ladder() if step.starts == trigger)


def regulator_channels() -> tuple[Channel, ...]:
    return tuple(step.channel for step in ladder() if step.regulator)


def ladder_step(channel: Channel) -> LadderStep:
    return next(step for step in ladder() if step.channel is channel)


def merchant_channels() -> frozenset[Channel]:
    """Channels whose contacts are with the business itself (ladder.toml's ``with_merchant``)."""
    return frozenset(step.channel for step in ladder() if step.with_merchant)


def call_checklist(channel: Channel, lang: str) -> tuple[str, ...]:
    """What to say and ask during a call on ``channel`` (templates with {order} and {respondent});
    the checklist of ``other`` when the channel has none of its own."""
    own = ladder_step(channel).call(lang)
    return own if own else ladder_step(Channel.OTHER).call(lang)


def escalation_order() -> list[Channel]:
    """Channels that take part in escalation, lowest first."""
    return [step.channel for step in ladder() if step.escalates]
