"""A text area whose value is shown with every control character visible (see literal_fields)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from store.text.controls import for_editing


class LiteralTextArea(TextArea):
    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        shown = for_editing(line.plain, keep_tabs=True)  # the text area lays out tabs itself
        if shown != line.plain:
            line.plain = shown
        return line
