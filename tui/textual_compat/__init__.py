"""Every use of Textual's private API, in one place (this package), each with the reason it is
needed; the Markdown blocks the guide specialises are in tui.textual_compat.markdown, loaded with
the guide, not with the app's first frame.

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
from typing import Any

from rich.align import Align
from rich.console import RenderableType
from rich.text import Text
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.geometry import Size
from textual.notifications import Notification
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets._footer import FooterKey
from textual.widgets.option_list import Option

from store.rules.messages import Messages

__all__ = [
    "KEY_DESCRIPTIONS",
    "LocalizedCommandPalette",
    "build_screen_unseen",
    "describe_footer_key",
    "lay_out_unseen",
    "shown_notifications",
    "tolerate_bytes_that_are_not_utf8",
    "translated_description",
    "update_scrollbars",
    "watch_frames",
]


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
