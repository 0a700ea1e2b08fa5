"""Find text anywhere in the guide: every occurrence, with its chapter and line.

The search reads each line as it is shown (emphasis, code marks and link targets left out), so
"价款的三倍" finds "价款的**三倍**", and it counts every occurrence, two on one line included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.rules.guide_structure import chapter_source, chapters

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_LINE_START = re.compile(r"^\s*(?:#{1,6}\s+|(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?)")

CONTEXT = 24  # characters of the line shown on each side of a match in the list of hits


@dataclass(frozen=True)
class GuideHit:
    chapter: str
    line: int  # 0-based line of the chapter's Markdown source
    text: str  # the line as shown
    start: int  # where the match starts in ``text``
    length: int

    def snippet(self) -> tuple[str, str, str]:
        """The text before the match (cut to CONTEXT), the match, the text after it (cut)."""
        before = self.text[max(0, self.start - CONTEXT) : self.start]
        after = self.text[self.start + self.length : self.start + self.length + CONTEXT]
        if self.start > CONTEXT:
            before = "…" + before
        if self.start + self.length + CONTEXT < len(self.text):
            after += "…"
        return before, self.text[self.start : self.start + self.length], after


def shown_line(markdown: str) -> str:
    """A Markdown line as a reader sees it: no list or heading marks, emphasis, code or link targets."""
    line = _LINE_START.sub("", markdown)
    line = _LINK.sub(r"\1", line)
    return _MARKS.sub("", line).strip()


def find_in_guide(lang: str, query: str) -> list[GuideHit]:
    """Every occurrence of ``query`` (case ignored), chapter by chapter, in the guide's order."""
    needle = query.strip().casefold()
    if not needle:
        return []
    hits = []
    for chapter in chapters(lang):
        for number, raw in enumerate(chapter_source(lang, chapter).splitlines()):
            text = shown_line(raw)
            folded = text.casefold()
            if len(folded) != len(text):  # casefold changed the length (ß → ss): match on the text as is
                folded = text.lower()
            start = folded.find(needle)
            while start >= 0:
                hits.append(GuideHit(chapter, number, text, start, len(needle)))
                start = folded.find(needle, start + len(needle))
    return hits
