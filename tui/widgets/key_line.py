"""A one-line list of a screen's keys, for reading screens.

Textual's Footer builds a widget per key and recomposes them on every focus change; on the guide
it cost more than loading a chapter. This is one Static, drawn once (and again when its width
changes), naming keys as the Footer does. Like the footer, it keeps the keys that fit, the way out
(Esc) first: cut off at the edge, "esc Close" was the key lost at 80 columns in English.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.widgets import Static

from tui.bindings import key_names
from tui.text import literal
from tui.widgets.screen_footer import fitting, way_out_first


class KeyLine(Static):
    DEFAULT_CSS = "KeyLine { height: 1; background: $panel; color: $text; }"

    def __init__(self, bindings: list[Any]) -> None:
        super().__init__()
        self._keys: list[tuple[str, str, Text]] = []  # first key, action, what is shown
        for binding in bindings:
            if binding.show and binding.description:
                [key] = key_names(self.app, [binding], every_key=False)
                shown = Text.assemble(literal(f" {key} ", "bold reverse"), literal(f" {binding.description} "))
                self._keys.append((binding.key.split(",")[0].strip(), binding.action, shown))
        self._draw(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._draw(event.size.width)

    def _draw(self, width: int) -> None:
        firsts = [first for first, _, _ in self._keys]
        actions = [action for _, action, _ in self._keys]
        widths = [shown.cell_len for _, _, shown in self._keys]
        line = Text(no_wrap=True, overflow="ellipsis")
        for index in fitting(actions, widths, way_out_first(firsts, actions), width):
            line.append_text(self._keys[index][2])
        self.update(line)
