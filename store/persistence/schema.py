"""Schema versions and the ordered migrations between them.

The version lives in the ``meta`` table. To change the stored shape: bump SCHEMA_VERSION and add
``MIGRATIONS[old] = function`` turning a database of version ``old`` into ``old + 1``. The store
copies the file to a backup before the first migration runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store.records.record_ids import MAX_RECORD_ID, id_from_key, is_id_counter, shown
from store.rules.messages import Msg

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
    table = data.get(CASES_TABLE, {})
    for doc in table.values() if isinstance(table, dict) else ():
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
    """The data's schema version (or its shape) cannot be used by this program; ``msg`` says why."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(msg.key)
        self.msg = msg


def schema_version_of(data: Data) -> int | None:
    """The stored version, or None for a new (empty) database."""
    if not data:
        return None
    table = data.get(META_TABLE, {})
    meta = table.get(META_DOC_ID) if isinstance(table, dict) else None
    if not isinstance(meta, dict):
        raise SchemaProblem(Msg.of("store.problem_no_meta"))
    version = meta.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SchemaProblem(Msg.of("store.problem_bad_version", version=shown(version)))
    return version


def check_supported(version: int, current: int | None = None) -> None:
    current = SCHEMA_VERSION if current is None else current
    if version > current:
        raise SchemaProblem(Msg.of("store.problem_newer", version=shown(version), current=current))
    missing = [v for v in range(version, current) if v not in MIGRATIONS]
    if missing:
        raise SchemaProblem(Msg.of("store.problem_no_migration", version=missing[0]))


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


def case_documents(data: Data) -> list[tuple[int, dict[str, Any]]]:
    """The cases table's records with their ids. SchemaProblem naming the key for a key that is not
    a canonical id ("01", "²", " 1" …: see record_ids) or a record that is not an object."""
    table = data.get(CASES_TABLE, {})
    if not isinstance(table, dict):
        raise SchemaProblem(Msg.of("store.problem_table_not_object", name=CASES_TABLE))
    found = []
    for key, doc in table.items():
        case_id = id_from_key(key)
        if case_id is None:
            raise SchemaProblem(Msg.of("store.problem_bad_case_key", key=shown(key), max=MAX_RECORD_ID))
        if not isinstance(doc, dict):
            raise SchemaProblem(Msg.of("store.problem_case_not_object", key=key))
        found.append((case_id, doc))
    return found


def id_counter(data: Data) -> int | None:
    """The stored next-case-id counter (None when there is none). SchemaProblem for a meta table,
    meta key or counter that is not what weiquan writes (a counter past MAX_RECORD_ID + 1 would make
    every new case fail)."""
    table = data.get(META_TABLE, {})
    if not isinstance(table, dict):
        raise SchemaProblem(Msg.of("store.problem_table_not_object", name=META_TABLE))
    for key, doc in table.items():
        if id_from_key(key) is None:
            raise SchemaProblem(Msg.of("store.problem_bad_meta_key", key=shown(key)))
        if not isinstance(doc, dict):
            raise SchemaProblem(Msg.of("store.problem_meta_not_object", key=key))
    counter = table.get(META_DOC_ID, {}).get("next_case_id")
    if counter is None:
        return None
    if not is_id_counter(counter):
        raise SchemaProblem(Msg.of("store.problem_bad_counter", value=shown(counter), max=MAX_RECORD_ID + 1))
    return int(counter)
