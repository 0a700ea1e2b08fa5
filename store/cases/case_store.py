"""The one API the app and the command line use to read and change cases.

TinyDB (over SafeStorage) holds one document per case, with the case's contacts and evidence
inside it. Every change is a read-modify-write of fresh data under the cross-process lock, so two
sessions never lose each other's edits; every record is validated when loaded and before it is
written. Validated Case objects are cached and decoded again only where the file changed
elsewhere; the app reads and decodes such a change in a worker thread (read_changes) and takes it
in on its UI thread (take_changes).

Each job has its module: tinydb_tables (the TinyDB adapter), loaded_cases (keeping the cases in
step with the file) with case_cache (the validated cache), search_index, damage and
change_report, schema_setup (creation and migration), case_ids, evidence_seeding and case_edits
(what each change does); this class puts them together.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec

from store.calendar.china_time import Clock, china_now
from store.cases import case_edits as edits
from store.cases.case_ids import next_case_id
from store.cases.loaded_cases import Changes, LoadedCases
from store.cases.schema_setup import prepare
from store.cases.tinydb_tables import BYTE_TABLES, CaseTables
from store.errors import ConflictError, InvalidInput, NotFound
from store.persistence.daily_backups import DailyBackups
from store.persistence.database_path import Stamp
from store.persistence.db_location import real_db_path
from store.persistence.safe_storage import SafeStorage
from store.persistence.schema import SchemaProblem
from store.persistence.stored_docs import fresh_doc
from store.records.models import Case, Contact, EvidenceFile, EvidenceItem, EvidenceKind, PromiseState
from store.records.models import validated as validated_record
from store.records.stored_cases import encode_stored_case
from store.rules.messages import Msg


class CaseStore:
    """Open with ``CaseStore.open(path)`` (or ``path=None`` for an in-memory database)."""

    def __init__(self, storage: SafeStorage, *, clock: Clock = china_now, locked_open: bool = True) -> None:
        """``locked_open=False``: open without the cross-process lock unless the database must be
        created or migrated (commands that only read; the lock file cannot even be made on a
        read-only mount)."""
        self.storage = storage
        self.clock = clock
        self.after_save: Callable[[], object] | None = None  # called once each change is saved
        storage.byte_tables |= BYTE_TABLES
        self._tables = CaseTables(storage)
        self._loaded = LoadedCases(storage)
        try:
            prepare(storage, self._tables, locked=locked_open)
        except SchemaProblem as problem:
            raise self._loaded.damage.error(problem.msg) from None
        self._loaded.start()

    @classmethod
    def open(
        cls, path: Path | None, *, clock: Clock = china_now, backups: bool = True, create: bool = True
    ) -> CaseStore:
        """``create=False`` (commands that only read): a missing database is StoreMissing and
        nothing is created, not even its folder."""
        real = real_db_path(path) if path is not None else None
        hook = DailyBackups(real, clock=clock) if (real is not None and backups) else None
        storage = SafeStorage(real, before_write=hook, create=create, byte_tables=BYTE_TABLES)
        return cls(storage, clock=clock, locked_open=create)

    @property
    def path(self) -> Path | None:
        return self.storage.path

    # -- reading --------------------------------------------------------------------------------
    def cases(self, *, include_deleted: bool = False, ordered: bool = True) -> list[Case]:
        """Cases not in the trash, newest change first (``ordered=False``: as stored, for callers
        that sort by something else)."""
        self._loaded.sync_for_reading()
        found = [c for c in self._loaded.cases.values() if include_deleted or c.deleted_at is None]
        return sorted(found, key=lambda c: (c.updated, c.id), reverse=True) if ordered else found

    def index_state(self) -> tuple[Stamp | None, dict[int, Case], dict[int, bytes]]:
        """What the case index is made of: the stamp of the database file as last read or written
        here, its cases (the trash included) and each one's record digest."""
        self._loaded.sync_for_reading()
        return self.storage.stamp, self._loaded.cases, self._loaded.digests

    def trash(self) -> list[Case]:
        self._loaded.sync_for_reading()
        return sorted(
            (c for c in self._loaded.cases.values() if c.deleted_at),
            key=lambda c: c.deleted_at or c.updated,
            reverse=True,
        )

    def get(self, case_id: int) -> Case:
        self._loaded.sync_for_reading()
        return self._require(case_id)

    def search(self, text: str) -> list[Case]:
        """Cases (not in the trash) whose title, order no., shop, notes, agent IDs … contain every word."""
        hits = [self._loaded.cases[cid] for cid in self.matching_ids(text)]
        return sorted(hits, key=lambda c: (c.updated, c.id), reverse=True)

    def matching_ids(self, text: str) -> set[int]:
        """Ids of the cases ``search`` would return, unsorted (for filtering a list as you type)."""
        self._loaded.sync_for_reading()
        return self._loaded.matching_ids(text)

    def prepare_search(self) -> None:
        """Build the search text of every case now (the app does it in a worker thread once the
        list is shown, so the first key typed into the filter does not wait for it)."""
        self._loaded.prepare_search()

    def reload(self) -> None:
        """Forget the cache and validate everything again (after the whole file was replaced)."""
        self._loaded.reload()

    def refresh(self) -> bool:
        """Pick up another session's changes; True when any arrived since the last call (see
        change_report). A file found damaged is refused again on every call, until it is fixed."""
        return self._loaded.refresh()

    def take_changes_only_when_asked(self) -> None:
        """From now on reads return the cases as last taken in, without looking at the file; another
        session's changes arrive through read_changes and take_changes (or refresh). A change made
        here still reads the file first, under the lock. The app does this so that no read on its
        UI thread ever waits for the file to be decoded."""
        self.storage.reads_follow_file = False

    def outside_changes_waiting(self) -> bool:
        """The file is not the one read (one stat), or the one read is damaged."""
        return self._loaded.waiting()

    def read_changes(self) -> Changes:
        """Read and decode the file as another session left it, decoding only the records that
        changed; nothing held here changes, so a worker thread may do this while the UI goes on.
        Hand the result to ``take_changes`` on the thread that uses the store."""
        return self._loaded.read_changes()

    def take_changes(self, changes: Changes) -> bool:
        """Take in what ``read_changes`` read: as ``refresh`` does, True when another session's
        changes arrived, StoreDamaged when the file is damaged. If something else was read or
        written meanwhile, the file is read again here instead."""
        return self._loaded.take_changes(changes)

    # -- cases ----------------------------------------------------------------------------------
    def create_case(self, fields: Mapping[str, Any]) -> Case:
        edits.reject_system_fields(fields)
        with self._transaction():
            case_id = self._next_case_id()
            case = edits.new_case(fields, case_id, self.clock())
            self._store(case)
            self._tables.set_next_case_id(case_id + 1)
            return case

    def next_case_id(self) -> int:
        """The id the next new case gets: never one used before, even by a case purged since."""
        self._loaded.sync()
        return self._next_case_id()

    def update_case(self, case_id: int, changes: Mapping[str, Any], *, expected_revision: int | None = None) -> Case:
        edits.reject_system_fields(changes)
        return self._change(case_id, lambda c: edits.with_changes(c, changes), expected_revision)

    def delete_case(self, case_id: int) -> Case:
        """Move to the trash (restorable)."""
        return self._change(case_id, lambda c: _replace(c, deleted_at=self.clock()))

    def restore_case(self, case_id: int) -> Case:
        return self._change(case_id, lambda c: _replace(c, deleted_at=None))

    def purge_case(self, case_id: int) -> None:
        """Delete for good (only from the trash)."""
        with self._transaction():
            if self._require(case_id).deleted_at is None:
                raise InvalidInput(Msg.of("store.not_in_trash", id=case_id))
            self._tables.remove_cases([case_id])
            self._loaded.drop([case_id])

    def empty_trash(self) -> int:
        with self._transaction():
            doomed = [c.id for c in self._loaded.cases.values() if c.deleted_at is not None]
            if doomed:
                self._tables.remove_cases(doomed)
            self._loaded.drop(doomed)
            return len(doomed)

    # -- contacts -------------------------------------------------------------------------------
    def add_contact(self, case_id: int, fields: Mapping[str, Any]) -> Contact:
        return self._change(case_id, lambda c: edits.with_contact_added(c, fields)).contacts[-1]

    def update_contact(
        self, case_id: int, contact_id: int, changes: Mapping[str, Any], *, expected_revision: int | None = None
    ) -> Contact:
        case = self._change(case_id, lambda c: edits.with_contact_changed(c, contact_id, changes), expected_revision)
        return edits.find_contact(case, contact_id)

    def set_promise_state(self, case_id: int, contact_id: int, state: PromiseState) -> Contact:
        case = self._change(case_id, lambda c: edits.with_promise_state(c, contact_id, state))
        return edits.find_contact(case, contact_id)

    def delete_contact(self, case_id: int, contact_id: int) -> Contact:
        removed: list[Contact] = []

        def apply(case: Case) -> Case:
            removed.append(edits.find_contact(case, contact_id))
            return edits.without_contact(case, contact_id)

        self._change(case_id, apply)
        return removed[0]

    def restore_contact(self, case_id: int, contact: Contact) -> Contact:
        """Put a deleted contact back (undo); it gets a new id if its old one was taken since."""
        return self._change(case_id, lambda c: edits.with_contact_restored(c, contact)).contacts[-1]

    # -- evidence -------------------------------------------------------------------------------
    def add_evidence(self, case_id: int, kind: EvidenceKind, note: str = "") -> EvidenceItem:
        return self._change(case_id, lambda c: edits.with_evidence_added(c, kind, note)).evidence[-1]

    def update_evidence(self, case_id: int, evidence_id: int, changes: Mapping[str, Any]) -> EvidenceItem:
        case = self._change(case_id, lambda c: edits.with_evidence_changed(c, evidence_id, changes))
        return edits.find_evidence(case, evidence_id)

    def attach_file(self, case_id: int, evidence_id: int, attached: EvidenceFile) -> EvidenceItem:
        item = self.get(case_id).evidence_item(evidence_id)
        if item is None:
            raise NotFound(Msg.of("store.no_evidence", case=case_id, item=evidence_id))
        return self.update_evidence(case_id, evidence_id, {"files": edits.files_with(item, attached)})

    # -- internals ------------------------------------------------------------------------------
    def _change(self, case_id: int, apply: Callable[[Case], Case], expected_revision: int | None = None) -> Case:
        with self._transaction():
            current = self._require(case_id)
            if expected_revision is not None and current.revision != expected_revision:
                raise ConflictError(
                    Msg.of("store.changed_elsewhere", id=case_id, now=current.revision, then=expected_revision)
                )
            changed = apply(current)
            changed = validated_record(
                _replace(changed, revision=current.revision + 1, updated=max(self.clock(), current.updated))
            )
            self._store(changed)
            return changed

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.storage.transaction():
            self._loaded.sync()
            yield
        if self.after_save is not None:
            self.after_save()

    def _require(self, case_id: int) -> Case:
        case = self._loaded.cases.get(case_id)
        if case is None:
            raise NotFound(Msg.of("store.no_case", id=case_id))
        return case

    def _next_case_id(self) -> int:
        return next_case_id(self._tables.meta(), self._loaded.cases)

    def _store(self, case: Case) -> None:
        """Put ``case`` in the table (encoded once, here) and in the cache."""
        doc = fresh_doc(encode_stored_case(case))
        self._tables.put_case(case.id, doc)
        self._loaded.keep(case, doc.digest)


def _replace(case: Case, **changes: Any) -> Case:
    return msgspec.structs.replace(case, **changes)
