"""The review of a redacted export: opened from the export dialog with p, one span shown as
written, one more string masked, accepted; the saved file reflects both and only then says it is
ready to post."""

from __future__ import annotations

from pathlib import Path

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import screen_text, settle_export, type_text
from tui.screens.export import ExportScreen, SavePathDialog
from tui.screens.redaction_review import MaskTextDialog, RedactionReviewScreen
from tui.widgets.row_table import RowTable

SUMMARY = "快递员刘强把我的手机 138 1234 5678 写在了面单上，还说小美姐会联系我。"


def _case(store: CaseStore) -> int:
    case = store.create_case({"title": "快递丢件", "order_no": "P778812345678901"})
    store.add_contact(case.id, {"at": "2026-11-18T09:40:00+08:00", "channel": "hotline", "summary": SUMMARY})
    return case.id


async def test_unmask_one_mask_one_more_accept_and_save(make_app, app_store: CaseStore, tmp_path: Path) -> None:
    _case(app_store)
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await settle_export(pilot)  # rendered in a thread
        assert isinstance(app.screen, ExportScreen)
        export = app.screen
        await pilot.press("p")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, RedactionReviewScreen)
        kinds = {(f.kind.value, f.original) for f in review.findings}
        assert {("name", "刘强"), ("mobile", "138 1234 5678"), ("order", "P778812345678901")} <= kinds
        assert "138 ＊＊＊＊" in screen_text(pilot)  # the document, masks highlighted; the list shows both
        # show the courier's name as written (say it is a public figure the post is about)
        table = review.query_one(RowTable)
        table.cursor = next(i for i, f in enumerate(review.findings) if f.original == "刘强")
        await pilot.press("u")
        await pilot.pause()
        assert next(f for f in review.findings if f.original == "刘强").shown
        # mask a nickname the detectors cannot know
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MaskTextDialog)
        await type_text(pilot, "小美")
        await pilot.press("enter")
        await pilot.pause()
        assert any(f.original == "小美" and f.kind.value == "manual" for f in review.findings)
        await pilot.press("a")
        await settle_export(pilot)  # rendered in a thread
        assert app.screen is export and export.review.accepted
        assert "已脱敏并核对，可公开发布" in screen_text(pilot)
        target = tmp_path / "public.md"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SavePathDialog)
        app.screen.query_one("#save-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    saved = target.read_text(encoding="utf-8")
    assert "快递员刘强" in saved  # shown as written, as chosen
    assert "小美" not in saved and "＊＊姐会联系我" in saved  # masked as asked
    assert "138 1234 5678" not in saved and "P778812345678901" not in saved  # the rest stays masked
    assert "可以公开发布" in saved and "尚未经人工核对" not in saved


async def test_without_review_the_redacted_export_is_not_called_ready(make_app, app_store: CaseStore) -> None:
    _case(app_store)
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.press("r")
        await settle_export(pilot)  # rendered in a thread
        assert isinstance(app.screen, ExportScreen)
        assert "has not been reviewed" in app.screen.text and "ready to post" not in app.screen.text
        assert "press p to review" in screen_text(pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")  # back without accepting
        await settle_export(pilot)  # rendered in a thread
        assert isinstance(app.screen, ExportScreen) and not app.screen.review.accepted
        assert "has not been reviewed" in app.screen.text


async def test_a_new_contact_after_the_review_needs_another_look(make_app, app_store: CaseStore) -> None:
    case_id = _case(app_store)
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("a")
        await settle_export(pilot)  # rendered in a thread
        export = app.screen
        assert isinstance(export, ExportScreen) and "ready to post publicly" in export.text
        app_store.add_contact(
            case_id, {"at": "2026-11-19T10:00:00+08:00", "channel": "online_cs", "summary": "My QQ is 55667788."}
        )
        export.reload_from_store()  # as the app does when the database changes
        await settle_export(pilot)
        assert "has not been reviewed" in export.text and "55667788" not in export.text
