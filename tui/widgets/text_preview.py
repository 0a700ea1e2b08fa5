"""Plain text of any length, wrapped to the width, drawing only the lines on screen.

A Markdown widget lays a whole document out on the UI thread: a case of 1,000 contacts took about
55 s to appear and Esc 30 s to answer. Here the text is wrapped in a thread (the first screenful
at once, so something shows straight away), and ``render_line`` draws one screen row at a time,
so scrolling costs the same for ten lines or ten thousand. Text is shown literally: the rows are
plain segments, never markup, with control characters as visible pictures.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Sequence

from rich.cells import cell_len, chop_cells
from rich.segment import Segment
from rich.text import Text
from textual import work
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from tui.text import visible
from tui.workers import WRAP_TEXT, ReportsWorkerFailures

FIRST_SCREEN = 200  # source lines wrapped on the UI thread, before the rest is wrapped in a thread
CHUNK = 500  # lines the thread wraps before it lets the UI thread run (it holds the GIL meanwhile)
KEPT = 8  # texts whose rows are kept, so going back to one shows it at once


def wrap_lines(lines: Sequence[str], width: int) -> list[str]:
    """Each line cut into rows of at most ``width`` cells (wide characters count two)."""
    width = max(width, 2)
    rows: list[str] = []
    for raw in lines:
        line = visible(raw)
        if not line:
            rows.append("")
        elif line.isascii():
            rows.extend(line[i : i + width] for i in range(0, len(line), width))
        elif cell_len(line) <= width:
            rows.append(line)
        else:
            rows.extend(chop_cells(line, width))
    return rows


class TextPreview(ReportsWorkerFailures, ScrollView, can_focus=True):
    ALLOW_SELECT = True
    DEFAULT_CSS = """
    TextPreview { overflow-x: hidden; overflow-y: scroll; background: $surface; padding: 0 1; }
    TextPreview:focus { background-tint: $foreground 5%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[str] = []
        self._rows: list[str] = []
        self._generation = 0  # which text the rows belong to: a late wrap of an older text is dropped
        self._wrapped_width = 0
        self._kept: OrderedDict[tuple[str, int], list[str]] = OrderedDict()
        self._text = ""
        self.complete = True  # every line wrapped (False while the rest is wrapped in a thread)

    @property
    def text(self) -> str:
        return self._text

    @property
    def rows(self) -> Sequence[str]:
        return self._rows

    def _width(self) -> int:
        return self.scrollable_content_region.width

    def show_text(self, text: str) -> None:
        """Show ``text`` from its top: the first screenful now, the rest once it is wrapped.

        The text already shown stays where it was scrolled to."""
        if text is self._text and self._rows:
            return
        self._text = text
        self._lines = text.split("\n")
        if self._lines and self._lines[-1] == "":
            self._lines.pop()
        self._generation += 1
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._rewrap()

    def _rewrap(self) -> None:
        width = self._width()
        if width <= 0:
            return  # not laid out yet: on_resize wraps it
        self._wrapped_width = width
        kept = self._kept.get((self._text, width))
        if kept is not None:
            self._kept.move_to_end((self._text, width))
            self._set_rows(self._generation, width, kept, complete=True)
            return
        head = self._lines[:FIRST_SCREEN]
        self._set_rows(self._generation, width, wrap_lines(head, width), complete=len(self._lines) <= FIRST_SCREEN)
        if len(self._lines) > FIRST_SCREEN:
            self._wrap_all(self._generation, width, self._lines)

    @work(thread=True, exclusive=True, group="wrap", exit_on_error=False, name=WRAP_TEXT)
    def _wrap_all(self, generation: int, width: int, lines: list[str]) -> None:
        rows: list[str] = []
        for start in range(0, len(lines), CHUNK):
            rows += wrap_lines(lines[start : start + CHUNK], width)
            time.sleep(0)  # let the UI thread draw and answer keys between chunks
        self.app.call_from_thread(self._set_rows, generation, width, rows, True)

    def _set_rows(self, generation: int, width: int, rows: list[str], complete: bool) -> None:
        if generation != self._generation or width != self._wrapped_width or not self.is_attached:
            return
        self._rows = rows
        self.complete = complete
        if complete:
            self._kept[(self._text, width)] = rows
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        self.virtual_size = Size(width, len(rows))
        self.refresh()

    def on_resize(self) -> None:
        if self._width() != self._wrapped_width:
            self._rewrap()

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)  # a jump over thousands of rows: no animation to wait for

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(self._rows)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if index >= len(self._rows):
            return Strip.blank(width, style)
        row = self._rows[index]
        selection = self.text_selection
        span = selection.get_span(index) if selection is not None else None
        if span is None:
            strip = Strip([Segment(row, style)], cell_len(row))
        else:
            start, end = span
            text = Text(row, style=style, no_wrap=True)
            text.stylize(
                self.screen.get_component_rich_style("screen--selection"), start, len(row) if end == -1 else end
            )
            strip = Strip(text.render(self.app.console), cell_len(row))
        return strip.crop_extend(scroll_x, scroll_x + width, style).apply_offsets(scroll_x, index)
