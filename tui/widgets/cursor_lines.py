"""Base for line-per-row widgets that paint only visible lines and keep a keyboard cursor."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.scroll_view import ScrollView


class CursorLines(ScrollView, can_focus=True):
    """Subclasses set ``row_count``, paint lines, and react to ``cursor_moved``.

    ``header_lines`` rows at the top do not scroll with the cursor (a table header).
    """

    BINDINGS = [
        Binding("up,k", "cursor(-1)", show=False),
        Binding("down,j", "cursor(1)", show=False),
        Binding("pageup,ctrl+b", "page(-1)", show=False),
        Binding("pagedown,ctrl+f", "page(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
    ]

    cursor = reactive(0, always_update=True)
    header_lines = 0

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def cursor_moved(self) -> None:
        """Called after every cursor change (post a message here)."""

    def action_cursor(self, delta: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(self.row_count - 1, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.size.height - self.header_lines - 1))

    def action_jump(self, where: int) -> None:
        if self.row_count:
            self.cursor = where % self.row_count

    def watch_cursor(self) -> None:
        top, height = int(self.scroll_y), max(1, self.size.height - self.header_lines)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)
        self.refresh()
        self.cursor_moved()

    def on_focus(self) -> None:
        self.refresh()  # the cursor row's focus mark

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:  # the mouse is optional; a click selects the row
        row = int(self.scroll_y) + event.y - self.header_lines
        if 0 <= row < self.row_count:
            self.cursor = row
