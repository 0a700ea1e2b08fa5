"""The watch on the database's folder says "look now" for what concerns the database file (another
session's save, a hand edit, a delete), not for its neighbours, and says so once more when the
system drops it, after which the app only polls. The kernel queues an event before the call that
caused it returns, so each answer here is known without waiting."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from store.persistence.database_watch import DatabaseWatch


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "weiquan.json"
    CaseStore.open(path, backups=False).create_case({"title": "耳机左耳无声"})
    return path


@pytest.fixture
def watch(db: Path) -> Iterator[DatabaseWatch]:
    opened = DatabaseWatch.open(db)
    if opened is None:
        pytest.skip("this system offers no file watch (inotify); the app polls instead")
    yield opened
    opened.close()


def test_another_sessions_save_is_told(db: Path, watch: DatabaseWatch) -> None:
    assert not watch.touched()
    CaseStore.open(db, backups=False).update_case(1, {"title": "耳机左耳无声，已催"})
    assert watch.touched()
    assert not watch.touched()  # taken: nothing new since


def test_a_hand_edit_in_place_and_a_delete_are_told(db: Path, watch: DatabaseWatch) -> None:
    with open(db, "r+b") as file:  # an editor that writes the file itself, not a new one
        file.write(b" ")
    assert watch.touched()
    db.unlink()
    assert watch.touched()


def test_other_files_in_the_folder_are_not(db: Path, watch: DatabaseWatch) -> None:
    (db.parent / "notes.txt").write_text("not the database")
    os.replace(db.parent / "notes.txt", db.parent / "notes.old")
    assert not watch.touched()


def test_a_watch_the_system_drops_says_look_and_ends(db: Path, watch: DatabaseWatch) -> None:
    shutil.rmtree(db.parent)
    assert watch.touched()
    assert not watch.alive


def test_no_folder_no_watch(tmp_path: Path) -> None:
    assert DatabaseWatch.open(tmp_path / "missing" / "weiquan.json") is None
