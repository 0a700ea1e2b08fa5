"""The guide's Markdown document: Textual's MarkdownViewer with lighter list and table blocks.

Textual builds four widgets for every list item (row, bullet, column, paragraph) and one for every
table cell, and mounting and styling those widgets is most of the time a chapter takes to open.
Here a list item is one widget (its marker and its text with a hanging indent) and a table is one
widget, so links, headings, find-in-page and text styles work as before with far fewer widgets.
Text styles (bold, code, markers) are component classes of the document alone, not of every
block: Textual restyles a block's component classes each time it restyles the block.
The viewer also leaves out Textual's tree table of contents: the guide screen has its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from markdown_it import MarkdownIt
from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Markdown, MarkdownViewer
from textual.widgets.markdown import MarkdownBlock

from tui.textual_compat.markdown import (
    MarkdownBullet,
    MarkdownBulletList,
    MarkdownListItem,
    MarkdownOrderedList,
    MarkdownOrderedListItem,
    MarkdownParagraph,
    MarkdownTable,
    MarkdownUnorderedListItem,
    block_children,
    list_item_bullet,
    paragraph_content,
    show_paragraph_in,
    skips_initial_load,
    table_cells,
    without_own_component_classes,
    without_tree_contents,
)

COLUMN_GAP = " │ "
MIN_COLUMN = 6  # cells: narrower columns read as a vertical strip of letters
MAX_WORD = 16  # cells: a longer word (or a CJK run, which has no spaces) may be broken


class HangingIndent(Visual):
    """A marker (bullet or number) followed by text whose wrapped lines line up after the marker."""

    def __init__(self, marker: Content, body: Content) -> None:
        self.marker = marker
        self.body = body
        self.indent = marker.cell_length

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.indent + self.body.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, max(1, width - self.indent))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        lines = self.body.render_strips(max(1, width - self.indent), height, style, options)
        plain = RenderOptions(options.get_style, options.rules)  # the selection belongs to the body
        marker = self.marker.render_strips(self.indent, 1, style, plain)[0].extend_cell_length(
            self.indent, style.rich_style
        )
        blank = Strip.blank(self.indent, style.rich_style)
        return [Strip.join([marker if y == 0 else blank, line]) for y, line in enumerate(lines)]


class CellGrid(Visual):
    """A table drawn as text: columns at their natural width when they fit, else sized by
    ``column_widths``, cells wrapped within their column and rows separated by rules."""

    def __init__(self, headers: list[Content], rows: list[list[Content]]) -> None:
        columns = max([len(headers), *(len(row) for row in rows)], default=0)
        self.headers = (headers + [Content("")] * columns)[:columns]
        self.rows = [(row + [Content("")] * columns)[:columns] for row in rows]
        self.columns = columns
        self._widths: tuple[int, list[int]] | None = None

    def _natural_widths(self) -> list[int]:
        return (
            [max(cell.cell_length for cell in column) for column in zip(self.headers, *self.rows)]
            if self.columns
            else []
        )

    def _longest_words(self) -> list[int]:
        return [
            max(max((cell_len(word) for word in cell.plain.split()), default=0) for cell in column)
            for column in zip(self.headers, *self.rows)
        ]

    def column_widths(self, width: int) -> list[int]:
        """Each column's width: natural if all fit; else every column gets its longest word (up to
        MAX_WORD cells) and the room left goes to the columns in proportion to what they lack."""
        if self._widths is not None and self._widths[0] == width:
            return self._widths[1]
        natural = [max(1, w) for w in self._natural_widths()]
        room = max(self.columns, width - len(COLUMN_GAP) * (self.columns - 1))
        minimum = [min(n, max(MIN_COLUMN, min(word, MAX_WORD))) for n, word in zip(natural, self._longest_words())]
        if sum(natural) <= room:
            widths = natural
        elif sum(minimum) <= room:
            lacking = [n - m for n, m in zip(natural, minimum)]
            spare = room - sum(minimum)
            widths = [m + spare * lack // sum(lacking) for m, lack in zip(minimum, lacking)]
            for index in sorted(range(self.columns), key=lambda i: -lacking[i])[: room - sum(widths)]:
                widths[index] += 1
        else:  # too narrow even for that: cap the widest columns to share the room
            widths = self._capped(natural, room)
        self._widths = (width, widths)
        return widths

    @staticmethod
    def _capped(natural: list[int], room: int) -> list[int]:
        low, high = 1, max(natural)  # the largest cap with sum(min(natural, cap)) <= room
        while low < high:
            cap = (low + high + 1) // 2
            if sum(min(n, cap) for n in natural) <= room:
                low = cap
            else:
                high = cap - 1
        widths = [min(n, low) for n in natural]
        spare = room - sum(widths)
        for index, n in enumerate(natural):
            if spare and n > low:
                widths[index] += 1
                spare -= 1
        return widths

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        natural = self._natural_widths()
        return sum(natural) + len(COLUMN_GAP) * max(0, len(natural) - 1)

    def get_height(self, rules: RulesMap, width: int) -> int:
        widths = self.column_widths(width)
        body = sum(max(cell.get_height(rules, w) for cell, w in zip(row, widths)) for row in self.rows)
        return (1 + 1 + body + max(0, len(self.rows) - 1)) if self.columns else 0

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if not self.columns:
            return []
        plain = RenderOptions(options.get_style, options.rules)  # no text selection across cells
        widths = self.column_widths(width)
        rich_style = style.rich_style
        gap = Content.styled(COLUMN_GAP, ".guide-table--rule").render_strips(len(COLUMN_GAP), 1, style, plain)[0]

        def rule(cross: str) -> Strip:
            text = cross.join("─" * w for w in widths)
            return Content.styled(text, ".guide-table--rule").render_strips(len(text), 1, style, plain)[0]

        def row_lines(cells: list[Content]) -> list[Strip]:
            rendered = [
                [strip.extend_cell_length(w, rich_style) for strip in cell.render_strips(w, None, style, plain)]
                or [Strip.blank(w, rich_style)]
                for cell, w in zip(cells, widths)
            ]
            tall = max(len(lines) for lines in rendered)
            for lines, w in zip(rendered, widths):
                lines += [Strip.blank(w, rich_style)] * (tall - len(lines))
            joined = []
            for y in range(tall):
                parts: list[Strip] = []
                for x, lines in enumerate(rendered):
                    if x:
                        parts.append(gap)
                    parts.append(lines[y])
                joined.append(Strip.join(parts))
            return joined

        header = [cell.stylize_before(".guide-table--header") for cell in self.headers]
        lines = row_lines(header) + [rule("─┼─")]
        for index, row in enumerate(self.rows):
            if index:
                lines.append(rule("─┼─"))
            lines += row_lines(row)
        return lines[:height] if height is not None else lines


class GuideListItem(MarkdownListItem, inherit_css=False):
    """A list item drawn by one widget: marker, then the text with a hanging indent.

    Textual's list-item styles give it a layout, which would make it a container of no children
    (height 0), so it takes none of them (``inherit_css=False``; nor their component classes).
    """

    DEFAULT_CSS = "GuideListItem { height: auto; width: 1fr; margin-right: 1; }"

    def show(self, marker: str, paragraph: MarkdownParagraph) -> None:
        block_children(self).clear()
        show_paragraph_in(self, paragraph)
        self.update(HangingIndent(Content.styled(marker, ".guide-list--marker"), paragraph_content(paragraph)))


class GuideUnorderedListItem(GuideListItem, MarkdownUnorderedListItem):
    pass


class GuideOrderedListItem(GuideListItem, MarkdownOrderedListItem):
    pass


def _list_rows(items: Iterable[MarkdownBlock], markers: Iterable[str]) -> ComposeResult:
    """One widget per simple item; an item holding more than one paragraph keeps Textual's layout."""
    for item, marker in zip(items, markers):
        if not isinstance(item, MarkdownListItem):
            continue
        blocks = block_children(item)
        if isinstance(item, GuideListItem) and len(blocks) == 1 and isinstance(blocks[0], MarkdownParagraph):
            item.show(marker, blocks[0])
            yield item
        else:
            bullet = MarkdownBullet()
            bullet.symbol = marker
            yield Horizontal(bullet, Vertical(*blocks))


def _list_items(block: MarkdownBlock) -> list[MarkdownListItem]:
    return [child for child in block_children(block) if isinstance(child, MarkdownListItem)]


@without_own_component_classes
class GuideBulletList(MarkdownBulletList):
    def compose(self) -> ComposeResult:
        items = _list_items(self)
        yield from _list_rows(items, (list_item_bullet(item) for item in items))
        block_children(self).clear()


@without_own_component_classes
class GuideOrderedList(MarkdownOrderedList):
    def compose(self) -> ComposeResult:
        items = _list_items(self)
        try:
            start = int(list_item_bullet(items[0])) if items else 1
        except ValueError:
            start = 1
        numbers = [f"{n}. " for n in range(start, start + len(items))]
        size = max((len(number) for number in numbers), default=0)
        yield from _list_rows(items, (number.rjust(size + 1) for number in numbers))
        block_children(self).clear()


@without_own_component_classes
class GuideTable(MarkdownTable):
    """A table drawn by one widget instead of one widget per cell."""

    DEFAULT_CSS = "GuideTable { height: auto; width: 1fr; margin-bottom: 1; }"

    def compose(self) -> ComposeResult:
        self.update(CellGrid(*table_cells(self)))
        block_children(self).clear()
        yield from ()


@skips_initial_load
class GuideDocument(Markdown):
    COMPONENT_CLASSES = {
        "em",
        "strong",
        "s",
        "code_inline",
        "guide-list--marker",
        "guide-table--header",
        "guide-table--rule",
    }
    DEFAULT_CSS = """
    GuideDocument {
        & > .em { text-style: italic; }
        & > .strong { text-style: bold; }
        & > .s { text-style: strike; }
        &:dark > .code_inline { background: $warning 10%; color: $text-warning 95%; }
        &:light > .code_inline { background: $error 5%; color: $text-error 95%; }
        &:ansi > .code_inline { background: ansi_default; }
        & > .guide-list--marker { color: $text-primary; }
        &:light > .guide-list--marker { color: $text-secondary; }
        & > .guide-table--header { color: $primary; text-style: bold; }
        & > .guide-table--rule { color: $foreground 30%; }
    }
    """
    BLOCKS = {
        **{
            name: without_own_component_classes(type(block.__name__, (block,), {}))
            for name, block in Markdown.BLOCKS.items()
        },
        "bullet_list_open": GuideBulletList,
        "ordered_list_open": GuideOrderedList,
        "list_item_unordered_open": GuideUnorderedListItem,
        "list_item_ordered_open": GuideOrderedListItem,
        "table_open": GuideTable,
    }

    class Follow(Message):
        """A link was clicked; the guide screen decides where it leads."""

        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    def __init__(self) -> None:
        parser = MarkdownIt("gfm-like")  # built once per document, not once per chapter
        super().__init__(parser_factory=lambda: parser, open_links=False)

    def on_markdown_link_clicked(self, message: Markdown.LinkClicked) -> None:
        # Not left to bubble: MarkdownViewer would treat the link as a file path and open it.
        message.stop()
        message.prevent_default()
        self.post_message(self.Follow(message.href))


@skips_initial_load
@without_tree_contents
class GuideViewer(MarkdownViewer):
    """MarkdownViewer holding a GuideDocument and no tree table of contents (the guide screen lists
    the sections itself)."""

    def __init__(self) -> None:
        super().__init__(show_table_of_contents=False, open_links=False)

    @property
    def document(self) -> GuideDocument:
        return self.query_one(GuideDocument)

    def compose(self) -> ComposeResult:
        document = GuideDocument()
        document.can_focus = True
        document.add_class("focus-bar")
        yield document
