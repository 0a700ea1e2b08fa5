"""The installed `weiquan` in a real terminal (tmux): create a case in Chinese, log a contact, quit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore

pytestmark = pytest.mark.e2e


def test_create_case_and_contact_in_a_real_terminal(terminal, tmp_path: Path) -> None:
    tty = terminal()
    tty.wait_for("还没有案件")
    tty.send("n")
    tty.wait_for("例如：耳机左耳无声")  # the new-case form's title placeholder
    tty.type("蓝牙耳机左耳无声")
    tty.wait_for("蓝牙耳机左耳无声")
    tty.send("C-s")
    tty.wait_for("已创建案件")
    tty.send("c")
    tty.wait_for("承诺的处理方案")  # a label only the contact form has
    # at -> channel -> direction -> agent ID; the focused field's label is marked with ▸
    tty.send("Tab", "Tab", "Tab")
    tty.wait_for("▸ 客服工号")
    tty.type("8821")
    tty.send("Tab", "Tab", "Tab")  # reference no. -> what was said -> promise
    tty.wait_for("▸ 承诺的处理方案")
    tty.type("3个工作日内退款")
    tty.send("Tab")
    tty.wait_for("▸ 承诺期限")
    tty.type("3个工作日")
    tty.wait_for("→ ")  # the deadline is shown resolved before saving
    tty.send("C-s")
    screen = tty.wait_for("已记录联系")
    assert "蓝牙耳机左耳无声" in screen
    assert "8821" in screen
    tty.send("q")
    tty.wait_for("WEIQUAN-EXITED-0")

    store = CaseStore.open(tmp_path / "weiquan.json")
    [case] = store.cases()
    assert case.title == "蓝牙耳机左耳无声"
    [contact] = case.contacts
    assert contact.agent_id == "8821" and contact.promise == "3个工作日内退款"
    assert contact.deadline is not None and contact.deadline > contact.at
    assert contact.deadline - contact.at < dt.timedelta(days=15)


def test_damaged_database_message_in_a_terminal(terminal, tmp_path: Path) -> None:
    db = tmp_path / "broken.json"
    db.write_text("{ not json")
    tty = terminal(db=db, lang="en_US.UTF-8")
    screen = tty.wait_for("cannot be read")
    assert "has not been changed" in screen and "Traceback" not in screen
    tty.send("q")
    tty.wait_for("WEIQUAN-EXITED-2")
    assert db.read_text() == "{ not json"


def test_bytes_that_are_not_utf8_are_typed_as_replacement_characters_not_a_crash(terminal, tmp_path: Path) -> None:
    """A terminal set to GBK sends 耳机 as b"\\xb6\\xfa\\xbb\\xfa". Textual's driver decoded input as
    strict UTF-8, so the first such byte ended the app with a traceback and the form was lost."""
    tty = terminal(lang="en_US.UTF-8")
    tty.wait_for("No cases yet")
    tty.send("n")
    tty.wait_for("Title")
    tty.type("Earbuds ")
    tty.send_bytes("耳机".encode("gbk") + b"\xff")
    tty.type(" left silent")
    tty.wait_for("left silent")
    tty.send("C-s")
    tty.wait_for("Case 1 created")
    tty.send("q")
    tty.wait_for("WEIQUAN-EXITED-0")
    [case] = CaseStore.open(tmp_path / "weiquan.json").cases()
    assert case.title.startswith("Earbuds ") and case.title.endswith(" left silent")
    assert "\ufffd" in case.title  # what could not be read is marked, the rest kept
