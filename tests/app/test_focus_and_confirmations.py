"""Focus is visible on every focus stop of the main screen (as a character, so it shows without
colour), e and d act on what has the focus and say so, and the confirmations name what they mean."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import screen_cells, screen_text
from tui.dialogs.confirm import ChoiceDialog, ConfirmDialog
from tui.dialogs.form import FormField
from tui.screens.main import MainScreen
from tui.textual_compat import shown_notifications
from tui.widgets.evidence_pane import EvidenceTable
from tui.widgets.timeline import Timeline

MARKS = {"▸", "▌"}


def _case(store: CaseStore) -> int:
    case = store.create_case({"title": "Earbuds: left side silent", "category": "quality"})
    store.add_contact(
        case.id,
        {
            "at": "2026-11-22T09:40:00+08:00",
            "channel": "hotline",
            "agent_id": "8821",
            "promise": "refund to the original account",
            "deadline": "2026-11-25T23:59:59+08:00",
        },
    )
    return case.id


def _cell(pilot, x: int, y: int) -> str:
    return screen_cells(pilot)[y][x]


def _dialog_text(app) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


@pytest.mark.parametrize("tab", ["1", "2", "3", "4"])
@pytest.mark.parametrize("cases", [0, 1])
async def test_every_focus_stop_shows_a_mark(make_app, app_store: CaseStore, tab: str, cases: int) -> None:
    """Tab through the main screen (each case tab, with and without cases): wherever the focus is,
    the screen shows ▸ or a bar at the focused widget's left edge, and nothing takes the focus
    without showing it."""
    if cases:
        _case(app_store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(tab)
        await pilot.pause()
        stops = list(app.screen.focus_chain)
        assert len(stops) == 3  # the filter, the case list, what the case tab shows
        for widget in stops:
            widget.focus()
            await pilot.pause()
            region = widget.region
            left = {_cell(pilot, region.x, y) for y in range(region.y, region.bottom)}
            assert left & MARKS, f"{widget!r} has the focus and shows no mark: {left}"
            for other in (w for w in stops if w is not widget):  # and only there
                edge = {_cell(pilot, other.region.x, y) for y in range(other.region.y, other.region.bottom)}
                assert not edge & MARKS, f"{other!r} shows a focus mark without the focus"


async def test_d_on_a_contact_names_it_and_deletes_only_the_contact(make_app, app_store: CaseStore) -> None:
    case_id = _case(app_store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(Timeline).focus()
        await pilot.pause()
        footer = screen_text(pilot).splitlines()[-1]
        assert "e Edit contact" in footer
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = _dialog_text(app)
        for part in ("2026-11-22 09:40", "Hotline", "8821", "refund to the original account", "2026-11-25"):
            assert part in question
        await pilot.press("y")
        await pilot.pause()
        case = app_store.get(case_id)
        assert case.deleted_at is None and case.contacts == []


async def test_d_on_the_case_list_names_the_case(make_app, app_store: CaseStore) -> None:
    case_id = _case(app_store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = screen_text(pilot).splitlines()[-1]
        assert "e Edit case" in footer
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Earbuds: left side silent" in _dialog_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app_store.get(case_id).deleted_at is None


async def test_d_on_the_evidence_checklist_deletes_nothing_and_says_why(make_app, app_store: CaseStore) -> None:
    case_id = _case(app_store)
    before = app_store.get(case_id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        app.screen.query_one(EvidenceTable).focus()
        await pilot.pause()
        assert "e Edit evidence" in screen_text(pilot).splitlines()[-1]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert [n.message for n in shown_notifications(app)] == [app.msgs("main.evidence_not_deleted")]
        assert app_store.get(case_id) == before


async def test_m_names_the_promise_it_marks(make_app, app_store: CaseStore) -> None:
    _case(app_store)
    app = make_app("zh-CN")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(Timeline).focus()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        title = _dialog_text(app)
        for part in ("2026-11-22 09:40", "客服热线", "8821", "refund to the original account", "2026-11-25 23:59"):
            assert part in title


async def test_the_case_pane_itself_takes_no_focus(make_app, app_store: CaseStore) -> None:
    """The old case pane scrolled as one focus stop with no sign of it; now only its tables and
    the text tabs (each with a bar when focused) do."""
    _case(app_store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#detail").focusable
        assert app.screen.query_one("#case-pane").can_focus is False


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
async def test_the_focused_form_field_shows_its_marked_label_at_80x24(make_app, lang: str) -> None:
    """Tabbing through the case form in a short terminal: the focused field's label, with its ▸,
    is always on screen (Textual scrolled only the input into view, leaving the label above)."""
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        for _ in range(len(form.query(FormField))):
            await pilot.pause()
            field = next(f for f in form.query(FormField) if f.widget.has_focus)
            assert f"▸ {field.label}" in screen_text(pilot), field.field_name
            await pilot.press("tab")
