"""Every export format and written file with the hostile corpus in every field: no control
character, bidi control or hidden character comes out raw, and nothing is lost from JSON."""

from __future__ import annotations

import orjson
import pytest

from store.cases.case_store import CaseStore
from store.deadlines.due_report import due_items
from store.export.documents import FORMATS, render_export
from store.export.icalendar_file import calendar
from store.export.markdown_text import cell, code_span, inline, text_lines
from store.persistence.backup_format import backup_payload
from store.rules.messages import Messages
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.hostile_store import fill_corpus
from tests.helpers.hostile_text import CORPUS, injected

CAL = calendar_to_2026()


@pytest.fixture(scope="module")
def hostile_store() -> CaseStore:
    store = CaseStore.open(None, clock=lambda: FIXED_NOW)
    fill_corpus(store, CORPUS)
    return store


@pytest.mark.slow
@pytest.mark.parametrize("redact", [False, True], ids=["private", "redacted"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_format(hostile_store: CaseStore, fmt: str, redact: bool) -> None:
    msgs = Messages("zh-CN")
    for case in hostile_store.cases():
        text = render_export(case, fmt, msgs, FIXED_NOW, redact=redact, calendar=CAL).text
        assert injected(text) == [], (case.id, fmt)


def test_markdown_pieces_show_c1_and_bidi_controls() -> None:
    """C1 controls used to become spaces and bidi overrides passed through."""
    pieces = [inline("a\x9b2J\u202eb"), cell("a\x9b2J\u202eb"), "".join(text_lines("a\x9b2J\u202eb"))]
    for piece in [*pieces, code_span("a\x9b2J\u202eb")]:
        assert injected(piece) == []
        assert "x9b2J" in piece and "u202e" in piece


def test_icalendar_file(hostile_store: CaseStore) -> None:
    msgs = Messages("en")
    items = due_items(hostile_store.cases(), FIXED_NOW, 365, msgs, calendar=CAL)
    assert items
    text = calendar(items, FIXED_NOW, "unverified", "estimated")
    assert injected(text, allow_cr=True) == []
    assert "\r\n" in text and "\r" not in text.replace("\r\n", "")


def test_backup_payload_escapes_and_round_trips(hostile_store: CaseStore) -> None:
    payload = backup_payload(hostile_store)
    assert injected(payload.decode("utf-8")) == []
    titles = {case["id"]: case["title"] for case in orjson.loads(payload)["cases"]}
    assert titles == {case.id: case.title for case in hostile_store.cases(include_deleted=True)}
