"""The rules as data: statutory clocks (rules.toml) and the complaint ladder (ladder.toml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from store.records.models import Category, Channel
from store.rules.content_files import read_toml

TRIGGERS = (
    "delivery",
    "sign_off",
    "receipt",
    "sale",
    "return_received",
    "complaint_filed",
    "complaint_accepted",
    "public_post",
    "first_known",
)
UNITS = ("days", "working_days", "hours", "years")
PARTIES = ("consumer", "business", "regulator")
# Facts a user confirms on a case (yes/no fields of Case) that a rule may require.
CASE_FACTS = ("sanbao_covered", "seller_knew", "deceived")
# Case dates that can close a clock (done_when).
CASE_DATES = ("return_received_date", "complaint_accepted_date")


@dataclass(frozen=True)
class Rule:
    id: str
    trigger: str
    length: int
    unit: str
    party: str
    verified: bool
    as_of: dt.date
    names: dict[str, str]
    citations: dict[str, str]
    notes: dict[str, str]
    applies_to: tuple[Category, ...] = ()
    requires: tuple[str, ...] = ()  # CASE_FACTS that must all be confirmed on the case
    done_when: str = ""  # a CASE_DATES field: once filled in, the clock has done its job
    chase_when_overdue: bool = False  # silence past the end: ask the office about its decision
    limitation: bool = False  # a limitation period

    def name(self, lang: str) -> str:
        return self.names[_key(lang)]

    def citation(self, lang: str) -> str:
        return self.citations[_key(lang)]

    def note(self, lang: str) -> str:
        return self.notes[_key(lang)]


@dataclass(frozen=True)
class LadderStep:
    channel: Channel
    tier: int
    typical_days: int
    guide: str
    prepare: dict[str, str]
    starts: str = ""  # the trigger an outgoing contact on this channel starts (complaint_filed, public_post)
    regulator: bool = False  # a complaint to a market regulator: one per dispute (办法 (2026) Art. 16(2))
    call: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the call mode's checklist

    @property
    def escalates(self) -> bool:
        return self.tier > 0


@dataclass(frozen=True)
class RegulatorNotes:
    """What the ladder says about complaining to a regulator: which office, and only once."""

    jurisdiction: dict[str, str]
    one_at_a_time: dict[str, str]

    def where(self, lang: str) -> str:
        return self.jurisdiction[_key(lang)]

    def once(self, lang: str) -> str:
        return self.one_at_a_time[_key(lang)]


def _key(lang: str) -> str:
    return "zh" if lang.startswith("zh") else "en"


@cache
def rules() -> tuple[Rule, ...]:
    loaded = []
    for raw in read_toml("rules/rules.toml")["rule"]:
        if raw["trigger"] not in TRIGGERS or raw["unit"] not in UNITS or raw["party"] not in PARTIES:
            raise ValueError(f"rules.toml: rule {raw.get('id')!r} has an unknown trigger, unit or party")
        requires = tuple(raw.get("requires", []))
        done_when = raw.get("done_when", "")
        if any(fact not in CASE_FACTS for fact in requires) or (done_when and done_when not in CASE_DATES):
            raise ValueError(f"rules.toml: rule {raw.get('id')!r} requires an unknown fact or date")
        loaded.append(
            Rule(
                id=raw["id"],
                trigger=raw["trigger"],
                length=int(raw["length"]),
                unit=raw["unit"],
                party=raw["party"],
                verified=bool(raw["verified"]),
                as_of=dt.date.fromisoformat(str(raw["as_of"])),
                names={"zh": raw["name_zh"], "en": raw["name_en"]},
                citations={"zh": raw["citation_zh"], "en": raw["citation_en"]},
                notes={"zh": raw["note_zh"], "en": raw["note_en"]},
                applies_to=tuple(Category(c) for c in raw.get("applies_to", [])),
                requires=requires,
                done_when=done_when,
                chase_when_overdue=bool(raw.get("chase_when_overdue", False)),
                limitation=bool(raw.get("limitation", False)),
            )
        )
    return tuple(loaded)


@cache
def ladder() -> tuple[LadderStep, ...]:
    return tuple(
        LadderStep(
            channel=Channel(raw["channel"]),
            tier=int(raw["tier"]),
            typical_days=int(raw["typical_days"]),
            guide=raw["guide"],
            prepare={"zh": raw["prepare_zh"], "en": raw["prepare_en"]},
            starts=_trigger(raw.get("starts", "")),
            regulator=bool(raw.get("regulator", False)),
            call={lang: tuple(raw[f"call_{lang}"]) for lang in ("zh", "en") if f"call_{lang}" in raw},
        )
        for raw in read_toml("rules/ladder.toml")["step"]
    )


def _trigger(name: str) -> str:
    if name and name not in TRIGGERS:
        raise ValueError(f"ladder.toml: unknown trigger {name!r}")
    return name


@cache
def regulator_notes() -> RegulatorNotes:
    raw = read_toml("rules/ladder.toml")["regulator"]
    return RegulatorNotes(
        {"zh": raw["jurisdiction_zh"], "en": raw["jurisdiction_en"]},
        {"zh": raw["one_at_a_time_zh"], "en": raw["one_at_a_time_en"]},
    )


def channels_starting(trigger: str) -> tuple[Channel, ...]:
    """The channels whose outgoing contacts start clocks with this trigger."""
    return tuple(step.channel for step in ladder() if step.starts == trigger)


def regulator_channels() -> tuple[Channel, ...]:
    return tuple(step.channel for step in ladder() if step.regulator)


def ladder_step(channel: Channel) -> LadderStep:
    return next(step for step in ladder() if step.channel is channel)


def call_checklist(channel: Channel, lang: str) -> tuple[str, ...]:
    """What to say and ask during a call on ``channel`` (templates with {order} and {respondent});
    the checklist of ``other`` when the channel has none of its own."""
    own = ladder_step(channel).call.get(_key(lang))
    return own if own else ladder_step(Channel.OTHER).call.get(_key(lang), ())


def escalation_order() -> list[Channel]:
    """Channels that take part in escalation, lowest first."""
    return [step.channel for step in ladder() if step.escalates]
