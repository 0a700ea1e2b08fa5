"""What happened and what is asked, in plain sentences: the 12315 form's boxes and the Markdown
complaint are both written from this.

The story tells what was bought, what went wrong and every contact with the business in order
(when, channel, agent ID, what was said, what was promised by when, whether it was kept). Filings
with a regulator, public posts and lawyers are not contacts with the business (ladder.toml's
``with_merchant``): they are neither listed nor counted. The claims state the refund and, on a
line of its own, the statutory extra compensation with its article, as store.deadlines.damages
derives it. User text is passed through ``scrub`` (the redactor, for a public version) and
otherwise kept as typed, lines included: escaping is the job of whoever writes it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from store.deadlines.case_deadlines import PromiseStatus, promise_status
from store.deadlines.damages import statutory_amount
from store.export.phrasing import Phrasing
from store.records.models import Case, Contact, Demand, Direction
from store.records.money import format_yuan
from store.rules.messages import Messages
from store.rules.rulebook import merchant_channels


@dataclass(frozen=True)
class ContactEntry:
    """One contact with the business: a heading sentence, what was said (the user's lines), the promise."""

    heading: str
    said: str
    promise: str

    def lines(self, colon: str) -> list[str]:
        """The entry as plain lines: heading and the first line said, the other lines, the promise."""
        said = [line.rstrip() for line in self.said.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        first = said[0].strip()
        lines = [self.heading + (colon + first if first else ""), *said[1:]]
        return [*lines, self.promise] if self.promise else lines


@dataclass(frozen=True)
class Story:
    purchase: str
    problem: str
    contacts_intro: str  # "" when there were no contacts with the business
    contacts: list[ContactEntry]
    status: str


@dataclass(frozen=True)
class Claims:
    main: str  # the refund, exchange, … asked for
    statutory: str  # the statutory extra compensation, on top of the refund ("" if none applies)
    detail: str  # the user's own words about the demand ("" if none)


def when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def merchant_contacts(case: Case) -> list[Contact]:
    """The contacts with the business itself, in time order."""
    channels = merchant_channels()
    return [c for c in case.timeline() if c.channel in channels]


class StoryTeller:
    def __init__(self, case: Case, msgs: Messages, now: dt.datetime, scrub: Callable[[str], str]) -> None:
        self.case, self.msgs, self.now, self.scrub = case, msgs, now, scrub
        self.say = Phrasing.for_lang(msgs.lang)

    def t(self, key: str, **values: object) -> str:
        return self.msgs(f"export.{key}", **values)

    def story(self) -> Story:
        c = self.case
        purchase = self.t(
            "narrative_order",
            date=c.order_date.isoformat() if c.order_date else self.t("unknown_date"),
            place=self.place(),
            product=self.scrub(c.product or c.title),
            order=self.scrub(c.order_no) or "—",
            amount=format_yuan(c.amount_paid_fen) or "—",
        )
        if c.delivery_date:
            purchase = self.say.sentences([purchase, self.t("narrative_delivery", date=c.delivery_date.isoformat())])
        problem = self.t(
            "narrative_problem", category=self.msgs.enum("category", c.category), title=self.scrub(c.title)
        )
        contacts = merchant_contacts(c)
        intro = self.t("story_contacts", n=len(contacts)) if contacts else ""
        status = self.t("narrative_outcome", status=self.msgs.enum("status", c.status))
        return Story(purchase, problem, intro, [self.entry(x) for x in contacts], status)

    def place(self) -> str:
        """Where it was bought, from what is known: a missing platform or shop is left out of the
        sentence (a dash in its place read "在小红书的—购买了" in the complaint)."""
        platform, shop = self.scrub(self.case.platform), self.scrub(self.case.shop)
        if platform and shop:
            return self.t("narrative_place_platform_shop", platform=platform, shop=shop)
        if platform:
            return self.t("narrative_place_platform", platform=platform)
        return self.t("narrative_place_shop", shop=shop) if shop else ""

    def entry(self, contact: Contact) -> ContactEntry:
        say = self.say
        heading = when(contact.at) + say.comma + self.msgs.enum("channel", contact.channel)
        if contact.direction is Direction.INCOMING:
            heading += say.paren(self.t("story_incoming"))
        if contact.agent_id:
            heading += say.comma + self.t("story_agent", agent=self.scrub(contact.agent_id))
        if contact.reference_no:
            heading += say.comma + self.t("story_ref", ref=self.scrub(contact.reference_no))
        return ContactEntry(heading, self.scrub(contact.summary).strip(), self.promise(contact))

    def promise(self, contact: Contact) -> str:
        status = promise_status(contact, self.now)
        if status is PromiseStatus.NONE:
            return ""
        state = self.t(f"story_state_{_STATE_KEYS[status]}")
        promised = self.scrub(contact.promise.strip())
        if contact.deadline is None:
            return self.t("story_promise_open", promise=promised, state=state)
        if not promised:
            return self.t("story_promise_deadline", deadline=when(contact.deadline), state=state)
        return self.t("story_promise", promise=promised, deadline=when(contact.deadline), state=state)

    def claims(self) -> Claims:
        return Claims(self.main_claim(), self.statutory(), self.scrub(self.case.demand_detail).strip())

    def main_claim(self) -> str:
        c = self.case
        amount = {
            Demand.RETURN_REFUND: c.amount_paid_fen,
            Demand.REFUND_ONLY: c.amount_paid_fen,
            Demand.COMPENSATION: c.compensation_fen,
        }
        if c.demand in amount:
            fen = amount[c.demand]
            if fen is None:  # the amount is not recorded: the claim says so rather than a blank
                return self.t(f"claim_{c.demand.value}_unknown")
            return self.t(f"claim_{c.demand.value}", amount=format_yuan(fen))
        if c.demand in (Demand.EXCHANGE, Demand.EXPLANATION):
            return self.t(f"claim_{c.demand.value}")
        return ""  # other: the user's own words (the detail) say it

    def statutory(self) -> str:
        amount = statutory_amount(self.case)
        if amount is None:
            return ""
        lang = self.msgs.lang
        return self.t(
            "statutory_line",  # the same line as the dossier's (store.export.legal_notes)
            amount=format_yuan(amount.amount_fen),
            formula=amount.formula(lang),
            citation=amount.citation(lang),
        )


_STATE_KEYS = {
    PromiseStatus.PENDING: "pending",
    PromiseStatus.DUE_SOON: "pending",
    PromiseStatus.OVERDUE: "overdue",
    PromiseStatus.KEPT: "kept",
    PromiseStatus.BROKEN: "broken",
}
