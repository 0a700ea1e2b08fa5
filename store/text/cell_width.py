"""Terminal cell widths, so Chinese text lines up in plain-text tables (a CJK character is 2 cells)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@lru_cache(maxsize=65536)
def cell_width(text: str) -> int:
    if text.isascii():
        return len(text) if text.isprintable() else sum(char_width(ch) for ch in text)
    return sum(char_width(ch) for ch in text)


def fit(text: str, width: int) -> str:
    """Cut to at most ``width`` cells (ending in … when cut) and pad with spaces to exactly ``width``."""
    if cell_width(text) <= width:
        return text + " " * (width - cell_width(text))
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - used - 1)


def one_line(text: str) -> str:
    """Fold newlines and tabs to spaces and drop other control characters (for one-line cells)."""
    return "".join(" " if ch in "\n\r\t" else ch for ch in text if ch in "\n\r\t" or unicodedata.category(ch) != "Cc")
