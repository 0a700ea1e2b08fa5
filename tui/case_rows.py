"""The case list's rows, made without Textual: the app's list and the rows prepared for its first
frame (tui.early_listing) are made here alike."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple, Protocol


class CaseRow(NamedTuple):  # a tuple: 10,000 of them are made at start-up
    case_id: int
    marker: str  # "!" overdue, "?" overdue by an estimate, "×" broken promise, "✓" done, " " otherwise
    title: str
    deadline: str  # the next deadline, or "—"
    tone: str  # "overdue" | "broken" | "done" | ""


class Counts(Protocol):
    """What the list and its status line show of a case's urgency (Urgency, or ListedUrgency from
    the case index)."""

    @property
    def overdue(self) -> int: ...
    @property
    def overdue_estimated(self) -> int: ...
    @property
    def broken(self) -> int: ...
    @property
    def upcoming_week(self) -> int: ...


def list_row(
    case_id: int, title: str, active: bool, urgency: Counts, first_open: dt.date | None, now: dt.datetime
) -> CaseRow:
    """One list row: the mark for what needs attention, and the case's next deadline (one meaning
    in every row: the earliest deadline still open, a past one when it is overdue)."""
    if urgency.overdue:
        marker, tone = "!", "overdue"
    elif urgency.overdue_estimated:
        marker, tone = "?", "broken"
    elif urgency.broken:
        marker, tone = "×", "broken"
    elif not active:
        marker, tone = "✓", "done"
    else:
        marker, tone = " ", ""
    return CaseRow(case_id, marker, title, short_date(first_open, now.date()) if first_open else "—", tone)


def short_date(day: dt.date, today: dt.date) -> str:
    """Month and day for dates within half a year of today, else the year and month (a limit
    years away needs no day in a narrow list; the case pane has it)."""
    return day.strftime("%m-%d") if abs((day - today).days) <= 180 else day.strftime("%Y-%m")
