"""Command palette: every action of the current screen, by its translated description."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from tui.bindings import key_names
from tui.text import highlight_match, literal_content


class ActionCommands(Provider):
    """Offers each shown binding of the active screen (so the palette reaches every action).

    The palette reads a hit's help as markup: the key names are escaped; the descriptions are
    given as Content, which it takes as it is.
    """

    def _commands(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        found = []
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                keys = escape(" / ".join(key_names(self.app, [binding])))
                found.append((binding.description, binding.action, keys))
        return found

    async def discover(self) -> Hits:
        for description, action, keys in self._commands():
            yield DiscoveryHit(
                literal_content(description), partial(self.screen.run_action, action), text=description, help=keys
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, action, keys in self._commands():
            score = matcher.match(f"{description} {action}")
            if score > 0:
                yield Hit(
                    score,
                    highlight_match(matcher, description),
                    partial(self.screen.run_action, action),
                    text=description,
                    help=keys,
                )
