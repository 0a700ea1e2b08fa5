"""One form of the text to match on, with every character at the same offset as in the original.

People type numbers in full-width digits (１３８…), with ideographic spaces, long dashes or Chinese
numerals (幺三八…) to dodge filters. Detectors match the normalised form; masks are applied to the
original at the same offsets, so what the writer typed is what gets hidden.
"""

from __future__ import annotations

import re

# Full-width ASCII (！ to ～) to ASCII, the ideographic space to a space, dashes to '-'.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH |= {0x3000: 0x20, 0x00A0: 0x20, 0x2014: 0x2D, 0x2013: 0x2D, 0x2012: 0x2D, 0x2010: 0x2D, 0x2011: 0x2D}
_WIDTH |= {0x2212: 0x2D, 0xFE63: 0x2D}
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九幺两", "0012345678912")
# A long run of Chinese numerals is a number read out digit by digit (never prose).
_CN_RUN = re.compile(r"[〇零一二三四五六七八九幺两]{7,}")


def normalise(text: str) -> str:
    """The text with full-width forms and digit-by-digit Chinese numerals as ASCII; same length."""
    plain = text.translate(_WIDTH)
    if _CN_RUN.search(plain) is None:
        return plain
    return _CN_RUN.sub(lambda m: m[0].translate(_CN_DIGITS), plain)


def compact(text: str) -> str:
    """Letters and digits only, upper-cased: how two spellings of one number are compared."""
    return "".join(ch for ch in normalise(text) if ch.isascii() and ch.isalnum()).upper()


class Forms:
    """The normalised text of one piece, its lower-cased twin for English words, and what it holds."""

    __slots__ = ("has_alpha", "has_digit", "low", "t")

    def __init__(self, text: str) -> None:
        self.t = normalise(text)
        low = self.t.lower()
        self.low = low if len(low) == len(self.t) else self.t.translate(_ASCII_LOWER)
        self.has_digit = _DIGIT.search(self.t) is not None
        self.has_alpha = _ALPHA.search(self.t) is not None


_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
_DIGIT = re.compile(r"\d")
_ALPHA = re.compile(r"[A-Za-z]")
