"""Personal data recognisable by its shape alone: e-mail, courier numbers, passports and permits,
WeChat ids (wxid_…), licence plates, links to profiles, and long letter-prefixed references.

Each pattern starts with a literal or a character class and checks what stands before it after
matching, so a 100,000-character run of letters or digits is scanned once.
"""

from __future__ import annotations

from collections.abc import Iterator

from store.export.redaction.keep import word_start
from store.export.redaction.spans import GUESS, SHAPE, Candidate, Kind
from store.export.redaction.text_forms import Forms
from store.export.redaction.words import LazyPattern as lazy

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN = lazy(r"(?>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
_TLD = lazy(r"\.[A-Za-z]{2,}$")
_PATTERNS: list[tuple[Kind, int, lazy]] = [
    # courier numbers with their company's prefix, spaced or not; UPU items (EA123456789CN)
    (
        Kind.TRACKING,
        SHAPE,
        lazy(
            r"(?:SF|YTO|YT|JT|JD[A-Z]{0,3}|DPK|LP|ZTO|STO|YD|YZ|EMS|KYE|DB|ZJS)"
            r"[ \-]?\d(?:[ \-]?\d){9,19}(?![0-9A-Za-z])"
        ),
    ),
    (Kind.TRACKING, SHAPE, lazy(r"[A-Z]{2}\d{9}[A-Z]{2}(?![A-Za-z0-9])")),
    # passports: E12345678, EA1234567, G12345678; permits: C12345678, CA1234567 (Hong Kong and
    # Macau), H1234567801 / M… (home-return), T12345678 / L12345678 (Taiwan)
    (Kind.PASSPORT, SHAPE, lazy(r"(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7})(?![A-Za-z0-9])")),
    (Kind.PERMIT, SHAPE, lazy(r"(?:C[A-HJ-NP-Z0-9]\d{7}|[HM]\d{8}(?:\d{2})?|[TL]\d{8})(?![A-Za-z0-9])")),
    (Kind.WECHAT, SHAPE, lazy(r"wxid_[A-Za-z0-9_\-]{4,30}")),
    # licence plates, new-energy ones (six characters after the letter) included
    (
        Kind.PLATE,
        SHAPE,
        lazy(
            r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Za-hj-np-z][ ·•\-]?"
            r"(?=(?:[A-HJ-NP-Z]{0,5}\d){2})[A-HJ-NP-Z0-9]{5,6}[挂学警港澳领试超]?(?![A-Za-z0-9])"
        ),
    ),
]
# A long number right behind a few letters: an order, after-sales or ticket reference (P7788…).
_LETTERED = lazy(r"\d(?:(?<=[A-Za-z]\d)|(?<=[A-Za-z]-\d))\d{9,}(?![A-Za-z0-9])")
_LETTERS_BEFORE = lazy(r"[A-Za-z]{1,4}-?$")
# Sites where a link names a person: their profile, their posts, their share links.
_PERSONAL_SITE = lazy(
    r"xiaohongshu\.com/|xhslink\.com/|weibo\.com/|weibo\.cn/|douyin\.com/|iesdouyin\.com/|kuaishou\.com/|"
    r"bilibili\.com/|b23\.tv/|zhihu\.com/people/|douban\.com/people/|m\.tb\.cn/|u\.jd\.com/|goofish\.com/|"
    r"toutiao\.com/|ixigua\.com/|tieba\.baidu\.com/home|t\.cn/|url\.cn/"
)
_URL_HEAD = lazy(r"(?:https?://)?(?:[a-z0-9\-]+\.){0,3}$")
_URL_PATH = lazy(r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%]*")


def shape_candidates(f: Forms) -> Iterator[Candidate]:
    t = f.t
    if "@" in t:
        yield from _emails(t)
    if "/" in t and f.has_alpha:
        for m in _PERSONAL_SITE.finditer(f.low):
            head = _URL_HEAD.search(f.low, max(0, m.start() - 40), m.start())
            start = head.start() if head else m.start()
            end = _URL_PATH.match(t, m.end())
            yield Candidate(start, end.end() if end else m.end(), SHAPE, Kind.PROFILE)
    if not f.has_digit:
        return
    for kind, priority, pattern in _PATTERNS:
        if kind is not Kind.PLATE and not f.has_alpha:
            continue  # every other shape here has letters in it
        for m in pattern.finditer(t):
            if word_start(t, m.start()):
                yield Candidate(m.start(), m.end(), priority, kind)
    for m in _LETTERED.finditer(t) if f.has_alpha else ():
        head = _LETTERS_BEFORE.search(t, max(0, m.start() - 6), m.start())
        if head is not None and word_start(t, head.start()):
            yield Candidate(head.start(), m.end(), GUESS, Kind.ORDER)


def _emails(t: str) -> Iterator[Candidate]:
    """Each @ with a local part before it (at most 64 characters, as mail allows) and a domain after."""
    at = t.find("@")
    while at >= 0:
        start = at
        while start > 0 and at - start < 64 and t[start - 1] in _LOCAL_CHARS:
            start -= 1
        domain = _DOMAIN.match(t, at + 1)
        if start < at and domain is not None and _TLD.search(domain[0]):
            yield Candidate(start, domain.end(), SHAPE, Kind.EMAIL)
        at = t.find("@", at + 1)
