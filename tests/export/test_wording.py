"""The wording check: risky phrases flagged with a reason and a plainer alternative, harmless ones
(垃圾袋, 曝光补偿, anti-fraud hotline, familiar) left alone, quotes of official titles and file names
not taken as accusations."""

from __future__ import annotations

import random

import pytest

from store.export.wording import CoveringSpans, wording_warnings
from store.rules.messages import Messages
from tests.export.corpus import read_wording_corpus

RISKY = read_wording_corpus("risky.txt")
HARMLESS = read_wording_corpus("harmless.txt")


def _flags(sentence_phrases: tuple[str, ...], text: str) -> bool:
    words = [w.word.casefold() for w in wording_warnings(text, "en")]
    return any(p.casefold() in w or w in p.casefold() for p in sentence_phrases for w in words)


def test_at_least_95_percent_of_risky_phrases_are_flagged() -> None:
    assert len(RISKY) >= 60
    missed = [f"{s.where} {s.text}" for s in RISKY if not _flags(s.phrases, s.text)]
    assert len(missed) <= 0.05 * len(RISKY), "\n".join(missed)


def test_at_most_5_percent_of_harmless_sentences_are_flagged() -> None:
    assert len(HARMLESS) >= 100
    flagged = []
    for s in HARMLESS:
        words = [w.word for w in wording_warnings(s.text, "zh-CN")]
        if words:
            flagged.append(f"{s.where} {s.text} {words}")
    assert len(flagged) <= 0.05 * len(HARMLESS), "\n".join(flagged)


@pytest.mark.parametrize(
    "text",
    [
        "快递员把包裹放在垃圾桶旁边，我们小区搞垃圾分类。",
        "相机的曝光补偿拨盘坏了。",
        "I called the bank's anti-fraud hotline.",
        "The number looked familiar.",
        "依据《中华人民共和国反电信网络诈骗法》第一条。",
        "附件：骗子回复截图.jpg",
        'The regulator\'s notice is titled "Measures against fraudulent advertising".',
        "把衣服挂出来晾干。",
        "开盒验货时发现裂痕。",
    ],
)
def test_harmless_uses_are_not_flagged(text: str) -> None:
    assert wording_warnings(text, "en") == []


@pytest.mark.parametrize(
    ("text", "word", "reason"),
    [
        ("这家店就是骗子", "骗子", "accusation"),
        ("黑心商家卖翻新机", "黑心商家", "accusation"),
        ("What a liar.", "liar", "accusation"),
        ("垃圾客服", "垃圾", "insult"),
        ("求大家人肉这个客服", "人肉", "exposure"),
        ("把这个客服挂出来", "挂出来", "exposure"),
        ("不退款就曝光你们", "曝光", "threat"),
        ("You'll regret this.", "You'll regret", "threat"),
    ],
)
def test_each_warning_has_its_reason_an_alternative_and_the_words_around_it(text: str, word: str, reason: str) -> None:
    [warning] = wording_warnings(text, "zh-CN")
    assert (warning.word, warning.reason) == (word, reason)
    assert warning.suggestion and warning.why and word in warning.context
    assert warning.suggestion == Messages("zh-CN")(f"wording.instead.{_instead(word)}")
    line = warning.line(Messages("zh-CN"))
    assert Messages("zh-CN")(f"wording.reason.{reason}") in line and word in line


def _instead(word: str) -> str:
    from store.export.wording import _rules

    by_word, _, _ = _rules()
    return by_word[word.lower()].instead


def test_messages_exist_in_both_languages() -> None:
    en, zh = Messages("en"), Messages("zh-CN")
    for reason in ("accusation", "insult", "exposure", "threat"):
        for key in (f"wording.reason.{reason}", f"wording.why.{reason}"):
            assert en(key) != key and zh(key) != key and en(key) != zh(key)
    for warning in wording_warnings("骗子 垃圾 人肉 等着瞧 scam idiot dox watch your back", "en"):
        assert warning.suggestion != Messages("zh-CN")(f"wording.instead.{_instead(warning.word)}")


def test_a_warning_quotes_the_phrase_even_after_letters_that_lower_case_to_two() -> None:
    """'İ'.lower() is two characters: hits after it used to point beside the phrase."""
    text = "İİİİİ 骗子 liar"
    assert [w.word for w in wording_warnings(text, "en")] == ["骗子", "liar"]


def test_a_file_name_with_a_risky_word_is_not_an_accusation_however_long_the_line() -> None:
    line = "a" * 5_000 + " 附件 骗子截图.jpg 已上传"
    assert wording_warnings(line, "zh-CN") == []


def test_excused_spans_answer_as_a_scan_of_every_span_would() -> None:
    """The spans where phrases are excused (titles, file names, quoted regulations) are searched,
    not scanned for each phrase; the answer is the scan's."""
    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 200) for _ in range(rng.randint(0, 12)))]
        searched = CoveringSpans(spans[: len(spans) // 2])
        searched.add(spans[len(spans) // 2 :])
        for _ in range(30):
            start = rng.randint(0, 230)
            end = start + rng.randint(0, 20)
            assert searched.cover(start, end) == any(s <= start and end <= e for s, e in spans)


def test_many_phrases_among_many_file_names_are_each_judged() -> None:
    text = "垃圾 IMG_垃圾.jpg " * 500 + "说他们是骗子"
    warned = {w.word for w in wording_warnings(text, "zh-CN")}
    assert warned == {"垃圾", "骗子"}
    assert not wording_warnings("IMG_垃圾.jpg " * 500, "zh-CN")
