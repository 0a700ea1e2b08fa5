"""Wording check for public posts: phrases that invite takedowns or defamation claims, each with a
reason (an unproven accusation, an insult, a call to find or expose people, a threat) and a
plainer alternative. Rules are data (content/rules/wording.toml); messages come from the catalogs.

Chinese phrases are matched inside text, longest first, with exclusions for longer ordinary words
(垃圾 in 垃圾袋, 曝光 in 曝光补偿) and context rules for phrases that are risky only in context
(把客服挂出来, not 把衣服挂出来); English phrases match whole words in any case (liar is not in
familiar). Nothing inside 《…》, inside quotes of a regulation's title or inside a file name counts:
there the words are someone else's, not the writer's accusation.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Literal

from store.rules.content_schema import Schema, load_content
from store.rules.messages import Messages

_WINDOW = 12  # characters before a phrase that its context rule looks at
_CONTEXT = 16  # characters either side shown with a warning


Reason = Literal["accusation", "insult", "exposure", "threat"]  # each has wording.reason.* and wording.why.*


class WordingRule(Schema, frozen=True, kw_only=True):
    """Risky phrases sharing a reason and an alternative ([[rule]] in wording.toml)."""

    reason: Reason
    instead: str  # the alternative: a key of [wording.instead] in the catalogs
    words: tuple[str, ...]
    unless: tuple[str, ...] = ()  # longer ordinary words that contain a phrase
    before: str | None = None  # a regular expression that must match just before the phrase
    after: str | None = None  # one that must match right after it


class WordingFile(Schema, frozen=True):
    as_of: dt.date
    rule: tuple[WordingRule, ...]


@dataclass(frozen=True)
class WordingWarning:
    word: str  # as written
    reason: str  # accusation | insult | exposure | threat
    suggestion: str
    why: str
    context: str  # the words around it

    def line(self, msgs: Messages) -> str:
        return msgs(
            "cli.wording_warning",
            word=self.word,
            reason=msgs(f"wording.reason.{self.reason}"),
            context=self.context,
            suggestion=self.suggestion,
            why=self.why,
        )


@dataclass(frozen=True)
class _Rule:
    reason: str
    instead: str
    unless: tuple[str, ...]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    reason: str
    instead: str


@cache
def _rules() -> tuple[dict[str, _Rule], re.Pattern[str] | None, re.Pattern[str] | None]:
    """Each phrase's rule, and one pattern for the Chinese and one for the English phrases."""
    by_word: dict[str, _Rule] = {}
    for entry in load_content("rules/wording.toml", WordingFile).rule:
        rule = _Rule(
            entry.reason,
            entry.instead,
            tuple(u.lower() for u in entry.unless),
            re.compile(f"(?:{entry.before})") if entry.before is not None else None,
            re.compile(entry.after) if entry.after is not None else None,
        )
        by_word |= {word.lower(): rule for word in entry.words}
    zh = sorted((w for w in by_word if not w.isascii()), key=len, reverse=True)
    en = sorted((w for w in by_word if w.isascii()), key=len, reverse=True)
    return (
        by_word,
        re.compile("|".join(map(re.escape, zh))) if zh else None,
        re.compile("|".join(map(re.escape, en))) if en else None,
    )


# Quoted text: 《…》 is always a title; other quotes only when they hold a regulation's title.
_TITLE = re.compile(r"《[^《》\n]{0,80}》")
_QUOTED = re.compile(r"“[^“”\n]{0,80}”|\"[^\"\n]{0,80}\"|「[^「」\n]{0,80}」|『[^『』\n]{0,80}』")
_OFFICIAL = re.compile(
    r"(?:法|条例|规定|办法|细则|解释|意见|通知|规则|标准|决定|公告|章程|指南|守则)[”\"」』]$"
    r"|^.(?:Measures|Provisions|Regulations?|Rules|Law|Act)\b|\b(?:Law|Act|Regulations?|Measures|Provisions|Rules|Code)\W?.$"
)
_EXTENSION = re.compile(
    r"\.(?:jpe?g|png|gif|heic|webp|bmp|mp4|mov|avi|mkv|m4a|mp3|wav|amr|pdf|docx?|xlsx?|pptx?|txt|zip|rar|7z)\b",
    re.IGNORECASE,
)
_NAME_STOPS = frozenset(":：,，;；。“”\"'《》()（）")
_NAME_MAX = 255  # a file name is at most 255 characters


def _file_names(text: str) -> Iterator[tuple[int, int]]:
    """Spans of file names (``IMG_0001.jpg``): each extension found, then the name before it.

    Walking back from each extension keeps this linear; a pattern with a run before the
    extension was retried from every position of a long line without spaces (quadratic).
    """
    for m in _EXTENSION.finditer(text):
        start = m.start()
        while start > 0 and m.start() - start < _NAME_MAX:
            before = text[start - 1]
            if before.isspace() or before in _NAME_STOPS:
                break
            start -= 1
        if start < m.start():
            yield start, m.end()


def find_risky(text: str, *, skip: Container[tuple[str, str]] = ()) -> Iterator[Hit]:
    """Every risky phrase in text that its context does not excuse; phrases whose (lower-case
    words, reason) are in ``skip`` are not looked at (a warning names each only once)."""
    by_word, zh, en = _rules()
    low = _lower_in_place(text)
    excused = CoveringSpans([m.span() for m in _TITLE.finditer(text)] + list(_file_names(text)))
    excused.add([m.span() for m in _QUOTED.finditer(text) if _OFFICIAL.search(m[0])])
    matches = list(zh.finditer(low)) if zh is not None else []
    if en is not None and any(ch.isascii() and ch.isalpha() for ch in low):
        matches += [m for m in en.finditer(low) if _whole_word(low, m.start(), m.end())]
    spaced = low.replace("-", " ")  # anti-fraud and anti fraud are one exclusion
    for m in matches:
        rule = by_word[m[0]]
        if (m[0], rule.reason) in skip or excused.cover(m.start(), m.end()):
            continue
        if _excluded(spaced, m.start(), m[0].replace("-", " "), rule.unless) or not _in_context(low, m, rule):
            continue
        yield Hit(m.start(), m.end(), rule.reason, rule.instead)


class CoveringSpans:
    """Spans of text, asked whether one of them covers a range: a binary search, not a scan of
    every span for every phrase (a line of many file names and many phrases was quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans: list[tuple[int, int]] = []
        self.add(spans)

    def add(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(self._spans + spans)
        self._starts = [start for start, _ in self._spans]
        self._reach = list(accumulate((end for _, end in self._spans), max))  # furthest end so far

    def cover(self, start: int, end: int) -> bool:
        last = bisect_right(self._starts, start) - 1  # spans starting at or before ``start``
        return last >= 0 and self._reach[last] >= end


def _lower_in_place(text: str) -> str:
    """Lower case with every character staying one character, so offsets into it are offsets into
    ``text`` (``"İ".lower()`` is two characters and shifted every hit after it)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(lowered := ch.lower()) != 1 else lowered for ch in text)


def _whole_word(low: str, start: int, end: int) -> bool:
    """No ASCII letter right before or after: liar is not in familiar. (The redaction package
    re-exports this module, so it does not import from there.)"""
    before, after = low[start - 1 : start], low[end : end + 1]
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


def _excluded(low: str, at: int, word: str, unless: tuple[str, ...]) -> bool:
    """A longer ordinary word around the phrase: 垃圾 inside 垃圾袋 or 干垃圾."""
    return any(at >= offset and low.startswith(longer, at - offset) for longer, offset in _placements(word, unless))


@cache
def _placements(word: str, unless: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """Each longer word with each place the phrase sits in it (worked out once per phrase)."""
    found = []
    for longer in unless:
        offset = longer.find(word)
        while offset >= 0:
            found.append((longer, offset))
            offset = longer.find(word, offset + 1)
    return tuple(found)


def _in_context(low: str, m: re.Match[str], rule: _Rule) -> bool:
    if rule.before is None and rule.after is None:
        return True
    if rule.before is not None and rule.before.search(low, max(0, m.start() - _WINDOW), m.start()):
        return True
    return rule.after is not None and rule.after.match(low[m.end() : m.end() + _WINDOW]) is not None


def wording_warnings(texts: str | Iterable[str], lang: str) -> list[WordingWarning]:
    """One warning per risky phrase (and reason) in the texts, with the words around its first use."""
    msgs = Messages(lang)
    found: dict[tuple[str, str], WordingWarning] = {}
    for text in [texts] if isinstance(texts, str) else texts:
        for hit in find_risky(text, skip=found):
            word = text[hit.start : hit.end]
            key = (word.lower(), hit.reason)
            if key in found:
                continue
            context = " ".join(text[max(0, hit.start - _CONTEXT) : hit.end + _CONTEXT].split())
            found[key] = WordingWarning(
                word, hit.reason, msgs(f"wording.instead.{hit.instead}"), msgs(f"wording.why.{hit.reason}"), context
            )
    return list(found.values())
