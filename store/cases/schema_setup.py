"""Opening a database: a new one gets its meta document; an older schema is migrated, after a
backup copy of the file, before anything else reads it."""

from __future__ import annotations

from store.cases.tinydb_tables import CaseTables
from store.persistence.daily_backups import copy_to_backup
from store.persistence.safe_storage import SafeStorage
from store.persistence.schema import SCHEMA_VERSION, migrate, schema_version_of


def prepare(storage: SafeStorage, tables: CaseTables, *, locked: bool) -> None:
    """Create, or check the schema version and migrate; SchemaProblem when neither can be done.

    ``locked=False`` (commands that only read): a database already at this schema, or an empty
    one, is read without the lock and without writing; the lock is taken only to migrate.
    """
    if not locked and schema_version_of(storage.read() or {}) in (SCHEMA_VERSION, None):
        return  # a command that only reads writes nothing: an empty file is read as no cases
    with storage.transaction():
        data = storage.read() or {}
        version = schema_version_of(data)
        if version is None:
            tables.start_new()
        elif version != SCHEMA_VERSION:
            migrated = migrate(storage.decoded(data), version)  # raises before anything is written
            if storage.path is not None:
                copy_to_backup(storage.path, f"before-schema-{SCHEMA_VERSION}-from-{version}")
            storage.write(migrated)
