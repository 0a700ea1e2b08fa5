"""The case's contacts in time order, one row each; an overdue promise stands out."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import DataTable

from store.i18n import Messages
from store.ledger import PromiseStatus, promise_status
from store.models import Case, Contact
from tui.text import literal

TONE = {PromiseStatus.OVERDUE: "bold red", PromiseStatus.BROKEN: "red", PromiseStatus.DUE_SOON: "yellow",
        PromiseStatus.KEPT: "green"}


class Timeline(DataTable):
    DEFAULT_CSS = "Timeline { height: auto; max-height: 14; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.contact_ids: list[int] = []

    def show_case(self, case: Case | None, msgs: Messages, now: dt.datetime) -> None:
        keep = self.cursor_row
        self.clear()
        if not self.columns:
            for key in ("when", "channel", "agent", "promise", "deadline", "state", "said"):
                self.add_column(msgs(f"timeline.{key}"), key=key)
        self.contact_ids = []
        if case is None:
            return
        for contact in case.timeline():
            status = promise_status(contact, now)
            tone = TONE.get(status, "")
            label = msgs(f"promise.{status.value}")
            deadline = contact.deadline.strftime("%m-%d %H:%M") if contact.deadline else ""
            if contact.deadline_estimated:
                deadline += "≈"
            self.add_row(
                Text(contact.at.strftime("%Y-%m-%d %H:%M")),
                Text(msgs.enum("channel", contact.channel)),
                literal(contact.agent_id),
                literal(_clip(contact.promise, 24)),
                Text(deadline, style=tone),
                Text(label, style=tone),
                literal(_clip(contact.summary, 60)),
                key=str(contact.id),
            )
            self.contact_ids.append(contact.id)
        if self.contact_ids:
            self.move_cursor(row=min(max(keep, 0), len(self.contact_ids) - 1))

    @property
    def current_contact_id(self) -> int | None:
        if 0 <= self.cursor_row < len(self.contact_ids):
            return self.contact_ids[self.cursor_row]
        return None


def contact_detail(contact: Contact | None, msgs: Messages) -> Text:
    """Everything about one contact, untruncated, for the line under the table."""
    if contact is None:
        return Text("")
    text = Text()
    text.append(f"{contact.at:%Y-%m-%d %H:%M} · {msgs.enum('channel', contact.channel)} · "
                f"{msgs.enum('direction', contact.direction)}", style="bold")
    for label, value in ((msgs("field.agent_id"), contact.agent_id), (msgs("field.reference_no"), contact.reference_no),
                         (msgs("field.summary"), contact.summary), (msgs("field.promise"), contact.promise)):
        if value:
            text.append(f"\n{label}: ", style="bold")
            text.append_text(literal(value, keep_newlines=True))
    return text


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
