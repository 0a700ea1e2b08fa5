"""Temp files, links, folder and file modes, leftovers of killed saves: the store's file safety.

These run as root here, which ignores permission bits; nothing below relies on a permission being
refused (those cases are in tests/cli/test_bad_paths.py, with the errno raised by a patched call).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from store.errors import StoreWriteFailed, WeiquanError
from store.persistence.atomic_files import atomic_write, ensure_private_dir
from store.persistence.backup_format import restore_backup, write_backup
from store.persistence.daily_backups import DailyBackups, backup_dir, copy_to_backup
from store.persistence.evidence_vault import hash_file, vault_dir
from store.rules.messages import Messages
from tui.cli import main

EN, ZH = Messages("en"), Messages("zh-CN")


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_a_link_planted_at_the_old_temp_name_is_never_written_or_chmodded(tmp_path: Path) -> None:
    """The temp file used to be ``.weiquan.json.<pid>.tmp``, opened without O_EXCL|O_NOFOLLOW."""
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    victim.chmod(0o644)
    planted = tmp_path / f".weiquan.json.{os.getpid()}.tmp"
    planted.symlink_to(victim)
    store.create_case({"title": "after the link was planted"})
    assert victim.read_text() == "keep me" and _mode(victim) == 0o644
    assert stat.S_ISREG(os.lstat(db).st_mode)  # the database did not become a link to the victim
    assert planted.is_symlink()  # not ours: left alone
    assert CaseStore.open(db).cases()[0].title == "after the link was planted"


def test_temp_files_are_exclusive_random_private_and_locked(tmp_path: Path, umask_000: None) -> None:
    from store.persistence.atomic_files import create_temp, temp_pattern

    fd, temp = create_temp(tmp_path, "weiquan.json")
    try:
        assert temp_pattern("weiquan.json").fullmatch(temp.name)
        assert str(os.getpid()) not in temp.name.split(".")[-2]
        assert _mode(temp) == 0o600
        probe = os.open(temp, os.O_RDONLY)
        with pytest.raises(BlockingIOError):  # a clean-up elsewhere sees a save in progress
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.close(probe)
    finally:
        os.close(fd)
    second_fd, second = create_temp(tmp_path, "weiquan.json")
    os.close(second_fd)
    assert second != temp


def test_a_database_that_is_a_link_keeps_updating_its_real_file(tmp_path: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "weiquan.json"
    CaseStore.open(real).create_case({"title": "first"})
    link = tmp_path / "weiquan.json"
    link.symlink_to(real)
    store = CaseStore.open(link)
    store.create_case({"title": "through the link"})
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert sorted(c.title for c in CaseStore.open(real).cases()) == ["first", "through the link"]
    assert not list(tmp_path.glob(".weiquan.json.*"))  # written beside the real file, not the link
    assert (synced / "weiquan.json.lock").exists()  # one lock for every name of the file


@pytest.mark.parametrize("folder", ["backups", "vault"])
def test_a_companion_folder_that_is_a_link_is_refused_not_followed(tmp_path: Path, folder: str) -> None:
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db)
    case = store.create_case({"title": "t"})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    companion = backup_dir(db) if folder == "backups" else vault_dir(db)
    shutil.rmtree(companion, ignore_errors=True)  # the day's first copy may be there already
    companion.symlink_to(elsewhere)
    if folder == "backups":
        with pytest.raises(WeiquanError) as raised:
            copy_to_backup(db, "manual")
    else:
        evidence = tmp_path / "photo.png"
        evidence.write_bytes(b"png")
        with pytest.raises(WeiquanError) as raised:
            hash_file(evidence, vault=companion)
    assert str(companion) in raised.value.message and "symbolic link" in raised.value.message
    assert "符号链接" in raised.value.text(ZH)
    assert list(elsewhere.iterdir()) == []
    assert store.get(case.id).title == "t"


def test_a_daily_backup_into_a_linked_folder_fails_the_save_clearly_and_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db)
    case = store.create_case({"title": "before"})
    shutil.rmtree(backup_dir(db))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    backup_dir(db).symlink_to(elsewhere)
    before = db.read_bytes()
    store = CaseStore.open(db)
    store.storage._before_write = DailyBackups(db, today=__import__("datetime").date(2031, 1, 1))
    with pytest.raises(StoreWriteFailed) as raised:
        store.update_case(case.id, {"title": "after"})
    assert "symbolic link" in raised.value.message and "was not saved" in raised.value.message
    assert db.read_bytes() == before and list(elsewhere.iterdir()) == []


def test_every_folder_weiquan_creates_is_private_parents_included(tmp_path: Path, umask_000: None) -> None:
    existing = tmp_path / "home"
    existing.mkdir(mode=0o755)
    db = existing / "a" / "b" / "c" / "weiquan.json"
    store = CaseStore.open(db)
    store.create_case({"title": "t"})
    for folder in (existing / "a", existing / "a" / "b", db.parent, backup_dir(db)):
        assert _mode(folder) == 0o700, folder
    assert _mode(existing) == 0o755  # a folder that existed is left as it was


def test_every_file_weiquan_writes_is_private_under_umask_000(tmp_path: Path, umask_000: None) -> None:
    db = tmp_path / "data" / "weiquan.json"
    store = CaseStore.open(db)
    case = store.create_case({"title": "t"})
    store.update_case(case.id, {"notes": "n"})
    evidence = tmp_path / "photo.png"
    evidence.write_bytes(b"\x89PNG")
    attached = hash_file(evidence, vault=vault_dir(db))
    write_backup(store, tmp_path / "backup.json")
    assert main(["export", "1", "-o", str(tmp_path / "export.md"), "--db", str(db)]) == 0
    assert main(["ics", "-o", str(tmp_path / "deadlines.ics"), "--db", str(db)]) == 0
    restore_backup(db, tmp_path / "backup.json")
    written = [
        db,
        Path(str(db) + ".lock"),
        vault_dir(db) / attached.vault_name,
        tmp_path / "backup.json",
        tmp_path / "export.md",
        tmp_path / "deadlines.ics",
        *backup_dir(db).iterdir(),
    ]
    assert len(list(backup_dir(db).iterdir())) >= 2  # the daily copy and the one before the restore
    for path in written:
        assert _mode(path) == 0o600, path
    assert _mode(vault_dir(db)) == 0o700


def test_stale_temp_files_are_removed_at_the_next_start_and_nothing_else(tmp_path: Path) -> None:
    from store.persistence.atomic_files import create_temp

    db = tmp_path / "weiquan.json"
    CaseStore.open(db).create_case({"title": "t"})
    ensure_private_dir(backup_dir(db))
    ensure_private_dir(vault_dir(db))
    stale = [
        tmp_path / ".weiquan.json.ab12cd_9.tmp",  # as a killed save leaves it
        tmp_path / ".weiquan.json.index.qw12er34.tmp",  # a case index written when the app was killed
        tmp_path / f".weiquan.json.{os.getpid() + 1}.tmp",  # the pid-named ones of earlier versions
        backup_dir(db) / ".weiquan-daily-2026-11-20.json.x1y2z3w4.tmp",
        vault_dir(db) / ".incoming.k9j8h7g6.tmp",
        vault_dir(db) / ".incoming-4242-photo.png",
    ]
    for path in stale:
        path.write_bytes(b"a full copy of the data")
    kept = [
        tmp_path / ".other.json.ab12cd_9.tmp",  # another file's
        tmp_path / "notes.tmp",
        tmp_path / ".weiquan.json.ab12cd_9.tmp.txt",
    ]
    for path in kept:
        path.write_bytes(b"not ours")
    victim = tmp_path / "victim"
    victim.write_text("x")
    linked = tmp_path / ".weiquan.json.linkxxxx.tmp"
    linked.symlink_to(victim)
    live_fd, live = create_temp(tmp_path, "weiquan.json")  # a save in progress in another session
    try:
        CaseStore.open(db)
        assert not [p for p in stale if p.exists()]
        assert all(p.exists() for p in kept) and victim.exists() and linked.is_symlink()
        assert live.exists()
    finally:
        os.close(live_fd)
    CaseStore.open(db)
    assert not live.exists()  # its writer is gone now


def test_a_failed_atomic_write_leaves_no_temp_file_and_the_old_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from store.persistence import atomic_files

    target = tmp_path / "out.ics"
    target.write_text("old calendar")

    def full_disk(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_files.os, "write", full_disk)
    monkeypatch.setattr(atomic_files.os, "writev", full_disk)  # the writes go out through either
    with pytest.raises(OSError):
        atomic_write(target, b"new calendar" * 1000)
    monkeypatch.undo()
    assert target.read_text() == "old calendar"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ics"]


@pytest.mark.parametrize("verb", ["export", "ics", "backup"])
@pytest.mark.parametrize("kind", ["link", "folder", "no folder"])
def test_an_output_path_that_cannot_be_a_private_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, verb: str
) -> None:
    db = tmp_path / "weiquan.json"
    CaseStore.open(db).create_case({"title": "t"})
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    target = tmp_path / "out.md"
    if kind == "link":
        target.symlink_to(victim)
        says = "symbolic link"
    elif kind == "folder":
        target.mkdir()
        says = "is a folder"
    else:
        target = tmp_path / "missing" / "out.md"
        says = "does not exist"
    args = [verb, "1"] if verb == "export" else [verb]
    assert main([*args, "-o", str(target), "--db", str(db), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert says in err and str(target) in err and "Traceback" not in err
    assert victim.read_text() == "keep" and (kind != "link" or target.is_symlink())
