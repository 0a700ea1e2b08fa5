"""Where the database lives: --db PATH, then $WEIQUAN_DB, then the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DB_FILE_NAME = "weiquan.json"
ENV_DB = "WEIQUAN_DB"


def default_db_path() -> Path:
    return platformdirs.user_data_path("weiquan", appauthor=False) / DB_FILE_NAME


def resolve_db_path(cli_value: str | None, environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    chosen = cli_value or env.get(ENV_DB) or None
    return Path(chosen).expanduser() if chosen else default_db_path()
