"""The guide says what the law says, the same in both languages, and nothing of the old mistakes."""

from __future__ import annotations

import re

import pytest

from store.rules.content_files import list_dir, read_text
from store.rules.guide_structure import chapter_source, chapters, headings
from store.rules.rulebook import rules

LANGS = ("zh-CN", "en")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
MONTHS += ["November", "December"]


def _numbers(text: str, lang: str) -> set[int]:
    """The figures a text states: article numbers, periods, amounts, dates (months as numbers)."""
    if lang == "zh-CN":
        text = re.sub(r"七(日|天)", r"7\1", text)
    else:
        text = re.sub("|".join(MONTHS), lambda m: f" {MONTHS.index(m[0]) + 1} ", text)
    return {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*\d|\d", text)} - {0}


def _sections(lang: str, chapter: str) -> list[str]:
    return re.split(r"^#{1,6} .*$", chapter_source(lang, chapter), flags=re.M)


@pytest.mark.parametrize("chapter", chapters("en"))
def test_each_section_states_the_same_figures_in_both_languages(chapter: str) -> None:
    """Same headings, and section by section the same periods, amounts, dates and article numbers."""
    assert [h.level for h in headings("zh-CN", chapter)] == [h.level for h in headings("en", chapter)]
    zh, en = _sections("zh-CN", chapter), _sections("en", chapter)
    assert len(zh) == len(en)
    for n, (a, b) in enumerate(zip(zh, en)):
        assert _numbers(a, "zh-CN") == _numbers(b, "en"), (chapter, n, a[:60], b[:60])


# Statements the guide must make, per chapter and language (each a fact from FACTS.md).
STATEMENTS = {
    "04-laws.md": {
        "zh-CN": [
            "根据商品性质",
            "经营者不能自己扩大这个范围",
            "**不影响**退货",
            "168 小时",
            "**超过 7 日**，符合法定解除合同条件的，仍然可以及时退货",
            "法律上就没有换货或修理的权利",
            "**退还价款之外**",
            "**明知**",
            "食品不符合食品安全标准",
            "**自售出之日起**",
            "15 日内可以换货或修理",
            "最迟是收货后 **2 年**",
            "产品质量法第45条",
            "民法典第621条",
        ],
        "en": [
            "**by their nature**",
            "The business may not widen this list",
            "**does not** end the right to return",
            "168 hours",
            "**After 7 days** you may still return them promptly if the statutory conditions for ending the contract",
            "no legal right to an exchange or repair",
            "**on top of the refund**",
            "**knew**",
            "Food not meeting food-safety standards",
            "within 7 days **of sale**",
            "exchanged or repaired within 15 days",
            "at most **2 years** after receiving",
            "Product Quality Law Art. 45",
            "Civil Code Art. 621",
        ],
    },
    "06-outside.md": {
        "zh-CN": [
            "**平台住所地**",
            "第13条",
            "第16条第1项",
            "第14条",
            "第15条",
            "第16条第2项",
            "报上投诉单号",
            "第10条",
        ],
        "en": ["**where the platform is domiciled**", "Art. 13", "Art. 16(1)", "Art. 14", "Art. 15", "Art. 16(2)"],
    },
    "07-tips.md": {
        "zh-CN": ["**可以同时走**", "公开发帖与媒体", "**不要同时走**", "两个监管部门", "消费者协会", "第16条第2项"],
        "en": ["**Side by side**", "public posts and the media", "**Not side by side**", "two regulators", "consumer"],
    },
    "08-prevention.md": {"zh-CN": ["拆开包装不影响七日无理由退货"], "en": ["does not end the 7-day no-reason return"]},
    "09-deadlines.md": {
        "zh-CN": ["已于 2026 年 4 月 15 日废止", "第121号", "第45条", "元旦", "估算逾期"],
        "en": ["were repealed on 15 April 2026", "No. 121", "Art. 45", "1 January", "overdue (estimated)"],
    },
}

# Things the guide, the rules and the catalogs said before and must never say again.
WRONG = {
    "zh-CN": [
        "只能换货或修理",  # 消法 Art. 24: return is still possible after 7 days
        "或你所在地的市场监督管理局",  # the bureau is the platform's domicile (办法 Art. 13)
        "然后直接向",  # "then complain directly to the bureau" after a silent regulator
        "可以几个渠道同时进行",  # two regulators at once are refused (办法 Art. 16(2))
        "属地选公司注册地",
        "可能已在 2026 年被",  # the old "could not verify the replacement" note
        "不安全的食品",  # the law says 不符合食品安全标准
    ],
    "en": [
        "only exchange or repair are left",
        "or where you live",
        "directly.",  # "… then complain to the market bureau directly."
        "Several channels can run at the same time",
        "may have been replaced",
        "could not check this",
        "Unsafe food",
    ],
}
REPEALED = {
    "zh-CN": "市场监督管理投诉举报处理暂行办法",
    "en": "Interim Measures on Handling Market Regulation Complaints",
}
OLD_NAMES = ("投诉举报处理暂行办法", "Interim Measures on Handling Complaints")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", sorted(STATEMENTS))
def test_the_guide_states_the_corrected_law(chapter: str, lang: str) -> None:
    text = chapter_source(lang, chapter)
    for statement in STATEMENTS[chapter][lang]:
        assert statement in text, (chapter, statement)


def _all_content(lang: str) -> str:
    parts = [chapter_source(lang, c) for c in chapters(lang)]
    parts += [read_text(f"rules/{name}") for name in list_dir("rules") if name.endswith(".toml")]
    parts.append(read_text(f"i18n/{lang}.toml"))
    return "\n".join(parts)


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_says_the_old_mistakes(lang: str) -> None:
    text = _all_content(lang)
    for wrong in WRONG[lang]:
        assert wrong not in text, wrong


@pytest.mark.parametrize("lang", LANGS)
def test_the_repealed_interim_measures_appear_only_as_repealed(lang: str) -> None:
    """The guide may say the 暂行办法 was repealed; nothing may cite it as current."""
    for chapter in chapters(lang):
        for paragraph in chapter_source(lang, chapter).split("\n"):
            if REPEALED[lang] in paragraph or any(old in paragraph for old in OLD_NAMES):
                assert ("废止" in paragraph) if lang == "zh-CN" else ("repealed" in paragraph), paragraph
    for rule in rules():
        assert not any(old in rule.citation(lang) for old in OLD_NAMES), rule.id


@pytest.mark.parametrize("lang", LANGS)
def test_the_deadlines_chapter_explains_every_rule_from_its_note(lang: str) -> None:
    """The notes (消法 Art. 24 after 7 days, the closed exclusions, the 168 hours, …) reach the reader."""
    text = chapter_source(lang, "09-deadlines.md")
    assert "{{" not in text
    for rule in rules():
        assert f"**{rule.name(lang)}**" in text and rule.note(lang) in text, rule.id
    table_end = text.index(rules()[-1].citation(lang))
    order = [text.index(f"**{rule.name(lang)}**", table_end) for rule in rules()]
    assert order == sorted(order)
    two_year = text.index(next(r.name(lang) for r in rules() if r.id == "defect_damage_limit"))
    assert two_year < text.index(next(r.name(lang) for r in rules() if r.id == "three_year_limit"))
