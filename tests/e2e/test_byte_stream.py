"""The real app in a real terminal (tmux), its output recorded byte for byte by `script`, shown a
case whose every field holds escape sequences, C1 controls, bidi controls and markup: the recorded
stream carries none of them, only Textual's own sequences, and the text shows them visibly."""

from __future__ import annotations

import re
import shlex
import time
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.cli import weiquan_command
from tests.helpers.hostile_store import fill_case
from tests.helpers.hostile_text import ESCAPES, MARKUP, SAMPLER, SPOOFING
from tests.helpers.system_tools import require_tool
from tests.helpers.tmux import TmuxSession

pytestmark = pytest.mark.e2e

TEXTUAL_OSC = {b"22"}  # the mouse pointer's shape; Textual writes no other OSC unless asked to copy
_OSC = re.compile(rb"\x1b\](\d*)")
_STRING_CONTROLS = re.compile(rb"\x1b[P_^X]")  # DCS, APC, PM, SOS
_HIDDEN = re.compile("[\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\U000e0000-\U000e007f]")


def _stream(log: Path) -> bytes:
    """What the program wrote, without the lines `script` adds around it."""
    data = log.read_bytes()
    if data.startswith(b"Script started"):
        data = data.split(b"\n", 1)[1]
    return data.rsplit(b"\nScript done", 1)[0]


def _close(tty: TmuxSession, shown: str, timeout: float = 20.0) -> None:
    """Esc, then wait until ``shown`` has gone: a key sent at once after Esc would read as Alt+key."""
    tty.send("Escape")
    deadline = time.monotonic() + timeout
    while shown in tty.screen():
        assert time.monotonic() < deadline, f"{shown!r} still on screen after Esc"
        time.sleep(0.1)


def test_recorded_stream_has_no_injected_sequence(tmp_path: Path) -> None:
    require_tool("tmux", "script")
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db, clock=lambda: FIXED_NOW, backups=False)
    fill_case(store, [SAMPLER, *ESCAPES.values(), *SPOOFING.values(), *MARKUP.values()], deadline_days=3000)
    log = tmp_path / "stream.log"
    env = {
        "LANG": "en_US.UTF-8",
        "TERM": "xterm-256color",
        "WEIQUAN_DB": str(db),
        "TEXTUAL_ANIMATIONS": "none",
        "HOME": str(tmp_path),
    }
    program = shlex.join([*weiquan_command(), "--lang", "en"])
    tty = TmuxSession(["script", "-q", "-f", "-c", program, str(log)], env=env, width=120, height=40)
    try:
        tty.wait_for("New case", timeout=30)
        tty.wait_for("TT␛]52;c;")
        tty.send("v")  # the evidence form, its note and file in boxes
        tty.wait_for("Evidence:")
        _close(tty, "Evidence:")
        tty.send("x")
        tty.wait_for("not redacted")
        for key, shown in (("2", "Dossier"), ("3", "Complaint for the record"), ("4", "12315 form, box by box")):
            tty.send(key)
            tty.wait_for(shown)
        _close(tty, "not redacted")
        tty.send("D")
        tty.wait_for("Due —")
        _close(tty, "Due —")
        tty.send("?")
        tty.wait_for("weiquan — keys")
        _close(tty, "weiquan — keys")
        tty.send("d")
        tty.wait_for("to the trash?")
        tty.send("y")
        tty.wait_for("moved to the trash")
        tty.send("u")
        tty.wait_for("Undone")
        tty.send("q")
        tty.wait_for("WEIQUAN-EXITED-0")
    finally:
        tty.close()

    data = _stream(log)
    assert b"\x1b]52" not in data  # the clipboard
    assert {m[1] for m in _OSC.finditer(data)} <= TEXTUAL_OSC  # no title (0, 2), no hyperlink (8)
    assert b"\x1b[2J" not in data and b"\x1b[H\x1b[2J" not in data  # Textual draws without clearing
    assert not _STRING_CONTROLS.search(data)
    text = data.decode("utf-8")  # a raw 8-bit C1 byte would not decode
    assert _HIDDEN.findall(text) == []  # no DEL, C1, bidi or hidden character as text
    assert text.count("\x07") == len(_OSC.findall(data))  # BEL only ends Textual's own OSC
    assert "␛]52;c;" in text and "\\x9b2J" in text and "\\u202e" in text
