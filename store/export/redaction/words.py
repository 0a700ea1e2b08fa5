"""Word lists as regular expressions that start with a literal, so the engine jumps between the
few places where one of the words can begin instead of trying every position."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any


def other_words(words: Iterable[str]) -> str:
    """The words with a character outside ASCII (汉字 labels), exactly as written, longest first."""
    chosen = {w for w in words if not w.isascii()}
    return _longest_first(chosen)


def latin_words(words: Iterable[str]) -> str:
    """The all-ASCII words, lower-cased, longest first: match them on lower-cased text and check
    the word boundaries after matching (``vx`` must not be found inside ``vxlan``)."""
    chosen = {w.lower() for w in words if w.isascii()}
    return _longest_first(chosen)


def _longest_first(words: set[str]) -> str:
    if not words:
        return r"(?!)"
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def latin_word_at(low: str, start: int, end: int) -> bool:
    """A Latin word stands alone here: no ASCII letter right before or after it."""
    before, after = low[start - 1 : start], low[end : end + 1]
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


class LazyPattern:
    """A regular expression compiled when first used. Every CLI verb imports the exports, and so
    this package; compiling its eighty patterns up front would cost every start-up ~50 ms.

    The first use puts the compiled pattern's own methods on the instance, so later calls go
    straight to them.
    """

    finditer: Callable[..., Iterator[re.Match[str]]]
    match: Callable[..., re.Match[str] | None]
    search: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    sub: Callable[..., str]
    findall: Callable[..., list[str]]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags = pattern, flags

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(self._pattern, self._flags)
        for method in ("finditer", "match", "search", "fullmatch", "sub", "findall"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
