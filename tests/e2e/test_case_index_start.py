"""The installed `weiquan` started in a real terminal (tmux) beside a case index it cannot use as
it is: the app opens all the same and lists the cases from the database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.calendar.workdays import WorkCalendar
from store.cases.case_index import index_path
from store.cases.case_index_writer import CaseIndexKeeper
from store.cases.case_store import CaseStore
from store.cases.indexed_cases import read_case_index
from tests.helpers.app_driver import FIXED_NOW

pytestmark = pytest.mark.e2e


def test_an_index_with_an_end_on_no_calendar_day_still_opens_the_app(terminal, tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db, backups=False)
    store.create_case({"title": "耳机左耳无声"})
    assert CaseIndexKeeper(db, WorkCalendar()).write(*store.index_state(), FIXED_NOW)
    path = Path(index_path(db))
    data = json.loads(path.read_bytes())
    entry = data["cases"][0]
    entry[13], entry[14] = [[2**61, 0, 1]], [0, 0, [0, 0, 0, 0, None, 0]]  # counted again: after year 9999
    path.write_text(json.dumps(data))  # the database file is untouched: the index still names it
    assert read_case_index(db) is not None  # read as written: only the end is out of range
    tty = terminal()
    screen = tty.wait_for("耳机左耳无声")
    assert "Traceback" not in screen
    tty.send("q")
    tty.wait_for("WEIQUAN-EXITED-0")
