"""Hostile text through the capture surfaces: call mode on a case full of it, a draft holding it,
pasted order text made of it, and the writing verbs' output. Nothing reaches the terminal raw."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import msgspec
import orjson
import pytest
from textual import events

from store.cases.case_store import CaseStore
from store.persistence.call_drafts import DraftFile, new_draft
from tests.app.test_hostile_screens import SUBSET
from tests.helpers.app_driver import FIXED_NOW, type_text
from tests.helpers.cli import weiquan_command
from tests.helpers.hostile_store import fill_case
from tests.helpers.hostile_text import injected
from tui.dialogs.call_draft_offer import CallDraftOffer
from tui.dialogs.case_form import CaseForm
from tui.dialogs.paste_order import PasteOrderDialog
from tui.screens.call import CallScreen
from tui.widgets.literal_text_area import LiteralTextArea

SIZE = (160, 60)


def clean_screen(app) -> None:  # type: ignore[no-untyped-def]
    assert injected(app.export_screenshot()) == []


async def test_call_mode_on_a_hostile_case(make_app, app_store: CaseStore) -> None:
    fill_case(app_store, SUBSET)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        clean_screen(app)  # the case's title and order number in the heading and the checklist
        await pilot.press("s")
        await type_text(pilot, "[bold]x[/bold]")
        await pilot.press("escape", "e")
        await pilot.pause()
        clean_screen(app)  # the timeline with the new contact, the toast
        assert app_store.cases()[0].contacts[-1].summary == "[bold]x[/bold]"


async def test_a_hostile_draft_is_offered_and_resumed_cleanly(make_app, app_store: CaseStore, db_path: Path) -> None:
    case_id = app_store.create_case({"title": SUBSET[1][:200] or "x"}).id
    draft_file = DraftFile.create(db_path, case_id)
    draft = new_draft(db_path, case_id, SUBSET[2], "hotline", FIXED_NOW - dt.timedelta(minutes=1))
    typed = {name: SUBSET[3 + n][:200] for n, name in enumerate(("agent_id", "promise", "reference_no", "summary"))}
    draft_file.save(msgspec.structs.replace(draft, **typed))
    draft_file.release()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the left draft is offered once the cases are shown
        assert isinstance(app.screen, CallDraftOffer)
        clean_screen(app)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        clean_screen(app)
        assert app.screen.value("summary") == typed["summary"]  # shown visibly, kept exactly


async def test_hostile_pasted_order_text(make_app, app_store: CaseStore) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, PasteOrderDialog)
        text = "\n".join(f"{label}：{s}" for label, s in zip(("订单编号", "店铺", "商品名称", "实付款"), SUBSET))
        app.screen.query_one(LiteralTextArea).post_message(events.Paste(text + "\n" + "\n".join(SUBSET)))
        await pilot.pause()
        clean_screen(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)
        clean_screen(app)


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "WEIQUAN_DB"} | {"LANG": "C.UTF-8"}
    return subprocess.run([*weiquan_command(), *args], capture_output=True, env=env, timeout=60, check=False)


@pytest.mark.parametrize("hostile", SUBSET[:8], ids=range(8))
def test_writing_verbs_print_hostile_text_cleanly(tmp_path: Path, hostile: str) -> None:
    db = str(tmp_path / "weiquan.json")
    title = hostile[:200] or "x"
    new = run("new", "--title", title, "--db", db)
    assert new.returncode == 0, new.stderr
    assert injected(new.stdout.decode() + new.stderr.decode()) == []
    logged = run("log", "1", "--said", hostile, "--agent", hostile[:200], "--json", "--db", db)
    assert logged.returncode == 0, logged.stderr
    assert injected(logged.stdout.decode()) == []
    assert orjson.loads(logged.stdout)["contact"]["summary"] == hostile  # JSON gives the text back exactly
    named = tmp_path / ("f" + "".join(ch for ch in hostile[:40] if ch not in "/\x00"))
    named.write_bytes(b"proof")
    attached = run("attach", "1", "other_proof", str(named), "--db", db)
    assert attached.returncode == 0, attached.stderr
    assert injected(attached.stdout.decode() + attached.stderr.decode()) == []
    noted = run("note", "1", hostile, "--db", db)
    bad = run("log", "1", "--channel", hostile, "--db", db)  # quoted in the error
    assert noted.returncode == 0 and bad.returncode == 2
    assert injected(noted.stdout.decode() + bad.stderr.decode()) == []


def test_a_long_draft_summary_is_cut_between_characters_as_the_screen_draws_them() -> None:
    """The offer shows the start of what was said, cut by the one width model (store.text.cell_width):
    never inside an emoji sequence, never past the width it allows."""
    from rich.cells import cell_len

    from store.rules.messages import Messages
    from tui.dialogs.call_draft_offer import SUMMARY_LIMIT

    family = "👩\u200d👩\u200d👧"  # one glyph of five code points
    said = "a" * (SUMMARY_LIMIT - 2) + family + "and the rest"
    draft = msgspec.structs.replace(new_draft(None, 1, "t", "hotline", FIXED_NOW), summary=said)
    shown = CallDraftOffer(draft, Messages("en"))._captured().plain.splitlines()[-1]
    summary = shown.split(": ", 1)[1]
    assert summary in ("a" * (SUMMARY_LIMIT - 2) + "…", "a" * (SUMMARY_LIMIT - 2) + family + "…")
    assert cell_len(summary) <= SUMMARY_LIMIT
