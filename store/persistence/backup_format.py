"""The portable backup format: ``weiquan backup`` writes it, ``weiquan restore`` reads it.

A backup is one UTF-8 JSON object:

    {"format": "weiquan-backup", "format_version": 1, "schema_version": 1,
     "created": "2026-11-26T10:00:00+08:00", "app_version": "0.1.0",
     "next_case_id": 13, "cases": [{"id": 1, "title": "…", …}, …]}

Each case has the fields of store.records.models.Case. ``restore`` also accepts a copy of the database
file itself (the daily backups in ``<name>-backups/`` are such copies). Everything is validated
before the database is touched; a failed restore changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import orjson

from store.calendar.china_time import Clock, china_now
from store.cases.case_store import CaseStore
from store.errors import BackupInvalid, InvalidInput
from store.persistence.atomic_files import atomic_write
from store.persistence.daily_backups import copy_to_backup
from store.persistence.safe_storage import SafeStorage
from store.persistence.schema import (
    CASES_TABLE,
    META_DOC_ID,
    META_TABLE,
    SCHEMA_VERSION,
    SchemaProblem,
    migrate,
    schema_version_of,
)
from store.records.models import Case, decode_case, encode_case
from store.text.controls import escape_json

FORMAT_NAME = "weiquan-backup"
FORMAT_VERSION = 1


def app_version() -> str:
    try:
        return version("weiquan")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class Backup:
    cases: list[Case]
    next_case_id: int  # ids below it were used, some perhaps by cases purged before the backup


def backup_payload(store: CaseStore) -> bytes:
    return _payload(store, store.cases(include_deleted=True))


def _payload(store: CaseStore, cases: list[Case]) -> bytes:
    body: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "created": store.clock().isoformat(),
        "app_version": app_version(),
        "next_case_id": store.next_case_id(),
        "cases": [{"id": c.id, **encode_case(c)} for c in sorted(cases, key=lambda c: c.id)],
    }
    # Controls inside the text as \u escapes: the same data, safe to print (`weiquan backup -o -`).
    return escape_json(orjson.dumps(body, option=orjson.OPT_INDENT_2)) + b"\n"


def write_backup(store: CaseStore, target: Path) -> int:
    """Write a backup file; returns the number of cases in it."""
    cases = store.cases(include_deleted=True)
    atomic_write(target, _payload(store, cases))
    return len(cases)


def read_backup(source: Path) -> Backup:
    """Parse and fully validate a backup (or database copy); raise BackupInvalid on any problem."""
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise BackupInvalid(f"Cannot read {source}: {error.strerror or error}") from None
    if not raw.strip():
        raise BackupInvalid(f"{source} is empty.")
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise BackupInvalid(f"{source} is not valid JSON ({error}).") from None
    if not isinstance(body, dict):
        raise BackupInvalid(f"{source} is not a weiquan backup (the top level is not an object).")
    try:
        docs, counter = _case_documents(body)
    except SchemaProblem as problem:
        raise BackupInvalid(f"{source} cannot be restored: {problem}") from None
    cases: list[Case] = []
    seen: set[int] = set()
    for case_id, doc in docs:
        if case_id in seen:
            raise BackupInvalid(f"{source}: case id {case_id} appears twice.")
        seen.add(case_id)
        try:
            cases.append(decode_case(doc, case_id))
        except InvalidInput as problem:
            raise BackupInvalid(f"{source}: {problem.message}") from None
    return Backup(cases, max(counter, max(seen, default=0) + 1))


def restore_backup(db_path: Path | None, source: Path, clock: Clock = china_now) -> tuple[int, Path | None]:
    """Replace the database's content with the backup's; returns (cases restored, safety copy).

    Works even when the current database is damaged (it is not read). The current file is copied
    to the backup folder first, so a restore can itself be undone.
    """
    backup = read_backup(source)
    data = {
        META_TABLE: {META_DOC_ID: {"schema_version": SCHEMA_VERSION, "next_case_id": backup.next_case_id}},
        CASES_TABLE: {str(c.id): encode_case(c) for c in backup.cases},
    }
    storage = SafeStorage(db_path)
    safety: Path | None = None
    with storage.locked():
        if db_path is not None and db_path.exists():
            safety = copy_to_backup(db_path, "before-restore-" + clock().strftime("%Y%m%d-%H%M%S"))
        storage.replace_all(data)
    return len(backup.cases), safety


def _case_documents(body: dict[str, Any]) -> tuple[list[tuple[int, dict[str, Any]]], int]:
    """The case documents, migrated, and the id counter they were saved with (1 if none)."""
    if body.get("format") == FORMAT_NAME:
        fv = body.get("format_version")
        if fv != FORMAT_VERSION:
            raise SchemaProblem(f"backup format version {fv!r} is not supported (this weiquan reads {FORMAT_VERSION})")
        version = body.get("schema_version")
        if not isinstance(version, int) or version < 1:
            raise SchemaProblem(f"its schema version {version!r} is not a positive whole number")
        raw_cases = body.get("cases")
        if not isinstance(raw_cases, list):
            raise SchemaProblem("it has no list of cases")
        table: dict[str, Any] = {}
        for entry in raw_cases:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), int):
                raise SchemaProblem("a case entry has no whole-number id")
            table[str(entry["id"])] = {k: v for k, v in entry.items() if k != "id"}
        data = {
            META_TABLE: {META_DOC_ID: {"schema_version": version, "next_case_id": body.get("next_case_id")}},
            CASES_TABLE: table,
        }
    elif META_TABLE in body:
        data = body
        version = schema_version_of(data)
        if version is None:
            raise SchemaProblem("it is empty")
    else:
        raise SchemaProblem("it is neither a weiquan backup nor a weiquan database")
    data = migrate(data, version)
    cases_table = data.get(CASES_TABLE, {})
    if not isinstance(cases_table, dict):
        raise SchemaProblem("its cases table is not an object")
    out = []
    for key, doc in cases_table.items():
        if not key.isdigit() or not isinstance(doc, dict):
            raise SchemaProblem(f"case entry {key!r} is malformed")
        out.append((int(key), doc))
    meta_table = data.get(META_TABLE)
    meta = meta_table.get(META_DOC_ID) if isinstance(meta_table, dict) else None
    counter = meta.get("next_case_id") if isinstance(meta, dict) else None
    # A counter that is not a positive whole number is ignored: the ids in the file decide then.
    return out, counter if isinstance(counter, int) and not isinstance(counter, bool) and counter > 0 else 1
