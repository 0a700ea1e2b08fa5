"""One form of the text to match on, with every character at the same offset as in the original.

People type numbers in full-width digits (１３８…), with ideographic spaces, long dashes or Chinese
numerals (幺三八…) to dodge filters. Detectors match the normalised form; masks are applied to the
original at the same offsets, so what the writer typed is what gets hidden.
"""

from __future__ import annotations

from store.export.redaction.words import LazyPattern as lazy

# Full-width ASCII (！ to ～) to ASCII, the ideographic space to a space, dashes to '-'.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH |= {0x3000: 0x20, 0x00A0: 0x20, 0x2014: 0x2D, 0x2013: 0x2D, 0x2012: 0x2D, 0x2010: 0x2D, 0x2011: 0x2D}
_WIDTH |= {0x2212: 0x2D, 0xFE63: 0x2D}
_WIDE = lazy("[\uff01-\uff5e\u3000\u00a0\u2010-\u2014\u2212\ufe63]")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九幺两", "0012345678912")
# A long run of Chinese numerals is a number read out digit by digit (never prose).
_CN_RUN = lazy(r"[〇零一二三四五六七八九幺两]{7,}")


def normalise(text: str) -> str:
    """The text with full-width forms and digit-by-digit Chinese numerals as ASCII; same length."""
    plain = text.translate(_WIDTH) if _WIDE.search(text) else text  # translate is slow: only if needed
    if _CN_RUN.search(plain) is None:
        return plain
    return _CN_RUN.sub(lambda m: m[0].translate(_CN_DIGITS), plain)


def compact(text: str) -> str:
    """ASCII letters and digits only, upper-cased: how two spellings of one number are compared."""
    return _NOT_ASCII_ALNUM.sub("", normalise(text)).upper()


class Forms:
    """The normalised text of one piece, its lower-cased twin for English words, and what it holds."""

    __slots__ = ("_parts", "has_alpha", "has_digit", "low", "t")

    def __init__(self, text: str) -> None:
        self.t = normalise(text)
        self.has_digit = _DIGIT.search(self.t) is not None
        self.has_alpha = _ALPHA.search(self.t) is not None
        low = self.t.lower() if self.has_alpha else self.t
        self.low = low if len(low) == len(self.t) else self.t.translate(_ASCII_LOWER)
        self._parts: list[tuple[int, int]] | None = None

    @property
    def parts(self) -> list[tuple[int, int]]:
        """The runs of ASCII letters and digits, where known numbers are looked for."""
        if self._parts is None:
            self._parts = [m.span() for m in _PART.finditer(self.t)] if self.has_digit or self.has_alpha else []
        return self._parts


_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
_DIGIT = lazy(r"\d")
_ALPHA = lazy(r"[A-Za-z]")
_PART = lazy(r"[A-Za-z0-9]+")
_NOT_ASCII_ALNUM = lazy(r"[^A-Za-z0-9]+")
