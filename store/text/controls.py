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

from typing import Any

import orjson

from store.text.control_kinds import (
    ANY_CHANGED_KEEPING_LINES,
    ANY_CHANGED_KEEPING_LINES_AND_TABS,
    ANY_SUSPECT,
    ANY_SUSPECT_IN_JSON,
    Kind,
    unsafe,
    unsafe_characters,
)

__all__ = [
    "Kind",
    "escape_json",
    "escaped",
    "for_editing",
    "for_json",
    "for_plain_text",
    "for_screen",
    "unsafe_characters",
]


def escaped(ch: str) -> str:
    """The visible escape of one character: \\x9b, \\u202e, \\U000e0041."""
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _picture(ch: str) -> str:
    return "\u2421" if ch == "\x7f" else chr(0x2400 + ord(ch))


def _visible(text: str, keep_newlines: bool, tab: str) -> str:
    if not keep_newlines:
        changed = ANY_SUSPECT
    elif tab == "\t":
        changed = ANY_CHANGED_KEEPING_LINES_AND_TABS
    else:
        changed = ANY_CHANGED_KEEPING_LINES
    if not changed.found_in(text):  # the usual case, a search or two in C
        return text
    return _rewritten(text, keep_newlines, tab)


def _rewritten(text: str, keep_newlines: bool, tab: str) -> str:
    """``text`` with each character of the policy replaced, one by one, in its context."""
    out: list[str] = []
    last = 0
    for index, kind in unsafe(text):
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
    for index, kind in unsafe(text):
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
    for index, _kind in unsafe(text):
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
    return data if not ANY_SUSPECT_IN_JSON.found_in(text) else _escape_json_text(text).encode("utf-8")


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
