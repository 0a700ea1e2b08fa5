"""The one control-character policy (store.text.controls), through the whole hostile corpus."""

from __future__ import annotations

import sys
import unicodedata

import orjson
import pytest

from store.text.controls import (
    Kind,
    escape_json,
    for_editing,
    for_json,
    for_plain_text,
    for_screen,
    unsafe_characters,
)
from tests.helpers.hostile_text import CORPUS, ESCAPES, KEPT, SPOOFING, injected


@pytest.mark.parametrize(
    ("text", "screen"),
    [
        ("a\x1b[2Jb", "a␛[2Jb"),
        ("\x1b]52;c;eA==\x07", "␛]52;c;eA==␇"),
        ("x\x7fy", "x␡y"),
        ("\x9b2J", "\\x9b2J"),
        ("\x9d0;t\x9c", "\\x9d0;t\\x9c"),
        ("invoice\u202egpj.exe", "invoice\\u202egpj.exe"),
        ("\u2066a\u2069", "\\u2066a\\u2069"),
        ("a\u200eb\u200fc\u061c", "a\\u200eb\\u200fc\\u061c"),
        ("pay\u200bpal", "pay\\u200bpal"),
        ("\ufeffbom", "\\ufeffbom"),
        ("soft\u00adhyphen", "soft\\xadhyphen"),
        ("x" + chr(0xE0041), "x\\U000e0041"),
        ("\U0001f600\ufe00\ufe01", "\U0001f600\ufe00\\ufe01"),  # one selector picks a look; more is data
        ("\ufe0fx", "\\ufe0fx"),
        ("\ud800", "\\ud800"),
        ("a\u200db", "a\\u200db"),  # a joiner between Latin letters joins nothing
        ("one\ntwo\r\nthree\rfour\u2028five", "one two three four five"),
        ("a\tb", "a b"),
    ],
)
def test_each_kind_is_shown_visibly(text: str, screen: str) -> None:
    assert for_screen(text) == screen
    assert for_plain_text(text) == screen


def test_lines_are_kept_where_the_target_keeps_them() -> None:
    text = "one\ntwo\r\nthree\rfour\u2028five\u2029six\tcol"
    assert for_screen(text, keep_newlines=True) == "one\ntwo\nthree\nfour\nfive\nsix    col"
    assert for_plain_text(text, keep_newlines=True) == "one\ntwo\nthree\nfour\nfive\nsix\tcol"


@pytest.mark.parametrize("name", sorted(KEPT))
def test_legitimate_text_is_left_as_it_is(name: str) -> None:
    text = KEPT[name]
    assert unsafe_characters(text) == []
    assert for_screen(text) == for_plain_text(text) == for_editing(text) == text
    assert orjson.loads(for_json(text)) == text


@pytest.mark.parametrize("name", sorted({**ESCAPES, **SPOOFING}))
def test_hostile_text_is_changed(name: str) -> None:
    text = {**ESCAPES, **SPOOFING}[name]
    assert unsafe_characters(text)
    assert for_screen(text) != text


def test_every_format_and_control_character_is_covered() -> None:
    """The policy's character list against this Python's Unicode database: a control, format
    character, surrogate or line separator standing alone is always changed."""
    missed = []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and not unsafe_characters(ch):
            missed.append(f"U+{code:04X}")
    assert missed == []


def test_the_whole_corpus_through_every_rendering() -> None:
    for text in CORPUS:
        for shown in (
            for_screen(text),
            for_screen(text, keep_newlines=True),
            for_plain_text(text),
            for_plain_text(text, keep_newlines=True),
            for_editing(text),
            for_json(text),
            for_json({"k": [text]}, indent=False),
        ):
            assert injected(shown) == [], repr(text[:80])
        one_line = for_screen(text)
        assert "\n" not in one_line and "\t" not in one_line
        assert for_screen(one_line) == one_line  # shown text is stable
        assert len(for_editing(text)) == len(text)  # an input box's cursor lines up
        assert orjson.loads(for_json(text)) == text  # JSON loses nothing
        assert {k for _, _, k in unsafe_characters(for_screen(text, keep_newlines=True))} <= {Kind.LINE_BREAK}


def test_json_escapes_what_orjson_leaves_raw() -> None:
    value = {"title": "\x9b2J\x7f\u202e\u2028\u200b长", "n": 1}
    raw = orjson.dumps(value)
    assert injected(raw.decode()) != []  # orjson writes C1, DEL, bidi and separators raw
    escaped = escape_json(raw).decode()
    assert injected(escaped) == []
    assert "\\u009b" in escaped and "\\u202e" in escaped and "长" in escaped
    assert orjson.loads(escaped) == value


def test_json_keeps_its_layout_and_takes_lone_surrogates() -> None:
    assert for_json({"a": ["x\ny"]}) == '{\n  "a": [\n    "x\\ny"\n  ]\n}'
    text = for_json({"path": "/tmp/\udcff.png", "at": "x"})
    assert "\\udcff" in text and injected(text) == []


def test_tag_characters_are_kept_only_in_a_flag() -> None:
    flag = KEPT["flag_tags"]
    assert for_screen(flag) == flag
    assert for_screen(flag[1:]) != flag[1:]  # the same tags without the flag hide data
    assert for_screen("🏴" + "\U000e0041" * 40 + "\U000e007f") != "🏴" + "\U000e0041" * 40 + "\U000e007f"


def test_long_text_is_handled_whole() -> None:
    text = "\x1b[2J" * 50_000
    shown = for_screen(text)
    assert shown == "␛[2J" * 50_000


def _joined_with_layout(text: str) -> list[str]:
    """``text`` with the line breaks and tabs multi-line text keeps around it and inside it."""
    middle = len(text) // 2
    return [
        text,
        f"\n{text}\n",
        f"\t{text}\t",
        f"{text[:middle]}\n{text[middle:]}",
        f"{text[:middle]}\t\n{text[middle:]}",
        f"{text[:middle]}\r\n{text[middle:]}\r",
        f"{text}\n{text}",
    ]


def test_the_quick_check_changes_nothing_the_character_by_character_pass_would_not() -> None:
    """Text whose only suspects are kept line breaks and tabs skips the pass over each character:
    for every option and the whole corpus, laid out in lines, the result is the same."""
    from store.text.controls import _rewritten, _visible

    for text in CORPUS:
        for laid_out in _joined_with_layout(text[:2_000]):
            for keep_newlines in (False, True):
                for tab in ("\t", "    "):
                    want = _rewritten(laid_out, keep_newlines, tab)
                    assert _visible(laid_out, keep_newlines, tab) == want, repr(laid_out[:80])
    assert for_plain_text("a\nb\tc", keep_newlines=True) == "a\nb\tc"
    assert for_screen("a\nb\tc", keep_newlines=True) == "a\nb    c"
    assert for_plain_text("a\r\nb\u2028c", keep_newlines=True) == "a\nb\nc"
    assert for_plain_text("\n\ufe0f", keep_newlines=True) == "\n\\ufe0f"  # a selector after a break selects nothing


def test_the_quick_checks_find_the_same_characters_as_the_policy() -> None:
    """Each quick check (the Basic Multilingual Plane, then the astral planes) finds every suspect
    character the policy's own pattern finds, less the C0 controls it leaves to the caller, alone
    and inside ordinary text."""
    from store.text.control_kinds import (
        ANY_CHANGED_KEEPING_LINES,
        ANY_CHANGED_KEEPING_LINES_AND_TABS,
        ANY_SUSPECT,
        ANY_SUSPECT_IN_JSON,
        SUSPECT,
    )

    checks = [
        (ANY_SUSPECT, ""),
        (ANY_SUSPECT_IN_JSON, "\t\n\r"),
        (ANY_CHANGED_KEEPING_LINES, "\n"),
        (ANY_CHANGED_KEEPING_LINES_AND_TABS, "\t\n"),
    ]
    wrong = []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        suspect = SUSPECT.match(ch) is not None
        for check, left_out in checks:
            want = suspect and ch not in left_out
            inside = suspect or code % 97 == 0  # inside text: every suspect, and a sample of the rest
            if check.found_in(ch) != want or (inside and check.found_in(f"长a😀{ch}b") != want):
                wrong.append(f"U+{code:04X}")
    assert wrong == []
