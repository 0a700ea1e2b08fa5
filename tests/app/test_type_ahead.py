"""Keys that arrive together (a paste, a fast typist over SSH) are handled in order, each where the
focus is once the keys before it have been handled; Ctrl+U clears a field; a paste loses nothing.

The real-terminal versions, which check the saved database, are in tests/e2e/test_type_ahead.py.
"""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from store.cases.case_store import CaseStore
from tui.dialogs.case_form import CaseForm
from tui.dialogs.contact_form import ContactForm
from tui.screens.main import MainScreen

KEY_NAMES = {"\t": "tab", "\r": "enter", " ": "space", "/": "slash"}


async def burst(pilot: Pilot, text: str) -> None:
    """Every key of ``text`` queued at once, before the app has handled any of them."""
    for ch in text:
        pilot.app.post_message(events.Key(KEY_NAMES.get(ch, ch), ch))
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def value(pilot: Pilot, name: str) -> str:
    widget = pilot.app.screen.query_one(f"#input-{name}")
    return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]


async def test_burst_with_tabs_fills_three_fields(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "nABC\tDEF\tGHI")
        assert isinstance(app.screen, CaseForm)
        assert [value(pilot, f) for f in ("title", "platform", "shop")] == ["ABC", "DEF", "GHI"]
        assert app.focused is app.screen.query_one("#input-shop")


async def test_promise_after_a_long_summary_stays_out_of_it(make_app, app_store: CaseStore) -> None:
    app_store.create_case({"title": "Earbuds"})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        summary = "They said the warehouse has not received the parcel yet. " * 4
        await burst(pilot, "c\t\t\t8821\t\t" + summary + "\trefund\t3d")
        assert isinstance(app.screen, ContactForm)
        assert value(pilot, "summary") == summary
        assert (value(pilot, "promise"), value(pilot, "deadline")) == ("refund", "3d")


async def test_enter_in_a_field_moves_on_before_the_next_key(make_app) -> None:
    """Enter's move to the next field is a message the field posts: the next key waits for it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "nKettle\rTaobao")
        assert [value(pilot, f) for f in ("title", "platform")] == ["Kettle", "Taobao"]


async def test_main_screen_keys_in_a_burst_do_not_act_on_the_wrong_screen(make_app, app_store: CaseStore) -> None:
    """Letters typed right after n belong in the form, never to the case list's keys (d, e, q …)."""
    app_store.create_case({"title": "Earbuds"})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "ndeq")
        assert isinstance(app.screen, CaseForm)
        assert value(pilot, "title") == "deq"
        assert [c.title for c in app_store.cases()] == ["Earbuds"]


async def test_ctrl_u_clears_a_field_and_ctrl_z_brings_it_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "tab")  # platform, filled in by default
        assert value(pilot, "platform")
        await pilot.press("left")  # cursor inside the text: Ctrl+U still clears all of it
        await pilot.press("ctrl+u")
        assert value(pilot, "platform") == ""
        await pilot.press("ctrl+z")
        assert value(pilot, "platform") != ""
        app.screen.query_one("#input-notes", TextArea).text = "line one\nline two"
        app.screen.query_one("#input-notes").focus()
        await pilot.press("ctrl+u")
        assert value(pilot, "notes") == ""


async def test_paste_with_tabs_goes_on_into_the_next_fields(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        app.post_message(events.Paste("Kettle leaks\tTaobao\tHome shop"))
        await pilot.pause()
        assert [value(pilot, f) for f in ("title", "platform", "shop")] == ["Kettle leaks", "Taobao", "Home shop"]
        assert app.focused is app.screen.query_one("#input-shop")


async def test_paste_of_several_lines_into_a_one_line_field_keeps_them_all(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        app.post_message(events.Paste("Kettle\nleaks at the base"))
        await pilot.pause()
        assert value(pilot, "title") == "Kettle leaks at the base"
        assert isinstance(app.focused, Input)
        assert isinstance(app.screen, CaseForm) and not isinstance(app.screen, MainScreen)
