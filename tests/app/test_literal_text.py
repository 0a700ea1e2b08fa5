"""Hostile text in every field is shown exactly as typed: no markup, no escape sequences."""

from __future__ import annotations

import pytest

from store.cases.case_store import CaseStore
from store.records.models import EvidenceFile
from tests.helpers.app_driver import FIXED_NOW, screen_text
from tui.widgets.evidence_pane import EvidenceTable
from tui.widgets.timeline import Timeline

HOSTILE = {
    "title": "[bold red]T[/]",
    "platform": "[link=https://e.vil]P[/link]",
    "shop": "[reverse]S[/reverse]",
    "order_no": "$(rm) `O`",
    "product": "[i]PR[/i]",
    "notes": "[@click=app.quit]N[/] \x1b[31mRED",
    "outcome": "[blink]OC[/blink]",
    "demand_detail": "**D** <b>x</b>",
}
CONTACT = {
    "agent_id": "[b]A[/b]",
    "reference_no": "[dim]R[/dim]",
    "summary": "[red]SAY[/] \x07bell",
    "promise": "[u]PRO[/u]",
}


@pytest.fixture
def hostile_case(app_store: CaseStore) -> int:
    case = app_store.create_case(
        {**HOSTILE, "tags": ["[tag]"], "references": [{"label": "[l]", "value": "[v]"}], "category": "quality"}
    )
    app_store.add_contact(case.id, {"at": FIXED_NOW, "channel": "hotline", **CONTACT})
    item = app_store.get(case.id).evidence[0]
    app_store.update_evidence(case.id, item.id, {"note": "[green]EV[/green]"})
    app_store.attach_file(
        case.id, item.id, EvidenceFile(path="/tmp/[bold]file[/bold].jpg", size=1, sha256="0" * 64, attached=FIXED_NOW)
    )
    return case.id


async def test_every_text_field_renders_literally(make_app, hostile_case: int) -> None:
    app = make_app()
    async with app.run_test(size=(220, 120)) as pilot:
        app.screen.query_one(Timeline).focus()
        await pilot.pause()
        text, svg = screen_text(pilot), app.export_screenshot()
        for tab in ("4", "2"):  # all the facts; the evidence checklist with the item's files
            await pilot.press(tab)
            await pilot.pause()
            if tab == "2":
                app.screen.query_one(EvidenceTable).focus()
                await pilot.pause()
            text, svg = text + screen_text(pilot), svg + app.export_screenshot()
    expected = [v.replace("\x1b", "␛").replace("\x07", "␇") for v in (*HOSTILE.values(), *CONTACT.values())]
    expected += ["[tag]", "[l]: [v]", "[green]EV[/green]", "/tmp/[bold]file[/bold].jpg"]
    for value in expected:
        assert value in text, f"{value!r} not shown literally"
    assert "\x1b" not in svg and "\x07" not in svg


async def test_hostile_title_is_literal_in_the_case_list(make_app, app_store: CaseStore) -> None:
    app_store.create_case({"title": "[bold red]x[/] \x1b]0;pwned\x07 | * # `"})
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        text = screen_text(pilot)
    assert "[bold red]x[/] ␛]0;pwned␇ | * # `" in text
