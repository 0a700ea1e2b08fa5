"""The first frame's rows, made by a forked child while Textual loads: the very rows made here,
hostile titles included; made here instead when there is no child or it fails."""

from __future__ import annotations

import contextlib
import json
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from store.calendar.workdays import WorkCalendar
from store.cases.case_index import index_path
from store.cases.case_index_writer import CaseIndexKeeper
from store.cases.case_store import CaseStore
from store.cases.indexed_cases import read_case_index
from store.errors import InvalidInput
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.hostile_text import CORPUS
from tui import early_listing
from tui.early_listing import Prepared, prepare


def _indexed(folder: Path) -> Path:
    db = folder / "weiquan.json"
    store = CaseStore.open(db, backups=False)
    for title in ["耳机左耳无声", *CORPUS]:
        with contextlib.suppress(InvalidInput):
            store.create_case({"title": title})
    assert CaseIndexKeeper(db, WorkCalendar()).write(*store.index_state(), FIXED_NOW)
    return db


def test_the_child_makes_the_rows_made_here(tmp_path: Path) -> None:
    db = _indexed(tmp_path)
    here = prepare(db, "zh-CN", FIXED_NOW)
    assert here.rows is not None and len(here.rows) > 150 and set(here.catalogs) == {"zh-CN", "en"}
    forked = Prepared(db, "zh-CN", FIXED_NOW)
    assert forked._pid != 0  # a child was started
    assert forked.result() == here


def test_without_an_index_only_the_catalogs_are_made(tmp_path: Path) -> None:
    listing = Prepared(tmp_path / "none.json", "en", FIXED_NOW).result()
    assert listing.rows is None and listing.counts is None and set(listing.catalogs) == {"en"}


def test_no_fork_means_the_rows_are_made_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _indexed(tmp_path)

    def refused() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(os, "fork", refused)
    prepared = Prepared(db, "en", FIXED_NOW)
    assert prepared._pid == 0
    assert prepared.result() == prepare(db, "en", FIXED_NOW)


def test_a_child_that_fails_leaves_the_rows_to_be_made_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _indexed(tmp_path)

    class Broken:
        loads = staticmethod(marshal.loads)

        @staticmethod
        def dumps(value: object) -> bytes:
            raise ValueError("the child cannot write")

    monkeypatch.setattr(early_listing, "marshal", Broken)
    prepared = Prepared(db, "en", FIXED_NOW)
    assert prepared._pid != 0
    assert prepared.result() == prepare(db, "en", FIXED_NOW)


def _craft(db: Path, change: Callable[[list[Any]], None]) -> None:
    """The index beside ``db`` with its first entry changed by ``change`` (the stamp still valid)."""
    path = Path(index_path(db))
    data = json.loads(path.read_bytes())
    change(data["cases"][0])
    path.write_text(json.dumps(data))
    assert read_case_index(db) is not None  # still read as written: only its ends are out of range


def _held_first(entry: list[Any], first_us: int) -> None:
    entry[14] = [0, 2**62, [1, 0, 0, 0, first_us, 0]]  # held for every moment, its earliest end far off


def _counted_again(entry: list[Any], end_us: int) -> None:
    entry[13], entry[14] = [[end_us, 0, 1]], [0, 0, [0, 0, 0, 0, None, 0]]  # counted from its marks


@pytest.mark.parametrize(
    "change",
    [
        lambda e: _held_first(e, 10**18),
        lambda e: _held_first(e, -(10**18)),
        lambda e: _counted_again(e, 2**61),
        lambda e: _counted_again(e, -(2**61)),
    ],
    ids=["held end after year 9999", "held end before year 1", "mark after year 9999", "mark before year 1"],
)
def test_an_end_no_calendar_has_leaves_the_rows_to_the_loaded_cases(
    tmp_path: Path, change: Callable[[list[Any]], None]
) -> None:
    db = _indexed(tmp_path)
    _craft(db, change)
    listing = Prepared(db, "en", FIXED_NOW).result()  # the child fails, and so would the same made here
    assert listing.rows is None and listing.counts is None and set(listing.catalogs) == {"en"}
