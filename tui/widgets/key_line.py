"""A one-line list of a screen's keys, for reading screens.

Textual's Footer builds a widget per key and recomposes them on every focus change; on the guide
it cost more than loading a chapter. This is one Static, drawn once, naming keys as the Footer does.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from tui.bindings import key_names
from tui.text import literal


class KeyLine(Static):
    DEFAULT_CSS = "KeyLine { height: 1; background: $panel; color: $text; }"

    def __init__(self, bindings: list[Any]) -> None:
        super().__init__()
        line = Text(no_wrap=True, overflow="ellipsis")
        for binding in bindings:
            if binding.show and binding.description:
                [key] = key_names(self.app, [binding], every_key=False)
                line.append_text(literal(f" {key} ", "bold reverse"))
                line.append_text(literal(f" {binding.description} "))
        self.update(line)
