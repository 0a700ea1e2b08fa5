"""The selected case: three lines of key facts, then tabs (timeline, evidence, clocks, all facts).

At 80×24 the facts used to fill the pane and push the timeline, the evidence checklist and the
clocks off the screen. Now each of those has a tab a digit key away (1–4, shown on the tab bar),
the timeline gets the room, and only the tab on screen is redrawn when the selection moves. The
contact's details fill the box under the timeline (min-height), so a contact with more or fewer
lines of them is repainted, not laid out again.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from store.text.cell_width import cell_len
from tui.widgets.case_facts import CaseFacts, CaseSummary, ClockList
from tui.widgets.evidence_pane import EvidencePane, EvidenceTable
from tui.widgets.row_table import RowTable
from tui.widgets.static_update import update_static
from tui.widgets.timeline import Timeline, contact_detail

if TYPE_CHECKING:
    from store.calendar.workdays import WorkCalendar
    from store.records.models import Case
    from store.rules.messages import Messages

TABS = ("timeline", "evidence", "clocks", "facts")


class FocusScroll(VerticalScroll):
    """A scrolling text pane that shows it has the focus with a bar on its left (not only colour)."""

    DEFAULT_CSS = """
    FocusScroll { border-left: blank; }
    FocusScroll:focus { border-left: outer $accent; }
    """


class TabBar(Static):
    """One line: each tab's key and name, the one shown in brackets and reversed."""

    DEFAULT_CSS = "TabBar { height: 1; background: $primary 25%; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels: list[str] = []
        self.active = TABS[0]
        self._spans: list[tuple[int, int, str]] = []  # start, end cell, tab

    def show(self, labels: list[str], active: str) -> None:
        self.labels, self.active = labels, active
        line, self._spans, x = Text(no_wrap=True, overflow="ellipsis"), [], 0
        for n, (tab, label) in enumerate(zip(TABS, labels), start=1):
            shown = tab == active
            piece = f"[{n} {label}]" if shown else f" {n} {label} "
            line.append(piece, style="bold reverse" if shown else "")
            self._spans.append((x, x + cell_len(piece), tab))
            x += cell_len(piece)
            line.append(" ")
            x += 1
        self.update(line)

    def on_click(self, event: events.Click) -> None:
        for start, end, tab in self._spans:
            if start <= event.x < end:
                self.post_message(CasePane.TabChosen(tab))


class CasePane(Vertical):
    """``show_case(case, msgs, now)`` draws the summary and the tab on screen; ``show_tab(name)``."""

    DEFAULT_CSS = """
    CasePane { height: 1fr; }
    CasePane > ContentSwitcher { height: 1fr; }
    CasePane #tab-timeline { height: 1fr; }
    CasePane #contact-detail-box { height: 1fr; }
    CasePane #contact-detail { padding: 0 1; color: $text-muted; min-height: 100%; }
    CasePane #tab-evidence { height: 1fr; }
    CasePane FocusScroll { height: 1fr; }
    """

    class TabChosen(Message):
        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.case: Case | None = None
        self._msgs: Messages | None = None
        self._now: dt.datetime | None = None
        self._calendar: WorkCalendar | None = None
        self._stale: set[str] = set(TABS)

    def compose(self) -> ComposeResult:
        yield CaseSummary(id="summary")
        yield TabBar(id="tab-bar")
        with ContentSwitcher(initial="tab-timeline"):
            with Vertical(id="tab-timeline"):
                yield Timeline(id="timeline")
                with VerticalScroll(id="contact-detail-box", can_focus=False):
                    yield Static(id="contact-detail")
            with VerticalScroll(id="tab-evidence", can_focus=False):
                yield EvidencePane(id="evidence")
            with FocusScroll(id="tab-clocks"):
                yield ClockList(id="clocks")
            with FocusScroll(id="tab-facts"):
                yield CaseFacts(id="facts")

    @property
    def active(self) -> str:
        return (self.query_one(ContentSwitcher).current or "tab-timeline").removeprefix("tab-")

    def show_case(self, case: Case | None, msgs: Messages, now: dt.datetime, calendar: WorkCalendar) -> None:
        self.case, self._msgs, self._now, self._calendar = case, msgs, now, calendar
        self.query_one(CaseSummary).show_case(case, msgs, now, calendar)
        self._stale = set(TABS)
        self._draw(self.active)

    def show_tab(self, tab: str, msgs: Messages) -> None:
        """Bring tab ``tab`` on screen; focus moves with it if it was in the tab going away."""
        switcher = self.query_one(ContentSwitcher)
        leaving = self.query_one(f"#tab-{self.active}")
        had_focus = any(w.has_focus for w in (leaving, *leaving.query("*")))
        switcher.current = f"tab-{tab}"
        self.query_one(TabBar).show([msgs(f"tabs.{t}") for t in TABS], tab)
        self._draw(tab)
        if had_focus:
            self.focus_tab()

    def focus_tab(self) -> None:
        """Focus what keys act on in the tab on screen (its table, or its text to scroll)."""
        target = self.focus_target()
        if target is not None:
            target.focus()

    def focus_target(self) -> Widget | None:
        return {
            "timeline": self.query_one(Timeline),
            "evidence": self.query_one(EvidenceTable),
            "clocks": self.query_one("#tab-clocks"),
            "facts": self.query_one("#tab-facts"),
        }.get(self.active)

    def label_tabs(self, msgs: Messages) -> None:
        self.query_one(TabBar).show([msgs(f"tabs.{t}") for t in TABS], self.active)

    def _draw(self, tab: str) -> None:
        if tab not in self._stale or self._msgs is None or self._now is None or self._calendar is None:
            return
        self._stale.discard(tab)
        case, msgs, now, calendar = self.case, self._msgs, self._now, self._calendar
        if tab == "timeline":
            self.query_one(Timeline).show_case(case, msgs, now)
            self.show_contact_detail()
        elif tab == "evidence":
            self.query_one(EvidencePane).show_case(case, msgs)
        elif tab == "clocks":
            self.query_one(ClockList).show_case(case, msgs, now, calendar)
        else:
            self.query_one(CaseFacts).show_case(case, msgs, now, calendar)

    def show_contact_detail(self) -> None:
        if self._msgs is None:
            return
        contact_id = self.query_one(Timeline).current_contact_id
        contact = self.case.contact(contact_id) if self.case and contact_id else None
        update_static(self.query_one("#contact-detail", Static), contact_detail(contact, self._msgs))

    @on(RowTable.Highlighted, "#timeline")
    def _contact_highlighted(self) -> None:
        self.show_contact_detail()

    @on(RowTable.Highlighted, "#evidence-table")
    def _evidence_highlighted(self) -> None:
        if self._msgs is None:
            return
        item_id = self.query_one(EvidenceTable).current_item_id
        item = self.case.evidence_item(item_id) if self.case and item_id else None
        self.query_one(EvidencePane).show_files(item, self._msgs)
