"""Numbers by their shape: mobiles, landlines, ID numbers, bank cards and other long numbers.

Digits may be grouped by single spaces, dashes or dots anywhere (``138 1234 5678``, ``1381234 5678``,
``6228-2129-…``, ``440305 19920229 7811``) but are never glued to letters (``P7788…`` is an order
number's business, ``91110108551385082Q`` a credit code's). Checksums come from python-stdnum (ID
numbers: stdnum.cn.ric; cards: stdnum.luhn), imported when a number first needs one. A number that
fails its checksum but has the shape (an ID number with a birth date in it) is still masked as that
kind, since people mistype; any other run of 15 or more digits is masked as a long number.

Each pattern starts with a digit or a literal and checks the character before it with a look-behind
placed after that first character, so the regular-expression engine skips ahead to candidate
characters and never re-scans a run: the cost is linear in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from store.export.redaction.spans import GUESS, SHAPE, Candidate, Kind
from store.export.redaction.text_forms import Forms
from store.export.redaction.words import LazyPattern as lazy

_D = r"(?:[ .\-]?\d)"  # a digit, maybe after one separator
_END = r"(?![0-9A-Za-z])"
_MOBILE = lazy(rf"1(?<![0-9A-Za-z]1)[3-9]\d{_D}{{8}}{_END}")
# The first three digits in brackets, as if they were an area code: (138) 0013-8000
_MOBILE_BRACKETED = lazy(rf"[(（](?:(?<![0-9A-Za-z][(（])|(?<=86[(（]))1[3-9]\d[)）][ \-]?\d{{4}}[ .\-]?\d{{4}}{_END}")
_MOBILE_GLUED = lazy(rf"(?:0086(?<![0-9A-Za-z]0086)|86(?<![0-9A-Za-z]86))1[3-9]\d{_D}{{8}}{_END}")
_ID18 = lazy(rf"[1-8](?<![0-9A-Za-z][1-8]){_D}{{16}}[ \-]?[\dXx]{_END}")
_ID15 = lazy(rf"[1-8](?<![0-9A-Za-z][1-8]){_D}{{14}}{_END}")
_CARD = lazy(rf"[3-6](?<![0-9A-Za-z][3-6]){_D}{{15,18}}{_END}")
_LONG = lazy(rf"\d(?<![0-9A-Za-z]\d)(?<!\d[ .\-]\d)(?>{_D}{{14,}}){_END}")
# A country code written before the number: +86, 0086, (+86), 86-
_COUNTRY_BEFORE = lazy(r"(?:\(\s?(?:\+|00)?86\s?\)|(?:\+|00)86|(?<![0-9A-Za-z])86|\+)[ \-]?$")
_AREA = r"(?:10|2\d|[3-9]\d\d)"
_LOCAL = r"[ \-]?[1-9]\d{2,3}[ \-]?\d{4}(?:\s?(?:转|分机|ext\.?|x|-)\s?\d{1,5})?(?!\d)(?![ .\-]\d)"
_LANDLINES = [
    lazy(rf"(?:\+86|0086|\(\+86\)|\(86\)|\(0086\)|86(?=[ \-]))[ \-]?\(?0?{_AREA}\)?{_LOCAL}", re.IGNORECASE),
    lazy(rf"(?:\(\s?0{_AREA}\s?\)|0{_AREA}){_LOCAL}", re.IGNORECASE),
]


def number_candidates(f: Forms) -> Iterator[Candidate]:
    """Candidates from the digit shapes of the text."""
    t = f.t
    if not f.has_digit:
        return
    for pattern in (_MOBILE, _MOBILE_GLUED, _MOBILE_BRACKETED):  # 13812345678; 8613812345678; (138) 1234 5678
        for m in pattern.finditer(t):
            yield Candidate(_with_country_code(t, m.start()), m.end(), SHAPE, Kind.MOBILE)
    for m in _ID18.finditer(t):
        if id18_plausible(_digits(m[0])):
            yield Candidate(m.start(), m.end(), SHAPE, Kind.ID_CARD)
    for m in _ID15.finditer(t):
        if id15_plausible(_digits(m[0])):
            yield Candidate(m.start(), m.end(), SHAPE, Kind.ID_CARD)
    for m in _CARD.finditer(t):
        if luhn_valid(_digits(m[0])):
            yield Candidate(m.start(), m.end(), SHAPE, Kind.BANK_CARD)
    for m in _LONG.finditer(t):
        yield Candidate(m.start(), m.end(), GUESS, Kind.NUMBER)
    for pattern in _LANDLINES:
        for m in pattern.finditer(t):
            if _alone_before(t, m.start()):
                yield Candidate(m.start(), m.end(), SHAPE, Kind.LANDLINE)


def _with_country_code(t: str, start: int) -> int:
    before = _COUNTRY_BEFORE.search(t, max(0, start - 8), start)
    return before.start() if before else start


def _alone_before(t: str, start: int) -> bool:
    """Not the tail of something longer: no letter, digit or + right before, nor a digit and a separator."""
    prev = t[start - 1 : start]
    if prev and ((prev.isascii() and prev.isalnum()) or prev == "+"):
        return False
    return not (prev and prev in " .-" and start >= 2 and t[start - 2].isdigit())


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit() or ch in "Xx")


def classify(digits: str) -> Kind | None:
    """The kind of a labelled number with these digits (an X may end an ID number), or None."""
    n = len(digits)
    if n == 18 and id18_plausible(digits):
        return Kind.ID_CARD
    if n == 15 and id15_plausible(digits):
        return Kind.ID_CARD
    if 16 <= n <= 19 and luhn_valid(digits):
        return Kind.BANK_CARD
    if is_mobile(digits):
        return Kind.MOBILE
    return Kind.NUMBER if n >= 15 else None


def is_mobile(digits: str) -> bool:
    return len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789"


def id18_plausible(value: str) -> bool:
    """18 characters with an area and a birth date: checksum-valid, or one mistyped digit away."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    from stdnum.cn import ric  # imported on first use: python-stdnum pulls in pydoc and ssl (~100 ms)

    if ric.is_valid(value):
        return True
    return value[0] in "12345678" and value[17] in "0123456789Xx" and _date(value[6:10], value[10:12], value[12:14])


def luhn_valid(digits: str) -> bool:
    from stdnum import luhn

    return bool(luhn.is_valid(digits))


def id15_plausible(value: str) -> bool:
    """The old 15-digit ID numbers: area, then the birth date as YYMMDD."""
    return len(value) == 15 and value[0] in "12345678" and _date("19" + value[6:8], value[8:10], value[10:12])


def _date(year: str, month: str, day: str) -> bool:
    try:
        born = dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date(2030, 12, 31)


def landline_digits(digits: str) -> bool:
    """A labelled local or long-distance number that is not a public service line."""
    return 7 <= len(digits) <= 16 and not digits.startswith(("400", "800", "95", "96", "12", "10"))
