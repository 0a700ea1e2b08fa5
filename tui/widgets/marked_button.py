"""A button that shows it has the focus with a ▸ before its label, not only with colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Button

MARK = "▸ "


class MarkedButton(Button):
    def on_focus(self) -> None:
        self.label = Content(MARK + self._plain_label())

    def on_blur(self) -> None:
        self.label = Content(self._plain_label())

    def _plain_label(self) -> str:
        label = self.label
        plain = label.plain if isinstance(label, Content) else str(label)
        return plain.removeprefix(MARK)
