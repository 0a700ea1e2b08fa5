"""What a killed save leaves beside a database, and removing it at the next start.

Each temporary file is a full copy of the data (cases purged since included), so they must not
pile up. They are removed when a session opens the database holding its lock; a save in progress
elsewhere (the vault's copies are written without that lock) keeps its temp file flock'ed and is
left alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from store.cases.case_index import index_path
from store.persistence.atomic_files import remove_stale_temps, temp_pattern
from store.persistence.daily_backups import backup_dir, backup_temp_pattern

VAULT_INCOMING = "incoming"  # the vault's temp files: .incoming.<random>.tmp
_OLD_VAULT_INCOMING = re.compile(r"\.incoming-[0-9]+-.*")  # before random names: .incoming-<pid>-<name>


def vault_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-vault"


def clean_leftovers(db_path: Path) -> int:
    """Remove stale temp files of this database, its case index, its backups and its vault;
    returns how many."""
    removed = remove_stale_temps(db_path.parent, temp_pattern(db_path.name), keep=db_path.name)
    index_name = Path(index_path(db_path)).name
    removed += remove_stale_temps(db_path.parent, temp_pattern(index_name), keep=index_name)
    removed += remove_stale_temps(backup_dir(db_path), backup_temp_pattern(db_path), companion=True)
    vault = vault_dir(db_path)
    removed += remove_stale_temps(vault, temp_pattern(VAULT_INCOMING), companion=True)
    removed += remove_stale_temps(vault, _OLD_VAULT_INCOMING, companion=True)
    drafts = db_path.parent / f"{db_path.stem}-drafts"  # call_drafts.drafts_dir
    removed += remove_stale_temps(drafts, temp_pattern(name_regex=r"call-.+\.json"), companion=True)
    return removed
