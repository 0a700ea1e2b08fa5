"""Redaction for public posts: personal data masked, and a check of wording that invites trouble."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from store.records.models import Case
from store.rules.content_schema import Schema, load_content

MASK = "＊"

_NUMBERS = [
    # ID-card numbers (18 characters, last may be X) before phones: they contain phone-like runs
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),
    # mainland mobile numbers, with optional +86 and separators
    re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)"),
    # landlines: area code + number (400/800 service numbers are public and kept)
    re.compile(r"(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)"),
]
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_DIGIT = re.compile(r"\d")
# A street address: from a road/street/lane/village/building name to the house number and beyond.
_ADDRESS = re.compile(
    r"[\u4e00-\u9fff0-9A-Za-z]{1,12}(?:路|街|道|巷|弄|胡同|村|小区|大厦|公寓|花园)[\u4e00-\u9fff0-9A-Za-z\-#]{0,20}(?:号|室|栋|幢|楼|单元)[\u4e00-\u9fff0-9A-Za-z\-#]*"
)
_EN_ADDRESS = re.compile(r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave)\b\.?", re.I)


def mask_middle(value: str, keep: int = 3) -> str:
    if len(value) <= keep * 2:
        return value[:1] + MASK * (len(value) - 1)
    return value[:keep] + MASK * (len(value) - keep * 2) + value[-keep:]


def mask_name(name: str) -> str:
    parts = name.split()
    if len(parts) > 1:  # Western names: initials
        return " ".join(p[0] + MASK * (len(p) - 1) for p in parts)
    return name[0] + MASK * (len(name) - 1)


class Redactor:
    """Masks what identifies a person; built from the case so its own numbers and names are known."""

    def __init__(self, order_numbers: set[str], names: set[str]) -> None:
        # One alternation per kind, longest first, so each text is scanned once whatever the count.
        self._orders = _alternation(o for o in order_numbers if len(o) >= 4)
        self._names = _alternation(n for n in names if n.strip())

    @classmethod
    def for_case(cls, case: Case) -> Redactor:
        orders = {case.order_no} | {r.value for r in case.references} | {c.reference_no for c in case.contacts}
        return cls(orders, set(case.private_names))

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if self._orders is not None:
            text = self._orders.sub(lambda m: mask_middle(m[0]), text)
        if self._names is not None:
            text = self._names.sub(lambda m: mask_name(m[0]), text)
        if "@" in text:
            text = _EMAIL.sub(lambda m: mask_middle(m[0]), text)
        text = _ADDRESS.sub(lambda m: m[0][:2] + MASK * (len(m[0]) - 2), text)
        if _DIGIT.search(text):  # every remaining pattern needs a digit: skip the rest for plain prose
            for pattern in _NUMBERS:
                text = pattern.sub(lambda m: mask_middle(m[0]), text)
            text = _EN_ADDRESS.sub(lambda m: MASK * len(m[0]), text)
        return text


def _alternation(values: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(values), key=len, reverse=True)
    return re.compile("|".join(re.escape(v) for v in ordered)) if ordered else None


class WordingEntry(Schema, frozen=True):
    """A word that invites takedowns or defamation claims ([[word]] in wording.toml)."""

    word: str
    instead_zh: str
    instead_en: str
    why_zh: str
    why_en: str


class WordingFile(Schema, frozen=True):
    as_of: dt.date
    word: tuple[WordingEntry, ...]


@dataclass(frozen=True)
class WordingWarning:
    word: str
    suggestion: str
    why: str


def wording_warnings(text: str, lang: str) -> list[WordingWarning]:
    """Words that invite takedowns or defamation claims, with factual wording to use instead."""
    zh = lang.startswith("zh")
    found = []
    lowered = text.casefold()
    for entry in load_content("rules/wording.toml", WordingFile).word:
        if entry.word.casefold() in lowered:
            instead, why = (entry.instead_zh, entry.why_zh) if zh else (entry.instead_en, entry.why_en)
            found.append(WordingWarning(entry.word, instead, why))
    return found
