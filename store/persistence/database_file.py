"""A database file's bytes, parsed and put back together.

The file is one JSON object of tables, each an object of documents keyed by id:
``{"meta": {"1": {...}}, "cases": {"1": {...}, "2": {...}}}``. Parsing decodes the two outer levels
only (msgspec.Raw slices); the documents of the tables named in ``byte_tables`` stay bytes
(StoredDoc) for the caller to decode as it needs, the others are decoded to Python values.
Putting a file together copies each unchanged document's bytes verbatim and encodes only the
documents that were changed.

A key that appears twice in one object is refused: a JSON reader keeps one of the two silently.
For a file as weiquan writes it (no whitespace) that check is free: the decoded keys and documents
then add up to the file's exact length, which a dropped duplicate would not. Other files are
checked with the standard library's JSON reader (about 0.35 s for 10,000 cases). Keys repeated
inside one document (a field given twice) are not looked for here: that would mean encoding every
record again on each load.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Protocol

import msgspec

from store.persistence.stored_docs import StoredDoc, digest_of
from store.records.record_ids import shown
from store.rules.messages import Msg

Tables = dict[str, dict[str, Any]]  # table -> key -> document (a decoded value, or a StoredDoc)

_NESTED = msgspec.json.Decoder(dict[str, dict[str, msgspec.Raw]])
_OUTER = msgspec.json.Decoder(dict[str, msgspec.Raw])
_VALUE = msgspec.json.Decoder()
_ENCODER = msgspec.json.Encoder()
_AT_BYTE = re.compile(r"\(byte (\d+)\)")
_OPEN_BRACE = ord("{")


class ByteSource(Protocol):
    """The bytes of the file documents were read from (sliced, never copied whole)."""

    def __getitem__(self, span: slice, /) -> bytes | memoryview: ...


class LazyBytes:
    """The old file's bytes, read only when a document is first copied from them."""

    def __init__(self, read: Callable[[], bytes]) -> None:
        self._read = read
        self._bytes: bytes | None = None

    def __getitem__(self, span: slice) -> memoryview:
        if self._bytes is None:
            self._bytes = self._read()
        return memoryview(self._bytes)[span]


class FileDamage(Exception):
    """The bytes are not a database file; ``msg`` says why in the user's words."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(msg.key)
        self.msg = msg


def parse(raw: bytes, byte_tables: frozenset[str] = frozenset()) -> tuple[Tables, bool]:
    """The tables of a database file (FileDamage when the bytes are not one), and whether the file
    is laid out exactly as ``assemble`` writes (no whitespace, no escaped keys)."""
    if not raw or raw.isspace():
        raise FileDamage(Msg.of("store.problem_empty"))
    try:
        outer = _NESTED.decode(raw)
    except msgspec.ValidationError:
        raise FileDamage(_shape_problem(raw)) from None
    except msgspec.DecodeError as error:
        match = _AT_BYTE.search(str(error))
        raise FileDamage(not_json(raw, int(match[1]) if match else len(raw))) from None
    except UnicodeDecodeError:
        raise FileDamage(not_json(raw, first_bad_utf8(raw))) from None
    spans = _compact_spans(raw, outer)
    exact = spans is not None
    if spans is None:  # written by hand or by another program: the slow, exact check
        twice = repeated_key(raw)
        if twice is not None:
            raise FileDamage(Msg.of("store.problem_repeated_key", key=shown(twice)))
        spans = _found_spans(raw, outer)
    tables: Tables = {}
    try:
        for (name, docs), where in zip(outer.items(), spans):
            if name in byte_tables:
                tables[name] = {key: _stored(raw, doc, at) for (key, doc), at in zip(docs.items(), where)}
            else:
                tables[name] = {key: _VALUE.decode(doc) for key, doc in docs.items()}
    except UnicodeDecodeError:
        raise FileDamage(not_json(raw, first_bad_utf8(raw))) from None
    return tables, exact


def assemble(
    tables: Tables, old: ByteSource, byte_tables: frozenset[str] = frozenset(), *, exact: bool = False
) -> tuple[list[bytes | memoryview], Tables]:
    """The file's bytes for ``tables``, as pieces to write one after the other, and the tables as
    they stand in it: the documents of ``byte_tables`` as StoredDocs placed in the new file, the
    others as they were. TypeError (or msgspec's EncodeError) for a value JSON cannot hold.

    Unchanged documents are slices of ``old``, the file they were read from, never copied. When
    that file is laid out ``exact``-ly as this function writes (see _compact_spans), the bytes
    between two unchanged neighbours are the separator they would get anyway, and a whole run of
    them is one slice: saving one case of 10,000 writes a handful of pieces.
    """
    pieces: list[bytes | memoryview] = [b"{"]
    size = 1
    placed: Tables = {}
    for n, (name, docs) in enumerate(tables.items()):
        head = (b"," if n else b"") + _ENCODER.encode(name) + b":{"
        pieces.append(head)
        size += len(head)
        as_bytes = name in byte_tables
        table: dict[str, Any] = {}
        run_start = run_end = shift = -1  # the slice of ``old`` being gathered; new place - old place
        for m, (key, doc) in enumerate(docs.items()):
            copied = isinstance(doc, StoredDoc) and doc.data is None
            if (
                copied
                and exact
                and run_end >= 0
                and doc.start - run_end == (m > 0) + len(key) + 3
                and key.isascii()
                and key.isalnum()
            ):
                run_end = doc.end  # the separator in between (no escape in the key) comes with it
            else:
                if run_end >= 0:
                    pieces.append(old[run_start:run_end])
                    size += run_end - run_start
                    run_end = -1
                sep = (b"," if m else b"") + _ENCODER.encode(key) + b":"
                pieces.append(sep)
                size += len(sep)
                if copied:
                    run_start, run_end, shift = doc.start, doc.end, size - doc.start
                else:
                    body = doc.data if isinstance(doc, StoredDoc) and doc.data is not None else _ENCODER.encode(doc)
                    pieces.append(body)
                    if isinstance(doc, StoredDoc) or as_bytes:
                        digest = doc.digest if isinstance(doc, StoredDoc) else digest_of(body)
                        doc = StoredDoc(digest, size, size + len(body))
                    size += len(body)
            if copied and shift:
                doc = StoredDoc(doc.digest, doc.start + shift, doc.end + shift)
            table[key] = doc
        if run_end >= 0:
            pieces.append(old[run_start:run_end])
            size += run_end - run_start
        pieces.append(b"}")
        size += 1
        placed[name] = table
    pieces.append(b"}")
    return pieces, placed


def decoded(tables: Tables, old: bytes | memoryview) -> Tables:
    """A copy of ``tables`` with every StoredDoc decoded (for a migration, which works on values)."""
    return {
        name: {k: _VALUE.decode(doc_bytes(v, old)) if isinstance(v, StoredDoc) else v for k, v in docs.items()}
        for name, docs in tables.items()
    }


def doc_bytes(doc: StoredDoc, old: bytes | memoryview) -> bytes | memoryview:
    return doc.data if doc.data is not None else memoryview(old)[doc.start : doc.end]


def not_json(raw: bytes, offset: int) -> Msg:
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return Msg.of("store.problem_not_json", line=line, column=column)


def first_bad_utf8(raw: bytes) -> int:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return len(raw)


def repeated_key(raw: bytes) -> str | None:
    """A key that appears twice in one JSON object, or None (also None for what the standard
    library cannot read: that is reported by the reader that could)."""
    repeated: list[str] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs) and not repeated:
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    repeated.append(key)
                    break
                seen.add(key)
        return obj

    try:
        json.loads(raw, object_pairs_hook=pairs_hook)
    except (ValueError, RecursionError):
        return None
    return repeated[0] if repeated else None


def _stored(raw: bytes, doc: msgspec.Raw, at: tuple[int, int]) -> Any:
    start, end = at
    if raw[start] != _OPEN_BRACE:  # not an object: kept as the value it is (the reader says what is wrong)
        return _VALUE.decode(doc)
    return StoredDoc(digest_of(doc), start, end)


def _shape_problem(raw: bytes) -> Msg:
    try:
        outer = _OUTER.decode(raw)
    except msgspec.ValidationError:
        return Msg.of("store.problem_not_object")
    for name, table in outer.items():
        if bytes(memoryview(table)[:1]) != b"{":
            return Msg.of("store.problem_table_not_object", name=name)
    return Msg.of("store.problem_not_object")


def _key_size(key: str) -> int:
    """Bytes of ``"key":`` written without escapes (escapes only make it longer)."""
    return (len(key) if key.isascii() else len(key.encode())) + 3


def _compact_spans(raw: bytes, outer: dict[str, dict[str, msgspec.Raw]]) -> list[list[tuple[int, int]]] | None:
    """Where each document lies, when the file is laid out exactly as weiquan writes it: no
    whitespace, no escapes in keys, no key twice. Anything else makes the file longer than these
    pieces add up to, and the answer is None."""
    pos = 1
    found: list[list[tuple[int, int]]] = []
    for n, (name, docs) in enumerate(outer.items()):
        pos += (n > 0) + _key_size(name) + 1
        spans: list[tuple[int, int]] = []
        for m, (key, doc) in enumerate(docs.items()):
            start = pos + (m > 0) + _key_size(key)
            pos = start + len(doc)
            spans.append((start, pos))
        pos += 1
        found.append(spans)
    return found if pos + 1 == len(raw) else None


def _found_spans(raw: bytes, outer: dict[str, dict[str, msgspec.Raw]]) -> list[list[tuple[int, int]]]:
    """Where each document lies in a file laid out any other way (found by searching, in order).
    Where two documents read the same, either place holds the same bytes."""
    pos = 0
    found = []
    for docs in outer.values():
        spans = []
        for doc in docs.values():
            start = raw.find(doc, pos)
            pos = start + len(doc)
            spans.append((start, pos))
        found.append(spans)
    return found
