"""Terminal cell widths and the one way text is cut to fit: Rich's width model (rich.cells), which
Textual draws with, so a plain-text table lines up exactly as the screen does (a CJK character is
2 cells, an emoji sequence one glyph, a combining mark 0).

* ``cell_len(text)``: the width of ``text`` in cells.
* ``clip(text, width)``: at most ``width`` cells, ending in … when cut, never splitting a character
  or an emoji sequence.
* ``fit(text, width)``: ``clip`` then padded with spaces to exactly ``width`` cells.

Text that comes from a user goes through store.text.controls first: a control character has no
width here, and no place in a cell.
"""

from __future__ import annotations

from rich.cells import cell_len, split_graphemes

__all__ = ["ELLIPSIS", "cell_len", "clip", "fit"]

ELLIPSIS = "…"
_WIDEST = 2  # cells a single character can take


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending in … when it was cut."""
    if width <= 0:
        return ""
    # Only the start can show: a long text is measured up to the first part that cannot fit.
    head = text[: _WIDEST * width + 1]
    if len(head) == len(text) or cell_len(head) <= width:
        head = text  # all of it, or mostly zero-width characters: measure all of it
        if cell_len(text) <= width:
            return text
    room, used, end = width - cell_len(ELLIPSIS), 0, 0
    spans, _ = split_graphemes(head)
    for _start, stop, cells in spans:
        if used + cells > room:
            break
        used, end = used + cells, stop
    return head[:end] + ELLIPSIS


def fit(text: str, width: int) -> str:
    """``clip(text, width)`` padded with spaces to exactly ``width`` cells."""
    cut = clip(text, width)
    return cut + " " * max(0, width - cell_len(cut))
