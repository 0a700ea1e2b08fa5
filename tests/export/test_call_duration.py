"""A timed call's length is part of its contact in the exports, in the export's language."""

from __future__ import annotations

import datetime as dt

import pytest

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.export.documents import render_export
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


@pytest.mark.parametrize(("lang", "line"), [("zh-CN", "- 通话时长：12分30秒"), ("en", "- Duration: 12 min 30 s")])
@pytest.mark.parametrize("fmt", ["timeline", "dossier"])
def test_the_duration_of_a_call_is_exported(fmt: str, lang: str, line: str) -> None:
    store = CaseStore.open(None, clock=lambda: NOW)
    case_id = store.create_case({"title": "耳机左耳无声"}).id
    store.add_contact(case_id, {"at": "2026-11-20T14:05:00+08:00", "channel": "hotline", "duration": 750})
    store.add_contact(case_id, {"at": "2026-11-21T10:00:00+08:00", "channel": "online_cs"})
    text = render_export(store.get(case_id), fmt, Messages(lang), NOW, calendar=CAL).text
    assert text.count(line) == 1  # the untimed chat has no duration line
