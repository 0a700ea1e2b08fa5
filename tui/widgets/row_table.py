"""A light table: a fixed header, one line per row, only visible lines rendered.

Textual's DataTable renders every cell through Rich and re-measures on each change; the case
pane redraws its tables on every selection move, so a table that lays out plain strings once
and paints lines on demand keeps moving through 10,000 cases instant.

One column may be ``flex``: it takes the width the others leave (and is cut with …), so the
columns after the first ones never need horizontal scrolling to be seen. The cursor row of a
focused table starts with ▸, so focus shows without colour too.
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
MIN_FLEX = 8  # cells: narrower, a flex column is unreadable; the table scrolls instead
MIN_SHRUNK = 5  # cells a shrinkable column keeps
GAP = 2
FOCUS_MARK = "▸"


@dataclass(frozen=True)
class Cell:
    text: str
    style: str = ""


def column_widths(
    natural: list[int], available: int, flex: int | None, shrink: tuple[int, ...] = ()
) -> tuple[list[int], int]:
    """Each column at its natural width (capped), the flex one at what is left of ``available``;
    and the gap between columns (one cell instead of two when the flex column is short of room).
    When even then the flex column would get less than MIN_FLEX, the ``shrink`` columns give up
    cells (widest first, down to MIN_SHRUNK each) so that the table still fits."""
    widths = [min(MAX_COLUMN, w) for w in natural]
    if flex is None or not 0 <= flex < len(widths):
        return widths, GAP
    for gap in (GAP, 1):
        room = available - sum(w for i, w in enumerate(widths) if i != flex) - gap * (len(widths) - 1)
        if room >= min(natural[flex], 2 * MIN_FLEX) or gap == 1:
            break
    wanted = min(MIN_FLEX, natural[flex])
    while room < wanted:
        candidates = [i for i in shrink if widths[i] > MIN_SHRUNK]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
        room += 1
    widths[flex] = max(wanted, room, 1)
    return widths, gap


class RowTable(CursorLines):
    header_lines = 1
    COMPONENT_CLASSES = {"row-table--header", "row-table--cursor", "row-table--empty"}
    DEFAULT_CSS = """
    RowTable { height: auto; max-height: 12; padding: 0 1 0 0; }
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
        self.flex: int | None = None
        self.shrink_columns: tuple[int, ...] = ()
        self._natural: list[int] = []
        self._widths: list[int] = []
        self._gap = GAP

    def set_data(
        self,
        headers: list[str],
        rows: list[list[Cell]],
        keys: list[int],
        empty_text: str = "",
        *,
        flex: int | None = None,
        shrink: tuple[int, ...] = (),
    ) -> None:
        """``flex``: the column that takes the width left; ``shrink``: columns that may be cut
        (with …) for the table to fit."""
        previous = self.current_key
        self.headers, self.rows, self.keys, self.empty_text = headers, rows, keys, empty_text
        self.flex, self.shrink_columns = flex, shrink
        self._natural = [
            max([cell_len(h)] + [cell_len(for_screen(r[i].text)) for r in rows]) for i, h in enumerate(headers)
        ]
        self._fit_columns()
        index = keys.index(previous) if previous in keys else min(self.cursor, max(len(rows) - 1, 0))
        self.cursor = index
        self.refresh()  # a layout only if the size changed: virtual_size asks for it then

    def _fit_columns(self) -> None:
        available = self.scrollable_content_region.width - 1  # less the focus mark
        self._widths, self._gap = column_widths(self._natural, available, self.flex, self.shrink_columns)
        total = 1 + sum(self._widths) + self._gap * max(len(self._widths) - 1, 0)
        self.virtual_size = Size(total, len(self.rows) + 1)

    def on_resize(self) -> None:
        if self._natural:
            self._fit_columns()
            self.refresh()

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

    def _line(self, mark: str, cells: list[Cell], base: Style, *, cursor: bool = False) -> list[Segment]:
        """One row; on the cursor row the cells keep their weight but not their colour, which
        would be unreadable on the cursor's background (the state marks say it in text)."""
        segments = [Segment(mark, base)]
        last = len(cells) - 1
        for i, cell in enumerate(cells):
            text = fit(for_screen(cell.text), self._widths[i]) + ("" if i == last else " " * self._gap)
            style = base
            if cell.style:
                own = Style.parse(cell.style)
                style += Style(bold=own.bold, dim=own.dim) if cursor else own
            segments.append(Segment(text, style))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        scroll_x = int(self.scroll_x)
        if y == 0:
            style = base + self.get_component_rich_style("row-table--header")
            segments = self._line(" ", [Cell(h) for h in self.headers], style)
            return Strip(segments).crop(scroll_x, scroll_x + width).extend_cell_length(width, style)
        if not self.rows:
            if y == 1:  # the empty text, and the focus mark even when there is none
                style = base + self.get_component_rich_style("row-table--empty")
                mark = FOCUS_MARK if self.has_focus else " "
                return Strip([Segment(fit(mark + for_screen(self.empty_text), width), style)], width)
            return Strip.blank(width, base)
        index = int(self.scroll_y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        style = base
        mark = " "
        if index == self.cursor:
            style += self.get_component_rich_style("row-table--cursor")
            mark = FOCUS_MARK if self.has_focus else " "
        segments = self._line(mark, self.rows[index], style, cursor=index == self.cursor)
        return Strip(segments).crop(scroll_x, scroll_x + width).extend_cell_length(width, style)
