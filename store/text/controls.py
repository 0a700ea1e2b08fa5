"""One policy for the characters in user text that a terminal, or a reader, must never act on.

User text is anything typed, read from a file, or a file name. Wherever it leaves the program, it
passes through one of these (the classification below is the same for all of them):

* ``for_screen(text, keep_newlines=False)``: the app's screens (wrap it with ``tui.text.literal``).
* ``for_plain_text(text, keep_newlines=False)``: CLI lines on stdout/stderr, Markdown, iCalendar
  and every other text file a person reads.
* ``for_editing(text, keep_tabs=False)``: what an input box shows of its value: one visible
  character for each character, so cursor positions still match the value being edited.
* ``for_json(value)``: JSON for programs, lossless: each character below is a ``\\u`` escape.
  ``escape_json(data)`` does the same to JSON already encoded (orjson leaves C1, DEL and bidi raw).
* ``unsafe_characters(text)``: what the policy changes, with its kind (checks and tests).

What each kind of character becomes (``Kind``):

======================  ===========================================  ==========================
kind                    characters                                   on screen / in text
======================  ===========================================  ==========================
LINE_BREAK              LF, CR LF, a lone CR, U+2028, U+2029          a line break where the
                                                                     target keeps lines, else a
                                                                     space
TAB                     HT                                           kept in multi-line text;
                                                                     4 spaces on screen; a
                                                                     space on one line
CONTROL                 C0 (U+0000-U+001F), DEL                      its picture: ESC -> ␛,
                                                                     BEL -> ␇, DEL -> ␡
C1                      U+0080-U+009F (8-bit CSI, OSC, NEL, …)       ``\\x9b``
BIDI                    embeddings, overrides, isolates, marks:      ``\\u202e``
                        U+202A-U+202E, U+2066-U+2069, U+200E,
                        U+200F, U+061C
INVISIBLE               every other format character (zero-width     ``\\u200b``
                        space, joiners out of place, word joiner,
                        BOM, soft hyphen, U+180E, tag characters,
                        …), invisible fillers (U+115F, U+1160,
                        U+3164, U+FFA0, U+034F), a variation
                        selector that does not follow a character,
                        or follows another one (hidden data), and
                        noncharacters
SURROGATE               a lone surrogate (an undecodable file name)  ``\\udc80``
======================  ===========================================  ==========================

Kept as they are, because text needs them and they hide nothing: a zero-width joiner inside an
emoji sequence (👨‍👩‍👧) and a joiner or non-joiner between letters of the scripts that use them
(Arabic to Sinhala, U+0600-U+0DFF); one variation selector after a character (❤️, 葛󠄀); the tag
characters of a subdivision flag (🏴 + tags + cancel tag); combining marks; private-use characters
(a font may draw them, a terminal never acts on them); unassigned code points (new emoji).

In JSON every kind but LINE_BREAK and TAB (which JSON escapes anyway) is a ``\\u`` escape, so the
value read back is exactly the value written, and ``cat`` of the file shows no raw control.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

import orjson

from store.text.suspect_characters import SUSPECT, SUSPECT_IN_JSON


class Kind(StrEnum):
    LINE_BREAK = "line break"
    TAB = "tab"
    CONTROL = "control"
    C1 = "C1 control"
    BIDI = "bidi control"
    INVISIBLE = "invisible"
    SURROGATE = "lone surrogate"


_SUSPECT, _SUSPECT_IN_JSON = SUSPECT, SUSPECT_IN_JSON
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
        if before and not _is_variation_selector(before) and _SUSPECT.match(before) is None:
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


def _unsafe(text: str) -> Iterator[tuple[int, Kind]]:
    flags: set[int] | None = None
    for match in _SUSPECT.finditer(text):
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
    return [(index, text[index], kind) for index, kind in _unsafe(text)]


def escaped(ch: str) -> str:
    """The visible escape of one character: \\x9b, \\u202e, \\U000e0041."""
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _picture(ch: str) -> str:
    return "\u2421" if ch == "\x7f" else chr(0x2400 + ord(ch))


def _visible(text: str, keep_newlines: bool, tab: str) -> str:
    if _SUSPECT.search(text) is None:  # the usual case, in one call into C
        return text
    out: list[str] = []
    last = 0
    for index, kind in _unsafe(text):
        out.append(text[last:index])
        last = index + 1
        ch = text[index]
        if kind is Kind.LINE_BREAK:
            if ch == "\r" and text[index + 1 : index + 2] == "\n":
                continue  # CR LF is one line break: the LF makes it
            out.append("\n" if keep_newlines else " ")
        elif kind is Kind.TAB:
            out.append(tab if keep_newlines else " ")
        elif kind is Kind.CONTROL:
            out.append(_picture(ch))
        else:
            out.append(escaped(ch))
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def for_screen(text: str, *, keep_newlines: bool = False) -> str:
    """Text for the app's screens: every control visible, lines folded unless kept, tabs as spaces
    (a tab reaching the terminal would move its cursor past what the app drew)."""
    return _visible(text, keep_newlines, "    ")


def for_plain_text(text: str, *, keep_newlines: bool = False) -> str:
    """Text for a terminal line (the CLI) or a text file: every control visible, lines folded
    unless kept (then tabs are kept too, and CR LF becomes LF)."""
    return _visible(text, keep_newlines, "\t")


def for_editing(text: str, *, keep_tabs: bool = False) -> str:
    """What an input box shows of its value: the same number of characters, each control as a
    visible one (its picture, or U+FFFD), so the box's cursor and selection still line up."""
    out: list[str] = []
    last = 0
    for index, kind in _unsafe(text):
        ch = text[index]
        if kind is Kind.TAB and keep_tabs:
            continue
        out.append(text[last:index])
        last = index + 1
        if kind is Kind.CONTROL:
            out.append(_picture(ch))
        elif kind in (Kind.LINE_BREAK, Kind.TAB):
            out.append("\u21b5" if kind is Kind.LINE_BREAK else " ")
        else:
            out.append("\ufffd")
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


_JSON_WHITESPACE = frozenset("\n\r\t")


def _json_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _escape_json_text(text: str) -> str:
    out: list[str] = []
    last = 0
    for index, _kind in _unsafe(text):
        if text[index] in _JSON_WHITESPACE:
            continue  # the encoder escapes these inside strings; outside, they are its layout
        out.append(text[last:index])
        out.append(_json_escape(text[index]))
        last = index + 1
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def escape_json(data: bytes) -> bytes:
    """Encoded JSON with every character of the policy inside its strings as a ``\\u`` escape.

    Outside strings JSON is ASCII punctuation, so escaping the whole text escapes only strings.
    """
    if data.isascii() and b"\x7f" not in data:  # the encoder escapes C0 itself, never DEL
        return data
    text = data.decode("utf-8")  # usually nothing to escape: found in one pass, not line by line
    return data if _SUSPECT_IN_JSON.search(text) is None else _escape_json_text(text).encode("utf-8")


def for_json(value: Any, *, indent: bool = True) -> str:
    """``value`` as JSON text (two-space indent unless ``indent=False``), controls escaped."""
    option = orjson.OPT_INDENT_2 if indent else 0
    try:
        data = orjson.dumps(value, option=option)
    except TypeError:  # a lone surrogate (orjson refuses them): the standard library writes it
        import json

        text = json.dumps(
            value,
            ensure_ascii=False,
            indent=2 if indent else None,
            separators=(",", ": ") if indent else (",", ":"),
            default=_isoformat,
        )
        return _escape_json_text(text)
    return escape_json(data).decode("utf-8")


def _isoformat(value: Any) -> str:
    """Dates and times as orjson writes them (for the standard-library fallback)."""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
