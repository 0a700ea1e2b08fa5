"""The database's two TinyDB tables, over SafeStorage: ``cases`` (one document per case, its
contacts and evidence inside it, the case id as the document id) and ``meta`` (one document: the
schema version and the next case id)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from store.persistence.safe_storage import SafeStorage
from store.persistence.schema import CASES_TABLE, META_DOC_ID, META_TABLE, new_meta


class CaseTables:
    def __init__(self, storage: SafeStorage) -> None:
        self._db = TinyDB(storage=_Existing(storage))
        self._cases = self._db.table(CASES_TABLE, cache_size=0)
        self._meta = self._db.table(META_TABLE, cache_size=0)

    def insert_case(self, case_id: int, doc: dict[str, Any]) -> None:
        self._cases.insert(Document(doc, doc_id=case_id))

    def replace_case(self, case_id: int, doc: dict[str, Any]) -> None:
        self._cases.update(_replace_document(doc), doc_ids=[case_id])

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


def _replace_document(doc: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    def replace(stored: MutableMapping[Any, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return replace
