"""A damaged database gives a clear error and is left byte-for-byte as it was; modes are private."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from store.cases.case_store import CaseStore
from store.errors import StoreDamaged
from store.persistence.daily_backups import backup_dir
from tests.helpers.cli import run_weiquan


def _good_db(path: Path) -> bytes:
    store = CaseStore.open(path)
    store.create_case({"title": "好的案件"})
    return path.read_bytes()


def _hand_edited(raw: bytes) -> bytes:
    data = orjson.loads(raw)
    data["cases"]["1"]["amount_paid_fen"] = "二十块"
    return orjson.dumps(data)


def _wrong_version(raw: bytes) -> bytes:
    data = orjson.loads(raw)
    data["meta"]["1"]["schema_version"] = 99
    return orjson.dumps(data)


DAMAGE = {
    "corrupt": lambda raw: raw.replace(b"{", b"<", 3),
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "wrong_version": _wrong_version,
    "hand_edited_invalid": _hand_edited,
    "not_an_object": lambda raw: b"[1, 2, 3]",
}
EXPECTED_WORDS = {
    "corrupt": "not valid JSON",
    "truncated": "not valid JSON",
    "empty": "empty",
    "wrong_version": "newer weiquan",
    "hand_edited_invalid": "amount_paid_fen",
    "not_an_object": "not a weiquan database",
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_file_gives_clear_error_and_is_untouched(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "weiquan.json"
    damaged = DAMAGE[kind](_good_db(db))
    db.write_bytes(damaged)
    for verb in (["list"], ["backup", "-o", str(tmp_path / "b.json")]):
        result = run_weiquan(*verb, "--db", str(db))
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert str(db) in result.stderr
        assert EXPECTED_WORDS[kind] in result.stderr
        assert "has not been changed" in result.stderr
    assert db.read_bytes() == damaged


def test_damaged_file_names_newest_backup(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    good = _good_db(db)
    store = CaseStore.open(db)
    store.create_case({"title": "second"})  # second write of the day: a daily backup now exists
    db.write_bytes(good[:10])
    with pytest.raises(StoreDamaged) as raised:
        CaseStore.open(db)
    assert raised.value.newest_backup is not None
    assert raised.value.newest_backup.parent == backup_dir(db)
    assert db.read_bytes() == good[:10]


def test_store_api_raises_store_damaged_for_a_bad_record(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    db.write_bytes(_hand_edited(_good_db(db)))
    with pytest.raises(StoreDamaged) as raised:
        CaseStore.open(db)
    assert "case 1" in raised.value.message and "amount_paid_fen" in raised.value.message


def test_file_and_folder_modes_are_private(tmp_path: Path) -> None:
    db = tmp_path / "new" / "deeper" / "weiquan.json"
    store = CaseStore.open(db)
    store.create_case({"title": "t"})
    store.create_case({"title": "u"})
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(db.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(backup_dir(db)).st_mode) == 0o700
    for backup in backup_dir(db).iterdir():
        assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600


def test_chinese_is_stored_unescaped(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    CaseStore.open(db).create_case({"title": "耳机左耳无声"})
    assert "耳机左耳无声".encode() in db.read_bytes()


def test_full_disk_loses_nothing_saved_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from store.errors import StoreWriteFailed
    from store.persistence import atomic_files as atomic

    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db)
    case = store.create_case({"title": "before"})
    before = db.read_bytes()

    def full_disk(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full_disk)
    monkeypatch.setattr(atomic.os, "writev", full_disk)  # the writes go out through either
    with pytest.raises(StoreWriteFailed) as raised:
        store.update_case(case.id, {"title": "after"})
    assert "disk is full" in raised.value.message
    monkeypatch.undo()
    assert db.read_bytes() == before
    assert store.get(case.id).title == "before"  # the in-memory copy was rolled back too
    assert not list(tmp_path.glob(".*.tmp"))
    store.update_case(case.id, {"title": "after"})
    assert CaseStore.open(db).get(case.id).title == "after"


@pytest.mark.parametrize(
    "module",
    [
        "store.cases.case_store",
        "store.persistence.safe_storage",
        "store.records.models",
        "store.persistence.backup_format",
        "store.rules.messages",
        "store.persistence.db_location",
        "store.rules.evidence_needs",
    ],
)
def test_store_never_imports_textual(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "sys.exit(1 if any(m == 'textual' or m.startswith(('textual.', 'tui')) for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_every_store_module_is_textual_free() -> None:
    root = Path(__file__).resolve().parents[2] / "store"
    modules = sorted(
        "store." + ".".join(p.relative_to(root).with_suffix("").parts)
        for p in root.rglob("*.py")
        if p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'tui'))]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
