"""The Markdown pieces the exports share: facts table, contacts, evidence, deadlines.

Labels come from the catalog; user text is redacted when asked (``scrub``) and then written with
store.export.markdown_text, so every renderer shows it as typed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store.calendar.workdays import WorkCalendar
from store.deadlines.case_deadlines import promise_status
from store.deadlines.statutory_clocks import StatutoryClock, case_clocks
from store.export.case_story import StoryTeller, when
from store.export.markdown_text import cell, code_span, inline, table, text_lines
from store.export.phrasing import Phrasing
from store.export.redaction import Redacted, Redactor
from store.export.redaction.review import FindingTally, Review
from store.records.case_input import format_sign_off
from store.records.duration_input import duration_words
from store.records.models import Case, Contact, EvidenceState
from store.records.money import format_yuan
from store.rules.evidence_needs import evidence_checklist
from store.rules.messages import Messages
from store.rules.rulebook import CASE_FACTS

TIMELINE_COLUMNS = (
    "col_n",
    "col_when",
    "col_channel",
    "col_agent",
    "col_ref",
    "col_said",
    "col_promise",
    "col_deadline",
    "col_kept",
)


class CaseWriter:
    def __init__(
        self, case: Case, msgs: Messages, now: dt.datetime, calendar: WorkCalendar, redact: bool, review: Review
    ) -> None:
        self.case, self.msgs, self.now, self.calendar = case, msgs, now, calendar
        self.redacted = redact
        self.redactor = Redactor.for_case(case, keep=review.keep, extra=review.extra) if redact else None
        self.done: dict[str, Redacted] = {}  # each field appears twice (table and details): redact it once
        self.tally = FindingTally(review.keep)
        self.pieces: dict[str, None] = {}  # the user's text in the document, for the wording check
        self.say = Phrasing.for_lang(msgs.lang)
        self.colon = self.say.colon
        self.teller = StoryTeller(case, msgs, now, self.scrub)

    def scrub(self, text: str, *, file_name: bool = False) -> str:
        """The user's text as the document shows it: redacted if asked, its spans tallied. The
        wording check reads it as shown (its quotes never bring back what was masked), file names
        apart: a word in the user's own file name is not something they say."""
        if self.redactor is None:
            shown = text
        else:
            done = self.done.get(text)
            if done is None:
                done = self.done[text] = self.redactor.redact(text)
            self.tally.add(done.spans)
            shown = done.text
        if not file_name:
            self.pieces[shown] = None
        return shown

    def scrub_name(self, name: str) -> str:
        return self.scrub(name, file_name=True)

    def t(self, key: str, **values: object) -> str:
        return self.msgs(f"export.{key}", **values)

    def cell(self, text: str) -> str:
        return cell(self.scrub(text))

    def inline(self, text: str) -> str:
        return inline(self.scrub(text))

    def quote(self, text: str) -> list[str]:
        return ["> " + line for line in text_lines(self.scrub(text))]

    def paren(self, text: str) -> str:
        """An aside, already Markdown, in the language's brackets."""
        return self.say.paren(text)

    def facts(self) -> list[str]:
        c, m = self.case, self.msgs
        rows = [
            (m("field.platform"), " · ".join(x for x in (c.platform, c.shop) if x)),
            (m("field.order_no"), c.order_no),
            (m("field.product"), c.product),
            (m("field.amount_paid"), format_yuan(c.amount_paid_fen)),
            (m("field.order_date"), c.order_date.isoformat() if c.order_date else ""),
            (m("field.delivery_date"), format_sign_off(c)),
            (m("field.category"), m.enum("category", c.category)),
            (m("field.demand"), self.demand_text()),
            (m("field.loss"), format_yuan(c.loss_fen)),
            (m("field.status"), m.enum("status", c.status) + (f" — {c.outcome}" if c.outcome else "")),
        ]
        confirmed = [m(f"field.{fact}") for fact in CASE_FACTS if getattr(c, fact)]
        rows.append((m("export.confirmed"), ("；" if self.say.zh else "; ").join(confirmed)))
        rows += [(r.label, r.value) for r in c.references]
        body = [[cell(label), self.cell(value)] for label, value in rows if value]
        return table([cell(self.t("item")), cell(self.t("value"))], body)

    def demand_text(self) -> str:
        c, m = self.case, self.msgs
        text = m.enum("demand", c.demand)
        if c.compensation_fen is not None:
            text += f" {format_yuan(c.compensation_fen)}"
        if c.demand_detail:
            text += f" — {c.demand_detail}"
        return text

    def promise_label(self, contact: Contact) -> str:
        return self.msgs(f"promise.{promise_status(contact, self.now).value}")

    def timeline_table(self) -> list[str]:
        headers = [cell(self.t(k)) for k in TIMELINE_COLUMNS]
        channel = {ch: cell(self.msgs.enum("channel", ch)) for ch in {c.channel for c in self.case.contacts}}
        rows = []
        for n, c in enumerate(self.case.timeline(), start=1):
            rows.append(
                [
                    str(n),
                    when(c.at),
                    channel[c.channel],
                    self.cell(c.agent_id),
                    self.cell(c.reference_no),
                    self.cell(c.summary),
                    self.cell(c.promise),
                    when(c.deadline) + ("≈" if c.deadline_estimated else ""),
                    cell(self.promise_label(c)),
                ]
            )
        return table(headers, rows)

    def timeline_details(self) -> list[str]:
        m, colon = self.msgs, self.colon
        # labels looked up once, not once per contact (a case can have a thousand)
        labels = {
            "agent": inline(m("field.agent_id")),
            "ref": inline(m("field.reference_no")),
            "promise": inline(m("field.promise")),
            "said": inline(m("field.summary")) + colon.strip(),
            "direction": inline(self.t("direction")),
            "deadline": inline(self.t("col_deadline")),
            "duration": inline(m("field.duration")),
        }
        channel = {ch: inline(m.enum("channel", ch)) for ch in {c.channel for c in self.case.contacts}}
        direction = {d: inline(m.enum("direction", d)) for d in {c.direction for c in self.case.contacts}}
        out: list[str] = []
        for n, c in enumerate(self.case.timeline(), start=1):
            out += [
                "",
                f"### {n}. {when(c.at)} · {channel[c.channel]}",
                "",
                f"- {labels['direction']}{colon}{direction[c.direction]}",
            ]
            if c.duration is not None:
                out.append(f"- {labels['duration']}{colon}{inline(m(duration_words(c.duration)))}")
            for key, value in (("agent", c.agent_id), ("ref", c.reference_no)):
                if value:
                    out.append(f"- {labels[key]}{colon}{self.inline(value)}")
            if c.promise.strip():
                out += self.item_lines(f"- {labels['promise']}{colon}", c.promise)
            if c.deadline:
                out.append(
                    f"- {labels['deadline']}{colon}{when(c.deadline)}{self.paren(inline(self.promise_label(c)))}"
                )
            if c.summary.strip():
                out += [f"- {labels['said']}", ""]
                out += ["  " + q for q in self.quote(c.summary)]
        return out

    def item_lines(self, start: str, text: str, indent: int = 2) -> list[str]:
        """A list item whose text keeps the user's lines (continuation lines indented under it)."""
        lines = text_lines(self.scrub(text))
        if not lines:
            return [start.rstrip()]
        return [start + lines[0]] + [" " * indent + line for line in lines[1:]]

    def evidence_list(self) -> list[str]:
        say = self.say
        out, n = [], 0
        for item in self.case.evidence:
            if item.state is EvidenceState.MISSING and not item.files:
                continue
            n += 1
            head = (
                f"{n}. **{inline(self.t('exhibit', n=n))}** {inline(self.msgs.enum('evidence_kind', item.kind))}"
                + self.paren(inline(self.msgs.enum("evidence_state", item.state)))
            )
            indent = len(f"{n}. ")
            out += self.item_lines(head + self.colon, item.note, indent) if item.note.strip() else [head]
            for f in item.files:
                name = self.scrub_name(Path(f.path).name)
                out.append(
                    " " * indent + f"- {code_span(name)} — {inline(say.size(f.size))} — SHA-256 {code_span(f.sha256)}"
                )
        missing = self.missing_evidence()
        if missing:
            label = self.t("evidence_missing") + ("" if say.zh else " ")  # the label ends in ：or :
            out += ([""] if out else []) + [inline(label + say.enumeration.join(missing))]
        return out or [inline(self.t("no_evidence"))]

    def missing_evidence(self) -> list[str]:
        """Required evidence kinds not collected yet, by name."""
        checklist = evidence_checklist(self.case.category, self.case.demand)
        return [
            self.msgs.enum("evidence_kind", k)
            for k in checklist.required
            if not any(e.kind is k and e.state is not EvidenceState.MISSING for e in self.case.evidence)
        ]

    def deadlines(self, clocks: list[StatutoryClock] | None = None) -> list[str]:
        say, lang = self.say, self.msgs.lang
        out = []
        for clock in case_clocks(self.case, self.calendar) if clocks is None else clocks:
            state = self.msgs(clock.state_key(self.now))
            line = (
                f"- **{inline(clock.rule.name(lang))}**{self.colon}{inline(self.t('ends'))} "
                f"{clock.ends:%Y-%m-%d %H:%M}{say.paren(inline(state))} — {inline(clock.rule.citation(lang))}"
                f"{'；' if say.zh else '; '}{inline(self.msgs('clocks.as_of'))} {clock.rule.as_of}"
            )
            if not clock.verified:
                line += " **" + inline(say.flag(self.msgs("clocks.unverified"))) + "**"
            if clock.estimated:
                reasons = " ".join(self.msgs(r) for r in clock.reasons)
                line += " " + inline(say.flag(self.msgs("clocks.estimated") + say.colon + reasons))
            out.append(line)
        return out or [inline(self.t("no_clocks"))]
