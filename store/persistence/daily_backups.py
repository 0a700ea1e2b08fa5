"""Rotating daily copies of the database file, and where to find the newest one."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path

from store.calendar.china_time import Clock, china_now, to_china
from store.persistence.atomic_files import atomic_write, companion_folder, temp_pattern
from store.persistence.file_errors import cannot
from store.persistence.regular_files import read_regular

DAILY_BACKUPS_KEPT = 14


def backup_dir(db_path: Path) -> Path:
    """Backups sit beside the database: weiquan.json -> weiquan-backups/."""
    return db_path.parent / f"{db_path.stem}-backups"


def list_backups(db_path: Path) -> list[Path]:
    """All backup files of this database, newest first (names sort by time). A backup folder that
    is a link, or cannot be read, has none (see companion_folder)."""
    folder = backup_dir(db_path)
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return []
        found = []
        for entry in os.scandir(folder):
            if entry.name.endswith(".json") and not entry.name.startswith(".") and entry.is_file(follow_symlinks=False):
                found.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.name))
    except OSError:
        return []
    return [folder / name for _, name in sorted(found, reverse=True)]


def newest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


def copy_to_backup(db_path: Path, label: str) -> Path:
    """Copy the database file into the backup folder under ``<stem>-<label>.json`` (atomic);
    FileProblem, in the user's words, when that cannot be done."""
    folder = companion_folder(backup_dir(db_path))
    target = folder / f"{db_path.stem}-{label}.json"
    payload = read_regular(db_path)
    try:
        atomic_write(target, payload)
    except OSError as error:
        raise cannot("write", target, error) from None
    return target


def backup_temp_pattern(db_path: Path) -> re.Pattern[str]:
    """Temporary files of this database's backup copies, as a killed copy leaves them."""
    return temp_pattern(name_regex=re.escape(f"{db_path.stem}-") + r".+\.json")


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
