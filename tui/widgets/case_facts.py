"""The selected case's facts (three lines of them on top, all of them on a tab), next step and
statutory clocks, as literal text."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from store.records.money import format_yuan
from tui.text import literal
from tui.widgets.static_update import update_static

if TYPE_CHECKING:  # the rules load after the first frame (see WeiquanApp)
    from store.calendar.workdays import WorkCalendar
    from store.records.models import Case
    from store.rules.messages import Messages


def _line(msgs: Messages, label: str, value: str | Text) -> Text:
    """``label: value`` with the language's colon; both literal (a reference's label is typed by
    the user too)."""
    text = literal(msgs("app.labelled", label=label), "bold", wrap=True)
    text.append_text(value if isinstance(value, Text) else literal(value))
    return text


class CaseSummary(Static):
    """Three lines: the title; status, problem, demand and amount; the next step (cut to a line;
    the whole of it is on the facts tab)."""

    DEFAULT_CSS = "CaseSummary { height: auto; max-height: 3; padding: 0 1; }"

    def show_case(self, case: Case | None, msgs: Messages, now: dt.datetime, calendar: WorkCalendar) -> None:
        from store.deadlines.next_step import suggest_next_step

        if case is None:
            update_static(self, Text(msgs("main.no_case"), style="italic"))
            return
        title = literal(f"#{case.id} {case.title}", "bold reverse")
        title.no_wrap, title.overflow = True, "ellipsis"
        facts = [
            msgs.enum("status", case.status),
            msgs.enum("category", case.category),
            msgs.enum("demand", case.demand),
        ]
        if case.amount_paid_fen is not None:
            facts.append(format_yuan(case.amount_paid_fen))
        second = Text(" · ".join(facts), no_wrap=True, overflow="ellipsis")
        rows = [title, second]
        step = suggest_next_step(case, now, calendar)
        if step is not None:
            third = Text("➜ ", style="bold", no_wrap=True, overflow="ellipsis")
            third.append_text(literal(step.describe(msgs, case), "bold"))
            rows.append(third)
        update_static(self, Group(*rows))


class CaseFacts(Static):
    """Every fact: order no., amount, category, demand, status, references …; then the next step."""

    DEFAULT_CSS = "CaseFacts { height: auto; padding: 0 1; }"

    def show_case(self, case: Case | None, msgs: Messages, now: dt.datetime, calendar: WorkCalendar) -> None:
        from store.deadlines.damages import statutory_amount
        from store.deadlines.next_step import suggest_next_step

        if case is None:
            update_static(self, Text(msgs("main.no_case"), style="italic"))
            return
        rows: list[Text] = [literal(case.title, "bold reverse")]
        where = " · ".join(x for x in (case.platform, case.shop) if x)
        if where:
            rows.append(_line(msgs, msgs("field.platform"), where))
        if case.order_no:
            rows.append(_line(msgs, msgs("field.order_no"), case.order_no))
        if case.product:
            rows.append(_line(msgs, msgs("field.product"), case.product))
        if case.amount_paid_fen is not None:
            rows.append(_line(msgs, msgs("field.amount_paid"), format_yuan(case.amount_paid_fen)))
        rows.append(_line(msgs, msgs("field.category"), msgs.enum("category", case.category)))
        demand = msgs.enum("demand", case.demand)
        if case.compensation_fen is not None:
            demand += f" {format_yuan(case.compensation_fen)}"
        rows.append(_line(msgs, msgs("field.demand"), demand))
        amount = statutory_amount(case)
        if amount is not None:
            lang = msgs.lang
            rows.append(
                _line(
                    msgs,
                    msgs("field.statutory_amount"),
                    f"{format_yuan(amount.amount_fen)} — {amount.formula(lang)}; {amount.citation(lang)}",
                )
            )
        status = msgs.enum("status", case.status)
        if case.outcome:
            status += f" — {case.outcome}"
        if case.recovered_fen is not None:
            status += f" ({msgs('field.recovered')} {format_yuan(case.recovered_fen)})"
        rows.append(_line(msgs, msgs("field.status"), status))
        for ref in case.references:
            rows.append(_line(msgs, ref.label, ref.value))
        respondent = (case.respondent_name, case.respondent_credit_code, case.respondent_address)
        if any(respondent):
            rows.append(_line(msgs, msgs("field.respondent"), " ".join(x for x in respondent if x)))
        if case.demand_detail:
            rows.append(_line(msgs, msgs("field.demand_detail"), case.demand_detail))
        if case.tags:
            rows.append(_line(msgs, msgs("field.tags"), " · ".join(case.tags)))
        if case.notes:
            note = literal(msgs("app.labelled", label=msgs("field.notes")), "bold", wrap=True)
            note.append_text(literal(case.notes, keep_newlines=True))
            rows.append(note)
        step = suggest_next_step(case, now, calendar)
        if step is not None:
            rows.append(_line(msgs, "➜ " + msgs("main.next_step"), literal(step.describe(msgs, case), "bold")))
        update_static(self, Group(*rows))


class ClockList(Static):
    """Statutory clocks the case has started, each with citation and verification state."""

    DEFAULT_CSS = "ClockList { height: auto; padding: 0 1; }"

    def show_case(self, case: Case | None, msgs: Messages, now: dt.datetime, calendar: WorkCalendar) -> None:
        from store.deadlines.statutory_clocks import case_clocks

        if case is None:
            update_static(self, "")
            return
        clocks = case_clocks(case, calendar)
        if not clocks:
            update_static(self, Text(msgs("clocks.none"), style="italic"))
            return
        rows = []
        for clock in clocks:
            state = msgs(clock.state_key(now))
            line = Text()
            line.append_text(literal(clock.rule.name(msgs.lang), "bold"))
            line.append_text(
                literal(f"  {msgs('clocks.ends')} {clock.ends:%Y-%m-%d %H:%M}" + msgs("app.in_brackets", text=state))
            )
            if not clock.verified:
                line.append(f"  [{msgs('clocks.unverified')}]", style="bold yellow")
            if clock.estimated:
                line.append(f"  [{msgs('clocks.estimated')}]", style="yellow")
            rows.append(line)
            rows.append(
                literal(
                    f"  {clock.rule.citation(msgs.lang)} · {msgs('clocks.as_of')} {clock.rule.as_of}", "dim", wrap=True
                )
            )
            for reason in clock.reasons:
                rows.append(literal(f"  {msgs(reason)}", "dim", wrap=True))
        update_static(self, Group(*rows))
