"""Command palette: every action of the current screen, by its translated description."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ActionCommands(Provider):
    """Offers each shown binding of the active screen (so the palette reaches every action)."""

    def _commands(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        found = []
        for binding in getattr(screen, "BINDINGS", []):
            if hasattr(binding, "action") and binding.description:
                found.append((binding.description, binding.action, binding.key))
        return found

    async def discover(self) -> Hits:
        for description, action, key in self._commands():
            yield DiscoveryHit(description, partial(self.screen.run_action, action), help=key)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, action, key in self._commands():
            score = matcher.match(f"{description} {action}")
            if score > 0:
                yield Hit(score, matcher.highlight(description), partial(self.screen.run_action, action), help=key)
