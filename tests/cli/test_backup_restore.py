"""`weiquan backup` / `weiquan restore`, migrations with a backup first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest

from store.cases.case_store import CaseStore
from store.errors import BackupInvalid, StoreDamaged
from store.persistence import schema
from store.persistence.backup_format import FORMAT_NAME, read_backup
from store.persistence.daily_backups import DailyBackups, backup_dir, list_backups
from store.records.models import Channel
from tests.helpers.cli import run_weiquan


def _populated(db: Path) -> CaseStore:
    store = CaseStore.open(db)
    case = store.create_case({"title": "退款未到账", "amount_paid_fen": 12_900})
    store.add_contact(case.id, {"at": "2026-11-20T10:00:00+08:00", "channel": Channel.HOTLINE, "agent_id": "8821"})
    store.create_case({"title": "Wrong size shoes"})
    return store


def test_backup_then_restore_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _populated(db)
    out = tmp_path / "backup.json"
    result = run_weiquan("backup", "-o", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    body = orjson.loads(out.read_bytes())
    assert body["format"] == FORMAT_NAME and body["format_version"] == 1 and len(body["cases"]) == 2
    CaseStore.open(db).create_case({"title": "added after the backup"})
    result = run_weiquan("restore", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    titles = sorted(c.title for c in CaseStore.open(db).cases())
    assert titles == ["Wrong size shoes", "退款未到账"]
    assert any("before-restore" in p.name for p in list_backups(db))


def test_backup_to_stdout(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _populated(db)
    result = run_weiquan("backup", "-o", "-", "--db", str(db))
    assert result.returncode == 0
    assert orjson.loads(result.stdout)["cases"][0]["title"] == "退款未到账"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": "weiquan-backup", "format_version": 9, "schema_version": 1, "cases": []}',
        b'{"format": "weiquan-backup", "format_version": 1, "schema_version": 1, "cases": [{"id": 1, "title": ""}]}',
        b'{"format": "weiquan-backup", "format_version": 1, "schema_version": 1, "cases": [{"title": "no id"}]}',
        b'{"hello": "world"}',
    ],
)
def test_bad_backup_changes_nothing(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "weiquan.json"
    _populated(db)
    before = db.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run_weiquan("restore", str(bad), "--db", str(db))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "cannot be used" in result.stderr
    assert db.read_bytes() == before


def test_restore_works_when_the_database_is_damaged(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _populated(db)
    DailyBackups(db, today=dt.date(2030, 1, 1))()  # a daily copy of the file as it is now
    copy = list_backups(db)[0]
    assert copy.name.endswith("2030-01-01.json")
    db.write_bytes(b"{broken")
    result = run_weiquan("restore", str(copy), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert len(CaseStore.open(db).cases()) == 2


def test_restore_of_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run_weiquan("restore", str(tmp_path / "nope.json"), "--db", str(tmp_path / "db.json"))
    assert result.returncode == 2 and "Cannot read" in result.stderr


def test_daily_backups_rotate(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _populated(db)
    for day in range(1, 20):
        DailyBackups(db, keep=5, today=dt.date(2030, 10, day))()
    dailies = sorted(p.name for p in backup_dir(db).glob("*-daily-*.json"))
    assert len(dailies) == 5 and dailies[-1].endswith("2030-10-19.json") and dailies[0].endswith("2030-10-15.json")


def test_daily_backup_is_named_by_the_date_in_china(tmp_path: Path) -> None:
    """At 23:30 UTC it is already 07:30 the next morning in Shanghai: the copy carries that date."""
    db = tmp_path / "weiquan.json"
    late_utc = dt.datetime(2026, 11, 26, 23, 30, tzinfo=dt.UTC)
    CaseStore.open(db, clock=lambda: late_utc).create_case({"title": "first"})  # the file exists now
    CaseStore.open(db, clock=lambda: late_utc).create_case({"title": "second"})  # first change of a day
    assert [p.name for p in backup_dir(db).glob("*-daily-*.json")] == ["weiquan-daily-2026-11-27.json"]


def test_migration_runs_after_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "weiquan.json"
    _populated(db)
    original = db.read_bytes()

    def add_tag(data: dict) -> dict:
        for doc in data["cases"].values():
            doc["tags"] = [*doc.get("tags", []), "migrated"]
        return data

    current = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr("store.cases.schema_setup.SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {**schema.MIGRATIONS, current: add_tag})
    store = CaseStore.open(db)
    assert all("migrated" in c.tags for c in store.cases())
    assert orjson.loads(db.read_bytes())["meta"]["1"]["schema_version"] == current + 1
    saved = [p for p in list_backups(db) if f"before-schema-{current + 1}-from-{current}" in p.name]
    assert saved and saved[0].read_bytes() == original


def test_missing_migration_is_reported_not_guessed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "weiquan.json"
    _populated(db)
    before = db.read_bytes()
    current = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 2)
    monkeypatch.setattr("store.cases.schema_setup.SCHEMA_VERSION", current + 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {**schema.MIGRATIONS, current: lambda d: d})
    with pytest.raises(StoreDamaged, match=f"no migration from schema {current + 1}"):
        CaseStore.open(db)
    assert db.read_bytes() == before


def test_read_backup_validates_every_case(tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_bytes(
        orjson.dumps(
            {
                "format": FORMAT_NAME,
                "format_version": 1,
                "schema_version": 1,
                "cases": [
                    {
                        "id": 4,
                        "title": "ok",
                        "created": "2026-11-01T00:00:00+08:00",
                        "updated": "2026-11-01T00:00:00+08:00",
                        "status": "lost",
                    }
                ],
            }
        )
    )
    with pytest.raises(BackupInvalid, match=r"case 4.*status"):
        read_backup(bad)


@pytest.mark.parametrize("source", ["backup", "database copy"])
def test_a_restore_never_hands_out_the_id_of_a_purged_case_again(tmp_path: Path, source: str) -> None:
    db = tmp_path / "weiquan.json"
    store = _populated(db)  # cases 1 and 2
    third = store.create_case({"title": "purged later"})
    store.delete_case(third.id)
    store.purge_case(third.id)
    out = tmp_path / "backup.json"
    if source == "backup":
        assert run_weiquan("backup", "-o", str(out), "--db", str(db)).returncode == 0
        assert orjson.loads(out.read_bytes())["next_case_id"] == 4
    else:
        out.write_bytes(db.read_bytes())
    assert read_backup(out).next_case_id == 4
    fresh = tmp_path / "restored.json"
    result = run_weiquan("restore", str(out), "--db", str(fresh))
    assert result.returncode == 0, result.stderr
    assert CaseStore.open(fresh).create_case({"title": "new after the restore"}).id == 4  # not 3


def test_a_backup_without_a_counter_continues_after_its_highest_id(tmp_path: Path) -> None:
    for counter in (None,):
        body = {
            "format": FORMAT_NAME,
            "format_version": 1,
            "schema_version": 1,
            "cases": [
                {
                    "id": 5,
                    "title": "only case",
                    "created": "2026-11-20T10:00:00+08:00",
                    "updated": "2026-11-20T10:00:00+08:00",
                }
            ],
        }
        if counter is not None:
            body["next_case_id"] = counter
        out = tmp_path / "backup.json"
        out.write_bytes(orjson.dumps(body))
        assert read_backup(out).next_case_id == 6
