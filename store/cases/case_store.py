"""The one API the app and the command line use to read and change cases.

TinyDB (over SafeStorage) holds one document per case, with the case's contacts and evidence
inside it. Every change is a read-modify-write of fresh data under the cross-process lock, so two
sessions never lose each other's edits; every record is validated when loaded and before it is
written. Validated Case objects are cached and rebuilt only when the file changed elsewhere.

Each job has its module: tinydb_tables (the TinyDB adapter), case_cache (the validated cache),
search_index, damage, change_report, schema_setup (creation and migration), case_ids,
evidence_seeding and case_edits (what each change does); this class puts them together.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec

from store.calendar.china_time import Clock, china_now
from store.cases import case_edits as edits
from store.cases.case_cache import CaseCache
from store.cases.case_ids import next_case_id
from store.cases.change_report import ChangeReport
from store.cases.damage import DamageRecord
from store.cases.schema_setup import prepare
from store.cases.search_index import SearchIndex
from store.cases.tinydb_tables import CaseTables
from store.errors import ConflictError, InvalidInput, NotFound, StoreDamaged
from store.persistence.daily_backups import DailyBackups
from store.persistence.db_location import real_db_path
from store.persistence.safe_storage import SafeStorage
from store.persistence.schema import SchemaProblem
from store.records.models import Case, Contact, EvidenceFile, EvidenceItem, EvidenceKind, PromiseState, encode_case
from store.records.models import validated as validated_record
from store.rules.messages import Msg


class CaseStore:
    """Open with ``CaseStore.open(path)`` (or ``path=None`` for an in-memory database)."""

    def __init__(self, storage: SafeStorage, *, clock: Clock = china_now) -> None:
        self.storage = storage
        self.clock = clock
        self._tables = CaseTables(storage)
        self._cache = CaseCache()
        self._index = SearchIndex()
        self._damage = DamageRecord(storage.path)
        try:
            prepare(storage, self._tables)
        except SchemaProblem as problem:
            raise self._damage.error(problem.msg) from None
        self._sync()
        self._changes = ChangeReport(storage)

    @classmethod
    def open(
        cls, path: Path | None, *, clock: Clock = china_now, backups: bool = True, create: bool = True
    ) -> CaseStore:
        """``create=False`` (commands that only read): a missing database is StoreMissing and
        nothing is created, not even its folder."""
        real = real_db_path(path) if path is not None else None
        hook = DailyBackups(real) if (real is not None and backups) else None
        return cls(SafeStorage(real, before_write=hook, create=create), clock=clock)

    @property
    def path(self) -> Path | None:
        return self.storage.path

    # -- reading --------------------------------------------------------------------------------
    def cases(self, *, include_deleted: bool = False, ordered: bool = True) -> list[Case]:
        """Cases not in the trash, newest change first (``ordered=False``: as stored, for callers
        that sort by something else)."""
        self._sync_for_reading()
        found = [c for c in self._cache.cases.values() if include_deleted or c.deleted_at is None]
        return sorted(found, key=lambda c: (c.updated, c.id), reverse=True) if ordered else found

    def trash(self) -> list[Case]:
        self._sync_for_reading()
        return sorted(
            (c for c in self._cache.cases.values() if c.deleted_at),
            key=lambda c: c.deleted_at or c.updated,
            reverse=True,
        )

    def get(self, case_id: int) -> Case:
        self._sync_for_reading()
        return self._require(case_id)

    def search(self, text: str) -> list[Case]:
        """Cases (not in the trash) whose title, order no., shop, notes, agent IDs … contain every word."""
        hits = [self._cache.cases[cid] for cid in self.matching_ids(text)]
        return sorted(hits, key=lambda c: (c.updated, c.id), reverse=True)

    def matching_ids(self, text: str) -> set[int]:
        """Ids of the cases ``search`` would return, unsorted (for filtering a list as you type)."""
        self._sync_for_reading()
        return self._index.matching_ids(text, self._cache.cases, self._cache.generation)

    def reload(self) -> None:
        """Forget the cache and validate everything again (after the whole file was replaced)."""
        self._cache.forget_generation()
        self._sync()

    def refresh(self) -> bool:
        """Pick up another session's changes; True when any arrived since the last call (see
        change_report). A file found damaged is read again on every call, until it is fixed."""
        if self.storage.changed_elsewhere() or self.storage.generation == self._damage.generation:
            self._sync()
        return self._changes.arrived()

    # -- cases ----------------------------------------------------------------------------------
    def create_case(self, fields: Mapping[str, Any]) -> Case:
        edits.reject_system_fields(fields)
        with self._transaction():
            case_id = self._next_case_id()
            case = edits.new_case(fields, case_id, self.clock())
            source = encode_case(case)
            self._tables.insert_case(case_id, source)
            self._tables.set_next_case_id(case_id + 1)
            self._remember(case, source)
            return case

    def next_case_id(self) -> int:
        """The id the next new case gets: never one used before, even by a case purged since."""
        self._sync()
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
                raise InvalidInput(f"Case {case_id} is not in the trash; delete it first.")
            self._tables.remove_cases([case_id])
            self._forget(case_id)

    def empty_trash(self) -> int:
        with self._transaction():
            doomed = [c.id for c in self._cache.cases.values() if c.deleted_at is not None]
            if doomed:
                self._tables.remove_cases(doomed)
            for case_id in doomed:
                self._forget(case_id)
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
                    f"Case {case_id} was changed in another session since you opened it "
                    f"(revision {current.revision}, you started from {expected_revision})."
                )
            changed = apply(current)
            changed = validated_record(
                _replace(changed, revision=current.revision + 1, updated=max(self.clock(), current.updated))
            )
            doc = encode_case(changed)
            self._tables.replace_case(case_id, doc)
            self._remember(changed, doc)
            return changed

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.storage.transaction():
            self._sync()
            yield

    def _require(self, case_id: int) -> Case:
        case = self._cache.cases.get(case_id)
        if case is None:
            raise NotFound(Msg.of("store.no_case", id=case_id))
        return case

    def _next_case_id(self) -> int:
        return next_case_id(self._tables.meta(), self._cache.cases)

    def _remember(self, case: Case, source: dict[str, Any]) -> None:
        self._cache.remember(case, source)
        self._index.put(case)

    def _forget(self, case_id: int) -> None:
        self._cache.forget(case_id)
        self._index.drop(case_id)

    def _sync(self) -> None:
        """Bring the cache up to the storage's data when that was (re)loaded from its source."""
        data = self.storage.read()
        generation = self.storage.generation
        if generation == self._cache.generation:
            return
        if generation == self._damage.generation:
            raise self._damage.error()  # this very file was found damaged already: not decoded again
        try:
            decoded = self._cache.rebuild(data or {}, generation)
        except SchemaProblem as problem:
            raise self._damage.note(generation, problem.msg) from None
        except InvalidInput as problem:
            raise self._damage.note(generation, Msg.of("store.problem_record", problem=problem.msg)) from None
        old = self._index.haystacks
        self._index.replace_all(
            {
                cid: old[cid] if cid in old and cid not in decoded else case.search_text()
                for cid, case in self._cache.cases.items()
            }
        )

    def _sync_for_reading(self) -> None:
        """_sync for reads. Once the cases have loaded, a file damaged after that (a hand edit
        gone wrong, another program) leaves the last good cases readable, so a running app keeps
        showing them; refresh() and every change still raise the damage."""
        try:
            self._sync()
        except StoreDamaged:
            if self._cache.generation < 0:
                raise


def _replace(case: Case, **changes: Any) -> Case:
    return msgspec.structs.replace(case, **changes)
