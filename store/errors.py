"""One exception hierarchy for everything a user can cause or meet.

Each error carries a message for the user as a catalog key and parameters (``Msg``), so the
interface says it in the user's language: ``msgs(error.msg)``, titled ``msgs(error.title_key)``.
``error.message`` is the English text (logs, tests). The CLI prints errors and exits with status
2, the app shows them in a notification. Nothing here is ever a traceback.
"""

from __future__ import annotations

from pathlib import Path

from store.rules.messages import Messages, Msg


class WeiquanError(Exception):
    """Base class: something the user can understand and act on.

    ``WeiquanError(Msg.of("key", name=value))``: the message is a catalog key and its parameters,
    so the user reads it in their language. A plain string is refused (TypeError): a sentence
    written in code would be shown in that one language to everybody.
    """

    title = "weiquan error"

    def __init__(self, message: Msg) -> None:
        if not isinstance(message, Msg):
            raise TypeError(f"{type(self).__name__} takes a Msg (a catalog key), not {type(message).__name__}")
        self.msg = message
        super().__init__(self.message)

    @property
    def title_key(self) -> str:
        return f"error.{type(self).__name__}"

    @property
    def message(self) -> str:
        return self.text(Messages("en"))

    def text(self, msgs: Messages) -> str:
        """The message in the language of ``msgs``."""
        return msgs(self.msg)


class InvalidInput(WeiquanError):
    """A value the user typed (or a file they gave) does not make sense."""

    title = "Invalid input"

    def __init__(self, message: Msg, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ContentInvalid(InvalidInput):
    """A TOML file (shipped in content/, or the user's holiday file) is not what its schema says:
    the message names the file and the place in it."""

    title = "File content not valid"


class NotFound(WeiquanError):
    title = "Not found"


class StoreDamaged(WeiquanError):
    """The database file cannot be read; it has not been touched.

    ``problem`` says what is wrong, as a Msg.
    """

    title = "Database cannot be read"

    def __init__(self, path: Path, problem: Msg, newest_backup: Path | None = None) -> None:
        self.path = path
        self.problem = problem
        self.newest_backup = newest_backup
        hint = (
            Msg.of("store.damaged_restore", backup=str(newest_backup))
            if newest_backup is not None
            else Msg.of("store.damaged_no_backup")
        )
        self.parts = (Msg.of("store.damaged_what", path=str(path), problem=problem), Msg.of("store.untouched"), hint)
        what, untouched, _ = self.parts
        super().__init__(Msg.of("store.damaged", what=what, untouched=untouched, next=hint))

    def lines(self, msgs: Messages) -> list[str]:
        """The message as separate sentences, for a screen with room (the command line prints one line)."""
        return [msgs(part) for part in self.parts]


class StoreMissing(WeiquanError):
    """A command that only reads was pointed at a database that does not exist; nothing was created."""

    title = "No database"


class FileProblem(WeiquanError):
    """A file or folder weiquan was asked to read or write cannot be used (the path, the disk, the
    permissions); nothing was changed."""

    title = "File problem"


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
