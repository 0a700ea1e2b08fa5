"""The case list: renders only the visible rows, so 10,000 cases scroll and filter instantly."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from store.text.cell_width import cell_len, fit
from store.text.controls import for_screen
from tui.widgets.cursor_lines import CursorLines


@dataclass(frozen=True)
class CaseRow:
    case_id: int
    marker: str  # "!" overdue, "?" overdue by an estimate, "×" broken promise, " " otherwise
    title: str
    right: str  # next deadline or status
    tone: str  # "overdue" | "broken" | "done" | ""


class CaseList(CursorLines):
    """Keyboard list of cases; posts CaseList.Highlighted when the cursor lands on a case."""

    COMPONENT_CLASSES = {
        "case-list--cursor",
        "case-list--overdue",
        "case-list--broken",
        "case-list--done",
        "case-list--empty",
    }
    DEFAULT_CSS = """
    CaseList { height: 1fr; }
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

    # -- data -----------------------------------------------------------------------------------
    def set_rows(self, rows: list[CaseRow], keep: int | None = None) -> None:
        """Replace the rows, keeping the cursor on case ``keep`` (or the current case) if present."""
        wanted = keep if keep is not None else self.current_case_id
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
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
        index = int(self.scroll_y) + y
        base = self.rich_style
        if not self.rows:
            if y == 0 and self.empty_text:
                style = base + self.get_component_rich_style("case-list--empty")
                return Strip([Segment(fit(for_screen(self.empty_text), width), style)], width)
            return Strip.blank(width, base)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        style = base
        if row.tone:
            style += self.get_component_rich_style(f"case-list--{row.tone}")
        if index == self.cursor:
            style += self.get_component_rich_style("case-list--cursor")
        return Strip([Segment(self._layout(row, width), style)], width)

    @staticmethod
    def _layout(row: CaseRow, width: int) -> str:
        head = f"{row.marker}{row.case_id:>4} "
        right = f" {for_screen(row.right)}" if row.right else ""
        room = width - cell_len(head) - cell_len(right)
        if room < 4:
            return fit(head + for_screen(row.title), width)
        return head + fit(for_screen(row.title), room) + right

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))
