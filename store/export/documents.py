"""The three exports of a case: timeline, dossier (for a lawyer) and a complaint draft (for 12315).

Every piece of user text passes through store.export.markdown_text, and through the Redactor when
the export is for a public post.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from store.calendar.workdays import WorkCalendar
from store.deadlines.case_deadlines import promise_status
from store.deadlines.statutory_clocks import StatutoryClock, case_clocks
from store.export.legal_notes import statutory_amount_lines, where_to_file
from store.export.markdown_text import block_lines, cell, inline, table
from store.export.redaction import Redactor, WordingWarning, wording_warnings
from store.records.case_input import format_sign_off
from store.records.duration_input import duration_words
from store.records.models import Case, Contact, EvidenceState, PromiseState
from store.records.money import format_yuan
from store.rules.evidence_needs import evidence_checklist
from store.rules.messages import Messages
from store.rules.rulebook import CASE_FACTS

FORMATS = ("timeline", "dossier", "complaint")


@dataclass(frozen=True)
class Export:
    text: str
    warnings: list[WordingWarning]
    redacted: bool


class _Writer:
    """Shared pieces: labels from the catalog, user text escaped (and redacted if asked)."""

    def __init__(self, case: Case, msgs: Messages, now: dt.datetime, calendar: WorkCalendar, redact: bool) -> None:
        self.case, self.msgs, self.now, self.calendar = case, msgs, now, calendar
        self.redacted = redact
        self.scrub: Callable[[str], str] = _memo(Redactor.for_case(case)) if redact else (lambda text: text)
        self.zh = msgs.lang.startswith("zh")
        self.colon = "：" if self.zh else ": "

    def t(self, key: str, **values: object) -> str:
        return self.msgs(f"export.{key}", **values)

    def cell(self, text: str) -> str:
        return cell(self.scrub(text))

    def inline(self, text: str) -> str:
        return inline(self.scrub(text))

    def quote(self, text: str) -> list[str]:
        return ["> " + line if line else ">" for line in block_lines(self.scrub(text))]

    def when(self, moment: dt.datetime | None) -> str:
        return moment.strftime("%Y-%m-%d %H:%M") if moment else ""

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
        rows.append((m("export.confirmed"), ("；" if self.zh else "; ").join(confirmed)))
        rows += [(r.label, r.value) for r in c.references]
        body = [[cell(label), self.cell(value)] for label, value in rows if value]
        return table([self.t("item"), self.t("value")], body)

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
        headers = [
            self.t(k)
            for k in (
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
        ]
        channel = {ch: cell(self.msgs.enum("channel", ch)) for ch in {c.channel for c in self.case.contacts}}
        rows = []
        for n, c in enumerate(self.case.timeline(), start=1):
            rows.append(
                [
                    str(n),
                    self.when(c.at),
                    channel[c.channel],
                    self.cell(c.agent_id),
                    self.cell(c.reference_no),
                    self.cell(c.summary),
                    self.cell(c.promise),
                    self.when(c.deadline) + ("≈" if c.deadline_estimated else ""),
                    cell(self.promise_label(c)),
                ]
            )
        return table([cell(h) for h in headers], rows)

    def timeline_details(self) -> list[str]:
        m, colon = self.msgs, self.colon
        # labels looked up once, not once per contact (a case can have a thousand)
        labels = {
            "agent": inline(m("field.agent_id")),
            "ref": inline(m("field.reference_no")),
            "promise": inline(m("field.promise")),
            "said": inline(m("field.summary")) + colon.strip(),
            "direction": self.t("direction"),
            "deadline": self.t("col_deadline"),
            "duration": inline(m("field.duration")),
        }
        channel = {ch: inline(m.enum("channel", ch)) for ch in {c.channel for c in self.case.contacts}}
        direction = {d: inline(m.enum("direction", d)) for d in {c.direction for c in self.case.contacts}}
        out: list[str] = []
        for n, c in enumerate(self.case.timeline(), start=1):
            out += [
                "",
                f"### {n}. {self.when(c.at)} · {channel[c.channel]}",
                "",
                f"- {labels['direction']}{colon}{direction[c.direction]}",
            ]
            if c.duration is not None:
                out.append(f"- {labels['duration']}{colon}{inline(m(duration_words(c.duration)))}")
            for key, value in (("agent", c.agent_id), ("ref", c.reference_no), ("promise", c.promise)):
                if value:
                    out.append(f"- {labels[key]}{colon}{self.inline(value)}")
            if c.deadline:
                out.append(f"- {labels['deadline']}{colon}{self.when(c.deadline)} ({inline(self.promise_label(c))})")
            if c.summary.strip():
                out += [f"- {labels['said']}", ""]
                out += ["  " + q for q in self.quote(c.summary)]
        return out

    def evidence_list(self) -> list[str]:
        checklist = evidence_checklist(self.case.category, self.case.demand)
        out, n = [], 0
        for item in self.case.evidence:
            if item.state is EvidenceState.MISSING and not item.files:
                continue
            n += 1
            label = self.t("exhibit", n=n)
            out.append(
                f"{n}. **{inline(label)}** {inline(self.msgs.enum('evidence_kind', item.kind))}"
                f" ({inline(self.msgs.enum('evidence_state', item.state))})"
                + (f"{self.colon}{self.inline(item.note)}" if item.note.strip() else "")
            )
            for f in item.files:
                name = Path(f.path).name
                out.append(
                    f"   - `{inline(self.scrub(name)).replace('`', '')}` — {f.size:,} bytes — SHA-256 `{f.sha256}`"
                )
        missing = [
            k
            for k in checklist.required
            if not any(e.kind is k and e.state is not EvidenceState.MISSING for e in self.case.evidence)
        ]
        if missing:
            out += [
                "",
                self.t("evidence_missing") + " " + "、".join(self.msgs.enum("evidence_kind", k) for k in missing),
            ]
        return out or [self.t("no_evidence")]

    def deadlines(self, clocks: list[StatutoryClock] | None = None) -> list[str]:
        out = []
        for clock in case_clocks(self.case, self.calendar) if clocks is None else clocks:
            state = self.msgs(clock.state_key(self.now))
            line = (
                f"- **{inline(clock.rule.name(self.msgs.lang))}**{self.colon}{self.t('ends')} "
                f"{clock.ends:%Y-%m-%d %H:%M} ({state}) — {inline(clock.rule.citation(self.msgs.lang))}; "
                f"{self.msgs('clocks.as_of')} {clock.rule.as_of}"
            )
            if not clock.verified:
                line += f" **[{inline(self.msgs('clocks.unverified'))}]**"
            if clock.estimated:
                reasons = " ".join(self.msgs(r) for r in clock.reasons)
                line += f" [{inline(self.msgs('clocks.estimated'))}: {inline(reasons)}]"
            out.append(line)
        return out or [self.t("no_clocks")]


def _memo(redactor: Redactor) -> Callable[[str], str]:
    """Each field appears twice (table and details): redact it once."""
    done: dict[str, str] = {}

    def scrub(text: str) -> str:
        if text not in done:
            done[text] = redactor(text)
        return done[text]

    return scrub


def render_export(
    case: Case, fmt: str, msgs: Messages, now: dt.datetime, *, calendar: WorkCalendar, redact: bool = False
) -> Export:
    """The case in format ``fmt``, its deadlines counted on ``calendar``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    w = _Writer(case, msgs, now, calendar, redact)
    body = {"timeline": _timeline, "dossier": _dossier, "complaint": _complaint}[fmt](w)
    text = "\n".join(body).rstrip() + "\n"
    warnings = wording_warnings(text, msgs.lang) if redact else []
    return Export(text, warnings, redact)


def _header(w: _Writer, key: str) -> list[str]:
    lines = [f"# {inline(w.t(key))}{w.colon}{w.inline(w.case.title)}", ""]
    if w.redacted:
        lines += [f"*{inline(w.t('redacted_note'))}*", ""]
    return lines


def _timeline(w: _Writer) -> list[str]:
    lines = _header(w, "timeline_title") + w.facts() + ["", f"## {inline(w.t('contacts'))}", ""]
    if not w.case.contacts:
        return lines + [w.t("no_contacts")]
    lines += w.timeline_table() + ["", f"## {inline(w.t('details'))}"] + w.timeline_details()
    return lines + ["", f"*{inline(w.t('generated', when=w.now.strftime('%Y-%m-%d %H:%M')))}*"]


def _dossier(w: _Writer) -> list[str]:
    c = w.case
    lines = _header(w, "dossier_title") + [f"## {inline(w.t('facts'))}", ""] + w.facts()
    if c.respondent_name or c.respondent_credit_code:
        lines += [
            "",
            f"- {inline(w.msgs('field.respondent_name'))}{w.colon}{w.inline(c.respondent_name) or '—'}",
            f"- {inline(w.msgs('field.credit_code'))}{w.colon}{w.inline(c.respondent_credit_code) or '—'}",
        ]
    if c.notes.strip():
        lines += ["", f"### {inline(w.msgs('field.notes'))}", ""] + w.quote(c.notes)
    lines += ["", f"## {inline(w.t('contacts'))}", ""]
    lines += (w.timeline_table() + w.timeline_details()) if c.contacts else [w.t("no_contacts")]
    lines += ["", f"## {inline(w.t('deadlines'))}", ""] + w.deadlines()
    lines += ["", f"## {inline(w.t('evidence'))}", ""] + w.evidence_list()
    return lines + ["", f"*{inline(w.t('generated', when=w.now.strftime('%Y-%m-%d %H:%M')))}*"]


def _complaint(w: _Writer) -> list[str]:
    c, m = w.case, w.msgs
    lines = _header(w, "complaint_title")
    lines += [f"## {inline(w.t('respondent'))}", ""]
    name = w.inline(c.respondent_name) if c.respondent_name else f"**{inline(w.t('missing_respondent'))}**"
    code = w.inline(c.respondent_credit_code) if c.respondent_credit_code else f"**{inline(w.t('missing_code'))}**"
    lines += [
        f"- {inline(m('field.respondent_name'))}{w.colon}{name}",
        f"- {inline(m('field.credit_code'))}{w.colon}{code}",
        f"- {inline(w.t('check_entity'))}",
        "",
        *where_to_file(m),
    ]
    lines += [f"## {inline(w.t('facts'))}", "", w.inline(_narrative(w)), ""]
    failed = [
        x for x in c.timeline() if x.promise_state is PromiseState.BROKEN or promise_status(x, w.now).value == "overdue"
    ]
    if failed:
        lines += [f"## {inline(w.t('broken_promises'))}", ""]
        for x in failed:
            lines.append(
                "- "
                + w.inline(
                    w.t(
                        "broken_line",
                        when=w.when(x.at),
                        channel=m.enum("channel", x.channel),
                        agent=x.agent_id or "—",
                        promise=x.promise or "—",
                        deadline=w.when(x.deadline) or "—",
                    )
                )
            )
        lines.append("")
    lines += [f"## {inline(w.t('demand'))}", "", w.inline(w.demand_text())]
    lines += statutory_amount_lines(c, m)
    limits = [clock for clock in case_clocks(c, w.calendar) if clock.rule.limitation]
    if limits:  # sorted by end: for a quality problem the 2-year limits come first
        lines += ["", f"## {inline(w.t('time_limits'))}", ""] + w.deadlines(limits)
    lines += ["", f"## {inline(w.t('evidence'))}", ""] + w.evidence_list()
    return lines


def _narrative(w: _Writer) -> str:
    """Time – place – people – event – consequence, in one paragraph the 12315 form can take."""
    c, m = w.case, w.msgs
    parts = [
        w.t(
            "narrative_order",
            date=c.order_date.isoformat() if c.order_date else w.t("unknown_date"),
            platform=c.platform or "—",
            shop=c.shop or "—",
            product=c.product or c.title,
            order=c.order_no or "—",
            amount=format_yuan(c.amount_paid_fen) or "—",
        )
    ]
    if c.delivery_date:
        parts.append(w.t("narrative_delivery", date=c.delivery_date.isoformat()))
    parts.append(w.t("narrative_problem", category=m.enum("category", c.category), title=c.title))
    contacts = c.timeline()
    if contacts:
        parts.append(
            w.t("narrative_contacts", n=len(contacts), first=w.when(contacts[0].at), last=w.when(contacts[-1].at))
        )
    parts.append(w.t("narrative_outcome", status=m.enum("status", c.status)))
    return "".join(parts) if w.zh else " ".join(parts)
