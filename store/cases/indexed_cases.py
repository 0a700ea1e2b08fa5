"""The case index read and checked (msgspec): each case as case_index.FIELDS lists it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import msgspec

from store.cases.case_index import FORMAT, calendar_fingerprint, file_identity, read_index_bytes
from store.deadlines.list_urgency import MarksAt

Mark = tuple[
    Annotated[int, msgspec.Meta(gt=-(2**62), lt=2**62)],  # end, µs since the epoch
    Annotated[int, msgspec.Meta(gt=-86_400, lt=86_400)],  # its UTC offset in seconds
    int,  # flags (list_urgency)
]


class RankedAt(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """The case's urgency as counted from its marks at ``at`` (list_urgency.urgency_at), the same
    until ``until`` (unchanged_until): the list ranks from it without counting again."""

    at: int
    until: int
    counts: MarksAt


class IndexedCase(msgspec.Struct, array_like=True, frozen=True, gc=False):
    id: int
    title: str
    platform: str
    status: str
    order_no: str
    amount_paid_fen: int | None
    contacts: int
    in_trash: bool
    updated: str
    updated_us: int
    active: bool
    broken: int
    digest: str
    # Read only when ``ranked`` no longer holds (most starts never do): kept as the JSON it is.
    marks: msgspec.Raw
    ranked: RankedAt

    def deadline_marks(self) -> tuple[Mark, ...]:
        """The marks, read and checked (msgspec.ValidationError or DecodeError when damaged)."""
        return _marks_decoder.decode(self.marks)


class IndexFile(msgspec.Struct, frozen=True):
    format: int
    database: list[int]
    calendar: list[object]
    cases: list[IndexedCase]
    # The holiday file named in ``calendar`` was read without a word to say about it (no holiday
    # file at all counts as clean): `list --json` may then answer from the index, having nothing to warn of.
    holidays_clean: bool = False


_decoder = msgspec.json.Decoder(IndexFile)
_marks_decoder = msgspec.json.Decoder(tuple[Mark, ...])


def raw_marks(marks: tuple[Mark, ...]) -> msgspec.Raw:
    return msgspec.Raw(msgspec.json.encode(marks))


def read_case_index(db_path: Path) -> IndexFile | None:
    """The index of the database at ``db_path`` when it was made from the file there now, by this
    version, with the rules and holiday file there now; None when there is none, it is of another
    version of any of them, or anything in it is not as written. (A new version of the calendar
    package is seen by the writer, which counts again: the list shown from an index lasts only
    until the cases have loaded.)"""
    database = file_identity(db_path)
    found = _read(db_path) if database is not None else None
    if found is None or found.database != database:
        return None
    cheap = calendar_fingerprint(db_path)
    return found if found.calendar[: len(cheap)] == cheap else None


def read_index_entries(db_path: Path, calendar: list[object]) -> dict[int, IndexedCase]:
    """The entries of the index beside ``db_path`` whatever version of the database it was made
    from, when its marks were counted as ``calendar`` says (each entry names its record's digest,
    so an unchanged case's entry can be kept); {} otherwise."""
    found = _read(db_path)
    if found is None or found.calendar != calendar:
        return {}
    return {case.id: case for case in found.cases}


def _read(db_path: Path) -> IndexFile | None:
    raw = read_index_bytes(db_path)
    if raw is None:
        return None
    try:
        found = _decoder.decode(raw)
    except (msgspec.DecodeError, RecursionError):
        return None
    return found if found.format == FORMAT else None
