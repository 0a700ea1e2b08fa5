"""Textual's Footer, minus the rebuild it does while its screen is hidden under another one, and
with the command palette's key described in the UI language (Textual writes "palette").

Textual refreshes a screen's bindings when another screen is pushed over it, and the Footer then
rebuilds all its keys although nobody can see them; that work competes with drawing the new screen
(about 50 ms for the main screen's footer) and is done again when the screen comes back.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from tui.textual_compat import describe_footer_key


class ScreenFooter(Footer):
    def bindings_changed(self, screen: Screen[Any]) -> None:
        # Only for the top screen (is_current also counts the screen just below a pushed one).
        # Hidden ones refresh their bindings, and so rebuild this footer, when they resume.
        if screen is screen.app.screen:
            super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        msgs = getattr(self.app, "msgs", None)
        for key in super().compose():
            if msgs is not None and key.has_class("-command-palette"):
                describe_footer_key(key, msgs("app.palette"))
            yield key
