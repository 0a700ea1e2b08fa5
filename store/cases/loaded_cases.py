"""The validated cases of the database as last read, kept in step with the file.

Reads bring the cache up to the storage's data when the storage (re)loaded it; another session's
change can instead be read and decoded in a worker thread (``read_changes``, which changes
nothing here) and taken in on the thread that uses the store (``take_changes``). A file found
damaged is remembered (damage), so it is refused again without being decoded again, while reads
go on showing the last good cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass

from store.cases.case_cache import CaseCache, Decoded
from store.cases.change_report import ChangeReport
from store.cases.damage import DamageRecord
from store.cases.search_index import SearchIndex
from store.errors import InvalidInput, StoreDamaged
from store.persistence.file_docs import FileChangedWhileRead, docs_from_file
from store.persistence.safe_storage import Loaded, SafeStorage
from store.persistence.schema import SchemaProblem
from store.records.models import Case
from store.rules.messages import Msg


@dataclass(frozen=True)
class Changes:
    """What ``read_changes`` found: the file as read (None: unchanged or unreadable), its cases
    decoded (None when a record is damaged), and what is wrong, if anything."""

    loaded: Loaded | None
    decoded: Decoded | None
    problem: StoreDamaged | Msg | None


class LoadedCases:
    def __init__(self, storage: SafeStorage) -> None:
        self._storage = storage
        self._cache = CaseCache()
        self._index = SearchIndex()
        self.damage = DamageRecord(storage.path)
        self._changes: ChangeReport | None = None

    @property
    def cases(self) -> dict[int, Case]:
        return self._cache.cases

    @property
    def digests(self) -> dict[int, bytes]:
        return self._cache.digests

    def start(self) -> None:
        """The first read (StoreDamaged if the file is damaged); changes count from here."""
        self.sync()
        self._changes = ChangeReport(self._storage)

    # -- keeping in step ----------------------------------------------------------------------------
    def sync(self, *, from_file: bool = True) -> None:
        """Bring the cache up to the storage's data when that was (re)loaded from its source.

        The records are decoded from the file again with its bytes let go (``from_file``, see
        store.persistence.file_docs); if it was written in place meanwhile, it is read again and
        decoded from the bytes then held."""
        data = self._storage.read()
        generation = self._storage.generation
        if generation == self._cache.generation:
            return
        if generation == self.damage.generation:
            raise self.damage.error()  # this very file was found damaged already: not decoded again
        try:
            with docs_from_file(self._storage) if from_file else nullcontext(self._storage.doc_bytes) as docs:
                decoded = self._cache.decode(data or {}, docs, self._storage.file_bytes)
        except FileChangedWhileRead:
            self._storage.refresh()
            self.sync(from_file=False)
            return
        except SchemaProblem as problem:
            raise self.damage.note(generation, problem.msg) from None
        except InvalidInput as problem:
            raise self.damage.note(generation, Msg.of("store.problem_record", problem=problem.msg)) from None
        self._adopt(decoded, generation)

    def sync_for_reading(self) -> None:
        """sync for reads. Once the cases have loaded, a file damaged after that (a hand edit
        gone wrong, another program) leaves the last good cases readable, so a running app keeps
        showing them; refresh() and every change still raise the damage."""
        try:
            self.sync()
        except StoreDamaged:
            if self._cache.generation < 0:
                raise

    def reload(self) -> None:
        """Validate everything again (after the whole file was replaced)."""
        self._cache.forget_generation()
        self._index.forget()
        self.sync()

    def waiting(self) -> bool:
        """The file is not the one read (one stat), or the one read is damaged."""
        return self._storage.changed_elsewhere() or self._storage.generation == self.damage.generation

    def refresh(self) -> bool:
        if self.waiting():
            self._storage.refresh()
            self.sync()
        return self._arrived()

    def read_changes(self) -> Changes:
        try:
            loaded = self._storage.load()
        except StoreDamaged as damaged:
            return Changes(None, None, damaged)
        if loaded is None:
            return Changes(None, None, None)
        try:
            return Changes(loaded, self._cache.decode(loaded.tables, loaded.doc_bytes, lambda: loaded.raw), None)
        except SchemaProblem as problem:
            return Changes(loaded, None, problem.msg)
        except InvalidInput as problem:
            return Changes(loaded, None, Msg.of("store.problem_record", problem=problem.msg))

    def take_changes(self, changes: Changes) -> bool:
        if isinstance(changes.problem, StoreDamaged):
            raise changes.problem
        if changes.loaded is None or not self._storage.install(changes.loaded):
            return self.refresh()  # something else was read or written meanwhile: read it here
        generation = self._storage.generation
        if changes.decoded is None:
            raise self.damage.note(generation, changes.problem or Msg.of(""))
        self._adopt(changes.decoded, generation)
        return self._arrived()

    # -- changes made here ----------------------------------------------------------------------
    def keep(self, case: Case, digest: bytes) -> None:
        """``case`` was just stored as the record with SHA-256 ``digest``."""
        self._cache.remember(case, digest)
        self._index.changed([case.id], self._cache.cases)

    def drop(self, case_ids: Iterable[int]) -> None:
        gone = list(case_ids)
        for case_id in gone:
            self._cache.forget(case_id)
        self._index.changed(gone, self._cache.cases)

    # -- searching ------------------------------------------------------------------------------
    def matching_ids(self, text: str) -> set[int]:
        return self._index.matching_ids(text, self._cache.cases)

    def prepare_search(self) -> None:
        self._index.build(self._cache.cases)

    # -- internals ------------------------------------------------------------------------------
    def _adopt(self, decoded: Decoded, generation: int) -> None:
        gone = self._cache.cases.keys() - decoded.cases.keys()
        self._cache.adopt(decoded, generation)
        self._index.changed(decoded.fresh | gone, self._cache.cases)
        self._storage.release_bytes()  # every record is decoded: the file's bytes are not needed

    def _arrived(self) -> bool:
        return self._changes.arrived() if self._changes is not None else False
