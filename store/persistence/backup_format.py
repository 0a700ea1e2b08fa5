"""The portable backup format: ``weiquan backup`` writes it, ``weiquan restore`` reads it.

A backup is one UTF-8 JSON object:

    {"format": "weiquan-backup", "format_version": 1, "schema_version": 1,
     "created": "2026-11-26T10:00:00+08:00", "app_version": "0.1.0",
     "next_case_id": 13, "cases": [{"id": 1, "title": "…", …}, …]}

Each case has the fields of store.records.models.Case. ``restore`` also accepts a copy of the database
file itself (the daily backups in ``<name>-backups/`` are such copies). Everything is validated
before the database is touched; a failed restore changes nothing. The source must be a regular
file of at most MAX_DATA_FILE_BYTES (a FIFO or ``/dev/zero`` is refused, not read); ids are
canonical and unique (record_ids), and an object with the same key twice is refused, since JSON
readers silently keep only one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from store.calendar.china_time import Clock, china_now
from store.cases.case_store import CaseStore
from store.errors import BackupInvalid, FileProblem, InvalidInput
from store.persistence.daily_backups import copy_to_backup
from store.persistence.database_file import repeated_key
from store.persistence.output_files import write_output
from store.persistence.regular_files import read_regular
from store.persistence.safe_storage import SafeStorage
from store.persistence.schema import (
    CASES_TABLE,
    META_DOC_ID,
    META_TABLE,
    SCHEMA_VERSION,
    SchemaProblem,
    case_documents,
    id_counter,
    migrate,
    schema_version_of,
)
from store.records.models import Case, encode_case
from store.records.record_ids import MAX_RECORD_ID, is_id_counter, is_record_id, shown
from store.records.stored_cases import decode_case
from store.rules.messages import Msg
from store.text.controls import escape_json
from store.version import __version__

FORMAT_NAME = "weiquan-backup"
FORMAT_VERSION = 1


def app_version() -> str:
    return __version__


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
    """Write a backup file the user named (atomic, 0600, never through a link); returns the number
    of cases in it. FileProblem when it cannot be written."""
    cases = store.cases(include_deleted=True)
    write_output(target, _payload(store, cases))
    return len(cases)


def read_backup(source: Path) -> Backup:
    """Parse and fully validate a backup (or database copy); raise BackupInvalid on any problem
    with its content, FileProblem when it cannot be read (not a regular file, too large …)."""
    raw = read_regular(source)
    where = str(source)
    if not raw.strip():
        raise BackupInvalid(Msg.of("backup.empty", path=where))
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise BackupInvalid(Msg.of("backup.not_json", path=where, line=error.lineno, column=error.colno)) from None
    if not isinstance(body, dict):
        raise BackupInvalid(Msg.of("backup.not_object", path=where))
    twice = repeated_key(raw)  # about 0.35 s for 10,000 cases, paid only by a restore
    if twice is not None:
        raise BackupInvalid(Msg.of("backup.repeated_key", path=where, key=shown(twice)))
    try:
        docs, counter = _case_documents(body)
    except SchemaProblem as problem:
        raise BackupInvalid(Msg.of("backup.cannot_restore", path=where, problem=problem.msg)) from None
    cases: list[Case] = []
    seen: set[int] = set()
    for case_id, doc in docs:
        if case_id in seen:
            raise BackupInvalid(Msg.of("backup.case_twice", path=where, id=case_id))
        seen.add(case_id)
        try:
            cases.append(decode_case(doc, case_id))
        except InvalidInput as problem:
            raise BackupInvalid(Msg.of("backup.invalid_case", path=where, problem=problem.msg)) from None
    return Backup(cases, max(counter or 1, max(seen, default=0) + 1))


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
        if storage.path is not None and storage.path.exists():
            try:
                safety = copy_to_backup(storage.path, "before-restore-" + clock().strftime("%Y%m%d-%H%M%S"))
            except FileProblem as problem:
                raise FileProblem(Msg.of("backup.safety_copy_failed", problem=problem.msg)) from None
        storage.replace_all(data)
    return len(backup.cases), safety


def _case_documents(body: dict[str, Any]) -> tuple[list[tuple[int, dict[str, Any]]], int]:
    """The case documents, migrated, and the id counter they were saved with (1 if none)."""
    if body.get("format") == FORMAT_NAME:
        fv = body.get("format_version")
        if not isinstance(fv, int) or isinstance(fv, bool) or fv != FORMAT_VERSION:
            raise SchemaProblem(Msg.of("backup.bad_format_version", version=shown(fv), supported=FORMAT_VERSION))
        version = body.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise SchemaProblem(Msg.of("store.problem_bad_version", version=shown(version)))
        raw_cases = body.get("cases")
        if not isinstance(raw_cases, list):
            raise SchemaProblem(Msg.of("backup.no_case_list"))
        table: dict[str, Any] = {}
        for index, entry in enumerate(raw_cases, start=1):
            case_id = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(entry, dict) or not is_record_id(case_id):
                raise SchemaProblem(Msg.of("backup.bad_case_id", index=index, id=shown(case_id), max=MAX_RECORD_ID))
            if str(case_id) in table:
                raise SchemaProblem(Msg.of("backup.case_id_twice", id=case_id))
            table[str(case_id)] = {k: v for k, v in entry.items() if k != "id"}
        counter = body.get("next_case_id")
        if counter is not None and not is_id_counter(counter):
            raise SchemaProblem(Msg.of("store.problem_bad_counter", value=shown(counter), max=MAX_RECORD_ID + 1))
        meta = {"schema_version": version} | ({"next_case_id": counter} if counter is not None else {})
        data = {META_TABLE: {META_DOC_ID: meta}, CASES_TABLE: table}
    elif META_TABLE in body:
        data = body
        version = schema_version_of(data)
        if version is None:
            raise SchemaProblem(Msg.of("backup.empty_database"))
    else:
        raise SchemaProblem(Msg.of("backup.neither"))
    data = migrate(data, version)
    return case_documents(data), id_counter(data) or 1
