"""In the running app (database opened in the background, as `weiquan` does), another session's
change is read and decoded in a worker thread and taken in on the UI thread: only the changed
record is decoded, never on the UI thread, and damage found that way still brings up the
damaged-file screen over the last good cases."""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
import pytest

from store.cases import case_cache
from store.cases.case_store import CaseStore
from store.deadlines import urgency_board
from store.persistence.database_watch import DatabaseWatch
from store.records.models import Case
from tests.conftest import FakeClock
from tests.helpers.app_driver import FIXED_NOW, screen_text, type_text
from tui.app import WeiquanApp
from tui.screens.damaged import DamagedScreen
from tui.screens.main import MainScreen
from tui.widgets.case_list import CaseList


async def _opened(app: WeiquanApp, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if app.store is not None:
            await app.workers.wait_for_complete()  # the search text prepared too
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise AssertionError("the database did not open")


async def _poll(app: WeiquanApp, pilot) -> None:  # type: ignore[no-untyped-def]
    app.poll_outside_changes()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_change_elsewhere_is_decoded_off_the_ui_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "weiquan.json"
    other = CaseStore.open(db, backups=False)
    for title in ("耳机左耳无声", "物流停滞", "退款未到"):
        other.create_case({"title": title})
    decoded: list[tuple[int, bool]] = []
    real = case_cache.decode_stored_case

    def noting(data: bytes | memoryview, case_id: int):  # type: ignore[no-untyped-def]
        decoded.append((case_id, threading.current_thread() is threading.main_thread()))
        return real(data, case_id)

    monkeypatch.setattr(case_cache, "decode_stored_case", noting)
    ranked_here: list[int] = []  # urgencies computed on the UI thread
    real_urgency = urgency_board.case_urgency

    def urgency_noting(case, now, calendar):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            ranked_here.append(case.id)
        return real_urgency(case, now, calendar)

    monkeypatch.setattr(urgency_board, "case_urgency", urgency_noting)
    app = WeiquanApp(lambda: CaseStore.open(db, backups=False), lang="en", clock=lambda: FIXED_NOW, watch_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(app, pilot)
        assert "物流停滞" in screen_text(pilot)
        decoded.clear()
        other.update_case(2, {"title": "物流停滞，已催"})
        await pilot.press("down")  # reading on the UI thread meanwhile: the cases as taken in, no decode
        assert decoded == []
        await _poll(app, pilot)
        assert decoded == [(2, False)]  # the one changed record, in the worker
        assert ranked_here == []  # its urgency too: the UI thread only sorts
        assert isinstance(app.screen, MainScreen) and "物流停滞，已催" in screen_text(pilot)
        await _poll(app, pilot)  # nothing changed since: nothing read
        assert decoded == [(2, False)]


async def test_damage_read_in_the_worker_brings_up_the_damaged_screen_and_goes(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    other = CaseStore.open(db, backups=False)
    other.create_case({"title": "耳机左耳无声"})
    good = db.read_bytes()
    app = WeiquanApp(lambda: CaseStore.open(db, backups=False), lang="en", clock=lambda: FIXED_NOW, watch_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(app, pilot)
        main = app.screen
        body = orjson.loads(good)
        body["cases"]["1"]["amount_paid_fen"] = "a lot"
        db.write_bytes(orjson.dumps(body))
        await _poll(app, pilot)
        assert isinstance(app.screen, DamagedScreen) and app.screen_stack[-2] is main
        assert "amount_paid_fen" in screen_text(pilot)
        db.write_bytes(good.replace("耳机左耳无声".encode(), "耳机左耳无声（已修复）".encode()))
        await _poll(app, pilot)
        assert app.screen is main and "耳机左耳无声（已修复）" in screen_text(pilot)


async def test_a_change_elsewhere_is_shown_without_waiting_for_the_poll(tmp_path: Path) -> None:
    """The polling is an hour apart here: only the watch on the database's folder can bring it."""
    db = tmp_path / "weiquan.json"
    other = CaseStore.open(db, backups=False)
    other.create_case({"title": "耳机左耳无声"})
    if DatabaseWatch.open(db) is None:
        pytest.skip("this system offers no file watch (inotify); the app polls instead")
    app = WeiquanApp(lambda: CaseStore.open(db, backups=False), lang="en", clock=lambda: FIXED_NOW, watch_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(app, pilot)
        other.update_case(1, {"title": "耳机左耳无声，已催"})
        for _ in range(300):
            if "已催" in screen_text(pilot):
                break
            await pilot.pause(0.02)
        assert "耳机左耳无声，已催" in screen_text(pilot)


async def test_a_change_made_while_another_is_read_is_read_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "weiquan.json"
    other = CaseStore.open(db, backups=False)
    other.create_case({"title": "耳机左耳无声"})
    read_one = threading.Event()
    go_on = threading.Event()
    real = CaseStore.read_changes

    def held(store: CaseStore):  # type: ignore[no-untyped-def]
        changes = real(store)
        if not read_one.is_set():
            read_one.set()
            go_on.wait(10)
        return changes

    monkeypatch.setattr(CaseStore, "read_changes", held)
    app = WeiquanApp(lambda: CaseStore.open(db, backups=False), lang="en", clock=lambda: FIXED_NOW, watch_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(app, pilot)
        other.update_case(1, {"title": "first change"})
        app.poll_outside_changes()
        while not read_one.is_set():
            await pilot.pause(0.01)
        other.update_case(1, {"title": "second change"})
        app.poll_outside_changes()  # a stat, or the watch, while the first is still being read
        go_on.set()
        for _ in range(300):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if "second change" in screen_text(pilot):
                break
        assert "second change" in screen_text(pilot)


async def test_contacts_and_cases_added_or_removed_elsewhere_are_shown_under_a_filter(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    other = CaseStore.open(db, backups=False)
    for title in ("耳机左耳无声", "耳机盒子破损", "围巾掉色"):
        other.create_case({"title": title})
    app = WeiquanApp(lambda: CaseStore.open(db, backups=False), lang="en", clock=lambda: FIXED_NOW, watch_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "耳机")
        await pilot.press("enter")
        main = app.screen
        assert isinstance(main, MainScreen)
        assert sorted(row.title for row in main.query_one(CaseList).rows) == ["耳机左耳无声", "耳机盒子破损"]
        other.add_contact(
            1, {"at": "2026-11-25T10:00:00+08:00", "channel": "hotline", "summary": "客服答应换新", "agent_id": "8821"}
        )
        other.create_case({"title": "耳机没电"})
        other.delete_case(2)
        other.purge_case(2)
        other.update_case(3, {"title": "耳机线断了"})
        await _poll(app, pilot)
        rows = main.query_one(CaseList).rows
        assert sorted(row.title for row in rows) == ["耳机左耳无声", "耳机没电", "耳机线断了"]
        main.jump_to_case(1)
        await pilot.pause()
        assert "客服答应换新" in screen_text(pilot)


async def test_after_the_minute_turns_the_cases_are_ranked_again_before_a_change_arrives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Urgency is counted again for every case each new minute; done in the background just after
    the minute turns, another session's change then waits for its own case only."""
    db = tmp_path / "weiquan.json"
    other = CaseStore.open(db, backups=False)
    for title in ("耳机左耳无声", "物流停滞", "退款未到"):
        other.create_case({"title": title})
    clock = FakeClock(FIXED_NOW.replace(second=59, microsecond=800_000))
    counted: list[int] = []
    real_urgency = urgency_board.case_urgency

    def counting(case, now, calendar):  # type: ignore[no-untyped-def]
        counted.append(case.id)
        return real_urgency(case, now, calendar)

    monkeypatch.setattr(urgency_board, "case_urgency", counting)
    app = WeiquanApp(lambda: CaseStore.open(db, backups=False), lang="en", clock=clock, watch_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(app, pilot)
        counted.clear()
        clock.advance(seconds=2)  # the minute turns
        for _ in range(300):
            if len(counted) >= 3:
                break
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()
        counted.clear()
        other.update_case(2, {"title": "物流停滞，已催"})
        await _poll(app, pilot)
        assert "物流停滞，已催" in screen_text(pilot)
        assert counted == [2]


async def test_workers_handed_every_case_do_not_describe_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual describes a worker's call by the repr of its arguments unless told otherwise: at
    10,000 cases that held the UI thread 0.8 s each time the case index was written again."""
    db = tmp_path / "weiquan.json"
    other = CaseStore.open(db, backups=False)
    for title in ("耳机左耳无声", "物流停滞"):
        other.create_case({"title": title})
    app = WeiquanApp(
        lambda: CaseStore.open(db, backups=False), lang="en", clock=lambda: FIXED_NOW, watch_seconds=0, keep_index=True
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(app, pilot)
        described: list[int] = []
        real = Case.__repr__

        def noting(case: Case) -> str:
            described.append(case.id)
            return real(case)

        monkeypatch.setattr(Case, "__repr__", noting)
        other.update_case(2, {"title": "物流停滞，已催"})
        await _poll(app, pilot)
        app.keep_case_index()  # the index written again, in a worker
        app._rank_ahead()  # every case ranked again, in a worker
        await app.workers.wait_for_complete()
        assert described == []
