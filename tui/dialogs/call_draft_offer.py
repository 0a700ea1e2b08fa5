"""The offer of a call left unfinished by a session that stopped: resume it, leave it, or discard it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from store.persistence.call_drafts import CallDraft
from store.records.date_input import format_datetime
from store.rules.messages import Messages
from store.text.cell_width import clip
from tui.text import literal
from tui.widgets.marked_button import MarkedButton

CHOICES = ("resume", "later", "discard")
SUMMARY_LIMIT = 300  # cells of "what was said" shown here; all of it is in the call


class CallDraftOffer(ModalScreen[str | None]):
    """Dismisses with "resume", "later" or "discard" (1, 2, 3); Esc means later."""

    BINDINGS = [
        Binding("1", "choose('resume')", show=False),
        Binding("2", "choose('later')", show=False),
        Binding("3", "choose('discard')", show=False),
        Binding("escape", "choose('later')", show=False),
    ]
    DEFAULT_CSS = """
    CallDraftOffer { align: center middle; }
    CallDraftOffer > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $warning;
        background: $surface;
        padding: 0 1;
    }
    CallDraftOffer #offer-title { text-style: bold; }
    CallDraftOffer Button { width: 100%; }
    """

    def __init__(self, draft: CallDraft, msgs: Messages) -> None:
        super().__init__()
        self.draft = draft
        self.msgs = msgs

    def compose(self) -> ComposeResult:
        m, d = self.msgs, self.draft
        with Vertical():
            yield Static(Text(m("draft.title")), id="offer-title")
            body = m("draft.body", id=d.case_id, channel=m(f"channel.{d.channel}"), started=format_datetime(d.started))
            text = Text(body + "\n")
            text.append_text(literal(d.case_title, style="bold"))
            yield Static(text)
            yield Static(self._captured())
            for n, choice in enumerate(CHOICES, start=1):
                yield MarkedButton(f"{n}. {m(f'draft.{choice}')}", id=f"offer-{choice}", compact=True)

    def _captured(self) -> Text:
        m, d = self.msgs, self.draft
        rows = [
            (m("field.agent_id"), d.agent_id),
            (m("field.promise"), d.promise),
            (m("field.deadline"), d.deadline),
            (m("field.reference_no"), d.reference_no),
            (m("field.duration"), d.duration),
            (m("field.summary"), clip(d.summary, SUMMARY_LIMIT)),
        ]
        if not d.has_notes():
            return Text(m("draft.nothing"), style="italic")
        text = Text(m("draft.captured"), style="bold")
        for label, value in rows:
            if value.strip():
                text.append(f"\n{label}: ", style="bold")
                text.append_text(literal(value, keep_newlines=True))
        return text

    def on_mount(self) -> None:
        self.query_one("#offer-resume", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("offer-"))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
