"""Textual's private Markdown API, used by the guide's document (tui.widgets.guide_document): in
its own module so that the Markdown widgets (and markdown-it) load with the guide, not with the
app's first frame. See tui.textual_compat for why each use is here."""

from __future__ import annotations

from typing import TypeVar

from textual.content import Content
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Markdown

# Textual exports only the document and the block base class; the block classes the guide
# specialises (tui.widgets.guide_document) live in its private module.
from textual.widgets._markdown import (
    MarkdownBullet,
    MarkdownBulletList,
    MarkdownListItem,
    MarkdownOrderedList,
    MarkdownOrderedListItem,
    MarkdownParagraph,
    MarkdownTable,
    MarkdownUnorderedListItem,
)
from textual.widgets.markdown import MarkdownBlock

__all__ = [
    "MarkdownBullet",
    "MarkdownBulletList",
    "MarkdownListItem",
    "MarkdownOrderedList",
    "MarkdownOrderedListItem",
    "MarkdownParagraph",
    "MarkdownTable",
    "MarkdownUnorderedListItem",
    "block_children",
    "list_item_bullet",
    "paragraph_content",
    "show_paragraph_in",
    "skips_initial_load",
    "table_cells",
    "without_own_component_classes",
    "without_tree_contents",
]

BlockType = TypeVar("BlockType", bound=type[MarkdownBlock])
WidgetType = TypeVar("WidgetType", bound=type[Widget])


def block_children(block: MarkdownBlock) -> list[MarkdownBlock]:
    """The blocks a block was parsed with and has not composed yet (``_blocks``).

    A list block composes its items from these; the guide composes one widget per simple item
    instead of Textual's four, so it reads and then clears the same list.
    """
    return block._blocks


def paragraph_content(block: MarkdownBlock) -> Content:
    """The styled text of a paragraph (or of a list item drawn from one): ``_content``."""
    return block._content


def show_paragraph_in(item: MarkdownBlock, paragraph: MarkdownBlock) -> None:
    """Give a list item its paragraph's text and inline token, as if it were that paragraph.

    Textual's link clicks and text selection read a block's ``_content`` and ``_inline_token``;
    the guide's one-widget list item draws the paragraph itself, so it carries both.
    """
    item._inline_token = paragraph._inline_token
    item._content = paragraph._content


def list_item_bullet(item: MarkdownListItem) -> str:
    """The marker Textual parsed for a list item ("•", or "3" for the third ordered item)."""
    return item.bullet


def table_cells(table: MarkdownTable) -> tuple[list[Content], list[list[Content]]]:
    """A table's header and body cells (``_get_headers_and_rows``), kept on the table as Textual
    keeps them (``_headers``, ``_rows``) so its own later updates of the table still work."""
    headers, rows = table._get_headers_and_rows()
    table._headers, table._rows = headers, rows
    return headers, rows


def without_own_component_classes(block: BlockType) -> BlockType:
    """``block`` without component classes of its own: its text styles resolve on the document.

    Textual restyles a block's component classes each time it restyles the block; the guide's
    styles live on the document once. ``inherit_component_classes`` is a class keyword of
    DOMNode that Widget.__init_subclass__ does not pass on, so the private flag is set directly.
    """
    block.COMPONENT_CLASSES = set()
    block._inherit_component_classes = False
    return block


def skips_initial_load(widget: WidgetType) -> WidgetType:
    """Class decorator for a Markdown or MarkdownViewer subclass: mount without loading an empty
    document first.

    Their private ``_on_mount`` handler loads the (empty) initial text; the guide screen loads each
    chapter itself, and the app may quit before that first load has run. The handler put in its
    place stops the handlers of the base classes and runs Widget's own.
    """

    async def _on_mount(self: Widget, event: Mount) -> None:  # async, as the handlers it replaces
        event.prevent_default()
        Widget._on_mount(self, event)

    setattr(widget, "_on_mount", _on_mount)  # noqa: B010 (a private handler: not assigned as a method)
    return widget


def without_tree_contents(viewer: WidgetType) -> WidgetType:
    """Class decorator for a MarkdownViewer subclass built without its tree table of contents.

    MarkdownViewer's private handler for Markdown.TableOfContentsUpdated fills that tree and would
    look for it; the guide screen lists the sections itself, so the message stops here.
    """

    def _on_markdown_table_of_contents_updated(self: Widget, message: Markdown.TableOfContentsUpdated) -> None:
        message.stop()
        message.prevent_default()

    setattr(viewer, "_on_markdown_table_of_contents_updated", _on_markdown_table_of_contents_updated)  # noqa: B010
    return viewer
