"""The database's two TinyDB tables, over SafeStorage: ``cases`` (one document per case, its
contacts and evidence inside it, the case id as the document id, held as its JSON bytes) and
``meta`` (one document: the schema version and the next case id)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tinydb.table import Document

from store.persistence.doc_table import DocDB, DocTable
from store.persistence.safe_storage import SafeStorage
from store.persistence.schema import CASES_TABLE, META_DOC_ID, META_TABLE, new_meta
from store.persistence.stored_docs import StoredDoc

BYTE_TABLES = frozenset({CASES_TABLE})  # the tables SafeStorage holds as bytes


class CaseTables:
    def __init__(self, storage: SafeStorage) -> None:
        self._db = DocDB(storage=_Existing(storage))
        self._cases: DocTable = self._db.table(CASES_TABLE, cache_size=0)  # type: ignore[assignment]
        self._meta = self._db.table(META_TABLE, cache_size=0)

    def put_case(self, case_id: int, doc: StoredDoc) -> None:
        """Store a case's encoded record, new or replacing the one there."""
        self._cases.put(case_id, doc)

    def remove_cases(self, case_ids: Iterable[int]) -> None:
        self._cases.remove(doc_ids=list(case_ids))

    def meta(self) -> dict[str, Any]:
        meta = self._meta.get(doc_id=int(META_DOC_ID))
        return dict(meta) if meta else {}

    def set_next_case_id(self, next_id: int) -> None:
        self._meta.update({"next_case_id": next_id}, doc_ids=[int(META_DOC_ID)])

    def start_new(self) -> None:
        """A new database: the meta document and an empty cases table."""
        self._meta.insert(Document(new_meta(), doc_id=int(META_DOC_ID)))
        self._cases.truncate()


class _Existing:
    """Hands TinyDB an already-built storage (TinyDB wants a class it can instantiate)."""

    def __init__(self, storage: SafeStorage) -> None:
        self._storage = storage

    def __call__(self, *args: object, **kwargs: object) -> SafeStorage:
        return self._storage
