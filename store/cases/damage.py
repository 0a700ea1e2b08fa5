"""What was wrong with the database file, once found: the very same file is not decoded again,
and every later read, refresh and change is refused with the same words (StoreDamaged, naming
the path and offering the newest backup)."""

from __future__ import annotations

from pathlib import Path

from store.errors import StoreDamaged
from store.persistence.daily_backups import newest_backup
from store.rules.messages import Msg


class DamageRecord:
    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._problem = Msg.of("")
        self.generation = -1  # the storage generation (the file as read) found damaged

    def note(self, generation: int, problem: Msg) -> StoreDamaged:
        """The file of ``generation`` is damaged; returns the error to raise."""
        self._problem = problem
        self.generation = generation
        return self.error(problem)

    def error(self, problem: Msg | None = None) -> StoreDamaged:
        path = self._path or Path(":memory:")
        backup = newest_backup(path) if self._path else None
        return StoreDamaged(path, self._problem if problem is None else problem, backup)
