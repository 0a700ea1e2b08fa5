"""A checkbox whose state is a mark, not only a colour.

Textual's Checkbox draws ▐X▌ ticked or not and tells them apart by colour alone, so with
NO_COLOR, in 16 colours or in a screen reader every box read "X": ticked. Here an empty box is
▐ ▌ and a ticked one ▐X▌.
"""

from __future__ import annotations

from textual.widgets import Checkbox

TICK = "X"
EMPTY = " "


class MarkedCheckbox(Checkbox):
    def watch_value(self) -> None:
        self.BUTTON_INNER = TICK if self.value else EMPTY  # the class's documented glyph, per box
        super().watch_value()
        self.refresh()

    def on_mount(self) -> None:
        self.BUTTON_INNER = TICK if self.value else EMPTY
        self.refresh()
