"""The documents of the database file held, read again from the file a megabyte at a time.

Decoding 10,000 cases while the file's 27 MB of bytes are held puts both in memory at once (the
peak of every command, 2.7 KB a case). ``docs_from_file`` lets the bytes go first and reads each
document's bytes from the very file they were parsed from (its descriptor, checked by its stamp:
a save replaces the file by a rename, so the open file never changes under us). Should the file
be written in place meanwhile (another program), its stamp says so when reading ends, and
FileChangedWhileRead asks the caller to read it again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from store.errors import FileProblem
from store.persistence.database_path import file_stamp
from store.persistence.regular_files import MAX_DATA_FILE_BYTES, open_regular
from store.persistence.stored_docs import StoredDoc

if TYPE_CHECKING:
    from store.persistence.safe_storage import SafeStorage

DocBytes = Callable[[StoredDoc], bytes | memoryview]
CHUNK = 1 << 20


class FileChangedWhileRead(Exception):
    """The file was written in place while its documents were read: read it again."""


class _Chunks:
    """The bytes of documents, from a megabyte of the file at a time (documents come in file order)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._start = 0
        self._chunk = b""

    def __call__(self, doc: StoredDoc) -> bytes | memoryview:
        if doc.data is not None:
            return doc.data
        start, end = doc.start, doc.end
        if not (self._start <= start and end <= self._start + len(self._chunk)):
            self._chunk = b""  # let go of the last megabyte before reading the next
            self._start, self._chunk = start, os.pread(self._fd, max(CHUNK, end - start), start)
            if len(self._chunk) < end - start:
                raise FileChangedWhileRead
        return memoryview(self._chunk)[start - self._start : end - self._start]


@contextmanager
def docs_from_file(storage: SafeStorage) -> Iterator[DocBytes]:
    """A source of document bytes for decoding everything held: read from the file, the bytes
    held let go, when the file open is the one held; else the bytes held (an in-memory database,
    or a file replaced since: the decoding that follows finds out)."""
    path, stamp = storage.path, storage.bytes_held_from()
    if path is None or stamp is None:
        yield storage.doc_bytes
        return
    try:
        fd, info = open_regular(path, limit=MAX_DATA_FILE_BYTES)
    except (FileProblem, OSError):  # the bytes held are still there to decode from
        yield storage.doc_bytes
        return
    try:
        if file_stamp(info) != stamp:
            yield storage.doc_bytes
            return
        storage.release_bytes()
        try:
            yield _Chunks(fd)
        except Exception:
            if file_stamp(os.fstat(fd)) != stamp:  # what failed was reading a file being written
                raise FileChangedWhileRead from None
            raise
        if file_stamp(os.fstat(fd)) != stamp:
            raise FileChangedWhileRead
    finally:
        os.close(fd)
