"""Fields hold at most what their record can: a paste of 20,000 characters into the deadline field
(whose preview runs on every keystroke) is refused by the field, so no parser ever sees it."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from store.cases.case_store import CaseStore
from tui.dialogs.contact_form import ContactForm


async def test_a_huge_paste_never_reaches_the_deadline_preview(make_app, app_store: CaseStore) -> None:
    app_store.create_case({"title": "退款未到账"})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, ContactForm)
        for name, huge in (("deadline", "1-1" + " " * 20_000 + "x"), ("agent_id", "9" * 20_000)):
            field = app.screen.query_one(f"#input-{name}", Input)
            field.focus()
            field.post_message(events.Paste(huge))
            await pilot.pause()
            assert len(field.value) <= 200
        deadline = app.screen.query_one("#input-deadline", Input)
        deadline.focus()
        await pilot.press("3", "w", "d")  # typing still works
        await pilot.pause()
        assert 0 < deadline.max_length <= 40 and deadline.value == "3wd"
