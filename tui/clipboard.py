"""Copying through the terminal (OSC 52), only what the terminal can take.

Textual's ``App.copy_to_clipboard`` writes the whole text, base64-encoded, in one OSC 52 sequence
and cannot know whether it arrived. Terminals cap that sequence, and past the cap they drop it or
cut it without a word: tmux keeps about 1 MiB of base64 (a 2.16 MB export vanished while the app
said "copied"), hterm (Chrome's Secure Shell) takes 100,000 bytes, st's usual patch about 131 KB,
mosh, Termux and Tabby only a few KB; xterm takes a megabyte and more. So a text is sent only below
a limit, and above it the user is told it is too large and offered the alternatives.

The default, 74 KiB of UTF-8 text, is about 100,000 bytes once base64-encoded (4 bytes for 3):
within hterm's and most terminals' caps, and enough for a complaint or any single form box.
``WEIQUAN_COPY_LIMIT`` changes it: bytes, or with K or M (``200K``, ``1M``); ``0`` never copies.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from textual.app import App

ENV = "WEIQUAN_COPY_LIMIT"
DEFAULT_LIMIT = 74 * 1024
_SIZE = re.compile(r"^\s*(\d{1,12})\s*([kKmM]?)[iI]?[bB]?\s*$")


@dataclass(frozen=True)
class CopyLimit:
    bytes: int
    unreadable: str = ""  # the setting as given, when it is not a size (the default is used then)


def copy_limit(environ: Mapping[str, str] | None = None) -> CopyLimit:
    raw = (os.environ if environ is None else environ).get(ENV, "").strip()
    if not raw:
        return CopyLimit(DEFAULT_LIMIT)
    match = _SIZE.match(raw)
    if not match:
        return CopyLimit(DEFAULT_LIMIT, raw)
    scale = {"": 1, "k": 1024, "m": 1024 * 1024}[match[2].lower()]
    return CopyLimit(int(match[1]) * scale)


@dataclass(frozen=True)
class CopyOutcome:
    sent: bool
    size: int  # bytes of UTF-8 text
    limit: CopyLimit


def copy_within_limit(app: App[Any], text: str, limit: CopyLimit | None = None) -> CopyOutcome:
    """Send ``text`` to the clipboard with OSC 52 if it is within the limit; never a part of it."""
    limit = limit or copy_limit()
    size = len(text.encode("utf-8"))
    if size > limit.bytes:
        return CopyOutcome(False, size, limit)
    app.copy_to_clipboard(text)
    return CopyOutcome(True, size, limit)
