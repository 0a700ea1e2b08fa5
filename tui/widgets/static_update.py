"""Update a Static without relaying out its screen when its height stays the same."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.visual import VisualType
from textual.widgets import Static

# The width and the lines the last content needed at it, per widget.
_NEEDED: WeakKeyDictionary[Static, tuple[int, int]] = WeakKeyDictionary()


def update_static(widget: Static, content: VisualType) -> None:
    """``widget.update(content)``, with a layout of the screen only if the widget's height changes.

    Static.update always lays out the whole screen again (about 12 ms for the main screen). The
    case pane updates five such widgets on every selection move, and their heights mostly stay put.
    """
    width = widget.content_size.width
    if not widget.is_mounted or width <= 0:  # not laid out yet: the layout comes anyway
        widget.update(content)
        return
    before = widget.content_size.height
    widget.update(content, layout=False)
    needed = widget.get_content_height(widget.content_size, widget.content_size, width)
    was_width, was = _NEEDED.get(widget, (width, before))
    if was_width != width:  # measured at another width: unknown
        was = before
    _NEEDED[widget] = (width, needed)
    # A min-height (or max-height) holds the box while the old and the new content both need
    # fewer (or more) lines than it has: then nothing moves.
    held = (needed < before and was < before) or (needed > before and was > before)
    if needed != before and not held:
        widget.refresh(layout=True, repaint=False)  # repainted already; keeps the height just measured
