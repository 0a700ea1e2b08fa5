"""Snapshots of the main screen, a form and the help screen, at 80x24 and 100x30, in both languages.

Regenerate after an intended UI change with: .venv/bin/pytest tests/snapshots --snapshot-update
"""

from __future__ import annotations

import pytest

from store.cases.case_store import CaseStore
from store.records.sample_cases import fill_demo
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.guide import open_guide
from tui.app import WeiquanApp

CAL = calendar_to_2026()

SIZES = [(80, 24), (100, 30)]
LANGS = ["en", "zh-CN"]
VIEWS = {"main": [], "case_form": ["n"], "help": ["question_mark"], "guide": []}


def demo_app(lang: str) -> WeiquanApp:
    store = CaseStore.open(None, clock=lambda: FIXED_NOW)
    fill_demo(store, FIXED_NOW.date(), CAL)
    return WeiquanApp(store, lang=lang, clock=lambda: FIXED_NOW, watch_seconds=0, calendar=CAL)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_snapshot(snap_compare, view: str, lang: str, size: tuple[int, int]) -> None:
    # The guide is shot once it shows its section (it scrolls there after the chapter is laid out).
    before = open_guide if view == "guide" else None
    assert snap_compare(demo_app(lang), press=VIEWS[view], run_before=before, terminal_size=size)
