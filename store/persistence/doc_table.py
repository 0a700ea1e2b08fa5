"""A TinyDB table over SafeStorage whose documents may be held as their JSON bytes (StoredDoc).

TinyDB lets a program bring its own Table class. This one keeps TinyDB's whole API working: a
document held as bytes is decoded when TinyDB hands it out or changes it in place. It adds
``put`` (store one document whole, already encoded) and changes tables in place: stock TinyDB
rebuilds a table's dictionary twice on every change (ids to ints and back), which for 10,000
cases cost more than encoding the one case that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

import msgspec
from tinydb import TinyDB
from tinydb.table import Table

from store.persistence.safe_storage import SafeStorage
from store.persistence.stored_docs import StoredDoc

_VALUE = msgspec.json.Decoder()


class DocTable(Table):
    @property
    def _safe(self) -> SafeStorage:
        storage = self._storage
        assert isinstance(storage, SafeStorage)
        return storage

    def put(self, doc_id: int, doc: StoredDoc) -> None:
        """Store ``doc`` as document ``doc_id``, replacing the one there if any."""

        def place(table: MutableMapping[int, Any]) -> None:
            table[doc_id] = doc

        self._update_table(place)

    def _read_table(self) -> Mapping[str, Any]:  # type: ignore[override]
        return _Decoded(super()._read_table(), self._safe)

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        tables = self._storage.read()
        if tables is None:
            tables = {}
        table = tables.setdefault(self.name, {})
        updater(_ByIntId(table, self._safe))  # type: ignore[arg-type]  # a mapping, as TinyDB's updaters use it
        self._storage.write(tables)
        self.clear_cache()


class DocDB(TinyDB):
    table_class = DocTable


class _Decoded(Mapping[str, Any]):
    """A table read by TinyDB: documents held as bytes are decoded as they are looked at."""

    def __init__(self, table: Mapping[str, Any], storage: SafeStorage) -> None:
        self._table = table
        self._storage = storage

    def __getitem__(self, key: str) -> Any:
        doc = self._table[key]
        return _VALUE.decode(self._storage.doc_bytes(doc)) if isinstance(doc, StoredDoc) else doc

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


class _ByIntId(MutableMapping[int, Any]):
    """A stored table as TinyDB's updaters see it: integer ids, and documents they may change in
    place (a document held as bytes is decoded, and kept decoded, when an updater takes it)."""

    def __init__(self, table: dict[str, Any], storage: SafeStorage) -> None:
        self._table = table
        self._storage = storage

    def __getitem__(self, doc_id: int) -> Any:
        key = str(doc_id)
        doc = self._table[key]
        if isinstance(doc, StoredDoc):
            doc = self._table[key] = _VALUE.decode(self._storage.doc_bytes(doc))
        return doc

    def __setitem__(self, doc_id: int, doc: Any) -> None:
        self._table[str(doc_id)] = doc if isinstance(doc, StoredDoc) else dict(doc)

    def __delitem__(self, doc_id: int) -> None:
        del self._table[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._table

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in self._table)

    def __len__(self) -> int:
        return len(self._table)

    def clear(self) -> None:
        self._table.clear()
