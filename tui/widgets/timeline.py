"""The case's contacts in time order, one row each; an overdue promise stands out."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:  # the rules load after the first frame (see WeiquanApp)
    from store.records.models import Case, Contact
    from store.rules.messages import Messages
from store.text.cell_width import clip
from tui.text import literal
from tui.widgets.row_table import Cell, RowTable

TONE = {"overdue": "bold red", "overdue_estimated": "yellow", "broken": "red", "due_soon": "yellow", "kept": "green"}


class Timeline(RowTable):
    """Contacts in time order; the cursor row is the contact that keys act on."""

    DEFAULT_CSS = "Timeline { max-height: 14; }"

    def show_case(self, case: Case | None, msgs: Messages, now: dt.datetime) -> None:
        from store.deadlines.case_deadlines import promise_status
        from store.records.duration_input import duration_words

        headers = [
            msgs(f"timeline.{key}") for key in ("when", "channel", "agent", "promise", "deadline", "state", "said")
        ]
        rows, keys = [], []
        for contact in case.timeline() if case else []:
            status = promise_status(contact, now)
            tone = TONE.get(status.value, "")
            deadline = contact.deadline.strftime("%m-%d %H:%M") if contact.deadline else ""
            if contact.deadline_estimated:
                deadline += "≈"
            when = contact.at.strftime("%Y-%m-%d %H:%M")
            if contact.duration is not None:  # a timed call: how long it lasted
                when += f" · {msgs(duration_words(contact.duration))}"
            rows.append(
                [
                    Cell(when),
                    Cell(msgs.enum("channel", contact.channel)),
                    Cell(contact.agent_id),
                    Cell(clip(" ".join(contact.promise.split()), 24)),
                    Cell(deadline, tone),
                    Cell(msgs(f"promise.{status.value}"), tone),
                    Cell(clip(" ".join(contact.summary.split()), 80)),
                ]
            )
            keys.append(contact.id)
        self.set_data(headers, rows, keys, msgs("timeline.empty"))

    @property
    def current_contact_id(self) -> int | None:
        return self.current_key


def contact_detail(contact: Contact | None, msgs: Messages) -> Text:
    """Everything about one contact, untruncated, for the line under the table."""
    from store.records.duration_input import duration_words

    if contact is None:
        return Text("")
    text = Text()
    text.append(
        f"{contact.at:%Y-%m-%d %H:%M} · {msgs.enum('channel', contact.channel)} · "
        f"{msgs.enum('direction', contact.direction)}",
        style="bold",
    )
    for label, value in (
        (msgs("field.duration"), msgs(duration_words(contact.duration)) if contact.duration is not None else ""),
        (msgs("field.agent_id"), contact.agent_id),
        (msgs("field.reference_no"), contact.reference_no),
        (msgs("field.summary"), contact.summary),
        (msgs("field.promise"), contact.promise),
    ):
        if value:
            text.append(f"\n{label}: ", style="bold")
            text.append_text(literal(value, keep_newlines=True))
    return text
