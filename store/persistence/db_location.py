"""Where the database lives: --db PATH, then $WEIQUAN_DB, then the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

DB_FILE_NAME = "weiquan.json"
ENV_DB = "WEIQUAN_DB"


def default_db_path() -> Path:
    import platformdirs  # only where no path is given (it takes a few milliseconds to load)

    return platformdirs.user_data_path("weiquan", appauthor=False) / DB_FILE_NAME


def resolve_db_path(cli_value: str | None, environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    chosen = cli_value or env.get(ENV_DB) or None
    return Path(chosen).expanduser() if chosen else default_db_path()


def real_db_path(path: Path) -> Path:
    """The database file itself. A database that is a link (say, into a synced folder) is followed
    once, here: saves then replace the file it points to, beside it, and the link stays a link;
    the lock, backups and vault sit beside the real file, so every name for it shares them."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path
