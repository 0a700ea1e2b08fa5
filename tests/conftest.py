from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from store.calendar.china_time import CHINA_TZ
from store.calendar.workdays import WorkCalendar
from store.cases.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.calendars import calendar_to_2026
from tui.app import WeiquanApp


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(autouse=True)
def _unfreeze_after_each_test() -> Iterator[None]:
    """The app exempts what it has loaded from garbage collection (gc.freeze); in one test process
    that would keep every earlier test's apps alive, so each test starts from a clean collector."""
    yield
    gc.unfreeze()


@pytest.fixture
def calendar() -> WorkCalendar:
    """The working-day calendar: built in up to 2026 (whatever chinesecalendar is installed), then
    estimated."""
    return calendar_to_2026()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 20, 10, 0, tzinfo=CHINA_TZ))


@pytest.fixture(params=["memory", "file"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> Iterator[Callable[[], CaseStore]]:
    """Open a store over an in-memory or an on-disk database; calling again reopens the same one."""
    path = None if request.param == "memory" else tmp_path / "data" / "weiquan.json"
    first: list[CaseStore] = []

    def opener() -> CaseStore:
        if path is None and first:
            return first[0]
        store = CaseStore.open(path, clock=clock)
        first.append(store)
        return store

    yield opener


@pytest.fixture
def store(make_store: Callable[[], CaseStore]) -> CaseStore:
    return make_store()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "weiquan.json"


@pytest.fixture
def app_store(db_path: Path) -> CaseStore:
    return CaseStore.open(db_path, clock=lambda: FIXED_NOW)


@pytest.fixture
def make_app(app_store: CaseStore, calendar: WorkCalendar):
    def make(lang: str = "en") -> WeiquanApp:
        return WeiquanApp(app_store, lang=lang, clock=lambda: FIXED_NOW, calendar=calendar, watch_seconds=0)

    return make
