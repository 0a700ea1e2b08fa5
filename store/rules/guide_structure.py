"""The guide's chapters, headings, anchors and links (read from content/guide/<lang>/).

Textual's Markdown slugs drop every CJK character, so anchors here use weiquan's own rule:
lower-case, punctuation removed, spaces to hyphens, letters of every script kept. Links inside the
guide are ``chapter.md#anchor``; ``resolve_link`` turns one into a (chapter, heading) pair.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import msgspec
from markdown_it import MarkdownIt

from store.rules.content_files import list_dir, read_text
from store.rules.content_schema import Schema, load_content
from store.rules.messages import Messages
from store.rules.rulebook import rules

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    slug: str


@dataclass(frozen=True)
class Target:
    chapter: str
    anchor: str  # "" for the top of the chapter


def guide_slug(text: str) -> str:
    kept = []
    for ch in text.strip().lower():
        category = unicodedata.category(ch)
        if ch in " -":
            kept.append("-")
        elif category[0] in "LN" or ch == "_":
            kept.append(ch)
    return "".join(kept)


@cache
def chapters(lang: str) -> tuple[str, ...]:
    return tuple(name for name in list_dir(f"guide/{lang}") if name.endswith(".md"))


@cache
def chapter_source(lang: str, chapter: str) -> str:
    """The chapter's Markdown, with the deadlines table filled in from rules.toml."""
    if chapter not in chapters(lang):
        raise KeyError(chapter)
    text = read_text(f"guide/{lang}/{chapter}")
    if "{{deadlines_table}}" in text:
        text = text.replace("{{deadlines_table}}", deadlines_table(lang))
    if "{{deadlines_notes}}" in text:
        text = text.replace("{{deadlines_notes}}", deadlines_notes(lang))
    return text


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")  # built once: building one costs more than a parse


@cache
def headings(lang: str, chapter: str) -> tuple[Heading, ...]:
    tokens = _parser().parse(chapter_source(lang, chapter))
    found = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            text = tokens[i + 1].content
            found.append(Heading(int(token.tag[1]), text, guide_slug(text)))
    return tuple(found)


def chapter_title(lang: str, chapter: str) -> str:
    return next((h.text for h in headings(lang, chapter) if h.level == 1), chapter)


def find_heading(lang: str, chapter: str, anchor: str) -> Heading | None:
    return next((h for h in headings(lang, chapter) if h.slug == anchor), None)


def resolve_link(lang: str, current: str, href: str) -> Target | None:
    """An internal link (``other.md#anchor``, ``#anchor``) as a target; None if external or broken."""
    if "://" in href or href.startswith("mailto:"):
        return None
    path, _, anchor = href.partition("#")
    chapter = path.split("/")[-1] if path else current
    if chapter not in chapters(lang):
        return None
    if anchor and find_heading(lang, chapter, anchor) is None:
        return None
    return Target(chapter, anchor)


def links(lang: str, chapter: str) -> list[tuple[str, str]]:
    """(text, href) of every link in the chapter, in order."""
    return [(text, href) for text, href in _LINK.findall(chapter_source(lang, chapter))]


def internal_links(lang: str, chapter: str) -> list[str]:
    return [href for _, href in links(lang, chapter) if "://" not in href]


class Place(Schema, frozen=True):
    chapter: str  # a file of content/guide/<lang>/
    heading: str  # the heading's text, as written in the chapter


class Section(Schema, frozen=True):
    """A named guide section ([key] in sections.toml): where it is in each language."""

    zh_cn: Place = msgspec.field(name="zh-CN")
    en: Place


def _sections() -> dict[str, Section]:
    return load_content("guide/sections.toml", dict[str, Section])


def section(key: str, lang: str) -> Target:
    """A named section (content/guide/sections.toml) in the given language."""
    entry = _sections()[key]
    place = entry.zh_cn if lang.startswith("zh") else entry.en
    return Target(place.chapter, guide_slug(place.heading))


def section_keys() -> list[str]:
    return list(_sections())


def deadlines_table(lang: str) -> str:
    """Every rule of rules.toml as a Markdown table, with its citation and verification state."""
    msgs = Messages(lang)
    columns = ("deadline", "length", "source", "verified", "as_of")
    lines = ["| " + " | ".join(msgs(f"deadlines_table.{c}") for c in columns) + " |", "|---" * len(columns) + "|"]
    for rule in rules():
        unit = msgs(f"deadlines_table.{rule.unit}", count=rule.length)
        length = msgs("deadlines_table.amount", length=rule.length, unit=unit)
        verified = msgs("deadlines_table.checked" if rule.verified else "deadlines_table.unchecked")
        cells = [rule.name(lang), length, rule.citation(lang), verified, rule.as_of.isoformat()]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def deadlines_notes(lang: str) -> str:
    """What each rule of rules.toml means, one list item each (its note), in the table's order."""
    colon = "：" if lang.startswith("zh") else ": "
    return "\n".join(f"- **{rule.name(lang)}**{colon}{rule.note(lang)}" for rule in rules())
