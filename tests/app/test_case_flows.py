"""Every main-screen flow, driven by keys, checked on the database and on the screen."""

from __future__ import annotations

import hashlib
from pathlib import Path

from store.cases.case_store import CaseStore
from store.records.models import Channel, EvidenceState, PromiseState
from tests.helpers.app_driver import FIXED_NOW, fill, screen_text, settle_export, type_text, workers_done
from tui.dialogs.case_form import CaseForm
from tui.dialogs.confirm import ChoiceDialog, ConfirmDialog
from tui.dialogs.contact_form import ContactForm
from tui.screens.main import MainScreen
from tui.widgets.case_list import CaseList
from tui.widgets.evidence_pane import EvidenceTable
from tui.widgets.timeline import Timeline


def _case_with_promise(store: CaseStore) -> int:
    case = store.create_case({"title": "耳机左耳无声", "category": "quality", "amount_paid_fen": 59_900})
    store.add_contact(
        case.id,
        {
            "at": "2026-11-18T09:40:00+08:00",
            "channel": "hotline",
            "agent_id": "8821",
            "promise": "3个工作日内退款",
            "deadline": "2026-11-23T23:59:59+08:00",
        },
    )
    return case.id


async def test_create_case_by_keys(make_app, app_store: CaseStore) -> None:
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, CaseForm)
        await fill(pilot, "title", "蓝牙耳机 左耳无声", keys=True)
        await fill(pilot, "amount_paid", "599.00")
        await fill(pilot, "order_no", "P7788123")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [case] = app_store.cases()
        assert (case.title, case.amount_paid_fen, case.order_no) == ("蓝牙耳机 左耳无声", 59_900, "P7788123")
        assert "蓝牙耳机 左耳无声" in screen_text(pilot)


async def test_validation_errors_are_shown_next_to_the_field(make_app, app_store: CaseStore) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)
        assert app.screen.field("title").has_class("-invalid")
        await fill(pilot, "title", "Shoes")
        await fill(pilot, "amount_paid", "twelve")
        await fill(pilot, "order_date", "2026-13-45")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.field("amount_paid").has_class("-invalid")
        assert "is not an amount" in screen_text(pilot)
        await fill(pilot, "amount_paid", "12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.field("order_date").has_class("-invalid")
        await fill(pilot, "order_date", "2026-11-01")
        await fill(pilot, "respondent_credit_code", "91310000MA1FL1234X")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.field("respondent_credit_code").has_class("-invalid")
        assert app_store.cases() == []


async def test_cancel_with_edits_asks_first(make_app, app_store: CaseStore) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.press("escape")  # no edits: closes at once
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("n")
        await fill(pilot, "title", "half typed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)
        assert app.screen.values()["title"] == "half typed"
        await pilot.press("escape")
        await pilot.press("y")  # discard
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app_store.cases() == []


async def test_edit_case(make_app, app_store: CaseStore) -> None:
    case_id = _case_with_promise(app_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await fill(pilot, "title", "Earbuds: left silent")
        await fill(pilot, "status", "escalated")
        await pilot.press("ctrl+s")
        await pilot.pause()
        case = app_store.get(case_id)
        assert case.title == "Earbuds: left silent" and case.status.value == "escalated"
        assert "Earbuds: left silent" in screen_text(pilot)


async def test_add_contact_with_agent_and_relative_deadline(make_app, app_store: CaseStore) -> None:
    case_id = app_store.create_case({"title": "退款未到账"}).id
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, ContactForm)
        await fill(pilot, "at", "2026-09-28 10:00")
        await fill(pilot, "channel", "hotline")
        await fill(pilot, "agent_id", "8821", keys=True)
        await fill(pilot, "promise", "退款到原账户", keys=True)
        await fill(pilot, "deadline", "3个工作日", keys=True)
        assert "2026-10-08 23:59:59" in screen_text(pilot)  # shown as a date before saving (National Day)
        await fill(pilot, "deadline", "next tuesday")
        assert "看不懂期限“next tuesday”。可以这样写" in screen_text(pilot)  # in the interface's language
        await fill(pilot, "deadline", "3wd")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [contact] = app_store.get(case_id).contacts
        assert contact.agent_id == "8821" and contact.channel is Channel.HOTLINE
        assert contact.deadline.isoformat() == "2026-10-08T23:59:59+08:00"
        assert contact.promise_state is PromiseState.PENDING
        text = screen_text(pilot)
        assert "8821" in text and "已逾期" in text


async def test_mark_promise_broken_then_kept(make_app, app_store: CaseStore) -> None:
    case_id = _case_with_promise(app_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(Timeline).focus()
        await pilot.press("m")
        await pilot.press("2")  # broken
        await pilot.pause()
        assert app_store.get(case_id).contacts[0].promise_state is PromiseState.BROKEN
        assert "broken" in screen_text(pilot)
        await pilot.press("m")
        await pilot.press("1")  # kept
        await pilot.pause()
        assert app_store.get(case_id).contacts[0].promise_state is PromiseState.KEPT


async def test_edit_contact(make_app, app_store: CaseStore) -> None:
    case_id = _case_with_promise(app_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(Timeline).focus()
        await pilot.press("e")
        assert isinstance(app.screen, ContactForm)
        await fill(pilot, "summary", "Agent confirmed the fault.")
        await fill(pilot, "promise_state", "broken")
        await pilot.press("ctrl+s")
        await pilot.pause()
        contact = app_store.get(case_id).contacts[0]
        assert contact.summary == "Agent confirmed the fault." and contact.promise_state is PromiseState.BROKEN


async def test_evidence_state_and_attached_file(make_app, app_store: CaseStore, tmp_path: Path) -> None:
    case_id = _case_with_promise(app_store)
    proof = tmp_path / "开箱视频.mp4"
    proof.write_bytes(b"\x00video" * 300_000)
    app = make_app()
    async with app.run_test(size=(200, 80)) as pilot:
        await pilot.press("2")  # the evidence tab
        app.screen.query_one(EvidenceTable).focus()
        await pilot.press("v")
        await fill(pilot, "note", "三张照片 + 开箱视频")
        await fill(pilot, "attach", str(proof))
        await pilot.press("ctrl+s")
        await workers_done(pilot)  # the file is hashed in a worker
        item = app_store.get(case_id).evidence[0]
        assert item.state is EvidenceState.COLLECTED and item.note == "三张照片 + 开箱视频"
        assert item.files[0].sha256 == hashlib.sha256(proof.read_bytes()).hexdigest()
        assert item.files[0].size == proof.stat().st_size
        assert item.files[0].vault_name and (tmp_path / "weiquan-vault" / item.files[0].vault_name).exists()
        await pilot.pause()
        assert item.files[0].sha256 in screen_text(pilot)


async def test_attach_missing_file_is_an_inline_error(make_app, app_store: CaseStore, tmp_path: Path) -> None:
    _case_with_promise(app_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")  # the evidence tab
        app.screen.query_one(EvidenceTable).focus()
        await pilot.press("v")
        await fill(pilot, "attach", str(tmp_path / "nope.jpg"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.field("attach").has_class("-invalid")


async def test_delete_case_undo_and_trash(make_app, app_store: CaseStore) -> None:
    case_id = _case_with_promise(app_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        await pilot.press("y")
        await pilot.pause()
        assert app_store.cases() == [] and app_store.trash()[0].id == case_id
        await pilot.press("u")
        await pilot.pause()
        assert [c.id for c in app_store.cases()] == [case_id]
        await pilot.press("d", "y", "t")
        await pilot.pause()
        assert "耳机左耳无声" in screen_text(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert [c.id for c in app_store.cases()] == [case_id]
        await pilot.press("escape", "d", "y", "t", "x", "y")
        await pilot.pause()
        assert app_store.trash() == [] and app_store.cases() == []


async def test_delete_contact_and_undo(make_app, app_store: CaseStore) -> None:
    case_id = _case_with_promise(app_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(Timeline).focus()
        await pilot.press("d", "y")
        await pilot.pause()
        assert app_store.get(case_id).contacts == []
        await pilot.press("u")
        await pilot.pause()
        assert app_store.get(case_id).contacts[0].agent_id == "8821"


async def test_filter_as_you_type(make_app, app_store: CaseStore) -> None:
    _case_with_promise(app_store)
    app_store.create_case({"title": "Wrong colour scarf", "order_no": "P5566"})
    app_store.create_case({"title": "Air fryer stuck", "shop": "Self-operated"})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        case_list = app.screen.query_one(CaseList)
        assert len(case_list.rows) == 3
        await pilot.press("slash")
        await type_text(pilot, "8821")  # an agent ID from the timeline
        await pilot.pause()
        assert [r.title for r in case_list.rows] == ["耳机左耳无声"]
        app.screen.query_one("#filter").value = ""
        await type_text(pilot, "p5566")
        await pilot.pause()
        assert [r.title for r in case_list.rows] == ["Wrong colour scarf"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(case_list.rows) == 3


async def test_language_switch(make_app, app_store: CaseStore) -> None:
    _case_with_promise(app_store)
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        assert "New case" in screen_text(pilot) and "Timeline" in screen_text(pilot)
        await pilot.press("L")
        await pilot.pause()
        text = screen_text(pilot)
        assert "新建案件" in text and "联系记录" in text and "New case" not in text
        await pilot.press("L")
        await pilot.pause()
        assert "New case" in screen_text(pilot)


async def test_urgency_order_overdue_first(make_app, app_store: CaseStore) -> None:
    app_store.create_case({"title": "calm case"})
    _case_with_promise(app_store)  # its promise ended 11-23: overdue at FIXED_NOW
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        rows = app.screen.query_one(CaseList).rows
        assert rows[0].title == "耳机左耳无声" and rows[0].marker == "!"
        assert "1 overdue" in screen_text(pilot)


async def test_another_session_change_shows_up(make_app, app_store: CaseStore, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        other = CaseStore.open(db_path, clock=lambda: FIXED_NOW)
        other.create_case({"title": "from the other terminal"})
        app.check_outside_changes()
        await pilot.pause()
        assert "from the other terminal" in screen_text(pilot)


async def test_help_lists_every_main_key(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(pilot)
        for binding in MainScreen.localized(app.msgs).BINDINGS:
            if binding.description:
                assert binding.description in text


async def test_command_palette_reaches_actions(make_app, app_store: CaseStore) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "New case")
        await workers_done(pilot)  # the palette gathers its hits in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)


async def test_due_dashboard_opens_the_chosen_case(make_app, app_store: CaseStore) -> None:
    app_store.create_case({"title": "calm"})
    late_id = _case_with_promise(app_store)
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(CaseList).action_jump(-1)  # select the calm case first
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        text = screen_text(pilot)
        assert "到期一览" in text and "3个工作日内退款" in text and "逾期" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.screen.selected_case_id == late_id


async def test_follow_up_key_prefills_the_suggested_channel(make_app, app_store: CaseStore) -> None:
    case_id = _case_with_promise(app_store)  # overdue hotline promise -> follow up by hotline
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert app.screen.values()["channel"] == "hotline"
        # the advice is a hint under "what was said", never the record itself
        assert app.screen.values()["summary"] == ""
        assert "8821" in screen_text(pilot) and "not saved" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        contacts = app_store.get(case_id).contacts
        assert len(contacts) == 2 and contacts[-1].summary == ""


async def test_export_dialog_preview_redact_save_and_copy(make_app, app_store: CaseStore, tmp_path: Path) -> None:
    case_id = _case_with_promise(app_store)
    app_store.update_case(case_id, {"order_no": "P778812345678901"})
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await settle_export(pilot)
        from tui.screens.export import ExportScreen, SavePathDialog

        assert isinstance(app.screen, ExportScreen)
        assert "P778812345678901" in app.screen.text and "维权时间线" in app.screen.text
        assert "维权时间线" in screen_text(pilot)  # the preview shows the export's own text
        await pilot.press("3")  # complaint draft
        await settle_export(pilot)
        assert app.screen.text.startswith("# 投诉书")
        await pilot.press("r")  # redact
        await settle_export(pilot)
        assert "P778812345678901" not in app.screen.text and "已自动脱敏" in screen_text(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == app.screen.text
        target = tmp_path / "complaint.md"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SavePathDialog)
        app.screen.query_one("#save-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# 投诉书")


async def test_edit_saves_the_case_it_was_opened_for_even_when_the_selection_moves(
    make_app, app_store: CaseStore, db_path: Path
) -> None:
    """Another session renames the case so the filter drops it while the form is open: saving
    still targets that case, and asks before overwriting the other session's change."""
    app_store.create_case({"title": "Wrong colour scarf"})
    edited = app_store.create_case({"title": "Earbuds left silent"})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "earbuds")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.selected_case_id == edited.id
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "title", "Earbuds: mine")
        other = CaseStore.open(db_path, clock=lambda: FIXED_NOW)
        other.update_case(edited.id, {"title": "Headphones: theirs"})
        app.check_outside_changes()  # the filter no longer matches: the selection moves off the case
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)  # changed elsewhere: ask first
        await pilot.press("2")  # keep theirs
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        titles = {case.id: case.title for case in CaseStore.open(db_path).cases()}
        assert titles[edited.id] == "Headphones: theirs" and "Wrong colour scarf" in titles.values()
