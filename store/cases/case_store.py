"""The one API the app and the command line use to read and change cases.

TinyDB (over SafeStorage) holds one document per case, with the case's contacts and evidence
inside it. Every change is a read-modify-write of fresh data under the cross-process lock, so two
sessions never lose each other's edits; every record is validated when loaded and before it is
written. Validated Case objects are cached and rebuilt only when the file changed elsewhere.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import msgspec
from tinydb import TinyDB
from tinydb.table import Document

from store.calendar.china_time import Clock, china_now
from store.errors import ConflictError, InvalidInput, NotFound, StoreDamaged
from store.persistence.daily_backups import DailyBackups, copy_to_backup, newest_backup
from store.persistence.db_location import real_db_path
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
    new_meta,
    schema_version_of,
)
from store.records.models import (
    Case,
    Contact,
    EvidenceFile,
    EvidenceItem,
    EvidenceKind,
    PromiseState,
    build,
    encode_case,
    validated,
)
from store.records.stored_cases import decode_case
from store.rules.evidence_needs import evidence_checklist
from store.rules.messages import Msg

_SYSTEM_FIELDS = {"id", "created", "updated", "revision", "deleted_at", "contacts", "evidence"}


class CaseStore:
    """Open with ``CaseStore.open(path)`` (or ``path=None`` for an in-memory database)."""

    def __init__(self, storage: SafeStorage, *, clock: Clock = china_now) -> None:
        self.storage = storage
        self.clock = clock
        self._db = TinyDB(storage=_Existing(storage))
        self._cases_table = self._db.table(CASES_TABLE, cache_size=0)
        self._meta_table = self._db.table(META_TABLE, cache_size=0)
        self._cases: dict[int, Case] = {}
        self._haystacks: dict[int, str] = {}
        self._sources: dict[int, dict[str, Any]] = {}  # the stored record each case was decoded from
        self._damage = Msg.of("")  # what was wrong with the file of _damaged_generation
        self._damaged_generation = -1
        self._writes = 0  # bumped on every change made here (invalidates the last search)
        self._last_match: tuple[list[str], set[int], tuple[int, int, int]] = ([], set(), (-1, -1, -1))
        self._generation = -1
        self._prepare()
        self._reported_outside = storage.outside_changes

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
        found = [c for c in self._cases.values() if include_deleted or c.deleted_at is None]
        return sorted(found, key=lambda c: (c.updated, c.id), reverse=True) if ordered else found

    def trash(self) -> list[Case]:
        self._sync_for_reading()
        return sorted(
            (c for c in self._cases.values() if c.deleted_at), key=lambda c: c.deleted_at or c.updated, reverse=True
        )

    def get(self, case_id: int) -> Case:
        self._sync_for_reading()
        case = self._cases.get(case_id)
        if case is None:
            raise NotFound(Msg.of("store.no_case", id=case_id))
        return case

    def search(self, text: str) -> list[Case]:
        """Cases (not in the trash) whose title, order no., shop, notes, agent IDs … contain every word."""
        hits = [self._cases[cid] for cid in self.matching_ids(text)]
        return sorted(hits, key=lambda c: (c.updated, c.id), reverse=True)

    def matching_ids(self, text: str) -> set[int]:
        """Ids of the cases ``search`` would return, unsorted (for filtering a list as you type).

        Typing usually extends the previous query; then only the previous matches are searched.
        """
        words = text.casefold().split()
        self._sync_for_reading()
        previous_words, previous_ids, generation = self._last_match
        # A case matching the new words matches the old ones if each old word lies inside a new one.
        if (
            generation == (self._generation, len(self._haystacks), self._writes)
            and previous_words
            and all(any(p in w for w in words) for p in previous_words)
        ):
            pool = {cid: self._haystacks[cid] for cid in previous_ids}
        else:
            pool = {cid: hay for cid, hay in self._haystacks.items() if self._cases[cid].deleted_at is None}
        if len(words) == 1:
            word = words[0]
            found = {cid for cid, hay in pool.items() if word in hay}
        else:
            found = {cid for cid, hay in pool.items() if all(w in hay for w in words)}
        self._last_match = (words, found, (self._generation, len(self._haystacks), self._writes))
        return found

    def reload(self) -> None:
        """Forget the cache and validate everything again (after the whole file was replaced)."""
        self._generation = -1
        self._sync()

    def refresh(self) -> bool:
        """Pick up another session's changes; True when any arrived since the last call.

        Any read may already have reloaded the file (a save re-reads it under the lock first), so
        this compares with what was last reported, not with what was last read. Re-reading the file
        after a save of ours failed is not another session's change.
        """
        if self.storage.changed_elsewhere() or self.storage.generation == self._damaged_generation:
            self._sync()
        changed = self.storage.outside_changes != self._reported_outside
        self._reported_outside = self.storage.outside_changes
        return changed

    # -- cases ----------------------------------------------------------------------------------
    def create_case(self, fields: Mapping[str, Any]) -> Case:
        _reject_system_fields(fields)
        with self._transaction():
            case_id = self._next_case_id()
            now = self.clock()
            case = build(Case, {**fields, "id": case_id, "created": now, "updated": now})
            case = msgspec.structs.replace(case, evidence=_seed_evidence(case))
            source = encode_case(case)
            self._cases_table.insert(Document(source, doc_id=case_id))
            self._meta_table.update({"next_case_id": case_id + 1}, doc_ids=[int(META_DOC_ID)])
            self._remember(case, source)
            return case

    def next_case_id(self) -> int:
        """The id the next new case gets: never one used before, even by a case purged since."""
        self._sync()
        return self._next_case_id()

    def _next_case_id(self) -> int:
        return max(int(self._meta().get("next_case_id", 1)), max(self._cases, default=0) + 1)

    def update_case(self, case_id: int, changes: Mapping[str, Any], *, expected_revision: int | None = None) -> Case:
        _reject_system_fields(changes)

        def apply(case: Case) -> Case:
            merged = build(Case, {**msgspec.to_builtins(case), **_builtins(changes)})
            return msgspec.structs.replace(merged, evidence=_seed_evidence(merged))

        return self._change(case_id, apply, expected_revision)

    def delete_case(self, case_id: int) -> Case:
        """Move to the trash (restorable)."""
        return self._change(case_id, lambda c: msgspec.structs.replace(c, deleted_at=self.clock()))

    def restore_case(self, case_id: int) -> Case:
        return self._change(case_id, lambda c: msgspec.structs.replace(c, deleted_at=None))

    def purge_case(self, case_id: int) -> None:
        """Delete for good (only from the trash)."""
        with self._transaction():
            case = self._require(case_id)
            if case.deleted_at is None:
                raise InvalidInput(f"Case {case_id} is not in the trash; delete it first.")
            self._cases_table.remove(doc_ids=[case_id])
            self._forget(case_id)

    def empty_trash(self) -> int:
        with self._transaction():
            doomed = [c.id for c in self._cases.values() if c.deleted_at is not None]
            if doomed:
                self._cases_table.remove(doc_ids=doomed)
            for case_id in doomed:
                self._forget(case_id)
            return len(doomed)

    # -- contacts -------------------------------------------------------------------------------
    def add_contact(self, case_id: int, fields: Mapping[str, Any]) -> Contact:
        holder: list[Contact] = []

        def apply(case: Case) -> Case:
            contact = build(Contact, {**_builtins(fields), "id": _next_id(case.contacts)})
            holder.append(contact)
            return msgspec.structs.replace(case, contacts=[*case.contacts, contact])

        self._change(case_id, apply)
        return holder[0]

    def update_contact(
        self, case_id: int, contact_id: int, changes: Mapping[str, Any], *, expected_revision: int | None = None
    ) -> Contact:
        def apply(contact: Contact) -> Contact:
            return build(Contact, {**msgspec.to_builtins(contact), **_builtins(changes), "id": contact.id})

        return self._change_contact(case_id, contact_id, apply, expected_revision)

    def set_promise_state(self, case_id: int, contact_id: int, state: PromiseState) -> Contact:
        def apply(contact: Contact) -> Contact:
            if contact.promise_state is PromiseState.NONE and state is not PromiseState.NONE:
                raise InvalidInput(Msg.of("store.no_promise_to_mark"), "promise_state")
            return msgspec.structs.replace(contact, promise_state=state)

        return self._change_contact(case_id, contact_id, apply)

    def delete_contact(self, case_id: int, contact_id: int) -> Contact:
        holder: list[Contact] = []

        def apply(case: Case) -> Case:
            holder.append(_find_contact(case, contact_id))
            return msgspec.structs.replace(case, contacts=[c for c in case.contacts if c.id != contact_id])

        self._change(case_id, apply)
        return holder[0]

    def restore_contact(self, case_id: int, contact: Contact) -> Contact:
        """Put a deleted contact back (undo); it gets a new id if its old one was taken since."""

        def apply(case: Case) -> Case:
            taken = {c.id for c in case.contacts}
            restored = (
                contact if contact.id not in taken else msgspec.structs.replace(contact, id=_next_id(case.contacts))
            )
            return msgspec.structs.replace(case, contacts=[*case.contacts, restored])

        case = self._change(case_id, apply)
        return case.contacts[-1]

    # -- evidence -------------------------------------------------------------------------------
    def add_evidence(self, case_id: int, kind: EvidenceKind, note: str = "") -> EvidenceItem:
        def apply(case: Case) -> Case:
            item = build(EvidenceItem, {"id": _next_id(case.evidence), "kind": kind, "note": note})
            return msgspec.structs.replace(case, evidence=[*case.evidence, item])

        return self._change(case_id, apply).evidence[-1]

    def update_evidence(self, case_id: int, evidence_id: int, changes: Mapping[str, Any]) -> EvidenceItem:
        def apply(case: Case) -> Case:
            item = _find_evidence(case, evidence_id)
            updated = build(EvidenceItem, {**msgspec.to_builtins(item), **_builtins(changes), "id": item.id})
            return msgspec.structs.replace(
                case, evidence=[updated if e.id == evidence_id else e for e in case.evidence]
            )

        return _find_evidence(self._change(case_id, apply), evidence_id)

    def attach_file(self, case_id: int, evidence_id: int, attached: EvidenceFile) -> EvidenceItem:
        item = self.get(case_id).evidence_item(evidence_id)
        if item is None:
            raise NotFound(Msg.of("store.no_evidence", case=case_id, item=evidence_id))
        files = [f for f in item.files if f.sha256 != attached.sha256 or f.path != attached.path]
        return self.update_evidence(case_id, evidence_id, {"files": [*files, attached]})

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
            changed = validated(
                msgspec.structs.replace(
                    changed, revision=current.revision + 1, updated=max(self.clock(), current.updated)
                )
            )
            doc = encode_case(changed)
            self._cases_table.update(_replace_document(doc), doc_ids=[case_id])
            self._remember(changed, doc)
            return changed

    def _change_contact(
        self, case_id: int, contact_id: int, apply: Callable[[Contact], Contact], expected_revision: int | None = None
    ) -> Contact:
        def apply_case(case: Case) -> Case:
            updated = apply(_find_contact(case, contact_id))
            return msgspec.structs.replace(case, contacts=[updated if c.id == contact_id else c for c in case.contacts])

        return _find_contact(self._change(case_id, apply_case, expected_revision), contact_id)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.storage.transaction():
            self._sync()
            yield

    def _require(self, case_id: int) -> Case:
        case = self._cases.get(case_id)
        if case is None:
            raise NotFound(Msg.of("store.no_case", id=case_id))
        return case

    def _meta(self) -> dict[str, Any]:
        meta = self._meta_table.get(doc_id=int(META_DOC_ID))
        return dict(meta) if meta else {}

    def _remember(self, case: Case, source: dict[str, Any]) -> None:
        """``case`` was just stored as the record ``source``."""
        self._writes += 1
        self._cases[case.id] = case
        self._haystacks[case.id] = case.search_text()
        self._sources[case.id] = source

    def _forget(self, case_id: int) -> None:
        self._writes += 1
        self._cases.pop(case_id, None)
        self._haystacks.pop(case_id, None)
        self._sources.pop(case_id, None)

    def _prepare(self) -> None:
        """First open: create, or check the schema version and migrate (after a backup)."""
        with self.storage.transaction():
            data = self.storage.read() or {}
            try:
                version = schema_version_of(data)
                if version is None:
                    self._meta_table.insert(Document(new_meta(), doc_id=int(META_DOC_ID)))
                    self._cases_table.truncate()
                elif version != SCHEMA_VERSION:
                    migrated = migrate(data, version)  # raises before anything is written
                    if self.storage.path is not None:
                        copy_to_backup(self.storage.path, f"before-schema-{SCHEMA_VERSION}-from-{version}")
                    self.storage.write(migrated)
            except SchemaProblem as problem:
                raise self._damaged(problem.msg) from None
        self._sync()

    def _sync(self) -> None:
        """Rebuild the validated cache when the data was (re)loaded from its source.

        A case whose stored record equals the one it was decoded from is kept as it is: after
        another session's change only the records it touched are validated again (at 10,000 cases
        decoding everything took about 0.4 s). Equality, not the revision, decides, so a record
        edited by hand is always checked.
        """
        data = self.storage.read()
        if self.storage.generation == self._generation:
            return
        if self.storage.generation == self._damaged_generation:
            raise self._damaged(self._damage)  # this very file was found damaged already: not decoded again
        cases: dict[int, Case] = {}
        haystacks: dict[int, str] = {}
        # The records themselves, not copies; a change made here stores a new record and
        # _remember points at it, so a case and its source stay in step.
        sources: dict[int, dict[str, Any]] = {}
        try:
            id_counter(data or {})  # TinyDB turns every key into an int: check them all before it does
            for case_id, doc in case_documents(data or {}):
                if self._sources.get(case_id) == doc and case_id in self._cases:
                    cases[case_id], haystacks[case_id] = self._cases[case_id], self._haystacks[case_id]
                else:
                    cases[case_id] = decode_case(dict(doc), case_id)
                    haystacks[case_id] = cases[case_id].search_text()
                sources[case_id] = doc
        except SchemaProblem as problem:
            self._damage = problem.msg
            self._damaged_generation = self.storage.generation
            raise self._damaged(self._damage) from None
        except InvalidInput as problem:
            self._damage = Msg.of("store.problem_record", problem=problem.msg)
            self._damaged_generation = self.storage.generation
            raise self._damaged(self._damage) from None
        self._cases, self._haystacks, self._sources = cases, haystacks, sources
        self._generation = self.storage.generation

    def _sync_for_reading(self) -> None:
        """_sync for reads. Once the cases have loaded, a file damaged after that (a hand edit
        gone wrong, another program) leaves the last good cases readable, so a running app keeps
        showing them; refresh() and every change still raise the damage."""
        try:
            self._sync()
        except StoreDamaged:
            if self._generation < 0:
                raise

    def _damaged(self, problem: Msg) -> StoreDamaged:
        path = self.storage.path or Path(":memory:")
        return StoreDamaged(path, problem, newest_backup(path) if self.storage.path else None)


class _Existing:
    """Hands TinyDB an already-built storage (TinyDB wants a class it can instantiate)."""

    def __init__(self, storage: SafeStorage) -> None:
        self._storage = storage

    def __call__(self, *args: object, **kwargs: object) -> SafeStorage:
        return self._storage


def _replace_document(doc: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    def replace(stored: MutableMapping[Any, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return replace


def _builtins(fields: Mapping[str, Any]) -> dict[str, Any]:
    built: dict[str, Any] = msgspec.to_builtins(dict(fields))
    return built


def _reject_system_fields(fields: Mapping[str, Any]) -> None:
    bad = sorted(_SYSTEM_FIELDS.intersection(fields))
    if bad:
        raise InvalidInput(f"These fields are managed by weiquan and cannot be set: {', '.join(bad)}")


def _next_id(records: list[Any]) -> int:
    return max((r.id for r in records), default=0) + 1


def _find_contact(case: Case, contact_id: int) -> Contact:
    contact = case.contact(contact_id)
    if contact is None:
        raise NotFound(Msg.of("store.no_contact", case=case.id, contact=contact_id))
    return contact


def _find_evidence(case: Case, evidence_id: int) -> EvidenceItem:
    item = case.evidence_item(evidence_id)
    if item is None:
        raise NotFound(Msg.of("store.no_evidence", case=case.id, item=evidence_id))
    return item


def _seed_evidence(case: Case) -> list[EvidenceItem]:
    """Make sure the checklist has an item for every kind the case's category and demand call for."""
    have = {item.kind for item in case.evidence}
    items = list(case.evidence)
    for kind in evidence_checklist(case.category, case.demand).all:
        if kind not in have:
            items.append(EvidenceItem(id=_next_id(items), kind=kind))
    return items
