"""Wording check (to be rewritten)."""

from __future__ import annotations

from dataclasses import dataclass

from store.rules.content_files import read_toml


@dataclass(frozen=True)
class WordingWarning:
    word: str
    suggestion: str
    why: str


def wording_warnings(text: str, lang: str) -> list[WordingWarning]:
    """Words that invite takedowns or defamation claims, with factual wording to use instead."""
    key = "zh" if lang.startswith("zh") else "en"
    found = []
    lowered = text.casefold()
    for entry in read_toml("rules/wording.toml")["word"]:
        if entry["word"].casefold() in lowered:
            found.append(WordingWarning(entry["word"], entry[f"instead_{key}"], entry[f"why_{key}"]))
    return found
