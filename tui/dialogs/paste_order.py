"""A box to paste an order's text into; the case form fills its order fields from it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from store.rules.messages import Messages
from tui.widgets.literal_text_area import LiteralTextArea
from tui.widgets.marked_button import MarkedButton


class PasteOrderDialog(ModalScreen[str | None]):
    """Dismisses with the pasted text (Ctrl+S), or None (Esc)."""

    BINDINGS = [
        Binding("ctrl+s", "fill", show=False),
        Binding("escape", "cancel", show=False),
    ]
    DEFAULT_CSS = """
    PasteOrderDialog { align: center middle; }
    PasteOrderDialog > Vertical {
        width: 90;
        max-width: 100%;
        height: 24;
        max-height: 100%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    PasteOrderDialog #paste-title { text-style: bold; }
    PasteOrderDialog #paste-hint { color: $text-muted; }
    PasteOrderDialog TextArea { height: 1fr; background: $boost; }
    PasteOrderDialog Horizontal { height: auto; }
    PasteOrderDialog Button { margin-right: 2; }
    """

    def __init__(self, msgs: Messages) -> None:
        super().__init__()
        self.msgs = msgs

    def compose(self) -> ComposeResult:
        m = self.msgs
        with Vertical():
            yield Static(Text(m("paste.title")), id="paste-title")
            yield Static(Text(m("paste.hint")), id="paste-hint")
            area = LiteralTextArea(
                id="paste-text", soft_wrap=True, show_line_numbers=False, compact=True, classes="focus-bar"
            )
            area.cursor_blink = False  # no redraws while idle (slow links)
            yield area
            with Horizontal():
                yield MarkedButton(m("paste.fill"), variant="primary", id="paste-fill", compact=True)
                yield MarkedButton(m("form.cancel"), id="paste-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "paste-fill":
            self.action_fill()
        else:
            self.action_cancel()

    def action_fill(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
