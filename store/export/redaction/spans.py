"""Spans of personal data: what each detector proposes, how overlaps are settled, how each is masked.

A mask has the length of what it hides (one ＊ per letter, digit or character), so offsets in a
redacted piece are the offsets of the original, and a reviewer can be shown exactly what went.
Separators stay (``138 ＊＊＊＊ ＊＊＊＊``): the reader still sees what kind of thing was there.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from store.export.redaction.text_forms import normalise

MASK = "＊"


class Kind(StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"
    ID_CARD = "id_card"
    PASSPORT = "passport"
    PERMIT = "permit"
    BANK_CARD = "bank_card"
    EMAIL = "email"
    WECHAT = "wechat"
    QQ = "qq"
    PROFILE = "profile"
    PLATE = "plate"
    TRACKING = "tracking"
    ORDER = "order"
    NUMBER = "number"  # a long number of no known kind: an order, card or ID written some other way
    ADDRESS = "address"
    NAME = "name"
    MANUAL = "manual"  # text the user marked to mask everywhere


# Who wins an overlap: the user's own marks, then text that must stay (dates, agent IDs, the
# business), then the case's own numbers and names, labelled values, shapes, and guesses last.
MANUAL, KEEP, CASE, LABELLED, SHAPE, ADDRESS, GUESS = 100, 90, 80, 70, 60, 50, 40


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    priority: int
    kind: Kind | None  # None: text to keep verbatim, which blocks the guesses under it


@dataclass(frozen=True, slots=True)
class Span:
    """One piece of personal data in a text: where, what kind, and the text as written."""

    start: int
    end: int
    kind: Kind
    original: str

    @property
    def masked(self) -> str:
        return mask(self.original, self.kind)


def resolve(text: str, candidates: list[Candidate]) -> list[Span]:
    """Non-overlapping spans in text order: higher priority first, then the longer, then the earlier."""
    starts: list[int] = []
    chosen: list[Candidate] = []
    for cand in sorted(_outermost(_unblocked(candidates)), key=lambda c: (-c.priority, c.start - c.end, c.start)):
        if cand.end <= cand.start:
            continue
        at = bisect.bisect_right(starts, cand.start)
        if at and chosen[at - 1].end > cand.start:
            continue
        if at < len(chosen) and chosen[at].start < cand.end:
            continue
        starts.insert(at, cand.start)
        chosen.insert(at, cand)
    return [Span(c.start, c.end, c.kind, text[c.start : c.end]) for c in chosen if c.kind is not None]


def _unblocked(candidates: list[Candidate]) -> list[Candidate]:
    """Drop masks that overlap text to keep and rank below it (only the user's own marks rank above)."""
    kept = sorted((c.start, c.end) for c in candidates if c.kind is None)
    if not kept:
        return candidates
    starts = [s for s, _ in kept]
    reach = list(itertools.accumulate((e for _, e in kept), max))
    out = []
    for cand in candidates:
        if cand.kind is not None and cand.priority < KEEP:
            at = bisect.bisect_left(starts, cand.end) - 1  # the last kept span starting before cand ends
            if at >= 0 and reach[at] > cand.start:
                continue
        out.append(cand)
    return out


def _outermost(candidates: list[Candidate]) -> list[Candidate]:
    """Drop masks lying wholly inside a longer mask (a name inside an e-mail address): masking the
    longer one hides both, whatever their priorities. Text to keep is never dropped."""
    out: list[Candidate] = []
    reach, reach_start = -1, -1
    for cand in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if cand.kind is None:
            out.append(cand)
            continue
        if cand.end <= reach and (cand.start, cand.end) != (reach_start, reach):
            continue
        out.append(cand)
        if cand.end > reach:
            reach, reach_start = cand.end, cand.start
    return out


def apply(text: str, spans: list[Span], keep: frozenset[str] = frozenset()) -> str:
    """The text with each span masked, except those whose original the user chose to keep."""
    out: list[str] = []
    pos = 0
    for span in spans:
        if span.original in keep:
            continue
        out += [text[pos : span.start], span.masked]
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


# Mail providers anyone can sign up to: the domain says nothing about the person.
_PUBLIC_MAIL = frozenset(
    re.split(
        r"\s+",
        "qq.com 163.com 126.com yeah.net foxmail.com sina.com sina.cn sohu.com 139.com 189.cn aliyun.com gmail.com "
        "outlook.com hotmail.com live.com icloud.com me.com yahoo.com proton.me protonmail.com",
    )
)


@lru_cache(maxsize=8192)
def mask(original: str, kind: Kind) -> str:
    """The original with its letters, digits and characters masked, keeping what the kind allows."""
    plain = normalise(original)
    places = [i for i, ch in enumerate(original) if ch.isalnum()]
    keep: set[int] = set()
    if kind in (Kind.MOBILE, Kind.LANDLINE):
        keep = set(places[: _phone_visible(plain, kind)])
    elif kind is Kind.BANK_CARD:
        keep = set(places[-4:])
    elif kind in (Kind.ORDER, Kind.TRACKING, Kind.NUMBER):
        keep = set(places[:3] + places[-3:]) if len(places) >= 10 else set(places[:1])
    elif kind is Kind.NAME:
        keep = _name_visible(original, places)
    elif kind is Kind.PLATE:
        keep = set(places[:1])
    elif kind is Kind.EMAIL:
        keep = _email_visible(plain)
    elif kind is Kind.PROFILE and "//" in plain:
        # a link: the site stays, the part that names the person goes
        host_end = plain.find("/", plain.find("//") + 2)
        keep = set(range(host_end + 1 if host_end >= 0 else len(plain)))
    hidden = set(places) - keep
    return "".join(MASK if i in hidden else ch for i, ch in enumerate(original))


def _phone_visible(plain: str, kind: Kind) -> int:
    """How many leading digits stay: the country code and the mobile prefix or the area code."""
    digits = "".join(ch for ch in plain if ch.isdigit())
    prefix = 0
    for code in ("0086", "86"):
        if digits.startswith(code) and len(digits) - len(code) >= (11 if kind is Kind.MOBILE else 9):
            prefix = len(code)
            break
    national = digits[prefix:]
    if kind is Kind.MOBILE:
        return prefix + 3
    if national.startswith("0"):
        return prefix + (3 if national[1:2] in ("1", "2") else 4)
    return prefix + (2 if national[:1] in ("1", "2") else 3)


def _name_visible(original: str, places: list[int]) -> set[int]:
    """A Chinese name keeps its surname (张＊); a name in Latin letters keeps each initial."""
    if len(places) < 2:
        return set()
    if not original[places[0]].isascii():
        return {places[0]}
    return {i for i in places if i == 0 or not original[i - 1].isalnum()}


def _email_visible(plain: str) -> set[int]:
    at = plain.rfind("@")
    domain = plain[at + 1 :].lower()
    if domain in _PUBLIC_MAIL:
        return {0} | set(range(at, len(plain)))
    tld = domain.rfind(".")
    return {0, at} | set(range(at + 1 + tld, len(plain)))
