"""Documents kept as the JSON bytes the database file holds them in.

Holding 10,000 cases both as decoded records and as the dictionaries they were parsed from took
about 19 KB a case; a stored document here is its SHA-256 and where its bytes lie in the file
(about 150 bytes). The digest tells whether a record changed when the file is read again, and a
save copies the bytes of every unchanged document from the file verbatim.
"""

from __future__ import annotations

import hashlib

import msgspec


class StoredDoc(msgspec.Struct, gc=False):
    """One document: the SHA-256 of its JSON, and its bytes — ``start:end`` of the file as last read
    or written here, or (encoded since, not yet saved) ``data``."""

    digest: bytes
    start: int = 0
    end: int = 0
    data: bytes | None = None


def fresh_doc(payload: bytes) -> StoredDoc:
    """A document encoded here and not yet saved."""
    return StoredDoc(digest_of(payload), data=payload)


def digest_of(payload: bytes | memoryview) -> bytes:
    return hashlib.sha256(payload).digest()
