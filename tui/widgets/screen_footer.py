"""Textual's Footer, minus the rebuild it does while its screen is hidden under another one, with
the command palette's key described in the UI language (Textual writes "palette"), and with the
keys that fit chosen by how often they are needed.

Textual refreshes a screen's bindings when another screen is pushed over it, and the Footer then
rebuilds all its keys although nobody can see them; that work competes with drawing the new screen
(about 50 ms for the main screen's footer) and is done again when the screen comes back.

Textual's Footer shows keys in binding order and cuts off whatever does not fit, so at 100 columns
help and quit were gone, and at 80 the export view's "esc Close" was cut to "e". The footer keeps the
keys that fit its width, in binding order: a screen may list its actions by need in ``FOOTER_RANK``
(the first in that list always shown); otherwise the key bound to Esc (the way out) comes first.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from store.text.cell_width import cell_len
from tui.textual_compat import describe_footer_key, translated_description

KEY_PADDING = 3  # a space either side of the key, one after the description
PALETTE_EXTRA = 2  # the palette key's left border and right padding


def key_width(key: Widget) -> int:
    """Cells a footer key takes (Textual's FooterKey: its key_display and description)."""
    return cell_len(getattr(key, "key_display", "")) + cell_len(getattr(key, "description", "")) + KEY_PADDING


def fitting(actions: list[str], widths: list[int], rank: tuple[str, ...], width: int) -> list[int]:
    """Which of the keys (their actions and cell widths) to show in ``width`` cells: chosen by rank
    (unranked last; the first ranked always), returned in their original order."""
    order = {action: n for n, action in enumerate(rank)}
    chosen: set[int] = set()
    used = 0
    for index in sorted(range(len(actions)), key=lambda i: order.get(actions[i], len(order))):
        needed = widths[index]
        if used + needed <= width or (not chosen and rank and actions[index] == rank[0]):
            chosen.add(index)
            used += needed
    return sorted(chosen)


def way_out_first(keys: list[str], actions: list[str]) -> tuple[str, ...]:
    """A rank for a screen that gives none: the action bound to Esc, which leaves the screen."""
    return tuple(action for key, action in zip(keys, actions) if key == "escape")[:1]


def keys_that_fit(keys: list[Widget], rank: tuple[str, ...], width: int) -> list[Widget]:
    """The keys to show in ``width`` cells: by rank (unranked last), in their original order."""
    actions = [getattr(key, "action", "") for key in keys]
    chosen = fitting(actions, [key_width(key) for key in keys], rank, width)
    return [keys[i] for i in chosen]


class ScreenFooter(Footer):
    def bindings_changed(self, screen: Screen[Any]) -> None:
        # Only for the top screen (is_current also counts the screen just below a pushed one).
        # Hidden ones refresh their bindings, and so rebuild this footer, when they resume.
        if screen is screen.app.screen:
            super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        msgs = getattr(self.app, "msgs", None)
        keys: list[Widget] = []
        palette: list[Widget] = []
        for key in super().compose():
            if key.has_class("-command-palette"):
                if msgs is not None:
                    describe_footer_key(key, msgs("app.palette"))
                palette.append(key)
            elif hasattr(key, "action"):
                if msgs is not None:  # a Textual widget's own key ("Dismiss menu"), in the UI language
                    describe_footer_key(key, translated_description(getattr(key, "description", ""), msgs))
                keys.append(key)
            else:  # a group of keys: Textual's own layout
                palette.append(key)
        rank: tuple[str, ...] = getattr(self.screen, "FOOTER_RANK", ()) or way_out_first(
            [getattr(k, "key", "") for k in keys], [getattr(k, "action", "") for k in keys]
        )
        width = (self.size.width or self.app.size.width) - sum(key_width(k) + PALETTE_EXTRA for k in palette)
        yield from keys_that_fit(keys, rank, width)
        yield from palette

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose)
