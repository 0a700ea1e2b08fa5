"""The exports of a case: timeline, dossier (for a lawyer), the complaint for the record (Markdown),
and the 12315 form's boxes as plain text, ready to paste one by one.

The Markdown documents are GitHub-Flavored Markdown; every piece of user text in them goes
through store.export.markdown_text (and the Redactor when the export is for a public post).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from store.calendar.workdays import WorkCalendar
from store.deadlines.case_deadlines import PromiseStatus, promise_status
from store.deadlines.damages import statutory_amount
from store.deadlines.statutory_clocks import case_clocks
from store.export.case_story import merchant_contacts, when
from store.export.case_writer import CaseWriter
from store.export.complaint_form import FormBox, form_boxes, form_text
from store.export.legal_notes import statutory_amount_lines, where_to_file
from store.export.markdown_text import inline, text_lines
from store.export.redaction.review import Finding, Review
from store.export.wording import WordingWarning, wording_warnings
from store.records.models import Case
from store.rules.messages import Messages

MARKDOWN_FORMATS = ("timeline", "dossier", "complaint")
FORMATS = (*MARKDOWN_FORMATS, "form")


@dataclass(frozen=True)
class Export:
    text: str
    warnings: list[WordingWarning]
    redacted: bool
    findings: tuple[Finding, ...] = ()  # what the redaction masked (or was told to show)
    reviewed: bool = False  # a person accepted exactly these findings: ready to post publicly
    boxes: list[FormBox] = field(default_factory=list)  # the 12315 form's boxes (format "form" only)


def render_export(
    case: Case,
    fmt: str,
    msgs: Messages,
    now: dt.datetime,
    *,
    calendar: WorkCalendar,
    redact: bool = False,
    review: Review | None = None,
) -> Export:
    """The document, its deadlines counted on ``calendar``; redacted for a public post if asked,
    with the person's review applied."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    review = review or Review()
    w = CaseWriter(case, msgs, now, calendar, redact, review)
    boxes: list[FormBox] = []
    if fmt == "form":
        boxes = form_boxes(w.teller, w.scrub, w.scrub_name)
        text = form_text(boxes, msgs)
    else:
        body = {"timeline": _timeline, "dossier": _dossier, "complaint": _complaint}[fmt](w)
        text = "\n".join(body).rstrip() + "\n"
    findings = w.tally.findings()
    reviewed = redact and review.covers(findings)
    # only now is it known whether the review covers everything the document masks
    note = f"*{inline(w.t('redacted_reviewed' if reviewed else 'redacted_unreviewed'))}*"
    text = text.replace(_NOTE, note)
    warnings = wording_warnings(list(w.pieces), msgs.lang) if redact else []
    return Export(text, warnings, redact, findings, reviewed, boxes)


_NOTE = "\0redaction-note\0"


def _header(w: CaseWriter, key: str) -> list[str]:
    lines = [f"# {inline(w.t(key) + w.colon + w.scrub(w.case.title))}", ""]
    if w.redacted:
        lines += [_NOTE, ""]
    return lines


def _footer(w: CaseWriter) -> list[str]:
    return ["", f"*{inline(w.t('generated', when=w.now.strftime('%Y-%m-%d %H:%M')))}*"]


def _timeline(w: CaseWriter) -> list[str]:
    lines = _header(w, "timeline_title") + w.facts() + ["", f"## {inline(w.t('contacts'))}", ""]
    if not w.case.contacts:
        return lines + [inline(w.t("no_contacts"))]
    lines += w.timeline_table() + ["", f"## {inline(w.t('details'))}"] + w.timeline_details()
    return lines + _footer(w)


def _dossier(w: CaseWriter) -> list[str]:
    c = w.case
    lines = _header(w, "dossier_title") + [f"## {inline(w.t('facts'))}", ""] + w.facts()
    lines += statutory_amount_lines(c, w.msgs)
    if c.respondent_name or c.respondent_credit_code or c.respondent_address:
        lines += [""] + [
            f"- {inline(w.msgs(label))}{w.colon}{w.inline(value) or '—'}"
            for label, value in (
                ("field.respondent_name", c.respondent_name),
                ("field.credit_code", c.respondent_credit_code),
                ("field.respondent_address", c.respondent_address),
            )
        ]
    if c.notes.strip():
        lines += ["", f"### {inline(w.msgs('field.notes'))}", ""] + w.quote(c.notes)
    lines += ["", f"## {inline(w.t('contacts'))}", ""]
    lines += (w.timeline_table() + w.timeline_details()) if c.contacts else [inline(w.t("no_contacts"))]
    lines += ["", f"## {inline(w.t('deadlines'))}", ""] + w.deadlines()
    lines += ["", f"## {inline(w.t('evidence'))}", ""] + w.evidence_list()
    return lines + _footer(w)


def _complaint(w: CaseWriter) -> list[str]:
    c, m = w.case, w.msgs
    lines = _header(w, "complaint_title") + [f"## {inline(w.t('respondent'))}", ""]
    for label, value, missing in (
        ("field.respondent_name", c.respondent_name, "missing_respondent"),
        ("field.credit_code", c.respondent_credit_code, "missing_code"),
        ("field.respondent_address", c.respondent_address, "missing_address"),
    ):
        shown = w.inline(value) if value.strip() else f"**{inline(w.t(missing))}**"
        lines.append(f"- {inline(m(label))}{w.colon}{shown}")
    lines += [f"- {inline(w.t('check_entity'))}", "", *where_to_file(m)]
    lines += [f"## {inline(w.t('facts'))}", ""] + _facts(w)
    lines += _broken_promises(w)
    lines += [f"## {inline(w.t('demand'))}", ""] + _claims(w)
    limits = [clock for clock in case_clocks(c, w.calendar) if clock.rule.limitation]
    if limits:  # sorted by end: for a quality problem the 2-year limits come first
        lines += ["", f"## {inline(w.t('time_limits'))}", ""] + w.deadlines(limits)
    lines += ["", f"## {inline(w.t('evidence'))}", ""] + w.evidence_list()
    return lines


def _facts(w: CaseWriter) -> list[str]:
    """The story: purchase and problem, each contact with the business as a numbered item, status."""
    story = w.teller.story()
    lines = [inline(story.purchase) + "\\", inline(story.problem), ""]
    if story.contacts:
        lines += [inline(story.contacts_intro), ""]
        for n, entry in enumerate(story.contacts, start=1):
            marker = f"{n}. "
            body = text_lines("\n".join(entry.lines(w.colon)))
            lines += [marker + body[0]] + [" " * len(marker) + line for line in body[1:]]
        lines.append("")
    return lines + [inline(story.status), ""]


def _broken_promises(w: CaseWriter) -> list[str]:
    failed = [
        x
        for x in merchant_contacts(w.case)
        if promise_status(x, w.now) in (PromiseStatus.BROKEN, PromiseStatus.OVERDUE)
    ]
    if not failed:
        return []
    lines = [f"## {inline(w.t('broken_promises'))}", ""]
    for x in failed:
        line = w.t(
            "broken_line",
            when=when(x.at),
            channel=w.msgs.enum("channel", x.channel),
            agent=w.scrub(x.agent_id) or "—",
            promise=w.scrub(x.promise) or "—",
            deadline=when(x.deadline) or "—",
        )
        lines.append("- " + inline(line))
    return lines + [""]


def _claims(w: CaseWriter) -> list[str]:
    """The refund (or other demand) and the statutory extra compensation, each an item of its own."""
    claims = w.teller.claims()
    lines = [f"- {inline(text)}" for text in (claims.main, claims.statutory) if text]
    if claims.detail:
        detail = text_lines(claims.detail)
        lines += [f"- {inline(w.t('claim_detail'))}{w.colon}{detail[0]}"] + ["  " + line for line in detail[1:]]
    amount = statutory_amount(w.case)
    if amount is not None:  # what the statute does not cover, under the claim that relies on it
        lines += ["", inline(amount.limits(w.msgs.lang))]
    return lines or [f"- {inline(w.demand_text())}"]
