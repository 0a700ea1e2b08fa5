"""The app lists the cases from the case index while the database loads, exactly as it lists them
once loaded, and keeps the index beside the database written after it loads and after a change."""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
import pytest

from store.calendar.workdays import WorkCalendar
from store.cases.case_index_writer import CaseIndexKeeper
from store.cases.case_store import CaseStore
from store.cases.indexed_cases import read_case_index
from tests.bench.dataset import make_data
from tests.helpers.app_driver import FIXED_NOW, screen_text
from tui import app as app_module
from tui.app import WeiquanApp
from tui.early_listing import prepare
from tui.widgets.case_list import CaseList


def _database(folder: Path) -> Path:
    db = folder / "weiquan.json"
    db.write_bytes(orjson.dumps(make_data(60, 5)))
    db.chmod(0o600)
    return db


async def test_the_cases_are_listed_from_the_index_before_they_load_and_stay_as_they_were(tmp_path: Path) -> None:
    db = _database(tmp_path)
    calendar = WorkCalendar()
    first = CaseStore.open(db, backups=False, create=False)
    assert CaseIndexKeeper(db, calendar).write(*first.index_state(), FIXED_NOW)
    release = threading.Event()

    def open_store() -> CaseStore:
        assert release.wait(30)
        return CaseStore.open(db, backups=False)

    app = WeiquanApp(
        open_store,
        lang="en",
        clock=lambda: FIXED_NOW,
        calendar=calendar,
        watch_seconds=0,
        early=prepare(db, "en", FIXED_NOW),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.store is None  # still loading
        listed = list(app.screen.query_one(CaseList).rows)
        status = str(app.screen.query_one("#status-line").render())
        text = screen_text(pilot)
        assert len(listed) == 60 and listed[0].title[:6] in text and "60 cases" in status
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store is not None
        assert list(app.screen.query_one(CaseList).rows) == listed
        assert str(app.screen.query_one("#status-line").render()) == status


async def test_the_app_writes_the_index_after_loading_and_after_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "INDEX_CHECK_SECONDS", 3600.0)  # written here when the test says
    db = _database(tmp_path)
    app = WeiquanApp(
        lambda: CaseStore.open(db, backups=False), lang="en", clock=lambda: FIXED_NOW, watch_seconds=0, keep_index=True
    )
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            if app.store is not None:
                break
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()  # the search text prepared too
        await pilot.pause()  # and the case shown
        assert read_case_index(db) is None
        app.keep_case_index()
        await app.workers.wait_for_complete()
        index = read_case_index(db)
        assert index is not None and len(index.cases) == 60
        assert app.store is not None
        app.store.update_case(5, {"title": "刚改的标题"})
        assert read_case_index(db) is None  # the database changed: the old index is not used
        app.keep_case_index()
        await app.workers.wait_for_complete()
        index = read_case_index(db)
        assert index is not None and next(c.title for c in index.cases if c.id == 5) == "刚改的标题"
