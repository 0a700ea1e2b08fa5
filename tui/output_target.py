"""A file the user names for output (``export -o``, ``ics -o``, ``backup -o``, the app's save) is
never one of weiquan's own: the database, its lock file, or a file in the folders beside it
(backups, the evidence vault, call drafts). Writing an export there replaced every case with
Markdown, or a lock another session holds with a new file (two writers at once), in one keystroke.
"""

from __future__ import annotations

import os
from pathlib import Path

from store.cases.case_index import index_path
from store.errors import FileProblem
from store.persistence.call_drafts import drafts_dir
from store.persistence.daily_backups import backup_dir
from store.persistence.leftovers import vault_dir
from store.rules.messages import Msg


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))  # already expanded (tui.typed_paths)


def check_not_own_file(target: Path, db_path: Path | None) -> None:
    """FileProblem (in the user's words) if ``target`` is the database at ``db_path`` or one of its files."""
    if db_path is None:
        return
    real, db = _real(target), _real(db_path)
    own_files = (db, Path(f"{db}.lock"), Path(index_path(db)))
    own_folders = (backup_dir(db), vault_dir(db), drafts_dir(db))
    if real in own_files or any(real.is_relative_to(_real(folder)) for folder in own_folders):
        raise FileProblem(Msg.of("files.output_is_own_file", path=str(target), database=str(db_path)))
