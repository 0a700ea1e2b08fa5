"""A light table: a fixed header, one line per row, only visible lines rendered.

Textual's DataTable renders every cell through Rich and re-measures on each change; the case
pane redraws its tables on every selection move, so a table that lays out plain strings once
and paints lines on demand keeps moving through 10,000 cases instant.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from store.text.cell_width import cell_len, fit
from store.text.controls import for_screen
from tui.widgets.cursor_lines import CursorLines

MAX_COLUMN = 36
GAP = 2


@dataclass(frozen=True)
class Cell:
    text: str
    style: str = ""


class RowTable(CursorLines):
    header_lines = 1
    COMPONENT_CLASSES = {"row-table--header", "row-table--cursor", "row-table--empty"}
    DEFAULT_CSS = """
    RowTable { height: auto; max-height: 12; padding: 0 1; }
    RowTable > .row-table--header { text-style: bold; background: $primary 30%; }
    RowTable > .row-table--cursor { background: $accent 40%; }
    RowTable:focus > .row-table--cursor { background: $accent; text-style: bold; }
    RowTable > .row-table--empty { color: $text-muted; text-style: italic; }
    """

    class Highlighted(Message):
        def __init__(self, table: RowTable, key: int | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> RowTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.headers: list[str] = []
        self.rows: list[list[Cell]] = []
        self.keys: list[int] = []
        self.empty_text = ""
        self._widths: list[int] = []

    def set_data(self, headers: list[str], rows: list[list[Cell]], keys: list[int], empty_text: str = "") -> None:
        previous = self.current_key
        self.headers, self.rows, self.keys, self.empty_text = headers, rows, keys, empty_text
        self._widths = [
            min(MAX_COLUMN, max([cell_len(for_screen(h))] + [cell_len(for_screen(r[i].text)) for r in rows]))
            for i, h in enumerate(headers)
        ]
        self.virtual_size = Size(sum(self._widths) + GAP * len(self._widths), len(rows) + 1)
        index = keys.index(previous) if previous in keys else min(self.cursor, max(len(rows) - 1, 0))
        self.cursor = index
        self.refresh()  # a layout only if the size changed: virtual_size asks for it then

    @property
    def current_key(self) -> int | None:
        return self.keys[self.cursor] if 0 <= self.cursor < len(self.keys) else None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows) + 1 if self.rows else 2

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def cursor_moved(self) -> None:
        self.post_message(self.Highlighted(self, self.current_key))

    def _line(self, cells: list[Cell], base: Style) -> list[Segment]:
        segments = []
        for i, cell in enumerate(cells):
            width = self._widths[i] if i < len(cells) - 1 else max(self._widths[i], 1)
            text = fit(for_screen(cell.text), width) + " " * GAP
            style = base + Style.parse(cell.style) if cell.style else base
            segments.append(Segment(text, style))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        scroll_x = int(self.scroll_x)
        if y == 0:
            style = base + self.get_component_rich_style("row-table--header")
            segments = self._line([Cell(h) for h in self.headers], style)
            return Strip(segments).crop(scroll_x, scroll_x + width).extend_cell_length(width, style)
        if not self.rows:
            if y == 1 and self.empty_text:
                style = base + self.get_component_rich_style("row-table--empty")
                return Strip([Segment(fit(for_screen(self.empty_text), width), style)], width)
            return Strip.blank(width, base)
        index = int(self.scroll_y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        style = base
        if index == self.cursor:
            style += self.get_component_rich_style("row-table--cursor")
        segments = self._line(self.rows[index], style)
        return Strip(segments).crop(scroll_x, scroll_x + width).extend_cell_length(width, style)
