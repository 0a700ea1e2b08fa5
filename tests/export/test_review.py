"""Exports rendered from a person's review: what they unmasked shows, what they marked is masked,
and only an accepted review that covers everything masked makes the document ready to post."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
import orjson

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.export.documents import render_export
from store.export.redaction import Kind
from store.export.redaction.review import Review, masked_counts
from store.records.models import EvidenceFile, EvidenceItem, EvidenceKind, EvidenceState
from store.rules.messages import Messages
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.cli import run_weiquan

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)
SUMMARY = "快递员刘强打了我的手机13812345678，小美姐说会退款。这家店就是骗子。"


def _store() -> tuple[CaseStore, int]:
    store = CaseStore.open(None, clock=lambda: NOW)
    case = store.create_case({"title": "丢件", "order_no": "P778812345678901"})
    store.add_contact(case.id, {"at": NOW, "channel": "hotline", "agent_id": "7788", "summary": SUMMARY})
    return store, case.id


def test_findings_list_each_value_once_with_its_count_and_mask() -> None:
    store, case_id = _store()
    result = render_export(store.get(case_id), "timeline", Messages("zh-CN"), NOW, redact=True, calendar=CAL)
    found = {(f.kind, f.original): f for f in result.findings}
    assert found[Kind.MOBILE, "13812345678"].masked == "138＊＊＊＊＊＊＊＊"
    assert found[Kind.MOBILE, "13812345678"].count == 2  # the table and the details
    assert found[Kind.NAME, "刘强"].count == 2 and not found[Kind.NAME, "刘强"].shown
    assert masked_counts(result.findings) == {Kind.MOBILE: 2, Kind.ORDER: 1, Kind.NAME: 2}
    assert not result.reviewed and "尚未经人工核对" in result.text


def test_the_document_follows_the_decisions_and_is_ready_only_once_accepted() -> None:
    store, case_id = _store()
    case, msgs = store.get(case_id), Messages("zh-CN")
    review = Review().toggle("刘强").mask_more("小美")
    result = render_export(case, "timeline", msgs, NOW, redact=True, review=review, calendar=CAL)
    assert "快递员刘强" in result.text and "小美" not in result.text and "13812345678" not in result.text
    assert not result.reviewed and "可以公开发布" not in result.text
    accepted = review.accept(result.findings)
    done = render_export(case, "timeline", msgs, NOW, redact=True, review=accepted, calendar=CAL)
    assert done.reviewed and "已逐项核对，可以公开发布" in done.text
    # a format that shows more (the dossier adds notes) is not covered by that review
    store.update_case(case_id, {"notes": "我的邮箱 lina@example.com"})
    later = render_export(store.get(case_id), "dossier", msgs, NOW, redact=True, review=accepted, calendar=CAL)
    assert not later.reviewed and "lina@example.com" not in later.text


def test_toggling_twice_masks_again_and_marking_shown_text_masks_it() -> None:
    review = Review().toggle("刘强").toggle("刘强")
    assert review.keep == frozenset()
    assert Review().toggle("刘强").mask_more("刘强").keep == frozenset()
    assert Review().mask_more("  ") == Review()


def test_wording_warnings_quote_the_redacted_text_and_skip_file_names() -> None:
    store, case_id = _store()
    proof = EvidenceFile(path="/home/me/垃圾客服聊天记录.png", size=1, sha256="a" * 64, attached=NOW)
    evidence = [EvidenceItem(id=1, kind=EvidenceKind.CHAT_LOG, state=EvidenceState.COLLECTED, files=[proof])]
    case = msgspec.structs.replace(store.get(case_id), evidence=evidence)
    result = render_export(case, "dossier", Messages("en"), NOW, redact=True, calendar=CAL)
    assert "垃圾客服聊天记录.png" in result.text
    [warning] = result.warnings  # 骗子 in the summary; not 垃圾 in the user's own file name
    assert warning.word == "骗子" and "13812345678" not in warning.context and "刘强" not in warning.context


def test_cli_redacted_export_counts_what_it_masked_and_asks_for_a_review(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db)
    case = store.create_case({"title": "丢件", "order_no": "P778812345678901"})
    store.add_contact(case.id, {"at": "2026-11-20T10:00:00+08:00", "channel": "hotline", "summary": SUMMARY})
    out = run_weiquan("export", str(case.id), "--redact", "--db", str(db), "--lang", "en")
    assert out.returncode == 0 and "13812345678" not in out.stdout
    assert "Masked automatically: mobile number: 2, order or reference number: 1, name: 2." in out.stderr
    assert "Not reviewed yet" in out.stderr and "has not been reviewed" in out.stdout
    zh = run_weiquan("export", str(case.id), "--redact", "--db", str(db), "--lang", "zh-CN")
    assert "已自动隐去：手机号 2 处，订单号/单号 1 处，姓名 2 处。尚未人工核对" in zh.stderr
    body = orjson.loads(run_weiquan("export", str(case.id), "--redact", "--json", "--db", str(db)).stdout)
    assert body["masked"] == {"mobile": 2, "order": 1, "name": 2} and body["reviewed"] is False
    assert body["warnings"][0]["reason"] == "accusation"
    private = run_weiquan("export", str(case.id), "--db", str(db))
    assert "Masked" not in private.stderr and "13812345678" in private.stdout
