"""Records decoded from the file again, its bytes let go first: the cases are the same, the
file's bytes and the decoded cases are never held at once, and a file written in place while its
records are read is read again (never a mix of two files, nor damage where there is none)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store.cases.case_cache import CaseCache
from store.cases.case_store import CaseStore
from store.persistence import file_docs
from store.persistence.safe_storage import SafeStorage

CASES = 40


def _database(db: Path) -> None:
    store = CaseStore.open(db, backups=False)
    for n in range(CASES):
        store.create_case({"title": f"case {n} 长" + "x" * n, "notes": "备注 " * 40})


def test_the_file_bytes_are_let_go_before_the_records_are_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "weiquan.json"
    _database(db)
    held_while_decoding = []
    decode = CaseCache.decode

    def watched(self: CaseCache, tables, doc_bytes, file_bytes):  # type: ignore[no-untyped-def]
        held_while_decoding.append(storages[-1].bytes_held_from())
        return decode(self, tables, doc_bytes, file_bytes)

    storages: list[SafeStorage] = []
    init = SafeStorage.__init__

    def kept(self: SafeStorage, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        init(self, *args, **kwargs)
        storages.append(self)

    monkeypatch.setattr(CaseCache, "decode", watched)
    monkeypatch.setattr(SafeStorage, "__init__", kept)
    store = CaseStore.open(db, backups=False, create=False)
    assert held_while_decoding == [None]
    assert [c.title for c in store.cases(ordered=False)] == [f"case {n} 长" + "x" * n for n in range(CASES)]


def test_records_read_a_chunk_at_a_time_are_the_records_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "weiquan.json"
    _database(db)
    whole = CaseStore.open(db, backups=False, create=False)
    monkeypatch.setattr(file_docs, "CHUNK", 300)  # smaller than a record: every chunk boundary is crossed
    chunked = CaseStore.open(db, backups=False, create=False)
    assert chunked.cases(ordered=False) == whole.cases(ordered=False)


def test_a_file_written_in_place_while_its_records_are_read_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program rewrites the file in place (same inode) after it was parsed: the records
    are not decoded from a mix of the two files; the file as it is now is read and shown."""
    db = tmp_path / "weiquan.json"
    _database(db)
    changed = db.read_bytes().replace(b'"case 3 ', b'"case three 3 ')  # every later record moves
    chunks = file_docs._Chunks.__call__
    written = []

    def rewrite_once(self, doc):  # type: ignore[no-untyped-def]
        if not written:
            with open(db, "r+b") as f:  # in place: the descriptor open sees the new bytes
                f.write(changed)
            os.utime(db, ns=(1, 1))  # a clock that did not move would leave the stamp's time alone
            written.append(True)
        return chunks(self, doc)

    monkeypatch.setattr(file_docs._Chunks, "__call__", rewrite_once)
    store = CaseStore.open(db, backups=False, create=False)
    assert written == [True]
    assert store.get(4).title.startswith("case three 3 ")
    assert [c.title for c in store.cases(ordered=False)][5:] == [f"case {n} 长" + "x" * n for n in range(5, CASES)]
