"""The guide reader in the app: open, follow a link, go back, find, open from a contact."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

import tui.app
from store.cases.case_store import CaseStore
from store.rules.guide_structure import Target, chapter_title, section
from tests.guide.test_guide_search import raw_occurrences
from tests.helpers.app_driver import FIXED_NOW, screen_text, type_text
from tests.helpers.guide import heading_is_visible, open_guide
from tui.screens.guide import GuideScreen
from tui.widgets.evidence_pane import EvidenceTable
from tui.widgets.guide_document import GuideViewer
from tui.widgets.timeline import Timeline


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_open_follow_a_link_and_go_back(make_app, lang: str) -> None:
    app = make_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        guide = app.screen
        assert isinstance(guide, GuideScreen)
        assert guide.current == section("overview", lang)  # no case selected: the overview
        await pilot.press("l")  # the chapter's links, as a numbered list
        await pilot.pause()
        await pilot.press("3")  # third link of chapter 1: the online customer service section
        await settle(pilot)
        target = section("tier1-online-cs", lang)
        assert guide.current == target
        assert heading_is_visible(guide, target.anchor)
        await pilot.press("b")
        await settle(pilot)
        assert guide.current == section("overview", lang)
        await pilot.press("F")
        await settle(pilot)
        assert guide.current == target


async def test_find_a_chinese_word_and_jump_between_matches(make_app) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        guide = app.screen
        await guide.go(section("evidence-order", "zh-CN"))
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "截图")
        await pilot.press("enter")
        await settle(pilot)
        here = [n for n, hit in enumerate(guide.hits) if hit.chapter == guide.current.chapter]
        assert len(here) >= 3 and guide.hit_index == here[0]  # from the chapter being read on
        assert all("截图" in hit.text for hit in guide.hits)
        await pilot.press("n")
        await settle(pilot)
        marked = guide.query(".-find-hit")
        assert len(marked) == 1 and "截图" in (marked.first().source or "")
        assert "共 " in screen_text(pilot)


async def _find(pilot, guide: GuideScreen, query: str) -> None:
    await pilot.press("slash")
    await type_text(pilot, query)
    await pilot.press("enter")
    await settle(pilot)


async def test_find_across_chapters_lists_every_hit_and_n_opens_the_next_chapter(make_app) -> None:
    """三倍 is in several chapters, twice in the laws chapter: every occurrence is listed with its
    chapter and line, and n and N go through them, opening the chapter of each."""
    expected = raw_occurrences("zh-CN", "三倍")
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        guide = await open_guide(pilot)
        await guide.go(Target("01-who.md", ""))
        await settle(pilot)
        await _find(pilot, guide, "三倍")
        assert [(h.chapter, h.line) for h in guide.hits] == expected
        assert guide.current.chapter == expected[0][0] and guide.hit_index == 0
        text = screen_text(pilot)
        assert f"第 1 处，共 {len(expected)} 处" in text
        laws = chapter_title("zh-CN", "04-laws.md")
        for chapter, line in expected[:3]:  # the list of hits (the first ones fit on screen)
            assert f"{chapter_title('zh-CN', chapter)} 第 {line + 1} 行" in text
        for index in range(1, len(expected)):
            await pilot.press("n")
            await settle(pilot)
            assert guide.current.chapter == expected[index][0] and guide.hit_index == index
            [block] = guide.query(".-find-hit")
            assert "三倍" in (block.source or "")
            assert guide.query_one(GuideViewer).region.contains_region(block.region)
        chapter, line = expected[-1]
        assert f"第 {len(expected)} 处，共 {len(expected)} 处：{chapter_title('zh-CN', chapter)} 第 {line + 1} 行" in (
            screen_text(pilot)
        )
        assert sum(c == "04-laws.md" for c, _ in expected) == 2 and laws
        await pilot.press("n")  # wraps to the first, back in its chapter
        await settle(pilot)
        assert guide.current.chapter == expected[0][0] and guide.hit_index == 0
        await pilot.press("N")
        await settle(pilot)
        assert guide.current.chapter == expected[-1][0] and guide.hit_index == len(expected) - 1


async def test_escape_closes_the_find_bar_before_the_guide(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 30)) as pilot:
        guide = await open_guide(pilot)
        await _find(pilot, guide, "screenshot")
        assert guide.hits and guide.query_one("#guide-hits").display
        await pilot.press("escape")  # the hits and the bar go, the guide stays
        await settle(pilot)
        assert app.screen is guide and not guide.hits and not guide.query(".-find-hit")
        assert not guide.query_one("#guide-find").display and not guide.query_one("#guide-hits").display
        await pilot.press("slash")
        await pilot.press("escape")  # typing in the bar: Esc closes the bar
        await settle(pilot)
        assert app.screen is guide
        await pilot.press("escape")  # and then the guide
        await settle(pilot)
        assert app.screen is not guide


async def test_nothing_found_says_so_for_the_whole_guide(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(100, 30)) as pilot:
        guide = await open_guide(pilot)
        await _find(pilot, guide, "zzqqxx")
        assert guide.hits == [] and "is not in the guide" in screen_text(pilot)


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_open_from_a_contact_lands_on_its_channel(make_app, app_store: CaseStore, lang: str) -> None:
    case = app_store.create_case({"title": "退款未到账", "category": "after_sales"})
    app_store.add_contact(case.id, {"at": FIXED_NOW, "channel": "hotline", "agent_id": "8821"})
    app = make_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(Timeline).focus()
        await pilot.press("g")
        await settle(pilot)
        target = section("tier1-hotline", lang)
        assert app.screen.current == target
        assert heading_is_visible(app.screen, target.anchor)
        contents = app.screen.query_one("#guide-contents", OptionList)  # shown at 120 columns
        assert contents.highlighted_option.id == f"{target.chapter}#{target.anchor}"


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_open_from_an_evidence_item_lands_on_how_to_collect_it(make_app, app_store: CaseStore, lang: str) -> None:
    case = app_store.create_case({"title": "物流停滞", "category": "logistics"})
    logistics = next(i for i, item in enumerate(case.evidence) if item.kind.value == "logistics")
    app = make_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")  # the evidence tab
        table = app.screen.query_one(EvidenceTable)
        table.focus()
        table.cursor = logistics
        await pilot.pause()
        await pilot.press("g")
        await settle(pilot)
        assert app.screen.current == section("evidence-logistics", lang)


async def test_unverified_clock_is_displayed_as_unverified(make_app, app_store: CaseStore) -> None:
    case = app_store.create_case({"title": "发帖后等回复"})
    app_store.add_contact(case.id, {"at": FIXED_NOW, "channel": "public_post"})
    app = make_app("en")
    async with app.run_test(size=(160, 80)) as pilot:
        await pilot.press("3")  # the clocks tab
        await pilot.pause()
        text = screen_text(pilot)
        assert "Heimao Tousu: merchant reply" in text and "UNVERIFIED" in text


async def wait_until_prepared(app, pilot, lang: str) -> GuideScreen:
    for _ in range(100):
        guide = app.guides.get(lang)
        if guide is not None and guide.built:
            return guide
        await pilot.pause(0.05)
    raise AssertionError("the guide reader was not built in the background")


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize("delay", [0.001, 0.5])  # 0.001: built the moment the cases are shown
async def test_reader_is_built_in_the_background_at_the_selected_case(
    make_app, app_store: CaseStore, monkeypatch, lang: str, delay: float
) -> None:
    monkeypatch.setattr(tui.app, "GUIDE_PREPARE_SECONDS", delay)
    case = app_store.create_case({"title": "退款未到账", "category": "after_sales"})
    app_store.add_contact(case.id, {"at": FIXED_NOW, "channel": "hotline", "agent_id": "8821"})
    app = make_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        expected = section(app.screen.guide_target_here(), lang)
        guide = await wait_until_prepared(app, pilot, lang)
        assert app.screen is not guide and guide not in app.screen_stack  # built, not shown
        assert guide.current == expected
        await pilot.press("g")
        await settle(pilot)
        assert app.screen is guide and guide.current == expected
        assert heading_is_visible(guide, expected.anchor)


async def test_asking_for_the_guide_while_it_is_being_built_opens_the_asked_section(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        app.prepare_guide()  # registered; its first chapter not loaded yet
        guide = app.guides["en"]
        assert not guide.history
        app.push_screen(app.guide_at("tier1-hotline"))
        await settle(pilot)
        assert app.screen is guide and guide.current == section("tier1-hotline", "en")
        assert guide.history == [section("tier1-hotline", "en")]  # one chapter load, not two


async def test_switching_language_builds_that_language_s_reader(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until_prepared(app, pilot, "en")
        await pilot.press("L")
        await wait_until_prepared(app, pilot, "zh-CN")
        await pilot.press("g")
        await settle(pilot)
        assert app.screen is app.guides["zh-CN"]
        assert "目录" in screen_text(pilot)


@pytest.mark.parametrize("quit_by", ["exit", "shutdown"])
@pytest.mark.parametrize("delay", [0, 0.0005, 0.001, 0.002, 0.005, 0.02])
async def test_quitting_while_the_reader_is_being_built_is_clean(make_app, delay: float, quit_by: str) -> None:
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:  # run_test re-raises any error inside the app
        await pilot.pause()
        app.prepare_guide()
        if delay:
            await pilot.pause(delay)
        if quit_by == "exit":  # as the q key does; otherwise leaving run_test shuts the app down
            app.exit()
            await pilot.pause()
    assert app.return_code in (0, None)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_reopening_keeps_the_reader_and_lands_on_the_new_section(
    make_app, app_store: CaseStore, lang: str
) -> None:
    case = app_store.create_case({"title": "退款未到账", "category": "after_sales"})
    app_store.add_contact(case.id, {"at": FIXED_NOW, "channel": "hotline", "agent_id": "8821"})
    app_store.add_contact(case.id, {"at": FIXED_NOW, "channel": "12315"})
    app = make_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = app.screen.query_one(Timeline)
        timeline.focus()
        row_of = {contact.channel.value: timeline.keys.index(contact.id) for contact in app_store.get(case.id).contacts}
        timeline.cursor = row_of["hotline"]
        await pilot.pause()
        guide = await open_guide(pilot)
        assert guide.current == section("tier1-hotline", lang)
        widgets = list(guide.walk_children())
        await pilot.press("escape")
        await pilot.pause()
        timeline.cursor = row_of["12315"]
        await pilot.pause()
        again = await open_guide(pilot)
        assert again is guide and list(guide.walk_children())[:3] == widgets[:3]  # kept, not rebuilt
        assert guide.current == section("tier2-12315", lang)
        await pilot.press("b")  # history kept across openings
        await settle(pilot)
        assert guide.current == section("tier1-hotline", lang)
