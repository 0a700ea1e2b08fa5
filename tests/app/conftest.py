from __future__ import annotations

from pathlib import Path

import pytest

from store.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW
from tui.app import WeiquanApp


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "weiquan.json"


@pytest.fixture
def app_store(db_path: Path) -> CaseStore:
    return CaseStore.open(db_path, clock=lambda: FIXED_NOW)


@pytest.fixture
def make_app(app_store: CaseStore):
    def make(lang: str = "en") -> WeiquanApp:
        return WeiquanApp(app_store, lang=lang, clock=lambda: FIXED_NOW, watch_seconds=0)

    return make
