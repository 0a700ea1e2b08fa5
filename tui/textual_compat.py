"""Every use of Textual's private API, in one place, each with the reason it is needed.

Textual (bounded in pyproject.toml to the minor versions the tests cover) may change anything
with a leading underscore in a patch release: ``textual.widgets._markdown`` changed several times
between 8.2.5 and 8.2.8. Nothing else in weiquan imports a private Textual module or name, reads a
private attribute of a Textual object or overrides a private handler
(tests/meta/test_textual_private_api.py keeps it so); after upgrading Textual, this module and the
guide's tests (tests/guide/) are what to check.

It also holds the one private override that puts Textual's own words in the UI language: the
command palette writes "No matches found" inside a private method (tests/app/test_textual_strings.py
fails if a newer Textual stops calling it). Textual's other words have public hooks
(WeiquanApp.action_command_palette, get_system_commands, action_help_quit) or go through the
footer (translated_description).
"""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from rich.align import Align
from rich.console import RenderableType
from rich.text import Text
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.events import Mount
from textual.geometry import Size
from textual.notifications import Notification
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Markdown
from textual.widgets._footer import FooterKey

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
from textual.widgets.option_list import Option

from store.rules.messages import Messages

__all__ = [
    "KEY_DESCRIPTIONS",
    "LocalizedCommandPalette",
    "MarkdownBullet",
    "MarkdownBulletList",
    "MarkdownListItem",
    "MarkdownOrderedList",
    "MarkdownOrderedListItem",
    "MarkdownParagraph",
    "MarkdownTable",
    "MarkdownUnorderedListItem",
    "block_children",
    "build_screen_unseen",
    "describe_footer_key",
    "lay_out_unseen",
    "list_item_bullet",
    "paragraph_content",
    "show_paragraph_in",
    "shown_notifications",
    "skips_initial_load",
    "table_cells",
    "tolerate_bytes_that_are_not_utf8",
    "translated_description",
    "watch_frames",
    "without_own_component_classes",
    "without_tree_contents",
]

BlockType = TypeVar("BlockType", bound=type[MarkdownBlock])


# -- Terminal input ------------------------------------------------------------------------------
def _replacing_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def tolerate_bytes_that_are_not_utf8() -> None:
    """Keyboard input that is not UTF-8 becomes U+FFFD instead of ending the app.

    Textual's Linux driver decodes the terminal's bytes as strict UTF-8 in its input thread, with
    the module's ``getincrementaldecoder``: one byte that is not UTF-8 (a terminal set to GBK, a
    key sending an 8-bit meta byte, noise on an SSH link) raises there and the app ends with a
    traceback, losing whatever form was open (Textual issue 6456). The driver looks the function up
    when it starts reading, so this is done before the app runs (WeiquanApp.get_driver_class).
    """
    try:
        from textual.drivers import linux_driver
    except ImportError:  # no termios (Windows): Textual uses another driver there
        return
    linux_driver.getincrementaldecoder = _replacing_decoder  # type: ignore[attr-defined,assignment]


WidgetType = TypeVar("WidgetType", bound=type[Widget])


# -- Markdown blocks (tui.widgets.guide_document) ----------------------------------------------
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


# -- screens (tui.app, tui.screens.guide) ------------------------------------------------------
def build_screen_unseen(app: App[Any], screen: Screen[Any]) -> None:
    """Register an installed screen with the app, as push_screen does, without showing it.

    The guide reader takes a few hundred milliseconds to build; built while the user reads the
    case list, opening it later only shows it. Textual has no public way to mount a screen
    without making it current.
    """
    app._register(app, screen)


def lay_out_unseen(screen: Screen[Any], size: Size) -> None:
    """Lay out a screen that is not shown (``_refresh_layout``), so that it can scroll to a
    section before its first frame is drawn."""
    screen._refresh_layout(size)


def update_scrollbars(widget: Widget, virtual: Size) -> None:
    """Let a widget's scroll bars follow a new virtual size set without a layout of the screen
    (``_scroll_update``). The case list changes its height on every filter keystroke; a public
    ``virtual_size`` assignment lays out the whole screen each time, where only the scroll bar's
    length changes (Textual still lays out when the bar comes or goes)."""
    widget._scroll_update(virtual)


# -- the footer (tui.widgets.screen_footer) ---------------------------------------------------
def describe_footer_key(key: Widget, description: str) -> None:
    """Set the label and tooltip of one of the Footer's keys. The Footer builds a FooterKey (a
    class of its private module) for each binding and offers no way to name the command palette's
    key, which it labels in English."""
    if isinstance(key, FooterKey):
        key.description = key.tooltip = description


# -- Textual's own words (tui.app, tui.widgets.screen_footer) ---------------------------------
# Key descriptions Textual's widgets give their bindings, and the catalog keys that say them.
KEY_DESCRIPTIONS = {
    "Dismiss menu": "textual.dismiss_menu",
    "Exit the command palette": "textual.exit_palette",
}


def translated_description(description: str, msgs: Messages) -> str:
    """A Textual key description in the UI language (our own descriptions pass unchanged)."""
    key = KEY_DESCRIPTIONS.get(description)
    return msgs(key) if key else description


class LocalizedCommandPalette(CommandPalette):
    """The command palette with its placeholder (a public argument) and its "No matches found"
    (written inside the private ``_start_no_matches_countdown``) in the UI language."""

    def __init__(self, msgs: Messages) -> None:
        super().__init__(placeholder=msgs("textual.palette_placeholder"), id="--command-palette")
        self._no_matches_text = msgs("textual.no_matches")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own version (textual/command.py, 8.2), with the text from the catalog.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self._no_matches_text, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


# -- tests and benchmarks ----------------------------------------------------------------------
def shown_notifications(app: App[Any]) -> list[Notification]:
    """The toasts the app is showing now (tests read what the user was told)."""
    return list(app._notifications)


def watch_frames(app: App[Any], seen: Callable[[Screen[Any]], None]) -> None:
    """Call ``seen(screen)`` for every frame the app hands to its terminal (``_display``); the
    benchmarks time the frames a user sees."""
    display = app._display

    def timed(screen: Screen[Any], renderable: RenderableType | None) -> None:
        if renderable is not None:
            seen(screen)
        display(screen, renderable)

    app._display = timed  # type: ignore[method-assign]
