"""The Markdown pieces on their own: code spans, escapes only where needed, lines kept, and each
language's units and punctuation in the documents."""

from __future__ import annotations

import datetime as dt

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.export.documents import render_export
from store.export.markdown_text import code_span, inline, text_lines
from store.records.models import EvidenceFile
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


def test_code_spans_need_no_escapes_and_fence_backticks() -> None:
    assert code_span("IMG_20261112_201500.jpg") == "`IMG_20261112_201500.jpg`"
    assert code_span("order|screenshot*final*.jpg") == "`order|screenshot*final*.jpg`"
    assert code_span("a`b") == "``a`b``"
    assert code_span("`start") == "`` `start ``"
    assert code_span("x``y`") == "``` x``y` ```"
    assert code_span(" both ") == "`  both  `"  # CommonMark takes one space off each end


def test_escapes_only_where_markdown_could_start() -> None:
    assert inline("IMG_2026_1112.jpg AS_77 中_文") == "IMG_2026_1112.jpg AS_77 中_文"
    assert inline("_lead trail_ *x* 3~5天 <b> | [t]") == "\\_lead trail\\_ \\*x\\* 3\\~5天 \\<b> \\| \\[t\\]"
    assert inline("1. first") == "1\\. first" and inline("# x") == "\\# x" and inline("> q") == "\\> q"
    assert inline("see https://a.example/x_y?a=1&b=2，好") == "see <https://a.example/x_y?a=1&b=2>，好"
    assert inline("邮箱 zhang@example.com请回复") == "邮箱 <zhang@example.com>请回复"
    assert inline("www.example.com") == "www\\.example.com"
    assert inline("AT&T &amp; 14:00:30 :smile:") == "AT&T \\&amp; 14:00:30 \\:smile:"


def test_lines_are_kept_with_hard_breaks() -> None:
    assert text_lines("1. a\n2. b\n\n  indented\n") == ["1\\. a\\", "2\\. b\\", "\u00a0\\", "\u00a0\u00a0indented"]


def test_each_language_has_its_own_units_and_brackets() -> None:
    store = CaseStore.open(None, clock=lambda: NOW)
    case = store.create_case({"title": "耳机", "category": "quality"})
    item = store.get(case.id).evidence[0]
    store.update_evidence(case.id, item.id, {"state": "collected"})
    store.attach_file(case.id, item.id, EvidenceFile(path="/x/a.png", size=2_162_145, sha256="ab" * 32, attached=NOW))
    zh = render_export(store.get(case.id), "dossier", Messages("zh-CN"), NOW, calendar=CAL).text
    en = render_export(store.get(case.id), "dossier", Messages("en"), NOW, calendar=CAL).text
    assert "2,162,145 字节（2.1 MB）" in zh and "bytes" not in zh and "（已收集）" in zh
    assert "2,162,145 bytes (2.1 MB)" in en and "字节" not in en and " (collected)" in en
