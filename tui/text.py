"""User text shown literally: never parsed as markup, never reaching the terminal as control codes."""

from __future__ import annotations

import unicodedata

from rich.text import Text

_PICTURES = {i: chr(0x2400 + i) for i in range(0x20)} | {0x7F: "\u2421"}


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """Replace control characters by their visible pictures (ESC -> ␛); fold newlines unless kept."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch in "\n\r\t" and not keep_newlines:
            out.append(" ")
        elif code in _PICTURES:
            out.append(_PICTURES[code])
        elif unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def literal(text: str, style: str = "", *, keep_newlines: bool = False) -> Text:
    """A Rich Text that shows ``text`` exactly as typed (markup characters included)."""
    return Text(visible(text, keep_newlines=keep_newlines), style=style, no_wrap=not keep_newlines)
