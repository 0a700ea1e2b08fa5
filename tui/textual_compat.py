"""Textual's own words, said in the UI language.

Textual writes a few strings a user can see: the command palette's "Search for commands…" and
"No matches found", its system commands (Theme, Quit, Keys …), the "Press ctrl+q to quit"
notice on Ctrl+C, and the descriptions of some of its widgets' keys ("Dismiss menu" when a choice
list is open). weiquan uses Textual's hooks where there are any: the palette is opened with its
placeholder (WeiquanApp.action_command_palette), the system commands are left out (every action
is already in the palette under its own name), Ctrl+C is answered by WeiquanApp.action_help_quit,
and the footer translates the key descriptions below.

"No matches found" is written inside a private method of the palette, so that one method is
overridden here, against the Textual version pinned in constraints.txt; tests/app/
test_textual_strings.py fails if a newer Textual stops calling it.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from store.rules.messages import Messages

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
    """The command palette with its placeholder and its "No matches found" in the UI language."""

    def __init__(self, msgs: Messages) -> None:
        super().__init__(placeholder=msgs("textual.palette_placeholder"), id="--command-palette")
        self._no_matches_text = msgs("textual.no_matches")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own version (textual/command.py), with the text from the catalog.
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
