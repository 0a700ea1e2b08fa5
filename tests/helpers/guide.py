"""Waiting for the guide reader to show its section: its chapter loaded and the heading in view."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.screens.guide import GuideScreen
from tui.widgets.guide_document import GuideViewer


def heading_is_visible(screen: GuideScreen, anchor: str) -> bool:
    block = screen.heading_block(anchor)
    if block is None or not block.region.area:
        return False
    return screen.query_one(GuideViewer).region.contains_region(block.region)


def at_its_section(screen: object) -> bool:
    """The guide is up, and scrolled to the heading it was opened at (or to the top)."""
    if not isinstance(screen, GuideScreen) or screen.current is None:
        return False
    viewer = screen.query_one(GuideViewer)
    anchor = screen.current.anchor
    if not anchor:
        return viewer.scroll_y == 0
    block = screen.heading_block(anchor)
    if block is None or not block.region.area:
        return False
    at_top = block.region.y - viewer.region.y <= block.styles.margin.top
    return heading_is_visible(screen, anchor) and (at_top or viewer.scroll_y >= viewer.max_scroll_y)


async def open_guide(pilot: Pilot, key: str = "g", tries: int = 100) -> GuideScreen:
    """Press ``key`` and wait until the reader shows its section."""
    await pilot.press(key)
    for _ in range(tries):
        await pilot.pause()
        if at_its_section(pilot.app.screen):
            return pilot.app.screen  # type: ignore[return-value]
        await pilot.pause(0.02)
    screen = pilot.app.screen
    state = ""
    if isinstance(screen, GuideScreen) and screen.current is not None:
        viewer = screen.query_one(GuideViewer)
        block = screen.heading_block(screen.current.anchor)
        state = (
            f" at {screen.current}, heading {block.region if block else None}, viewer {viewer.region}, "
            f"scroll {viewer.scroll_y}/{viewer.max_scroll_y}"
        )
    raise AssertionError(f"the guide did not reach its section; screen is {screen!r}{state}")
