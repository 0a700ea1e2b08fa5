"""The case list: renders only the visible rows, so 10,000 cases scroll and filter instantly.

Columns under a header line: a mark (! overdue, ? overdue by an estimate, × broken promise,
✓ resolved or closed), the case
number, the title, and the case's next deadline (the earliest still open, so a past date with !).
The cursor row of the focused list starts with ▸.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from store.text.cell_width import cell_len, fit
from store.text.controls import for_screen
from tui.case_rows import CaseRow
from tui.textual_compat import update_scrollbars
from tui.widgets.cursor_lines import CursorLines
from tui.widgets.row_table import FOCUS_MARK


class CaseList(CursorLines):
    """Keyboard list of cases; posts CaseList.Highlighted when the cursor lands on a case."""

    header_lines = 1
    COMPONENT_CLASSES = {
        "case-list--header",
        "case-list--cursor",
        "case-list--overdue",
        "case-list--broken",
        "case-list--done",
        "case-list--empty",
    }
    DEFAULT_CSS = """
    CaseList { height: 1fr; }
    CaseList > .case-list--header { text-style: bold; background: $primary 30%; }
    CaseList > .case-list--cursor { background: $accent 60%; text-style: bold; }
    CaseList:focus > .case-list--cursor { background: $accent; }
    CaseList > .case-list--overdue { color: $error; text-style: bold; }
    CaseList > .case-list--broken { color: $warning; }
    CaseList > .case-list--done { color: $text-muted; }
    CaseList > .case-list--empty { color: $text-muted; text-style: italic; }
    """

    class Highlighted(Message):
        """The cursor moved; read ``current_case_id`` when handling it (a message can arrive late)."""

    def __init__(self, empty_text: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[CaseRow] = []
        self.empty_text = empty_text
        self.headers = ("#", "", "")  # number, title, deadline
        self._id_width = 1
        self._date_width = 1

    # -- data -----------------------------------------------------------------------------------
    def set_rows(self, rows: list[CaseRow], keep: int | None = None) -> None:
        """Replace the rows, keeping the cursor on case ``keep`` (or the current case) if present."""
        wanted = keep if keep is not None else self.current_case_id
        self.rows = rows
        widest_id = max((r.case_id for r in rows), default=0)  # ids are never negative
        self._id_width = max(cell_len(self.headers[0]), len(str(widest_id)) if rows else 0)
        deadlines = {r.deadline for r in rows}  # a few distinct dates among thousands of rows
        self._date_width = max([cell_len(self.headers[2])] + [cell_len(d) for d in deadlines])
        self._set_height(len(rows) + 1)
        index = next((i for i, r in enumerate(rows) if r.case_id == wanted), 0)
        self.cursor = min(index, max(len(rows) - 1, 0))
        self.refresh()

    @property
    def current_case_id(self) -> int | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor].case_id
        return None

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def cursor_moved(self) -> None:
        self.post_message(self.Highlighted())

    # -- rendering ------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("case-list--header")
            number, title, deadline = self.headers
            return Strip([Segment(self._layout(" ", number, title, deadline, width), style)], width)
        index = int(self.scroll_y) + y - 1
        if not self.rows:
            lines = self._empty_lines(width - 1)
            if 1 <= y <= len(lines):  # the empty text, wrapped, and the focus mark even when there is none
                style = base + self.get_component_rich_style("case-list--empty")
                mark = FOCUS_MARK if self.has_focus and y == 1 else " "
                return Strip([Segment(fit(mark + lines[y - 1], width), style)], width)
            return Strip.blank(width, base)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        style = base
        if row.tone:
            style += self.get_component_rich_style(f"case-list--{row.tone}")
        mark = " "
        if index == self.cursor:
            style += self.get_component_rich_style("case-list--cursor")
            mark = FOCUS_MARK if self.has_focus else " "
        line = self._layout(mark + row.marker, str(row.case_id), for_screen(row.title), row.deadline, width)
        return Strip([Segment(line, style)], width)

    def _empty_lines(self, width: int) -> list[str]:
        """The empty text over as many lines as it needs: in a narrow list its end (what to press)
        was cut off."""
        if width <= 0:
            return [""]
        return [line.plain for line in Content(for_screen(self.empty_text)).wrap(width)] or [""]

    def _layout(self, marks: str, number: str, title: str, deadline: str, width: int) -> str:
        head = f"{marks:<2}{number:>{self._id_width}} "
        right = " " + fit(deadline, self._date_width)
        room = width - cell_len(head) - cell_len(right)
        if room < 4:  # too narrow for the deadline: the title first
            return fit(head + title, width)
        return head + fit(title, room) + right

    def _set_height(self, lines: int) -> None:
        """The list's virtual height, without laying out the whole screen again: a layout is needed
        only when the scroll bar comes or goes (Textual then asks for one itself), not on every
        filter keystroke that changes how many rows match."""
        size = Size(self.size.width, lines)
        if size == self.virtual_size:
            return
        if not self.container_size:  # not laid out yet: the layout comes anyway
            self.virtual_size = size
            return
        self.set_reactive(CaseList.virtual_size, size)
        update_scrollbars(self, size)  # the scroll bar's length, or its showing (which lays out)
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
