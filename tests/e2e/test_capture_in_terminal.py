"""Capture in a real terminal: a whole call in the app, the app killed mid-call and its draft
offered again, and a contact logged from the shell appearing in the open app."""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from store.persistence.call_drafts import drafts_dir
from tests.helpers.cli import run_weiquan

pytestmark = pytest.mark.e2e


def a_case(db: Path) -> int:
    return CaseStore.open(db).create_case({"title": "蓝牙耳机左耳无声", "order_no": "P7788123"}).id


def wait_for_draft(db: Path, key: str, value: str, timeout: float = 20.0) -> dict:
    """The call's draft file, once it holds ``value`` under ``key``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in drafts_dir(db).glob("call-*.json"):
            try:
                body = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if body.get(key) == value:
                return body
        time.sleep(0.1)
    raise AssertionError(f"no draft with {key}={value!r} within {timeout} s")


def a_call(terminal, db: Path):  # type: ignore[no-untyped-def]
    """The app open on a case, in call mode (p)."""
    tty = terminal(db=db)
    tty.wait_for("蓝牙耳机左耳无声")
    tty.send("p")
    tty.wait_for("先报订单号：P7788123")  # the hotline checklist, with the case's order number
    return tty


def timer_seconds(screen: str) -> int:
    found = re.search(r"通话中  (\d+):(\d\d)", screen)
    return int(found[1]) * 60 + int(found[2]) if found else -1


def test_a_whole_call(terminal, tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    case_id = a_case(db)
    tty = a_call(terminal, db)
    tty.send("a")
    tty.wait_for("▸ a · 客服工号")
    tty.type("8821")
    tty.send("Enter", "p")
    tty.wait_for("▸ p · 承诺的处理方案")
    tty.type("3个工作日内退款")
    tty.send("Enter", "d")
    tty.type("3个工作日")
    tty.wait_for("→ ")  # the deadline resolved to a date while typing
    tty.send("Enter")
    first = timer_seconds(tty.screen())
    deadline = time.monotonic() + 20
    while timer_seconds(tty.screen()) < max(first, 0) + 2:  # the timer runs
        assert time.monotonic() < deadline, tty.screen()
        time.sleep(0.1)
    tty.send("e")
    screen = tty.wait_for("记录这次通话")
    assert "8821" in screen and "秒" in screen  # the contact on the timeline, with the call's length
    tty.send("q")
    tty.wait_for("WEIQUAN-EXITED-0")

    [contact] = CaseStore.open(db).get(case_id).contacts
    assert contact.agent_id == "8821" and contact.promise == "3个工作日内退款"
    assert contact.channel.value == "hotline" and contact.duration is not None and contact.duration >= 2
    assert contact.deadline is not None and contact.deadline > contact.at
    assert list(drafts_dir(db).glob("call-*.json")) == []


def test_a_call_survives_the_app_being_killed(terminal, tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    case_id = a_case(db)
    tty = a_call(terminal, db)
    tty.send("a")
    tty.type("8821")
    tty.send("Enter", "s")
    tty.type("客服说三天内退款")  # still in the box when the app dies
    draft = wait_for_draft(db, "summary", "客服说三天内退款")
    assert draft["agent_id"] == "8821"
    os.kill(draft["pid"], signal.SIGKILL)
    tty.wait_for("WEIQUAN-EXITED-137")

    again = terminal()
    screen = again.wait_for("有一次通话没有记录完")
    assert "8821" in screen and "客服说三天内退款" in screen
    again.send("1")  # resume
    again.wait_for("通话中")
    again.send("e")
    again.wait_for("记录这次通话")
    again.send("q")
    again.wait_for("WEIQUAN-EXITED-0")
    [contact] = CaseStore.open(db).get(case_id).contacts
    assert contact.agent_id == "8821" and contact.summary == "客服说三天内退款"
    assert contact.at.isoformat() == draft["started"]  # logged with the call's own start time


def test_a_contact_logged_from_the_shell_appears_in_the_open_app(terminal, tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    case_id = a_case(db)
    tty = terminal()
    tty.wait_for("蓝牙耳机左耳无声")
    started = time.monotonic()
    result = run_weiquan("log", str(case_id), "--channel", "热线", "--agent", "7777", "--db", str(db))
    assert result.returncode == 0, result.stderr
    tty.wait_for("7777")  # the app checks the file every 2 s
    print(f"the open app showed the shell's contact {time.monotonic() - started:.1f} s after the command started")
    tty.send("q")
    tty.wait_for("WEIQUAN-EXITED-0")
