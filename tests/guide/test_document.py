"""The guide's lighter Markdown blocks: list items with a hanging indent, tables drawn as text."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets.markdown import MarkdownBlock

from store.rules.guide_structure import Target, chapter_source, chapters, resolve_link
from tests.helpers.app_driver import screen_text
from tui.screens.guide import GuideScreen
from tui.textual_compat.markdown import paragraph_content
from tui.widgets.guide_document import CellGrid, GuideListItem, GuideTable, GuideViewer

SAMPLE = """# Title

Intro with **bold** text.

- a short item
- a long item whose words go on and on until they have to wrap onto a second line and a third
- 中文的列表项也一样，文字很长的时候要折行，折行以后应当和第一行的文字对齐，而不是顶到最左边

1. first
2. second

- an item holding a list
  - the nested item

| Name | Note |
|---|---|
| one | a cell with a great many words that will have to wrap inside its narrow column |
| 二 | 短 |
"""


class DocumentApp(App[None]):
    def compose(self) -> ComposeResult:
        yield GuideViewer()

    async def on_mount(self) -> None:
        await self.query_one(GuideViewer).document.update(SAMPLE)


async def test_list_items_are_one_widget_with_a_hanging_indent() -> None:
    app = DocumentApp()
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        items = list(app.query(GuideListItem))
        assert len(items) == 6  # the item holding a list keeps Textual's layout; its nested item is ours
        assert all(not item.children for item in items)  # one widget each
        long_item = items[1]
        assert long_item.region.height >= 2
        lines = [strip.text for strip in long_item.render_lines(long_item.region.reset_offset)]
        assert lines[0].lstrip().startswith("• a long item")
        indent = lines[0].index("a long")
        for line in lines[1 : long_item.region.height]:
            assert line[:indent].strip() == "" and line[indent : indent + 1].strip()  # under the text
        numbered = [strip.text for strip in items[3].render_lines(items[3].region.reset_offset)]
        assert numbered[0].strip().startswith("1. first")
        text = screen_text(pilot)
        for words in ("a short item", "third", "中文的列表项", "second", "an item holding a list", "the nested item"):
            assert words in text.replace("\n", "")


async def test_table_is_one_widget_and_shows_every_cell() -> None:
    app = DocumentApp()
    async with app.run_test(size=(50, 40)) as pilot:
        await pilot.pause()
        table = app.query_one(GuideTable)
        assert not table.children
        lines = [strip.text for strip in table.render_lines(table.region.reset_offset)]
        assert table.region.height == len([line for line in lines if line.strip()])
        assert "Name" in lines[0] and "Note" in lines[0] and set(lines[1].strip()) <= {"─", "┼"}
        words = " ".join(line.split("│", 1)[1] for line in lines[2:] if "│" in line).split()
        assert "narrow" in words and "column" in words and "短" in words
        assert all(cell_len(line.rstrip()) <= table.region.width for line in lines)


@pytest.mark.parametrize("width", [12, 20, 40, 80, 200])
def test_cell_grid_fits_any_width(width: int) -> None:
    headers = [Content("Deadline"), Content("Source"), Content("As of")]
    rows = [
        [
            Content("7-day no-reason return window"),
            Content("Consumer Rights Protection Law (2013) Art. 25; Implementing Regulations (2024) Art. 19"),
            Content("2026-11-26"),
        ],
        [Content("七日无理由退货期"), Content("消费者权益保护法（2013）第25条"), Content("2026-11-26")],
    ]
    grid = CellGrid(headers, rows)
    widths = grid.column_widths(width)
    assert all(w >= 1 for w in widths)
    assert sum(widths) + 3 * (len(widths) - 1) <= max(width, len(widths) * 4 - 3)
    if width >= 80:
        assert widths[2] == len("2026-11-26")  # a short column keeps its natural width


def test_cell_grid_pads_ragged_rows() -> None:
    grid = CellGrid([Content("a"), Content("b")], [[Content("only one")], [Content("x"), Content("y"), Content("z")]])
    assert grid.columns == 3 and all(len(row) == 3 for row in grid.rows)


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_every_chapter_draws_every_block(make_app, lang: str) -> None:
    """No block of any chapter is left zero lines tall, and chapters stay light to mount."""
    app = make_app(lang)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        guide = app.screen
        assert isinstance(guide, GuideScreen)
        for chapter in chapters(lang):
            await guide.go(Target(chapter, ""))
            await pilot.pause()
            document = guide.query_one(GuideViewer).document
            blocks = list(document.query(MarkdownBlock))
            assert blocks, chapter
            empty = [block for block in blocks if (block.source or "").strip() and block.region.height == 0]
            assert not empty, (chapter, [block.source for block in empty])
            assert len(list(document.walk_children())) <= 60, chapter  # a widget per block, not per word
            bullets = [item for item in document.query(GuideListItem) if item.region.height > 0]
            assert chapter_source(lang, chapter).count("\n- ") <= len(bullets), chapter  # every item drawn


async def test_clicking_a_link_in_a_list_item_follows_it(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        guide = app.screen
        assert isinstance(guide, GuideScreen)
        for chapter in chapters("en"):
            await guide.go(Target(chapter, ""))
            await pilot.pause()
            for item in guide.query(GuideListItem):
                content = paragraph_content(item)
                link = next(
                    (span for span in content.spans if not isinstance(span.style, str) and "@click" in span.style.meta),
                    None,
                )
                if link is None or not item.region.height:
                    continue
                x = item.visual.indent + cell_len(content.plain[: link.start])  # type: ignore[attr-defined]
                if x >= item.region.width - item.visual.indent:  # type: ignore[attr-defined]
                    continue  # the link starts on a wrapped line: try another
                href = content.spans[content.spans.index(link)].style.meta["@click"]
                href = href[len("link('") : -len("')")]
                expected = resolve_link("en", chapter, href)
                item.scroll_visible(animate=False, immediate=True)
                await pilot.pause()
                await pilot.click(item, offset=(x, 0))
                await pilot.pause()
                await pilot.pause()
                assert expected is not None and guide.current == expected
                return
        pytest.fail("no list item with a link on its first line")
