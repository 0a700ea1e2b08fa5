"""The case's contacts in time order, one row each; an overdue promise stands out.

Each row shows when, the channel, the agent ID, the promised deadline and the promise's state
(with a mark, so it reads without colour), then the promise itself in whatever width is left; the
full entry is shown under the table. Where the pane is narrow the dates drop their time of day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:  # the rules load after the first frame (see WeiquanApp)
    from store.records.models import Case, Contact
    from store.rules.messages import Messages
from store.text.cell_width import cell_len, clip
from store.text.controls import for_screen
from tui.text import literal
from tui.widgets.row_table import MIN_FLEX, Cell, RowTable

TONE = {"overdue": "bold red", "overdue_estimated": "yellow", "broken": "red", "due_soon": "yellow", "kept": "green"}
STATE_MARK = {
    "overdue": "!",
    "overdue_estimated": "?",
    "broken": "✗",
    "due_soon": "◔",
    "kept": "✓",
    "pending": "…",
    "none": "",
}
END_OF_DAY = dt.time(23, 59, 59)
CHANNEL_COLUMN, AGENT_COLUMN, PROMISE_COLUMN = 1, 2, 5


class Timeline(RowTable):
    """Contacts in time order; the cursor row is the contact that keys act on."""

    DEFAULT_CSS = "Timeline { max-height: 70%; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Case | None, Messages, dt.datetime] | None = None
        self._compact: bool | None = None

    def show_case(self, case: Case | None, msgs: Messages, now: dt.datetime) -> None:
        self._shown = (case, msgs, now)
        self._compact = self._needs_compact(case, msgs, now)
        self._fill(case, msgs, now, self._compact)

    def on_resize(self) -> None:
        if self._shown is not None and self._needs_compact(*self._shown) != self._compact:
            self.show_case(*self._shown)
        else:
            super().on_resize()

    def _needs_compact(self, case: Case | None, msgs: Messages, now: dt.datetime) -> bool:
        """Whether the full dates would leave the promise too little room at this width."""
        width = self.scrollable_content_region.width
        if not width or case is None:
            return False
        rows = [_cells(c, msgs, now, compact=False) for c in case.timeline()]
        fixed = [
            max([cell_len(h)] + [cell_len(r[i].text) for r in rows])
            for i, h in enumerate(_headers(msgs)[:PROMISE_COLUMN])
        ]
        return 1 + sum(fixed) + PROMISE_COLUMN + 2 * MIN_FLEX > width  # at one-cell gaps

    def _fill(self, case: Case | None, msgs: Messages, now: dt.datetime, compact: bool) -> None:
        contacts = case.timeline() if case else []
        rows = [_cells(c, msgs, now, compact=compact) for c in contacts]
        keys, empty = [c.id for c in contacts], msgs("timeline.empty")
        self.set_data(_headers(msgs), rows, keys, empty, flex=PROMISE_COLUMN, shrink=(CHANNEL_COLUMN, AGENT_COLUMN))

    @property
    def current_contact_id(self) -> int | None:
        return self.current_key


def _headers(msgs: Messages) -> list[str]:
    return [msgs(f"timeline.{key}") for key in ("when", "channel", "agent", "deadline", "state", "promise")]


def _when(moment: dt.datetime, compact: bool) -> str:
    if compact and moment.time() in (END_OF_DAY, dt.time(0, 0)):
        return moment.strftime("%m-%d")
    return moment.strftime("%m-%d %H:%M")


def state_label(contact: Contact, msgs: Messages, now: dt.datetime) -> tuple[str, str]:
    """The promise's state with its mark (✓ kept, ✗ broken, ! overdue …), and its colour."""
    from store.deadlines.case_deadlines import promise_status

    status = promise_status(contact, now).value
    if status == "none":
        return "", ""
    return f"{STATE_MARK[status]}{msgs(f'promise.{status}')}", TONE.get(status, "")


def _cells(contact: Contact, msgs: Messages, now: dt.datetime, *, compact: bool) -> list[Cell]:
    state, tone = state_label(contact, msgs, now)
    deadline = _when(contact.deadline, compact) if contact.deadline else ""
    if contact.deadline_estimated:
        deadline += "≈"
    return [
        Cell(contact.at.strftime("%m-%d") if compact else contact.at.strftime("%m-%d %H:%M")),
        Cell(msgs.enum("channel_short", contact.channel)),
        Cell(clip(for_screen(contact.agent_id), 9)),  # cut as shown: a control's escape is wide
        Cell(deadline, tone),
        Cell(state, tone),
        Cell(" ".join(contact.promise.split())),
    ]


def describe_contact(contact: Contact, msgs: Messages) -> str:
    """One line naming a contact, for confirmations: when, channel, agent, what was promised by when."""
    parts = [f"{contact.at:%Y-%m-%d %H:%M}", msgs.enum("channel", contact.channel)]
    if contact.agent_id:
        parts.append(f"{msgs('field.agent_id')} {contact.agent_id}")
    line = " · ".join(parts)
    if contact.promise:
        line += "\n" + msgs("main.promised_line", promise=" ".join(contact.promise.split()))
        if contact.deadline:
            line += " " + msgs("main.by_line", deadline=f"{contact.deadline:%Y-%m-%d %H:%M}")
    elif contact.summary:
        line += "\n" + clip(" ".join(contact.summary.split()), 80)
    return line


def contact_detail(contact: Contact | None, msgs: Messages) -> Text:
    """Everything about one contact, untruncated (a call's length too), for the lines under the table."""
    from store.records.duration_input import duration_words

    if contact is None:
        return Text("")
    text = Text()
    when = f"{contact.at:%Y-%m-%d %H:%M}"
    if contact.duration is not None:  # a timed call: how long it lasted
        when += f" · {msgs(duration_words(contact.duration))}"
    text.append(
        f"{when} · {msgs.enum('channel', contact.channel)} · {msgs.enum('direction', contact.direction)}",
        style="bold",
    )
    deadline = f"{contact.deadline:%Y-%m-%d %H:%M}" if contact.deadline else ""
    for label, value in (
        (msgs("field.agent_id"), contact.agent_id),
        (msgs("field.reference_no"), contact.reference_no),
        (msgs("field.summary"), contact.summary),
        (msgs("field.promise"), contact.promise),
        (msgs("field.deadline"), deadline),
    ):
        if value:
            text.append(f"\n{label}: ", style="bold")
            text.append_text(literal(value, keep_newlines=True))
    return text
