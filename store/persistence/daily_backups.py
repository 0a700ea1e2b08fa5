"""Rotating daily copies of the database file, and where to find the newest one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store.calendar.china_time import Clock, china_now, to_china
from store.persistence.atomic_files import atomic_write, ensure_private_dir

DAILY_BACKUPS_KEPT = 14


def backup_dir(db_path: Path) -> Path:
    """Backups sit beside the database: weiquan.json -> weiquan-backups/."""
    return db_path.parent / f"{db_path.stem}-backups"


def list_backups(db_path: Path) -> list[Path]:
    """All backup files of this database, newest first (names sort by time)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.suffix == ".json" and p.is_file()]
    return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def newest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


def copy_to_backup(db_path: Path, label: str) -> Path:
    """Copy the database file into the backup folder under ``<stem>-<label>.json`` (atomic)."""
    folder = backup_dir(db_path)
    ensure_private_dir(folder)
    target = folder / f"{db_path.stem}-{label}.json"
    atomic_write(target, db_path.read_bytes())
    return target


class DailyBackups:
    """Before the first write of each day, keep a copy of the file as it was; keep the last N days.

    The day is the one the user sees: China's date from ``clock`` (the store's clock), not the
    machine's own time zone, which on a server is often UTC (a copy made at 07:00 in Shanghai
    was named after the day before). ``today`` fixes the date outright.
    """

    def __init__(
        self,
        db_path: Path,
        keep: int = DAILY_BACKUPS_KEPT,
        today: dt.date | None = None,
        clock: Clock = china_now,
    ) -> None:
        self.db_path = db_path
        self.keep = keep
        self._today = today
        self._clock = clock
        self._done_for: dt.date | None = None

    def __call__(self) -> None:
        today = self._today or to_china(self._clock()).date()
        if self._done_for == today or not self.db_path.exists() or self.db_path.stat().st_size == 0:
            return
        target = backup_dir(self.db_path) / f"{self.db_path.stem}-daily-{today.isoformat()}.json"
        if not target.exists():
            copy_to_backup(self.db_path, f"daily-{today.isoformat()}")
            self._prune()
        self._done_for = today

    def _prune(self) -> None:
        dailies = sorted(backup_dir(self.db_path).glob(f"{self.db_path.stem}-daily-*.json"), reverse=True)
        for old in dailies[self.keep :]:
            old.unlink(missing_ok=True)
