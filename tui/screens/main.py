"""Main screen: the case list (left, by urgency) and the selected case (right)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from store.case_store import CaseStore
from store.errors import NotFound
from store.i18n import Messages
from store.ledger import Urgency, by_urgency, due_across
from store.models import Case
from tui.actions.case_actions import CaseActions
from tui.bindings import Localized
from tui.widgets.case_facts import CaseFacts, ClockList
from tui.widgets.case_list import CaseList, CaseRow
from tui.widgets.evidence_pane import EvidencePane, EvidenceTable
from tui.widgets.timeline import Timeline, contact_detail

DUE_WINDOW = dt.timedelta(days=7)


class MainScreen(CaseActions, Localized, Screen):
    """Everything a user does with cases starts here; the actions live in CaseActions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_case", "key.new_case"),
        Binding("e", "edit", "key.edit"),
        Binding("c", "add_contact", "key.add_contact"),
        Binding("m", "mark_promise", "key.mark_promise"),
        Binding("v", "edit_evidence", "key.evidence"),
        Binding("d,delete", "delete", "key.delete"),
        Binding("u", "undo", "key.undo"),
        Binding("slash", "filter", "key.filter", key_display="/"),
        Binding("t", "trash", "key.trash"),
        Binding("L", "language", "key.language"),
        Binding("question_mark,f1", "help", "key.help", key_display="?"),
        Binding("q", "quit", "key.quit"),
        Binding("escape", "leave_filter", "key.leave_filter", show=False),
        Binding("tab", "app.focus_next", "key.next_pane", show=False),
        Binding("shift+tab", "app.focus_previous", "key.previous_pane", show=False),
    ]

    AUTO_FOCUS = "#cases"

    def __init__(self, select: int | None = None) -> None:
        super().__init__()
        self.selected_case_id: int | None = select
        self._ranked: list[tuple[Case, Urgency]] = []
        self._filter = ""

    @property
    def store(self) -> CaseStore:
        return self.app.store  # type: ignore[attr-defined]

    @property
    def msgs(self) -> Messages:
        return self.app.msgs  # type: ignore[attr-defined]

    def now(self) -> dt.datetime:
        return self.app.clock()  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        msgs = self.msgs
        yield Header(show_clock=False, icon="维")
        with Horizontal(id="panes"):
            with Vertical(id="sidebar"):
                yield Input(placeholder=msgs("main.filter_placeholder"), id="filter")
                yield CaseList(msgs("main.empty_list"), id="cases")
            with VerticalScroll(id="detail"):
                yield CaseFacts(id="facts")
                yield Static(msgs("main.timeline"), classes="section-title")
                yield Timeline(id="timeline")
                yield Static(id="contact-detail")
                yield Static(msgs("main.evidence"), classes="section-title")
                yield EvidencePane(id="evidence")
                yield Static(msgs("main.clocks"), classes="section-title")
                yield ClockList(id="clocks")
        yield Static(id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        self.reload_from_store(select=self.selected_case_id)
        self.query_one(CaseList).focus()

    # -- data flow ------------------------------------------------------------------------------
    def reload_from_store(self, select: int | None = None) -> None:
        """Re-rank every case and redraw the list, the selected case and the status line."""
        now = self.now()
        self._ranked = by_urgency(self.store.cases(), now)
        self._show_rows(select if select is not None else self.selected_case_id)
        self._update_status(now)
        self.show_selected()

    def _show_rows(self, keep: int | None) -> None:
        msgs = self.msgs
        wanted = {c.id for c in self.store.search(self._filter)} if self._filter.strip() else None
        rows = []
        for case, urgency in self._ranked:
            if wanted is not None and case.id not in wanted:
                continue
            rows.append(_row(case, urgency, msgs))
        case_list = self.query_one(CaseList)
        case_list.empty_text = msgs("main.no_match") if wanted is not None else msgs("main.empty_list")
        case_list.set_rows(rows, keep=keep)

    def _update_status(self, now: dt.datetime) -> None:
        due = due_across([c for c, _ in self._ranked], now, DUE_WINDOW)
        overdue = sum(d.overdue for d in due)
        broken = sum(u.broken for _, u in self._ranked)
        upcoming = len(due) - overdue
        text = self.msgs("statusline.summary", cases=len(self._ranked), overdue=overdue, broken=broken, upcoming=upcoming)
        line = self.query_one("#status-line", Static)
        line.update(text)
        line.set_class(overdue > 0 or broken > 0, "attention")

    def show_selected(self) -> None:
        case = self.selected_case()
        now = self.now()
        msgs = self.msgs
        self.query_one(CaseFacts).show_case(case, msgs, now)
        self.query_one(Timeline).show_case(case, msgs, now)
        self._show_contact_detail()
        self.query_one(EvidencePane).show_case(case, msgs)
        self.query_one(ClockList).show_case(case, msgs, now)

    def selected_case(self) -> Case | None:
        if self.selected_case_id is None:
            return None
        try:
            return self.store.get(self.selected_case_id)
        except NotFound:  # deleted in another session: show nothing
            return None

    # -- events ---------------------------------------------------------------------------------
    @on(CaseList.Highlighted)
    def _case_highlighted(self, event: CaseList.Highlighted) -> None:
        if event.case_id != self.selected_case_id:
            self.selected_case_id = event.case_id
            self.show_selected()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._filter = event.value
        self._show_rows(self.selected_case_id)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(CaseList).focus()

    @on(DataTable.RowHighlighted, "#timeline")
    def _contact_highlighted(self) -> None:
        self._show_contact_detail()

    def _show_contact_detail(self) -> None:
        case = self.selected_case()
        contact_id = self.query_one(Timeline).current_contact_id
        contact = case.contact(contact_id) if case and contact_id else None
        self.query_one("#contact-detail", Static).update(contact_detail(contact, self.msgs))

    @on(DataTable.RowHighlighted, "#evidence-table")
    def _evidence_highlighted(self, event: DataTable.RowHighlighted) -> None:
        case = self.selected_case()
        table = self.query_one(EvidenceTable)
        item = case.evidence_item(table.current_item_id) if case and table.current_item_id else None
        self.query_one(EvidencePane).show_files(item, self.msgs)

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus and box.value:
            box.value = ""
        self.query_one(CaseList).focus()


def _row(case: Case, urgency: Urgency, msgs: Messages) -> CaseRow:
    if urgency.overdue:
        marker, tone = "!", "overdue"
    elif urgency.broken:
        marker, tone = "×", "broken"
    elif not case.status.is_active:
        marker, tone = " ", "done"
    else:
        marker, tone = " ", ""
    if urgency.overdue:
        right = msgs("promise.overdue")
    elif urgency.next_deadline is not None:
        right = urgency.next_deadline.when.strftime("%m-%d")
    else:
        right = msgs.enum("status", case.status)
    return CaseRow(case.id, marker, case.title, right, tone)
