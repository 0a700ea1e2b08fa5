"""Text a complaint needs verbatim, found first so that no guess can eat into it.

Dates and times (``11月12号``, ``2026-11-12 14:05``), amounts, agent IDs after 工号/agent (the point
of a complaint: ``渠道工号7788`` stays), public service lines (400/800, 95xxx, 12315, 12345 …), law
articles and valid 统一社会信用代码 (checked by store.records.credit_code, the validator the case form
uses; stdnum.cn.uscc agrees with it and would add python-stdnum's ~100 ms import to every start-up).
"""

from __future__ import annotations

from collections.abc import Iterator

from store.export.redaction.lexicon import LABELS_AGENT, LABELS_PRODUCT
from store.export.redaction.numbers import id18_plausible
from store.export.redaction.spans import KEEP, Candidate
from store.export.redaction.text_forms import Forms
from store.export.redaction.words import LazyPattern as lazy
from store.export.redaction.words import latin_word_at, latin_words, other_words
from store.records.credit_code import credit_code_problem

# Numbers that must stand alone (not inside a longer run of digits and separators): each pattern
# starts with a digit or literal, so the engine jumps from candidate to candidate, and ends where
# the digits end, so that a shorter reading (2026-11-1 of 2026-11-10) is never the one taken.
_ALONE = [
    # dates: 2026-11-12, 2026/11/12, 2026.11.12, 2026年11月12日, 20261112
    r"(?:19|20)\d\d(?:[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9])"
    r"|年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号])?|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)",
    # public service lines (not a house number: 深南大道10000号)
    r"[48]00[ \-]?\d{3}[ \-]?\d{4}(?!\d)",
    r"(?:95\d{3,4}|96\d{3}|10\d{3}|12\d{3}|1010\d{4}|114)(?!\d)(?!\s?(?:号|弄|栋|幢|单元|室|楼|层))",
]
_ALONE_RE = [lazy(p) for p in _ALONE]
# Each with the characters it cannot match without: a pattern whose characters are absent is not run.
_FREE = [
    (("月",), r"\d(?<!\d\d)\d?\s?月\s?\d{1,2}\s?[日号]"),  # 11月12号
    ((":",), r"\d(?<!\d\d)\d?:[0-5]\d(?::[0-5]\d)?(?![0-9A-Za-z])"),  # 14:05
    (("¥", "￥", "$"), r"[¥￥$]\s?\d[\d,]*(?:\.\d+)?"),  # ¥1,299.00
    (("RMB", "CNY"), r"(?:RMB|CNY)\s?\d[\d,]*(?:\.\d+)?"),
    (("元", "块", "yuan", "RMB", "CNY"), r"\d(?<![\d.,]\d)[\d,]*(?:\.\d+)?\s?(?:元|块|万元|yuan|RMB|CNY)"),  # 599元
    (("第",), r"第[一二三四五六七八九十百零\d]{1,6}条"),  # law articles
]
_FREE_RE = [(needs, lazy(p)) for needs, p in _FREE]
_AGENT_VALUE = lazy(
    r"[\s:：(（#]{0,3}(?:ID|id|No\.?|编号|号)?[\s:：#]{0,3}(?:是|为|is)?\s?([A-Za-z]{0,4}[\- ]?\d{2,8})(?![\dA-Za-z])"
)
_PRODUCT_VALUE = lazy(r"[\s:：#]{0,3}(?:是|为|is)?\s?([A-Za-z0-9][A-Za-z0-9\-/._]{2,40})")
_AGENT_ZH = lazy(other_words(LABELS_AGENT))
_AGENT_EN = lazy(latin_words(LABELS_AGENT))
_PRODUCT_ZH = lazy(other_words(LABELS_PRODUCT))
_PRODUCT_EN = lazy(latin_words(LABELS_PRODUCT))
_CREDIT_CODE = lazy(r"[0-9A-HJ-NP-RTUW-Y]{18}(?![0-9A-Za-z])")


def keep_candidates(f: Forms) -> Iterator[Candidate]:
    """Spans of the text that must stay as written."""
    t = f.t
    if f.has_digit:
        for pattern in _ALONE_RE:
            for m in pattern.finditer(t):
                if alone(t, m.start(), m.end()):
                    yield Candidate(m.start(), m.end(), KEEP, None)
        for needs, pattern in _FREE_RE:
            if not any(ch in t for ch in needs):
                continue
            for m in pattern.finditer(t):
                if not t[m.start() - 1 : m.start()].isdigit():
                    yield Candidate(m.start(), m.end(), KEEP, None)
        yield from _labelled(f)
        for m in _CREDIT_CODE.finditer(t):
            code = m[0]
            # an ID number can pass the credit code's checksum by chance (1 in 31): an ID it stays
            if word_start(t, m.start()) and credit_code_problem(code) is None and not id18_plausible(code):
                yield Candidate(m.start(), m.end(), KEEP, None)


def _labelled(f: Forms) -> Iterator[Candidate]:
    """Agent IDs after 工号/agent and product identifiers after IMEI/型号/SN: the point of a complaint."""
    for zh, en, value_pattern in ((_AGENT_ZH, _AGENT_EN, _AGENT_VALUE), (_PRODUCT_ZH, _PRODUCT_EN, _PRODUCT_VALUE)):
        labels = list(zh.finditer(f.t))
        if f.has_alpha:
            labels += [m for m in en.finditer(f.low) if latin_word_at(f.low, m.start(), m.end())]
        for label in labels:
            value = value_pattern.match(f.t, label.end())
            if value is not None:
                yield Candidate(value.start(1), value.end(1), KEEP, None)


def word_start(t: str, start: int) -> bool:
    return not _word_char(t[start - 1 : start])


def _word_char(ch: str) -> bool:
    """A letter, digit or underscore: what an account name or code is made of (douyin_12345)."""
    return ch == "_" or (ch.isascii() and ch.isalnum())


def alone(t: str, start: int, end: int) -> bool:
    """Not part of a longer number or name: no letter, digit or _ around it, nor a separator and a digit."""
    before, after = t[max(0, start - 2) : start], t[end : end + 2]
    if _word_char(before[-1:]) or _word_char(after[:1]):
        return False
    joined_before = len(before) == 2 and (
        (before[1] in " .-" and before[0].isdigit())
        or (before[1] in "·•-" and before[0].isascii() and before[0].isalpha())
    )
    joined_after = len(after) == 2 and after[0] in " .-" and after[1].isdigit()
    return not (joined_before or joined_after)
