"""The text fields of weiquan's forms: control characters shown visibly (LiteralInput), Ctrl+U
clears the whole field, a paste loses nothing.

Textual's Ctrl+U deletes only what is left of the cursor in an Input and to the start of the line
in a TextArea; here it clears the field in both (Ctrl+Z brings the text back). A paste with tabs
in it (a row copied from a spreadsheet) goes on into the following fields, as the same text typed
would; a paste with line breaks into a one-line field keeps every line, joined by spaces, where
Textual keeps only the first.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from tui.widgets.literal_fields import LiteralInput
from tui.widgets.literal_text_area import LiteralTextArea


class PasteAcross(Message):
    """A paste with tabs: ``parts[0]`` belongs in ``field``, the rest in the fields after it."""

    def __init__(self, field: Widget, parts: list[str]) -> None:
        super().__init__()
        self.field = field
        self.parts = parts


def _split_paste(widget: Widget, event: events.Paste) -> bool:
    """Post PasteAcross for a paste with tabs in it; True if it did."""
    if "\t" not in event.text:
        return False
    event.prevent_default()
    event.stop()
    widget.post_message(PasteAcross(widget, event.text.split("\t")))
    return True


class FormInput(LiteralInput):
    BINDINGS = [
        Binding("ctrl+u", "clear_field", show=False),
        Binding("ctrl+z", "restore_field", show=False),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._cleared: str | None = None

    def action_clear_field(self) -> None:
        if self.value:
            self._cleared = self.value
            self.value = ""

    def action_restore_field(self) -> None:
        if self._cleared is not None:
            self.value, self._cleared = self._cleared, None
            self.cursor_position = len(self.value)

    def on_paste(self, event: events.Paste) -> None:
        if _split_paste(self, event) or not event.text:
            return
        event.prevent_default()
        event.stop()
        self.put_text(" ".join(event.text.splitlines()))

    def put_text(self, text: str) -> None:
        """Insert ``text`` as typing would: over the selection, else at the cursor."""
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *sorted(self.selection))


class FormTextArea(LiteralTextArea):
    BINDINGS = [Binding("ctrl+u", "clear_field", show=False)]

    def action_clear_field(self) -> None:
        self.clear()  # an edit: Ctrl+Z undoes it

    def on_paste(self, event: events.Paste) -> None:
        _split_paste(self, event)

    def put_text(self, text: str) -> None:
        self.move_cursor(self.replace(text, *self.selection).end_location)
