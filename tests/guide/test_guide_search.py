"""Find across the guide: every occurrence, in every chapter, in the text as the reader sees it."""

from __future__ import annotations

import pytest

from store.rules.guide_search import GuideHit, find_in_guide, shown_line
from store.rules.guide_structure import chapter_source, chapters


def raw_occurrences(lang: str, word: str) -> list[tuple[str, int]]:
    """(chapter, line) of every occurrence of ``word`` in the Markdown sources, counted plainly."""
    return [
        (chapter, number)
        for chapter in chapters(lang)
        for number, line in enumerate(chapter_source(lang, chapter).splitlines())
        for _ in range(line.count(word))
    ]


def test_three_times_is_found_everywhere_it_is_twice_in_the_laws_chapter() -> None:
    hits = find_in_guide("zh-CN", "三倍")
    assert [(h.chapter, h.line) for h in hits] == raw_occurrences("zh-CN", "三倍")
    assert len({h.chapter for h in hits}) >= 3
    assert sum(h.chapter == "04-laws.md" for h in hits) == 2


def test_text_split_by_emphasis_is_found_as_read() -> None:
    [hit] = find_in_guide("zh-CN", "价款三倍")  # the source has 价款**三倍**
    assert hit.chapter == "04-laws.md" and "**" not in hit.text
    assert "价款三倍" not in chapter_source("zh-CN", "04-laws.md")


def test_two_occurrences_on_one_line_are_two_hits() -> None:
    line = "截图 and 截图"
    assert shown_line(f"- **{line}**") == line
    counts = [len(find_in_guide(lang, word)) for lang, word in (("en", "the"), ("en", "THE"))]
    assert counts[0] == counts[1]  # case does not matter
    total = sum(chapter_source("en", c).casefold().count("screenshot") for c in chapters("en"))
    assert len(find_in_guide("en", "screenshot")) == total


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("## 4. 法律依据", "4. 法律依据"),
        ("- see [the ladder](05-platform.md#top) first", "see the ladder first"),
        ("1. `weiquan due` exits 1", "weiquan due exits 1"),
        ("> *quoted* text", "quoted text"),
        ("a_b_c and 3 * 4", "a_b_c and 3 * 4"),
    ],
)
def test_shown_line(markdown: str, shown: str) -> None:
    assert shown_line(markdown) == shown


def test_snippet_cuts_long_lines_around_the_match() -> None:
    hit = GuideHit("x.md", 0, "a" * 100 + "NEEDLE" + "b" * 100, 100, 6)
    before, match, after = hit.snippet()
    assert match == "NEEDLE" and before.startswith("…") and after.endswith("…") and len(before) < 40


def test_empty_query_finds_nothing() -> None:
    assert find_in_guide("en", "   ") == []
