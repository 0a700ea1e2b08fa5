"""A background job that fails is reported in the user's language and the app carries on: the
guide read ahead, hashing an evidence file, opening the database (tui.workers)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from rich.text import Text

import tui.app
import tui.screens.guide
from store.cases.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW, fill, screen_text, workers_done
from tui.app import WeiquanApp
from tui.dialogs.evidence_form import EvidenceForm
from tui.dialogs.hash_progress import HashProgress
from tui.screens.main import MainScreen
from tui.textual_compat import shown_notifications
from tui.widgets.evidence_pane import EvidenceTable


def _toasts(app: WeiquanApp) -> list[str]:
    return [n.message for n in shown_notifications(app)]


@pytest.mark.parametrize(
    ("lang", "said", "why"),
    [("en", "Reading the guide failed", "an input/output error"), ("zh-CN", "读取指南时出错", "读写出错")],
)
async def test_a_guide_that_cannot_be_read_ahead_is_reported(
    make_app, app_store: CaseStore, monkeypatch: pytest.MonkeyPatch, lang: str, said: str, why: str
) -> None:
    """Which job stopped and why, in the user's words (never the system's "Input/output error")."""

    def unreadable(lang: str, chapter: str) -> None:
        raise OSError(errno.EIO, "Input/output error", f"content/guide/{lang}/{chapter}")

    monkeypatch.setattr("store.rules.guide_structure.headings", unreadable)
    monkeypatch.setattr(tui.app, "GUIDE_PREPARE_SECONDS", 3600)  # only the read ahead, in its thread
    app_store.create_case({"title": "耳机左耳无声"})
    app = make_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await workers_done(pilot)
        assert isinstance(app.screen, MainScreen)
        toasts = [toast for toast in _toasts(app) if said in toast]
        assert toasts and all(why in toast and "content/guide" in toast for toast in toasts)
        assert not any("Input/output error" in toast or "EIO" in toast for toast in _toasts(app))


async def _attach(pilot, app: WeiquanApp, proof: Path) -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one(EvidenceTable).focus()
    await pilot.press("v")
    assert isinstance(app.screen, EvidenceForm)
    await fill(pilot, "attach", str(proof))
    await pilot.press("ctrl+s")
    await workers_done(pilot)


async def test_a_file_that_cannot_be_read_is_said_beside_the_field_not_as_a_failed_job(
    make_app, app_store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A problem with the file itself is the form's to say, in the user's words; the one failure
    handler stays quiet about it (the dialog has handled it)."""
    case_id = app_store.create_case({"title": "耳机左耳无声", "category": "quality"}).id
    proof = tmp_path / "开箱视频.mp4"
    proof.write_bytes(b"\x00video" * 1000)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(proof))

    monkeypatch.setattr("tui.dialogs.hash_progress.hash_file", denied)
    app = make_app("zh-CN")
    async with app.run_test(size=(200, 80)) as pilot:
        await _attach(pilot, app, proof)
        assert isinstance(app.screen, EvidenceForm)  # the form stays, with the path typed
        assert "没有权限" in screen_text(pilot) and "Permission denied" not in screen_text(pilot)
        assert not any("计算证据文件的校验值时出错" in toast for toast in _toasts(app))
        assert not app_store.get(case_id).evidence[0].files


async def test_hashing_that_stops_for_an_unexpected_reason_is_reported_in_the_users_language(
    make_app, app_store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = app_store.create_case({"title": "耳机左耳无声", "category": "quality"}).id
    proof = tmp_path / "开箱视频.mp4"
    proof.write_bytes(b"\x00video" * 1000)

    def failing(*args: object, **kwargs: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr("tui.dialogs.hash_progress.hash_file", failing)
    app = make_app("zh-CN")
    async with app.run_test(size=(200, 80)) as pilot:
        await _attach(pilot, app, proof)
        assert not isinstance(app.screen, HashProgress)  # the dialog is gone, the app still runs
        toasts = _toasts(app)
        assert any("计算证据文件的校验值时出错：ValueError: a bug" in toast for toast in toasts), toasts
        assert not app_store.get(case_id).evidence[0].files


async def test_a_database_that_cannot_be_opened_for_an_unexpected_reason_ends_the_app_cleanly() -> None:
    def broken() -> CaseStore:
        raise RuntimeError("unexpected")

    app = WeiquanApp(broken, lang="en", clock=lambda: FIXED_NOW, watch_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await workers_done(pilot)
    assert app.return_code == 2


async def test_a_failure_textual_reports_by_panic_marks_the_app_crashed(make_app, app_store: CaseStore) -> None:
    """Textual ends the app with panic() when one of its own threads fails (the keyboard reader);
    the command must then exit 1 (tui.launch), not 0 as after a normal quit."""
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await workers_done(pilot)
        assert not app.crashed
        app.panic(Text("the keyboard reader stopped"))
    assert app.crashed and app.return_code in (None, 0)  # so launch must look at crashed
