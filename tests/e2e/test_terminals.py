"""The real program under the terminals SSH users have: TERM values, colour systems, NO_COLOR."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from tests.helpers.cli import weiquan_command
from tests.helpers.tmux import TmuxSession

pytestmark = pytest.mark.e2e
GOLDEN = Path(__file__).parent / "golden"


def _run(env: dict[str, str], *args: str, width: int = 100, height: int = 30) -> TmuxSession:
    base = {"LANG": "en_US.UTF-8", "TEXTUAL_ANIMATIONS": "none", "HOME": os.environ.get("HOME", "/tmp")}
    return TmuxSession([*weiquan_command(), *args], env={**base, **env}, width=width, height=height)


@pytest.mark.parametrize("term", ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "vt100", "linux"])
def test_term_values(term: str) -> None:
    tty = _run({"TERM": term}, "--demo", "--lang", "en")
    try:
        tty.wait_for("Air fryer", timeout=30)
        screen = tty.wait_for("New case")  # the footer shows data actions once the cases have loaded
        assert "Traceback" not in screen
        tty.send("q")
        tty.wait_for("WEIQUAN-EXITED-0")
    finally:
        tty.close()


@pytest.mark.parametrize(
    "colours",
    [
        {"TEXTUAL_COLOR_SYSTEM": "standard"},
        {"TEXTUAL_COLOR_SYSTEM": "256"},
        {"TEXTUAL_COLOR_SYSTEM": "truecolor", "COLORTERM": "truecolor"},
        {"NO_COLOR": "1"},
    ],
    ids=["16", "256", "truecolor", "no-color"],
)
def test_colour_systems(colours: dict[str, str]) -> None:
    tty = _run({"TERM": "xterm-256color", **colours}, "--demo", "--lang", "zh-CN")
    try:
        tty.wait_for("羊绒围巾", timeout=30)
        screen = tty.wait_for("新建案件")
        assert "Traceback" not in screen
        tty.send("n")  # a form, whose focused field is marked with ▸ (visible without colour)
        tty.wait_for("▸ 标题")
        tty.send("Escape")
        tty.wait_for("7天内")  # back on the main screen (a quick "q" after Esc would read as Alt+Q)
        tty.send("q")
        tty.wait_for("WEIQUAN-EXITED-0")
    finally:
        tty.close()


def test_dumb_terminal_gets_a_clear_message() -> None:
    tty = _run({"TERM": "dumb"}, "--demo")
    try:
        screen = tty.wait_for("WEIQUAN-EXITED-2")
        assert "cannot show the full-screen app" in screen
    finally:
        tty.close()


def _timeless_database(path: Path) -> None:
    """Cases whose every date is years in the past, so the screen is the same whenever it is run."""
    now = dt.datetime(2021, 3, 1, 9, tzinfo=CHINA_TZ)
    store = CaseStore.open(path, clock=lambda: now, backups=False)
    case = store.create_case(
        {
            "title": "耳机左耳无声 / Earbuds, left side silent",
            "platform": "小红书",
            "order_no": "P778812345678901",
            "amount_paid_fen": 59_900,
            "category": "quality",
            "order_date": "2021-02-20",
            "delivery_date": "2021-02-22",
        }
    )
    store.add_contact(
        case.id,
        {
            "at": "2021-02-23T10:00:00+08:00",
            "channel": "hotline",
            "agent_id": "8821",
            "promise": "3个工作日内退款",
            "deadline": "2021-02-26T23:59:59+08:00",
        },
    )
    store.create_case({"title": "已解决的案件", "status": "resolved", "order_date": "2021-01-05"})


def test_snapshot_at_256_colours(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _timeless_database(db)
    tty = _run({"TERM": "xterm-256color", "TEXTUAL_COLOR_SYSTEM": "256", "WEIQUAN_DB": str(db)}, "--lang", "zh-CN")
    try:
        tty.wait_for("8821", timeout=30)
        tty.wait_for("新建案件")
        screen = tty.settled(escapes=True)
        tty.send("q")
        tty.wait_for("WEIQUAN-EXITED-0")
    finally:
        tty.close()
    assert "38;2;" not in screen and "48;2;" not in screen  # no truecolor escapes at 256 colours
    assert re.search(r"\x1b\[[0-9;]*38;5;\d+", screen)  # but 256-colour ones
    golden = GOLDEN / "main-256.ansi"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(screen, encoding="utf-8")
    assert screen == golden.read_text(encoding="utf-8")
