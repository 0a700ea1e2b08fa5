"""Schema versions and the ordered migrations between them.

The version lives in the ``meta`` table. To change the stored shape: bump SCHEMA_VERSION and add
``MIGRATIONS[old] = function`` turning a database of version ``old`` into ``old + 1``. The store
copies the file to a backup before the first migration runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 2
META_TABLE = "meta"
CASES_TABLE = "cases"
META_DOC_ID = "1"

Data = dict[str, dict[str, Any]]
Migration = Callable[[Data], Data]


def _facts_instead_of_a_legal_basis(data: Data) -> Data:
    """Schema 2: the statutory amount follows from the problem and the facts the user confirms,
    not from a basis picked from a list. A case that picked 消法 Art. 55 confirmed a deception;
    one that picked 食品安全法 Art. 148 is a food case whose seller knew."""
    for doc in data.get(CASES_TABLE, {}).values():
        if not isinstance(doc, dict):
            continue  # reported as damage when the cases are read
        basis = doc.pop("legal_basis", None)
        if basis == "cpl_art55":
            doc["deceived"] = True
        elif basis == "food_safety_art148":
            doc["seller_knew"] = True
            doc["category"] = "food"
    return data


# MIGRATIONS[n] upgrades a database of schema n to schema n + 1.
MIGRATIONS: dict[int, Migration] = {1: _facts_instead_of_a_legal_basis}


class SchemaProblem(Exception):
    """The data's schema version cannot be used by this program."""


def schema_version_of(data: Data) -> int | None:
    """The stored version, or None for a new (empty) database."""
    if not data:
        return None
    meta = data.get(META_TABLE, {}).get(META_DOC_ID)
    if not isinstance(meta, dict):
        raise SchemaProblem("it has no meta table with a schema version (is it a weiquan database?)")
    version = meta.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SchemaProblem(f"its schema version {version!r} is not a positive whole number")
    return version


def check_supported(version: int, current: int | None = None) -> None:
    current = SCHEMA_VERSION if current is None else current
    if version > current:
        raise SchemaProblem(
            f"it was written by a newer weiquan (schema {version}; this version reads up to "
            f"{current}). Upgrade weiquan to open it."
        )
    missing = [v for v in range(version, current) if v not in MIGRATIONS]
    if missing:
        raise SchemaProblem(f"no migration from schema {missing[0]} is known")


def migrate(data: Data, version: int, current: int | None = None) -> Data:
    """Apply the migrations from ``version`` up to ``current`` (default: this program's) in order."""
    current = SCHEMA_VERSION if current is None else current
    check_supported(version, current)
    for step in range(version, current):
        data = MIGRATIONS[step](data)
        data.setdefault(META_TABLE, {}).setdefault(META_DOC_ID, {})["schema_version"] = step + 1
    return data


def new_meta() -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "next_case_id": 1}
