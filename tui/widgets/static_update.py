"""Update a Static without relaying out its screen when its height stays the same."""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


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
    if widget.get_content_height(widget.content_size, widget.content_size, width) != before:
        widget.refresh(layout=True, repaint=False)  # repainted already; keeps the height just measured
