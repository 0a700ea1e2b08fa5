"""A failed save keeps the form: the typing stays, the reason is shown in it, in the user's language.

The storage's write raises ENOSPC (a full disk) through the same path a real one takes: the
atomic write under SafeStorage raises OSError, the store rolls back, the form stays open. Once
the disk has room again, the same form saves. No toast claims another session changed anything.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW, fill, screen_text
from tests.helpers.small_fs import refuse_lock_files
from tui.app import WeiquanApp
from tui.dialogs.confirm import ChoiceDialog
from tui.dialogs.form import FormScreen
from tui.screens.main import MainScreen
from tui.widgets.evidence_pane import EvidenceTable
from tui.widgets.timeline import Timeline

FULL = {"en": "the disk is full", "zh-CN": "磁盘已满"}
NOT_SAVED = {"en": "Your last change was not saved", "zh-CN": "刚才的修改没有保存"}


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("store.persistence.safe_storage.atomic_write", full)


def _problem_shown(form: FormScreen) -> str:
    """What the form shows as the reason it did not save (only text that is on the screen)."""
    shown = []
    for widget in form.query("#form-general-error, .form-error"):
        region = widget.region
        if widget.display and region.height and form.region.contains_region(region):
            shown.append(str(widget.render()).replace("\n", " "))
    return " ".join(shown)


def _case(store: CaseStore) -> int:
    case = store.create_case({"title": "耳机左耳无声"})
    store.add_contact(case.id, {"at": "2026-11-20T10:00:00+08:00", "channel": "hotline", "agent_id": "8821"})
    return case.id


async def _new_case(pilot: Pilot) -> None:
    await pilot.press("n")
    await fill(pilot, "title", "蓝牙耳机 左耳无声")
    await fill(pilot, "notes", "客服说三天内退款，\n截图已保存。")


async def _edit_case(pilot: Pilot) -> None:
    await pilot.press("e")
    await fill(pilot, "title", "耳机左耳无声（已换货）")


async def _new_contact(pilot: Pilot) -> None:
    await pilot.press("c")
    await fill(pilot, "agent_id", "9931")
    await fill(pilot, "summary", "第二次打电话，客服答应加急。")


async def _edit_contact(pilot: Pilot) -> None:
    pilot.app.screen.query_one(Timeline).focus()
    await pilot.press("e")
    await fill(pilot, "summary", "客服承认是质量问题。")


async def _evidence(pilot: Pilot) -> None:
    pilot.app.screen.query_one(EvidenceTable).focus()
    await pilot.press("v")
    await fill(pilot, "note", "三张照片 + 开箱视频")


FORMS: dict[str, tuple[Callable[[Pilot], Awaitable[None]], str, Callable[[CaseStore], str]]] = {
    # name: (open the form and type, a field to check, what the store holds once saved)
    "new case": (_new_case, "notes", lambda s: s.cases()[0].notes if len(s.cases()) == 2 else ""),
    "edit case": (_edit_case, "title", lambda s: s.get(1).title),
    "new contact": (_new_contact, "summary", lambda s: s.get(1).contacts[-1].summary),
    "edit contact": (_edit_contact, "summary", lambda s: s.get(1).contacts[0].summary),
    "evidence": (_evidence, "note", lambda s: s.get(1).evidence[0].note),
}


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("form", sorted(FORMS))
async def test_a_failed_save_keeps_the_form_and_the_typing(
    app_store: CaseStore, db_path: Path, monkeypatch: pytest.MonkeyPatch, form: str, lang: str
) -> None:
    _case(app_store)
    open_and_type, field, stored = FORMS[form]
    app = WeiquanApp(app_store, lang=lang, clock=lambda: FIXED_NOW, watch_seconds=0)
    notes: list[str] = []
    async with app.run_test(size=(120, 50)) as pilot:
        real_notify = app.notify
        app.notify = lambda message, **kw: (notes.append(str(message)), real_notify(message, **kw))[1]  # type: ignore[method-assign]
        await open_and_type(pilot)
        screen = app.screen
        assert isinstance(screen, FormScreen)
        typed = screen.values()
        before = db_path.read_bytes()
        with monkeypatch.context() as patched:
            _disk_full(patched)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen  # still open ...
            assert screen.values() == typed  # ... with everything typed
            shown = _problem_shown(screen)
            assert FULL[lang] in shown and NOT_SAVED[lang] in shown  # in the form, in the UI language
            assert db_path.read_bytes() == before
            app.check_outside_changes()
            await pilot.pause()
        assert app.msgs("app.updated_elsewhere") not in notes  # nobody else wrote
        await pilot.press("ctrl+s")  # the disk has room again
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert stored(CaseStore.open(db_path)) == typed[field]


async def test_after_a_failed_save_the_store_reports_no_outside_change(
    app_store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case(app_store)
    assert app_store.refresh() is False
    with monkeypatch.context() as patched:
        _disk_full(patched)
        with pytest.raises(Exception, match="disk is full"):
            app_store.update_case(case_id, {"title": "never saved"})
    assert app_store.get(case_id).title == "耳机左耳无声"  # the failed change is not kept in memory
    assert app_store.refresh() is False


async def test_a_conflict_keeps_the_form_until_the_user_decides(make_app, app_store: CaseStore, db_path: Path) -> None:
    case_id = _case(app_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        form = app.screen
        await fill(pilot, "title", "Earbuds: mine")
        await fill(pilot, "notes", "my long note")
        CaseStore.open(db_path, clock=lambda: FIXED_NOW).update_case(case_id, {"shop": "theirs"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")  # back to the form
        await pilot.pause()
        assert app.screen is form and form.values()["notes"] == "my long note"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("3")  # back to the form, by its number
        await pilot.pause()
        assert app.screen is form
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("1")  # overwrite
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        saved = CaseStore.open(db_path).get(case_id)
        assert (saved.title, saved.notes) == ("Earbuds: mine", "my long note")


async def _attach(pilot: Pilot, path: Path) -> FormScreen:
    """Open the first evidence item's form, name ``path`` to attach and press Ctrl+S."""
    pilot.app.screen.query_one(EvidenceTable).focus()
    await pilot.press("v")
    form = pilot.app.screen
    await fill(pilot, "attach", str(path))
    await pilot.press("ctrl+s")
    return form


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "no such user"])
async def test_attaching_something_that_is_not_a_file_is_explained_in_the_form(
    make_app, app_store: CaseStore, tmp_path: Path, kind: str
) -> None:
    """~name of no user ended the app (pathlib's RuntimeError)."""
    _case(app_store)
    if kind == "fifo":
        target = tmp_path / "pipe.mp4"
        os.mkfifo(target)
    else:
        target = {"device": Path("/dev/zero"), "no such user": Path("~nobody-here/x.png")}.get(kind, tmp_path)
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _attach(pilot, target)
        await pilot.pause()
        assert app.screen is form and form.field("attach").has_class("-invalid")
        assert ("这台电脑上没有这个用户" if kind == "no such user" else "不是普通文件") in screen_text(pilot)


async def test_a_copy_that_cannot_be_made_is_explained_beside_the_attach_field(
    make_app, app_store: CaseStore, db_path: Path, tmp_path: Path
) -> None:
    case_id = _case(app_store)
    proof = tmp_path / "photo.png"
    proof.write_bytes(b"\x89PNG" * 1000)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (db_path.parent / "weiquan-vault").symlink_to(elsewhere)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await _attach(pilot, proof)
        for _ in range(40):
            await pilot.pause(0.05)
            if app.screen is form and form.field("attach").has_class("-invalid"):
                break
        assert app.screen is form and form.values()["attach"] == str(proof)
        assert "symbolic link" in screen_text(pilot)
        assert list(elsewhere.iterdir()) == [] and app_store.get(case_id).evidence[0].files == ()


@pytest.mark.parametrize("kind", ["folder", "link", "no folder", "the database", "no such user"])
async def test_the_export_save_dialog_stays_with_its_path_when_it_cannot_write(
    make_app, app_store: CaseStore, tmp_path: Path, kind: str
) -> None:
    """The database itself was written over (every case replaced by Markdown) like any other file,
    and ~name of no user ended the app (pathlib's RuntimeError)."""
    from tui.screens.export import SavePathDialog

    _case(app_store)
    assert app_store.path is not None
    database = app_store.path.read_bytes()
    victim = tmp_path / "victim.md"
    victim.write_text("keep")
    target = {
        "folder": tmp_path,
        "link": tmp_path / "link.md",
        "no folder": tmp_path / "nope" / "x.md",
        "no such user": Path("~nobody-here/x.md"),
    }.get(kind, app_store.path)
    if kind == "link":
        target.symlink_to(victim)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SavePathDialog)
        dialog.query_one("#save-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and dialog.query_one("#save-path").value == str(target)
        assert ("weiquan's own file" if kind == "the database" else str(target)) in screen_text(pilot)
        assert victim.read_text() == "keep" and app_store.path.read_bytes() == database
        good = tmp_path / "case.md"
        dialog.query_one("#save-path").value = str(good)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog and good.read_text(encoding="utf-8").startswith("#")
        assert os.stat(good).st_mode & 0o777 == 0o600


@pytest.mark.parametrize("kind", ["folder", "fifo", "lock refused"])
async def test_the_app_on_a_database_it_cannot_use_ends_with_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """A lock file refused by the system (a read-only mount, say; root cannot be refused for real)
    is made by patching os.open for the lock file to raise EROFS."""
    db = tmp_path / "weiquan.json"
    if kind == "folder":
        db = tmp_path
    elif kind == "fifo":
        os.mkfifo(db)
    else:
        CaseStore.open(db)
        refuse_lock_files(monkeypatch, errno.EROFS)
    app = WeiquanApp(lambda: CaseStore.open(db), lang="zh-CN", clock=lambda: FIXED_NOW, watch_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(60):
            await pilot.pause(0.05)
            if app.return_code is not None:
                break
    assert app.return_code == 2
    printed = capsys.readouterr().err
    assert printed.startswith("weiquan: ") and "Traceback" not in printed and "errors shown" not in printed
    assert {"folder": "文件夹", "fifo": "管道", "lock refused": "只读"}[kind] in printed.replace("\n", "")
