"""Which characters of user text the control policy changes, and as what kind (the table in
store.text.controls): one pass of a regular expression finds the suspects, then each is judged in
its context (a joiner inside an emoji, a selector after a character, the tags of a flag are kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum


class Kind(StrEnum):
    LINE_BREAK = "line break"
    TAB = "tab"
    CONTROL = "control"
    C1 = "C1 control"
    BIDI = "bidi control"
    INVISIBLE = "invisible"
    SURROGATE = "lone surrogate"


# Every character the policy may change. Python 3.11's Unicode 14 format characters (category Cf)
# are all here; tests/store/test_controls.py checks the list against unicodedata.
_SUSPECT_BMP = (
    "\x00-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160"
    "\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufdd0-\ufdef"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff"
)
_SUSPECT_ASTRAL = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff"
    "\U000ffffe\U000fffff\U0010fffe\U0010ffff"
)
SUSPECT = re.compile(f"[{_SUSPECT_BMP}{_SUSPECT_ASTRAL}]")
_ANY_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_SUSPECT = re.compile(f"[{_SUSPECT_ASTRAL}]")


class Suspects:
    """Whether a text holds any of the suspects, less some C0 controls, in a pass or two of C.

    One class holding both planes costs each ordinary character a test against every astral
    range (0.13 s over due's 6 MB at 10,000 cases); the Basic Multilingual Plane alone, then the
    astral suspects only in a text that has an astral character at all, cost 0.03 s.
    """

    def __init__(self, c0: str) -> None:
        self._bmp = re.compile(f"[{_SUSPECT_BMP.replace(chr(0) + '-' + chr(0x1F), c0, 1)}]")

    def found_in(self, text: str) -> bool:
        if self._bmp.search(text) is not None:
            return True
        return _ANY_ASTRAL.search(text) is not None and _ASTRAL_SUSPECT.search(text) is not None


ANY_SUSPECT = Suspects("\x00-\x1f")
# Less the line breaks and tabs JSON holds only as layout (an encoder escapes them inside strings).
ANY_SUSPECT_IN_JSON = Suspects("\x00-\x08\x0b\x0c\x0e-\x1f")
# Less what multi-line text keeps as it is, whatever surrounds it: LF, and the tab where it stays
# a tab (CR is not here: CR LF becomes LF). A text with none of these is returned unchanged.
ANY_CHANGED_KEEPING_LINES = Suspects("\x00-\x09\x0b-\x1f")
ANY_CHANGED_KEEPING_LINES_AND_TABS = Suspects("\x00-\x08\x0b-\x1f")
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
