"""The two message catalogs say the same things: every key in both (plural forms counted as one
key), the same placeholders on both sides, Chinese in the Chinese catalog, and no Chinese in the
English one beyond the proper names and examples a user types or meets in Chinese."""

from __future__ import annotations

import re
import string

import pytest

from store.rules.messages import PLURAL_ONE, PLURAL_OTHER, catalog
from tests.helpers.languages import ENGLISH_KEEPS

CJK = re.compile(r"[\u3400-\u9fff]")
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")  # words or full-width punctuation
CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
PRINTF = re.compile(r"%(?:\(\w+\))?[sdr]")
PLURAL = re.compile(rf"\.(?:{PLURAL_ONE}|{PLURAL_OTHER})$")

# Chinese catalog entries that are not words: numbers, marks, layouts of other messages.
CHINESE_WITHOUT_WORDS = {
    "channel.12315",
    "channel_short.12315",
    "promise.none",
    "key.language",  # "English": the other language's own name
    "statusline.summary",
    "form12315.missing_mark",
    "deadlines_table.amount",
    "list.number",
    "store.damaged",  # three sentences, each its own message
}

EN, ZH = catalog("en"), catalog("zh-CN")


def message_keys(table: dict[str, str]) -> set[str]:
    return {PLURAL.sub("", key) for key in table}


def forms(table: dict[str, str], key: str) -> list[str]:
    return [table[k] for k in (key, f"{key}.{PLURAL_ONE}", f"{key}.{PLURAL_OTHER}") if k in table]


def placeholders(text: str) -> set[str]:
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return names | set(PRINTF.findall(text))


def test_every_key_is_in_both_catalogs() -> None:
    assert sorted(message_keys(EN) - message_keys(ZH)) == []
    assert sorted(message_keys(ZH) - message_keys(EN)) == []


@pytest.mark.parametrize("key", sorted(message_keys(EN)))
def test_both_languages_fill_in_the_same_values(key: str) -> None:
    english = set().union(*(placeholders(t) for t in forms(EN, key)))
    chinese = set().union(*(placeholders(t) for t in forms(ZH, key)))
    # a plural's singular may say "one" instead of showing the count
    assert chinese <= english and english - chinese <= {"count"}, key


def test_the_chinese_catalog_is_chinese() -> None:
    untranslated = [k for k in message_keys(ZH) if k not in CHINESE_WITHOUT_WORDS]
    assert [k for k in untranslated if not any(CHINESE.search(t) for t in forms(ZH, k))] == []


def test_the_english_catalog_holds_no_stray_chinese() -> None:
    stray = {
        key: run
        for key in message_keys(EN)
        for text in forms(EN, key)
        for run in CJK_RUN.findall(text)
        if run not in ENGLISH_KEEPS
    }
    assert stray == {}


def test_plural_messages_have_both_english_forms() -> None:
    plural = {PLURAL.sub("", k) for k in EN if PLURAL.search(k)}
    assert plural, "no plural messages at all"
    for key in plural:
        assert f"{key}.{PLURAL_ONE}" in EN and f"{key}.{PLURAL_OTHER}" in EN, key
