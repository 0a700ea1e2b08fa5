"""Exports: golden files, Markdown structure under hostile text, redaction, the CLI verb.

Regenerate the golden files after an intended change with: UPDATE_GOLDEN=1 .venv/bin/pytest tests/export
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.export.documents import FORMATS, MARKDOWN_FORMATS, render_export
from store.records.models import EvidenceFile
from store.records.sample_cases import fill_demo
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.cli import run_weiquan

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)
GOLDEN = Path(__file__).parent / "golden"
MD = MarkdownIt("commonmark").enable("table")


@pytest.fixture(scope="module")
def demo_store() -> CaseStore:
    store = CaseStore.open(None, clock=lambda: NOW)
    fill_demo(store, NOW.date(), CAL)
    item = store.get(1).evidence[0]
    store.attach_file(
        1, item.id, EvidenceFile(path="/home/me/证据/订单截图.png", size=482_113, sha256="ab" * 32, attached=NOW)
    )
    return store


@pytest.mark.parametrize("redact", [False, True], ids=["private", "redacted"])
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(demo_store: CaseStore, fmt: str, lang: str, redact: bool) -> None:
    text = render_export(demo_store.get(1), fmt, Messages(lang), NOW, redact=redact, calendar=CAL).text
    golden = GOLDEN / f"{fmt}-{lang}{'-redacted' if redact else ''}.{'txt' if fmt == 'form' else 'md'}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def _table_rows(text: str) -> list[list[str]]:
    """The rows of the contacts table (the second table), each a list of cell texts."""
    tokens = MD.parse(text)
    tables, rows, current, in_cell, in_body = 0, [], None, False, False
    for token in tokens:
        if token.type == "table_open":
            tables += 1
        elif token.type == "tbody_open":
            in_body = tables == 2
        elif token.type == "tbody_close":
            in_body = False
        elif token.type == "tr_open" and in_body:
            current = []
        elif token.type == "tr_close" and in_body and current is not None:
            rows.append(current)
            current = None
        elif token.type == "td_open" and current is not None:
            in_cell = True
            current.append("")
        elif token.type == "td_close":
            in_cell = False
        elif token.type == "inline" and in_cell and current is not None:
            current[-1] = token.content
    return rows


def test_timeline_table_has_one_row_per_contact_with_every_cell(demo_store: CaseStore) -> None:
    case = demo_store.get(1)
    rows = _table_rows(render_export(case, "timeline", Messages("en"), NOW, calendar=CAL).text)
    assert len(rows) == len(case.contacts) and all(len(r) == 9 for r in rows)


HOSTILE = st.lists(
    st.sampled_from(list("|`*_#<>[]()!\\-+=~&;:\n\r\t\x1b\x00\x07 aZ9耳机") + ["<!--", "```", "| --- |", "1. ", "# "]),
    max_size=60,
).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=HOSTILE, said=st.lists(HOSTILE, min_size=1, max_size=4), agent=HOSTILE, promise=HOSTILE)
def test_structure_survives_hostile_text(title: str, said: list[str], agent: str, promise: str) -> None:
    store = CaseStore.open(None, clock=lambda: NOW)
    case = store.create_case({"title": (title.strip() or "x")[:200], "notes": said[0]})
    for n, text in enumerate(said):
        store.add_contact(
            case.id,
            {
                "at": NOW - dt.timedelta(hours=n + 1),
                "channel": "hotline",
                "agent_id": agent[:200],
                "summary": text,
                "promise": promise,
            },
        )
    case = store.get(case.id)
    for fmt in MARKDOWN_FORMATS:
        text = render_export(case, fmt, Messages("zh-CN"), NOW, calendar=CAL).text
        assert "\x1b" not in text and "\x00" not in text and "\x07" not in text
        tokens = MD.parse(text)
        headings = [t for t in tokens if t.type == "heading_open" and t.tag == "h1"]
        assert len(headings) == 1, text  # user text never makes a heading of its own
        assert not any(t.type in ("html_block", "html_inline", "fence", "code_block") for t in tokens), text
        if fmt == "timeline":
            rows = _table_rows(text)
            assert len(rows) == len(said) and all(len(r) == 9 for r in rows), text


def test_very_long_text_is_cut_in_the_table_and_whole_in_the_details() -> None:
    store = CaseStore.open(None, clock=lambda: NOW)
    case = store.create_case({"title": "long"})
    store.add_contact(case.id, {"at": NOW, "channel": "online_cs", "summary": "很长" * 5000})
    text = render_export(store.get(case.id), "timeline", Messages("zh-CN"), NOW, calendar=CAL).text
    rows = _table_rows(text)
    assert len(rows[0][5]) <= 300 and rows[0][5].endswith("…")
    assert "很长" * 5000 in text.replace("\n", "")


PRIVATE = {
    "mobile": "13812345678",
    "mobile_spaced": "138 1234 5678",
    "landline": "021-62345678",
    "id_card": "11010519491231002X",
    "email": "zhang.san@example.com",
}


def test_redaction_removes_personal_data() -> None:
    store = CaseStore.open(None, clock=lambda: NOW)
    case = store.create_case(
        {
            "title": "张三的耳机",
            "order_no": "P778812345678901",
            "private_names": ["张三", "Li Hua"],
            "notes": f"联系电话 {PRIVATE['mobile']}，身份证 {PRIVATE['id_card']}",
            "references": [{"label": "售后单号", "value": "AS20261110001"}],
        }
    )
    store.add_contact(
        case.id,
        {
            "at": NOW,
            "channel": "hotline",
            "agent_id": "8821",
            "reference_no": "TK-88120",
            "summary": (
                f"我（张三）留了手机 {PRIVATE['mobile_spaced']} 和座机 {PRIVATE['landline']}，"
                f"邮箱 {PRIVATE['email']}，寄回地址：上海市徐汇区漕溪北路123号4楼。Li Hua called."
            ),
        },
    )
    for fmt in FORMATS:
        for lang in ("zh-CN", "en"):
            text = render_export(store.get(case.id), fmt, Messages(lang), NOW, redact=True, calendar=CAL).text
            plain = text.replace("\\", "")
            for value in [
                *PRIVATE.values(),
                "P778812345678901",
                "AS20261110001",
                "TK-88120",
                "张三",
                "Li Hua",
                "漕溪北路123号",
            ]:
                assert value not in plain, f"{value} survived in {fmt}/{lang}"
            assert not re.search(r"1[3-9]\d{9}", plain)
            assert "P77" in plain and "901" in plain  # the ends of the order number stay, for reference


def test_wording_check_warns_with_factual_alternatives() -> None:
    store = CaseStore.open(None, clock=lambda: NOW)
    case = store.create_case({"title": "这家店是骗子"})
    store.add_contact(case.id, {"at": NOW, "channel": "online_cs", "summary": "It is a scam"})
    result = render_export(store.get(case.id), "timeline", Messages("zh-CN"), NOW, redact=True, calendar=CAL)
    words = {w.word for w in result.warnings}
    assert {"骗子", "scam"} <= words
    assert all(w.suggestion and w.why for w in result.warnings)


def test_cli_export_stdout_file_json_and_errors(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db)
    case = store.create_case({"title": "耳机左耳无声"})
    store.add_contact(case.id, {"at": "2026-11-20T10:00:00+08:00", "channel": "hotline", "agent_id": "8821"})
    out = run_weiquan("export", str(case.id), "--db", str(db), "--lang", "zh-CN")
    assert out.returncode == 0 and out.stdout.startswith("# 维权时间线：耳机左耳无声") and "8821" in out.stdout
    target = tmp_path / "case.md"
    result = run_weiquan("export", str(case.id), "--format", "dossier", "-o", str(target), "--db", str(db))
    assert result.returncode == 0 and target.read_text(encoding="utf-8").startswith("# ")
    as_json = run_weiquan("export", str(case.id), "--json", "--redact", "--db", str(db))
    import orjson

    body = orjson.loads(as_json.stdout)
    assert body["redacted"] is True and body["markdown"].startswith("# ") and body["warnings"] == []
    missing = run_weiquan("export", "99", "--db", str(db))
    assert missing.returncode == 2 and "There is no case 99" in missing.stderr and "Traceback" not in missing.stderr
    bad_format = run_weiquan("export", str(case.id), "--format", "pdf", "--db", str(db))
    assert bad_format.returncode == 2
