"""People's names: those listed on the case in every way they get written, and names read after a
label such as 收件人 or "courier".

A listed Chinese name is found with any spacing (张 伟), as surname + title (张先生, Mr Zhang) and in
pinyin in either order and any case or spacing (Zhang Wei, zhangwei, WEI ZHANG). Pinyin comes from
pypinyin, with every reading of each character (单 is Shan as a surname), imported only when a
case lists a Chinese name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import cache

from store.export.redaction.lexicon import (
    COMPOUND_SURNAMES,
    NOT_IN_NAME,
    NOT_NAMES,
    PINYIN_SURNAMES,
    SURNAMES,
    TITLES,
    WORDS_AFTER_NAME,
)
from store.export.redaction.text_forms import normalise
from store.export.redaction.words import LazyPattern as lazy
from store.export.redaction.words import latin_word_at

_HAN = lazy(r"[\u3400-\u9fff]+")
_SEP = r"[\s\-_·.]?"
_EN_TITLE_BEFORE = lazy(r"(?<![a-z])(?:mr|mrs|ms|miss|dr)\.?\s?$")


class ListedNames:
    """Every form of the names listed on a case; find() gives the spans to mask.

    Chinese forms are matched as written; pinyin and other Latin forms on the lower-cased text,
    each alternative starting with a literal so the engine skips ahead (no look-behind first), and
    word boundaries checked after matching. A surname alone counts only after a title (Mr Zhang,
    张先生).
    """

    def __init__(self, names: Iterable[str]) -> None:
        han: set[str] = set()
        latin: set[str] = set()
        surnames: set[str] = set()
        for raw in names:
            name = normalise(raw).strip()
            for title in TITLES:
                name = name.removesuffix(title)
            if _HAN.fullmatch(name.replace(" ", "")):
                name = name.replace(" ", "")
                family, given = _split_han(name)
                han.add(r"\s?".join(re.escape(ch) for ch in name))
                han.add(rf"{re.escape(family)}(?=\s?(?:{'|'.join(TITLES)}))")
                spellings = _pinyin_spellings(family, given)
            elif name:
                words = [w.lower() for w in re.split(r"[\s\-_·.]+", name) if w]
                spellings = [(words[0], words[1:]), (words[-1], words[:-1])]
            else:
                continue
            for family_py, given_py in spellings:
                surnames.add(re.escape(family_py))
                if not given_py:
                    latin.add(re.escape(family_py))
                else:
                    joined = _SEP.join(map(re.escape, given_py))
                    latin.add(f"{re.escape(family_py)}{_SEP}{joined}")
                    latin.add(f"{joined}{_SEP}{re.escape(family_py)}")
        self._han = re.compile("|".join(sorted(han, key=len, reverse=True))) if han else None
        self._latin = _compile_longest_first(latin)
        self._surnames = _compile_longest_first(surnames)

    def find(self, t: str, low: str) -> Iterator[tuple[int, int]]:
        if self._han is not None:
            for m in self._han.finditer(t):
                yield m.start(), m.end()
        if self._latin is not None:
            for m in self._latin.finditer(low):
                if latin_word_at(low, m.start(), m.end()):
                    yield m.start(), m.end()
        if self._surnames is not None:
            for m in self._surnames.finditer(low):
                titled = _EN_TITLE_BEFORE.search(low, max(0, m.start() - 6), m.start())
                if titled is not None and latin_word_at(low, m.start(), m.end()):
                    yield m.start(), m.end()


def _compile_longest_first(forms: set[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(sorted(forms, key=len, reverse=True))) if forms else None


def _split_han(name: str) -> tuple[str, str]:
    cut = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    return name[:cut], name[cut:]


def _pinyin_spellings(family: str, given: str) -> list[tuple[str, list[str]]]:
    """(surname, given-name syllables) in pinyin, one for each reading of the characters."""
    families = ["".join(combo) for combo in itertools.product(*(_readings(ch) for ch in family))]
    givens = [list(combo) for combo in itertools.product(*(_readings(ch) for ch in given))][:16]
    return [(f, g) for f in families for g in givens]


@cache
def _readings(ch: str) -> tuple[str, ...]:
    """Every pinyin reading of a character, without tones (ü written as v, u or yu)."""
    from pypinyin import Style, pinyin

    found = {r for group in pinyin(ch, style=Style.NORMAL, heteronym=True) for r in group}
    variants = set()
    for reading in found:
        if "v" in reading or "ü" in reading:
            variants |= {reading.replace("ü", "v"), reading.replace("v", "u").replace("ü", "u")}
            variants.add(reading.replace("v", "yu").replace("ü", "yu"))
        else:
            variants.add(reading)
    return tuple(sorted(v for v in variants if v.isascii() and v.isalpha())) or (ch,)


def chinese_name_at(t: str, pos: int) -> int | None:
    """The end of a name starting at pos (刘强, 孙丽华, 欧阳娜娜, 小张, or 王 of 王师傅), or None."""
    if t.startswith(("小", "老"), pos) and t[pos + 1 : pos + 2] in SURNAMES:
        return pos + 2
    if t[pos : pos + 2] in COMPOUND_SURNAMES:
        surname_end = pos + 2
    elif t[pos : pos + 1] in SURNAMES:
        surname_end = pos + 1
    else:
        return None
    if t.startswith(TITLES, surname_end):
        return surname_end
    if t[pos : pos + 2] in NOT_NAMES:
        return None
    end = surname_end
    for _ in range(2):
        ch = t[end : end + 1]
        if not _HAN.fullmatch(ch or "a") or ch in NOT_IN_NAME or t[end : end + 2] in WORDS_AFTER_NAME:
            break
        if t.startswith(TITLES, end):
            break
        end += 1
    return end if end > surname_end else None


_EN_NAME = lazy(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s?)?(?P<name>(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ \-](?:[A-Z][a-z]+|[A-Z]{2,})){0,2})"
)


def latin_name_at(t: str, pos: int) -> tuple[int, int] | None:
    """A name in pinyin after an English label (Liu Qiang, Mr. Wang): its span, or None."""
    m = _EN_NAME.match(t, pos)
    if m is None:
        return None
    words = re.split(r"[ \-]", m["name"])
    if not any(_is_pinyin_surname(w) for w in (words[0], words[-1])):
        return None
    return m.start("name"), m.end("name")


def _is_pinyin_surname(word: str) -> bool:
    return word.lower() in PINYIN_SURNAMES
