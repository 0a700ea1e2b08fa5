"""The guide's content: every pointer into it resolves, both languages match, facts are honest."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.records.models import Channel, EvidenceKind
from store.rules.evidence_needs import evidence_guide_section
from store.rules.guide_structure import (
    chapter_source,
    chapters,
    find_heading,
    headings,
    internal_links,
    resolve_link,
    section,
    section_keys,
)
from store.rules.rulebook import ladder, rules

LANGS = ("zh-CN", "en")
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "complaint-guide-source.zh.txt"


@pytest.mark.parametrize("lang", LANGS)
def test_every_ladder_channel_points_at_a_heading(lang: str) -> None:
    assert {step.channel for step in ladder()} == set(Channel)
    for step in ladder():
        target = section(step.guide, lang)
        assert find_heading(lang, target.chapter, target.anchor), f"{step.channel}: {step.guide} missing in {lang}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_evidence_kind_points_at_a_heading(lang: str) -> None:
    for kind in EvidenceKind:
        target = section(evidence_guide_section(kind), lang)
        assert find_heading(lang, target.chapter, target.anchor), f"{kind} missing in {lang}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_named_section_exists(lang: str) -> None:
    for key in section_keys():
        target = section(key, lang)
        assert find_heading(lang, target.chapter, target.anchor), f"section {key} missing in {lang}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_internal_link_resolves(lang: str) -> None:
    for chapter in chapters(lang):
        for href in internal_links(lang, chapter):
            assert resolve_link(lang, chapter, href) is not None, f"{lang}/{chapter}: broken link {href}"


def test_both_languages_have_the_same_chapters_and_heading_structure() -> None:
    assert chapters("zh-CN") == chapters("en") and len(chapters("en")) >= 10
    for chapter in chapters("en"):
        zh = [h.level for h in headings("zh-CN", chapter)]
        en = [h.level for h in headings("en", chapter)]
        assert zh == en, chapter
        assert len(internal_links("zh-CN", chapter)) == len(internal_links("en", chapter)), chapter


@pytest.mark.parametrize("lang", LANGS)
def test_chapters_are_short_enough_to_open_fast(lang: str) -> None:
    for chapter in chapters(lang):
        assert chapter_source(lang, chapter).count("\n") < 120, chapter


@pytest.mark.parametrize("lang", LANGS)
def test_deadlines_chapter_lists_every_rule_with_citation_as_of_and_verification(lang: str) -> None:
    text = chapter_source(lang, "09-deadlines.md")
    assert "{{" not in text
    for rule in rules():
        row = next(line for line in text.splitlines() if line.startswith(f"| {rule.name(lang)} |"))
        assert rule.citation(lang) in row and rule.as_of.isoformat() in row
        marker = "未核实" if lang == "zh-CN" else "unverified"
        assert (marker in row) == (not rule.verified)


@pytest.mark.parametrize("lang", LANGS)
def test_unverified_facts_are_presented_as_things_to_check(lang: str) -> None:
    text = chapter_source(lang, "01-who.md")
    for number in ("400-800-0800", "400-680-9969"):
        assert number in text
    marker = "未核实" if lang == "zh-CN" else "unverified"
    assert text.count(marker) >= 2
    assert "国家企业信用信息公示系统" in text


@pytest.mark.skipif(not SEED.exists(), reason=f"the source article is not beside this checkout ({SEED})")
def test_guide_is_written_in_our_own_words() -> None:
    """No run of 16 characters from the source article appears in the Chinese guide."""
    source = SEED.read_text(encoding="utf-8")
    body = source.split("2025-10-16")[0]
    guide = "".join(chapter_source("zh-CN", c) for c in chapters("zh-CN"))
    runs = {body[i : i + 16] for i in range(len(body) - 16) if "\n" not in body[i : i + 16]}
    copied = [run for run in runs if run in guide]
    assert not copied, copied[:5]
