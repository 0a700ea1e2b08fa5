"""Which characters of user text the control policy changes, and as what kind (the table in
store.text.controls): one pass of a regular expression finds the suspects, then each is judged in
its context (a joiner inside an emoji, a selector after a character, the tags of a flag are kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum

from store.text.suspects import (
    ANY_CHANGED_KEEPING_LINES,
    ANY_CHANGED_KEEPING_LINES_AND_TABS,
    ANY_SUSPECT,
    ANY_SUSPECT_IN_JSON,
    SUSPECT_ASTRAL,
    SUSPECT_BMP,
)

__all__ = [
    "ANY_CHANGED_KEEPING_LINES",
    "ANY_CHANGED_KEEPING_LINES_AND_TABS",
    "ANY_SUSPECT",
    "ANY_SUSPECT_IN_JSON",
    "SUSPECT",
    "Kind",
    "unsafe",
    "unsafe_characters",
]


class Kind(StrEnum):
    LINE_BREAK = "line break"
    TAB = "tab"
    CONTROL = "control"
    C1 = "C1 control"
    BIDI = "bidi control"
    INVISIBLE = "invisible"
    SURROGATE = "lone surrogate"


SUSPECT = re.compile(f"[{SUSPECT_BMP}{SUSPECT_ASTRAL}]")  # every character the policy may change
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_LINE_BREAKS = frozenset("\n\r\u2028\u2029")
_JOINERS = frozenset("\u200c\u200d")
_ZWJ = "\u200d"
_FLAG = re.compile("\U0001f3f4[\U000e0020-\U000e007e]{1,32}\U000e007f")  # subdivision flags (🏴 + tags)


def _is_variation_selector(ch: str) -> bool:
    return (
        "\ufe00" <= ch <= "\ufe0f"
        or "\U000e0100" <= ch <= "\U000e01ef"
        or ("\u180b" <= ch <= "\u180f" and ch != "\u180e")  # Mongolian free variation selectors
    )


def _is_pictographic(ch: str) -> bool:
    """Emoji and the symbols emoji sequences are built from (and their modifiers)."""
    code = ord(ch)
    return 0x1F000 <= code <= 0x1FAFF or 0x2190 <= code <= 0x2BFF or code in (0x00A9, 0x00AE, 0x203C, 0x2049)


def _joins_script(ch: str) -> bool:
    return "\u0600" <= ch <= "\u0dff"


def _kind_at(text: str, index: int) -> Kind | None:
    """The kind of ``text[index]`` (a suspect character) in its context; None when it is kept."""
    ch = text[index]
    code = ord(ch)
    if ch in _LINE_BREAKS:
        return Kind.LINE_BREAK
    if ch == "\t":
        return Kind.TAB
    if code < 0x20 or code == 0x7F:
        return Kind.CONTROL
    if code < 0xA0:
        return Kind.C1
    if ch in _BIDI:
        return Kind.BIDI
    if 0xD800 <= code <= 0xDFFF:
        return Kind.SURROGATE
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if _is_variation_selector(ch):
        # One selector after a character picks its look (❤️, an ideograph's variant); a selector
        # first, or after another one or a control, selects nothing and may carry hidden data.
        if before and not _is_variation_selector(before) and SUSPECT.match(before) is None:
            return None
        return Kind.INVISIBLE
    if ch in _JOINERS and before and after:
        if ch == _ZWJ and _is_pictographic(after) and (_is_pictographic(before) or _is_variation_selector(before)):
            return None
        if _joins_script(before) and _joins_script(after):
            return None
    return Kind.INVISIBLE


def _flag_spans(text: str) -> set[int]:
    """Indexes of tag characters that belong to a subdivision flag (kept)."""
    if "\U0001f3f4" not in text:
        return set()
    return {i for m in _FLAG.finditer(text) for i in range(m.start() + 1, m.end())}


def unsafe(text: str) -> Iterator[tuple[int, Kind]]:
    flags: set[int] | None = None
    for match in SUSPECT.finditer(text):
        index = match.start()
        kind = _kind_at(text, index)
        if kind is Kind.INVISIBLE and "\U000e0000" <= text[index] <= "\U000e007f":
            if flags is None:
                flags = _flag_spans(text)
            if index in flags:
                continue
        if kind is not None:
            yield index, kind


def unsafe_characters(text: str) -> list[tuple[int, str, Kind]]:
    """Every character the policy changes: (index, character, kind). Line breaks and tabs included."""
    return [(index, text[index], kind) for index, kind in unsafe(text)]
