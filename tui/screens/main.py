"""Main screen: the case list (left, by urgency) and the selected case (right)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from store.errors import NotFound

if TYPE_CHECKING:  # the store loads after the first frame (see WeiquanApp)
    from textual.timer import Timer

    from store.cases.case_store import CaseStore
    from store.deadlines.case_deadlines import Urgency
    from store.deadlines.urgency_board import UrgencyBoard
    from store.records.models import Case, Contact, EvidenceItem
    from store.rules.messages import Messages
from tui.actions.case_actions import CaseActions, CaseScreen
from tui.bindings import Localized
from tui.case_rows import CaseRow, Counts, list_row
from tui.typed_app import TypedApp
from tui.widgets.case_list import CaseList
from tui.widgets.case_pane import CasePane
from tui.widgets.evidence_pane import EvidenceTable
from tui.widgets.literal_fields import SteadyInput
from tui.widgets.screen_footer import ScreenFooter
from tui.widgets.static_update import update_static
from tui.widgets.timeline import Timeline

FIRST_FRAME_SECONDS = 0.05  # from the first frame to the start of the database's loading


class MainScreen(TypedApp, CaseActions, Localized, Screen[None]):
    """Everything a user does with cases starts here; the actions live in CaseActions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "switch_pane", "key.switch_pane"),  # first, so a narrow footer still shows it
        Binding("enter", "open_case", "key.open_case", show=False),
        Binding("n", "new_case", "key.new_case"),
        Binding("c", "add_contact", "key.add_contact"),
        Binding("p", "start_call", "key.start_call"),
        Binding("f", "follow_up", "key.follow_up"),
        Binding("m", "mark_promise", "key.mark_promise"),
        # e and d act on what has the focus, and the footer says which (see check_action)
        Binding("e", "edit_contact", "key.edit_contact"),
        Binding("e", "edit_evidence_here", "key.edit_evidence"),
        Binding("e", "edit_case", "key.edit_case"),
        Binding("v", "edit_evidence", "key.evidence"),
        Binding("d,delete", "delete_contact", "key.delete_contact"),
        Binding("d,delete", "delete_case", "key.delete_case"),
        Binding("d,delete", "delete_evidence", show=False),  # says that evidence items are not deleted
        Binding("u", "undo", "key.undo"),
        Binding("slash", "filter", "key.filter", key_display="/"),
        Binding("1", "show_tab('timeline')", "key.tab_timeline", show=False),
        Binding("2", "show_tab('evidence')", "key.tab_evidence", show=False),
        Binding("3", "show_tab('clocks')", "key.tab_clocks", show=False),
        Binding("4", "show_tab('facts')", "key.tab_facts", show=False),
        Binding("g", "guide", "key.guide"),
        Binding("x", "export", "key.export"),
        Binding("D", "due", "key.due"),
        Binding("t", "trash", "key.trash"),
        Binding("L", "language", "key.language"),
        Binding("question_mark,f1", "help", "key.help", key_display="?"),
        Binding("q", "quit", "key.quit"),
        Binding("escape", "leave_filter", "key.leave_filter", show=False),
        Binding("tab", "app.focus_next", "key.next_pane", show=False),
        Binding("shift+tab", "app.focus_previous", "key.previous_pane", show=False),
    ]

    # The footer shows as many keys as fit, in this order of need (? always: it lists them all).
    FOOTER_RANK = (
        "help",
        "switch_pane",
        "add_contact",
        "new_case",
        "edit_contact",
        "edit_evidence_here",
        "edit_case",
        "mark_promise",
        "follow_up",
        "start_call",
        "filter",
        "guide",
        "due",
        "export",
        "delete_contact",
        "delete_case",
        "undo",
        "edit_evidence",
        "trash",
        "language",
        "quit",
    )

    AUTO_FOCUS = "#cases"

    def __init__(self, select: int | None = None) -> None:
        super().__init__()
        self.selected_case_id: int | None = select
        self._ranked: list[tuple[Case, Urgency]] = []
        self._rows: dict[int, tuple[Case, Urgency, CaseRow]] = {}
        self._ranked_rows: list[CaseRow] = []  # one per ranked case, in rank order
        self._board: UrgencyBoard | None = None
        self._pane_timer: Timer | None = None
        self._filter = ""
        self._cases_shown = False

    @property
    def store(self) -> CaseStore:
        return self.app.case_store

    @property
    def loaded(self) -> bool:
        return self.app.store is not None

    @property
    def msgs(self) -> Messages:
        return self.app.msgs

    def now(self) -> dt.datetime:
        return self.app.clock()

    def compose(self) -> ComposeResult:
        msgs = self.msgs
        yield Header(show_clock=False, icon="维")
        with Horizontal(id="panes"):
            with Vertical(id="sidebar"):
                search = SteadyInput(placeholder=msgs("main.filter_placeholder"), id="filter")
                search.cursor_blink = False  # no redraws while idle (slow links)
                yield search
                cases = CaseList(msgs("main.empty_list"), id="cases")
                cases.headers = (msgs("list.number"), msgs("list.case"), msgs("list.due"))
                yield cases
            yield Vertical(id="detail")  # filled by _build_detail once there is data
        yield Static(id="status-line")
        yield ScreenFooter()

    @property
    def _detail_built(self) -> bool:
        return bool(self.query(CasePane))

    async def _build_detail(self) -> None:
        """The case pane's widgets; built once data has arrived, so they never delay the first frame."""
        if self._detail_built:
            return
        pane = CasePane(id="case-pane")
        await self.query_one("#detail").mount(pane)
        pane.label_tabs(self.msgs)

    @property
    def case_pane(self) -> CasePane:
        return self.query_one(CasePane)

    async def on_mount(self) -> None:
        self.app.cases_loaded.subscribe(self, self.show_ranked)
        self.app.cases_changed.subscribe(self, self._changed_elsewhere)
        self.app.language_changed.subscribe(self, self._language_changed)
        if self.loaded:
            await self._build_detail()
            self.reload_from_store(select=self.selected_case_id)
        else:
            self.query_one(CaseList).empty_text = self.msgs("main.loading")
            early = self.app.early
            if early is not None and early.rows is not None and early.counts is not None:
                self._show_early(early.rows, early.counts)
            # The first frame reaches the terminal first: Textual writes it from another thread,
            # which the worker's loading, started at once, kept waiting for the interpreter
            # (about 50 ms at 1,000 cases).
            self.set_timer(FIRST_FRAME_SECONDS, self.app.start_loading)

    def _show_early(self, rows: list[CaseRow], counts: tuple[int, int, int, int, int]) -> None:
        """The cases as the case index lists them, ranked, while the database loads: the same rows
        and counts the loaded cases will give (tui.early_listing)."""
        self.query_one(CaseList).set_rows(rows, keep=self.selected_case_id)
        self._show_status(*counts)

    def show_ranked(self, ranked: list[tuple[Case, Urgency]], select: int | None = None) -> None:
        if not self._detail_built:
            self.call_later(self._show_first, ranked, select)
            return
        self._ranked = ranked
        now = self.now()
        self._ranked_rows = [self._row_for(case, urgency, now) for case, urgency in ranked]
        self._show_rows(select if select is not None else self.selected_case_id)
        # The case the list's cursor landed on is shown now, not when its Highlighted message arrives.
        self.selected_case_id = self.query_one(CaseList).current_case_id
        self._update_status(urgency for _, urgency in ranked)
        self.show_selected()
        self.refresh_bindings()
        if not self._cases_shown:
            self._cases_shown = True
            self.app.cases_shown(self.guide_target_here)

    NEEDS_DATA = frozenset(
        {
            "new_case",
            "edit_case",
            "edit_contact",
            "edit_evidence_here",
            "add_contact",
            "start_call",
            "mark_promise",
            "follow_up",
            "edit_evidence",
            "delete_case",
            "delete_contact",
            "delete_evidence",
            "undo",
            "trash",
            "due",
            "export",
        }
    )

    NARROW_BELOW = 72  # columns: below this, one pane at a time

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Until the database has loaded, actions that need it are greyed out. e and d act on what
        has the focus: a contact in the timeline, an evidence item, else the case."""
        if action == "switch_pane":
            return self.has_class("-narrow")
        target = self.focus_target()
        if action in ("edit_contact", "delete_contact"):
            return target == "contact"
        if action in ("edit_evidence_here", "delete_evidence"):
            return target == "evidence"
        if action in ("edit_case", "delete_case") and target != "case":
            return False
        return self.loaded or action not in self.NEEDS_DATA

    def focus_target(self) -> str:
        """What e and d act on: "contact" (timeline focused, on a contact), "evidence", or "case"."""
        focused = self.focused
        if isinstance(focused, Timeline) and focused.current_contact_id is not None:
            return "contact"
        if isinstance(focused, EvidenceTable) and focused.current_item_id is not None:
            return "evidence"
        return "case"

    def on_resize(self) -> None:
        narrow = self.size.width < self.NARROW_BELOW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.refresh_bindings()

    def action_open_case(self) -> None:
        """Enter on the list: look at the case (in a narrow terminal, switch to it)."""
        if self.has_class("-narrow") and not self.has_class("-show-detail"):
            self.action_switch_pane()
        elif not self.has_class("-narrow") and self._detail_built:
            self.case_pane.focus_tab()

    def action_switch_pane(self) -> None:
        """In a narrow terminal: show the case instead of the list, or back."""
        showing = self.toggle_class("-show-detail").has_class("-show-detail")
        if showing and self._detail_built:
            self.case_pane.focus_tab()
        else:
            self.query_one(CaseList).focus()

    def action_show_tab(self, tab: str) -> None:
        """1–4: the case's timeline, evidence, clocks or full facts."""
        if not self._detail_built:
            return
        self.case_pane.show_tab(tab, self.msgs)
        if self.has_class("-narrow") and not self.has_class("-show-detail"):
            self.action_switch_pane()
        self.refresh_bindings()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Focus shown as a mark, not only a colour (NO_COLOR, 16 colours, screen readers).
        if isinstance(event.widget, Input) and event.widget.id == "filter":
            event.widget.placeholder = "▸ " + self.msgs("main.filter_placeholder")
        self.refresh_bindings()  # e and d name what they act on

    # -- data flow ------------------------------------------------------------------------------
    def reload_from_store(self, select: int | None = None) -> None:
        """Re-rank the cases (only changed ones are recomputed) and redraw list, case and status."""
        if not self.loaded:
            return
        if self._board is None:
            from store.deadlines.urgency_board import UrgencyBoard

            self._board = self.app.urgency_board or UrgencyBoard(self.app.calendar)
        self.show_ranked(self._board.rank(self.store.cases(ordered=False), self.now()), select)

    def _changed_elsewhere(self, _: None) -> None:
        self.reload_from_store()

    def _language_changed(self, msgs: Messages) -> None:
        self.app.switch_screen(MainScreen.localized(msgs)(select=self.selected_case_id))

    async def _show_first(self, ranked: list[tuple[Case, Urgency]], select: int | None) -> None:
        await self._build_detail()
        self.show_ranked(ranked, select)

    def _show_rows(self, keep: int | None) -> None:
        msgs = self.msgs
        wanted = self.store.matching_ids(self._filter) if self._filter.strip() else None
        # A keystroke in the filter picks rows already built, in rank order.
        rows = self._ranked_rows if wanted is None else [r for r in self._ranked_rows if r.case_id in wanted]
        case_list = self.query_one(CaseList)
        case_list.empty_text = msgs("main.no_match") if wanted is not None else msgs("main.empty_list")
        case_list.set_rows(rows, keep=keep)

    def _row_for(self, case: Case, urgency: Urgency, now: dt.datetime) -> CaseRow:
        cached = self._rows.get(case.id)
        # The same case object: the same record; the same urgency object (the board keeps it for an
        # unchanged case) is equal without comparing its deadlines.
        if cached is None or cached[0] is not case or (cached[1] is not urgency and cached[1] != urgency):
            first = urgency.first_open.when.date() if urgency.first_open else None
            cached = (case, urgency, list_row(case.id, case.title, case.status.is_active, urgency, first, now))
            self._rows[case.id] = cached
        return cached[2]

    def _update_status(self, urgencies: Iterable[Counts]) -> None:
        overdue = broken = upcoming = guessed = cases = 0
        for u in urgencies:  # one pass over 10,000 cases, not four
            cases += 1
            overdue += u.overdue
            broken += u.broken
            upcoming += u.upcoming_week
            guessed += u.overdue_estimated
        self._show_status(cases, overdue, broken, upcoming, guessed)

    def _show_status(self, cases: int, overdue: int, broken: int, upcoming: int, guessed: int) -> None:
        m = self.msgs
        text = m(
            "statusline.summary",
            cases=m("statusline.cases", count=cases),
            overdue=m("statusline.overdue", count=overdue),
            broken=m("statusline.broken", count=broken),
            upcoming=m("statusline.upcoming", count=upcoming),
        )
        if guessed:  # past an estimated end only: said as such, never counted as overdue
            text += self.msgs("statusline.estimated", count=guessed)
        line = self.query_one("#status-line", Static)
        update_static(line, text)
        line.set_class(overdue > 0 or broken > 0, "attention")

    def show_selected(self) -> None:
        if not self._detail_built:
            return
        self.case_pane.show_case(self.selected_case(), self.msgs, self.now(), self.app.calendar)
        if self.focus_target() != "case" or isinstance(self.focused, Timeline):
            self.refresh_bindings()  # a contact may have come or gone under the cursor

    def selected_case(self) -> Case | None:
        if self.selected_case_id is None or not self.loaded:
            return None
        try:
            return self.store.get(self.selected_case_id)
        except NotFound:  # deleted in another session: show nothing
            return None

    # -- events ---------------------------------------------------------------------------------
    @on(CaseList.Highlighted)
    def _case_highlighted(self) -> None:
        # The list as it is now: a message posted before the rows were set (the cursor's first
        # watch, at mount) arrives after them.
        case_id = self.query_one(CaseList).current_case_id
        if case_id == self.selected_case_id:
            return
        self.selected_case_id = case_id
        if self.query_one("#filter", Input).has_focus:
            # While a filter is typed, draw the list first and the case pane once typing pauses.
            if self._pane_timer is not None:
                self._pane_timer.stop()
            self._pane_timer = self.set_timer(0.12, self.show_selected)
        else:
            self.show_selected()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._filter = event.value
        if self.loaded:
            self._show_rows(self.selected_case_id)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, Input) and event.widget.id == "filter":
            event.widget.placeholder = self.msgs("main.filter_placeholder")

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(CaseList).focus()

    def contact_under_cursor(self, case: Case | None) -> Contact | None:
        """The contact the timeline's cursor is on, in ``case``."""
        contact_id = self.query_one(Timeline).current_contact_id
        return case.contact(contact_id) if case and contact_id else None

    def item_under_cursor(self, case: Case | None) -> EvidenceItem | None:
        """The evidence item the checklist's cursor is on, in ``case``."""
        item_id = self.query_one(EvidenceTable).current_item_id
        return case.evidence_item(item_id) if case and item_id else None

    def jump_to_case(self, case_id: int) -> None:
        """Select a case in the list (clearing a filter that hides it)."""
        if self._filter and case_id not in self.store.matching_ids(self._filter):
            self.query_one("#filter", Input).value = ""
            self._filter = ""
        self._show_rows(case_id)
        self.selected_case_id = case_id
        self.show_selected()
        self.query_one(CaseList).focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus and box.value:
            box.value = ""
        self.query_one(CaseList).focus()


if TYPE_CHECKING:  # the type checker holds MainScreen to everything the case actions need of it
    _provides_what_the_actions_need: type[CaseScreen] = MainScreen
