"""One exception hierarchy for everything a user can cause or meet.

Each error carries a short title and a message written for the user; the CLI prints them and
exits with status 2, the app shows them in a notification. Nothing here is ever a traceback.
"""

from __future__ import annotations

from pathlib import Path


class WeiquanError(Exception):
    """Base class: something the user can understand and act on."""

    title = "weiquan error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(WeiquanError):
    """A value the user typed (or a file they gave) does not make sense."""

    title = "Invalid input"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(WeiquanError):
    title = "Not found"


class StoreDamaged(WeiquanError):
    """The database file cannot be read; it has not been touched."""

    title = "Database cannot be read"

    def __init__(self, path: Path, problem: str, newest_backup: Path | None = None) -> None:
        self.path = path
        self.problem = problem
        self.newest_backup = newest_backup
        lines = [f"The database {path} cannot be read: {problem}", "The file has not been changed."]
        if newest_backup is not None:
            lines.append(f"The newest backup is {newest_backup}; to use it run: weiquan restore {newest_backup}")
        else:
            lines.append("No backup was found. Fix the file by hand or open another one with --db PATH.")
        super().__init__("\n".join(lines))


class StoreBusy(WeiquanError):
    title = "Database busy"


class StoreWriteFailed(WeiquanError):
    """Saving failed (disk full, permissions); the file on disk is as it was before."""

    title = "Could not save"


class ConflictError(WeiquanError):
    """The record changed in another session since the form was opened."""

    title = "Changed elsewhere"


class BackupInvalid(WeiquanError):
    title = "Backup cannot be used"
