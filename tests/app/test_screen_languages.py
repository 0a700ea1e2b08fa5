"""Every screen, dialog and form of the app, in Chinese with a case written in Chinese, holds no
English sentence; in English with a case written in English, no Chinese beyond the names the
English catalog keeps (统一社会信用代码, 工号 …). Textual's own words included (the palette)."""

from __future__ import annotations

import re

import pytest
from textual.pilot import Pilot

from store.cases.case_store import CaseStore
from store.rules.guide_structure import chapter_source, chapters
from tests.helpers.app_driver import screen_text, type_text
from tests.helpers.hostile_store import fill_case
from tests.helpers.languages import COMMAND, ENGLISH_RUN, language_problem
from tui.widgets.evidence_pane import EvidenceTable
from tui.widgets.timeline import Timeline

WORDS = {
    "zh-CN": ["耳机左耳无声", "小红书自营", "客服说已登记，会尽快处理", "三个工作日内退款", "开箱视频已录"],
    "en": ["Earbuds left side silent", "Home shop", "The agent said it was logged", "Refund within three days"],
}
SIZE = (100, 30)
ICON = "维"  # the header's icon, the same in both languages


def guide_terms() -> list[str]:
    """The Chinese names the English guide uses on purpose (帮助与客服, 申请售后 …), from its chapters."""
    text = "".join(chapter_source("en", chapter) for chapter in chapters("en"))
    return sorted(set(re.findall(r"[\u3400-\u9fff]+", text)), key=len, reverse=True)


async def look(pilot: Pilot[None], lang: str, where: str, *keys: str, keeps: tuple[str, ...] = ()) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    problems = []
    for line in screen_text(pilot).splitlines():
        if lang.startswith("zh"):  # a line may hold only a key or a number, never an English sentence
            english = ENGLISH_RUN.search(COMMAND.sub(" ", line.replace(ICON, " ")))
            if english and not any(word in line for word in WORDS[lang]):
                problems.append(f"an English sentence in {line!r}")
        else:
            problem = language_problem(line, lang, user_text=[*WORDS[lang], ICON, *keeps])
            if problem:
                problems.append(problem)
    assert problems == [], where


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_every_screen_speaks_the_ui_language(make_app, app_store: CaseStore, lang: str) -> None:
    fill_case(app_store, WORDS[lang])
    app = make_app(lang)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await look(pilot, lang, "main")
        for tab in ("2", "3", "4", "1"):
            await look(pilot, lang, f"tab {tab}", tab)
        app.screen.query_one(Timeline).focus()
        await look(pilot, lang, "contact form", "e")
        await look(pilot, lang, "back", "escape")
        await pilot.press("2")
        app.screen.query_one(EvidenceTable).focus()
        await look(pilot, lang, "evidence form", "v")
        await look(pilot, lang, "back", "escape", "1")
        app.screen.query_one("#cases").focus()
        await look(pilot, lang, "case form", "e")
        await look(pilot, lang, "paste box", "ctrl+o")
        await look(pilot, lang, "back", "escape", "escape")
        await look(pilot, lang, "new case form", "n")
        await look(pilot, lang, "back", "escape")
        for keys in (["x"], ["2"], ["3"], ["4"], ["1", "r"], ["p"], ["escape", "escape"]):
            await look(pilot, lang, f"export {keys}", *keys)
        await look(pilot, lang, "due", "D")
        await look(pilot, lang, "help", "escape", "question_mark")
        await look(pilot, lang, "guide", "escape", "g", keeps=tuple(guide_terms()))
        await look(pilot, lang, "palette", "escape", "ctrl+p")
        await type_text(pilot, "zzqx")
        await pilot.pause(0.7)  # "no matches" shows after half a second
        await look(pilot, lang, "palette, no match")
        await look(pilot, lang, "delete question", "escape", "d")
        await look(pilot, lang, "trash", "n", "t")
        await look(pilot, lang, "call mode", "escape", "p")
        await look(pilot, lang, "discard the call?", "escape")
        await look(pilot, lang, "after the call", "y")
