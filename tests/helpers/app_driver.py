"""Helpers for Pilot tests: a fixed clock, typing into fields, reading what the screen shows."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re

from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from store.calendar.china_time import CHINA_TZ
from store.text.cell_width import cell_len

FIXED_NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type like a user: one key press per character (CJK included)."""
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def fill(pilot: Pilot, field: str, value: str, *, keys: bool = False) -> None:
    """Set a form field by name; with keys=True the text is typed key by key."""
    widget = pilot.app.screen.query_one(f"#input-{field}")
    if isinstance(widget, Input):
        widget.focus()
        if keys:
            widget.value = ""
            await type_text(pilot, value)
        else:
            widget.value = value
    elif isinstance(widget, TextArea):
        widget.text = value
    elif isinstance(widget, Select):
        widget.value = value
    await pilot.pause()


async def workers_done(pilot: Pilot, rounds: int = 20) -> None:
    """Wait until the app's background jobs have ended (done, failed or cancelled), including those
    that finishing ones start (an export's render starts its wrapping), and what they report has
    been handled. Textual's wait_for_complete stops at a failed one."""
    for _ in range(rounds):
        await pilot.pause()
        running = list(pilot.app.workers)
        if not running:
            return
        await asyncio.gather(*(worker.wait() for worker in running), return_exceptions=True)
    raise AssertionError(f"background work still running after {rounds} rounds: {list(pilot.app.workers)}")


def screen_text(pilot: Pilot) -> str:
    """The text the terminal shows (from the app's SVG screenshot), one line per row."""
    svg = pilot.app.export_screenshot()
    lines: dict[str, list[str]] = {}
    for match in re.finditer(r'<text[^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', svg, flags=re.S):
        lines.setdefault(match[1], []).append(html.unescape(re.sub(r"<[^>]+>", "", match[2])))
    rows = ["".join(parts) for _, parts in sorted(lines.items(), key=lambda kv: float(kv[0]))]
    return "\n".join(rows).replace("\xa0", " ")


SVG_FIRST_ROW, SVG_ROW_HEIGHT, SVG_CELL_WIDTH = 20.0, 24.4, 12.2  # Textual's screenshot grid


def screen_cells(pilot: Pilot) -> list[list[str]]:
    """The screen as a grid of cells, ``cells[y][x]`` (a wide character's second cell is "")."""
    svg = pilot.app.export_screenshot()
    width, height = pilot.app.size
    grid = [[" "] * width for _ in range(height)]
    for match in re.finditer(r'<text[^>]*\bx="([\d.]+)"[^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', svg, flags=re.S):
        row = (float(match[2]) - SVG_FIRST_ROW) / SVG_ROW_HEIGHT
        if abs(row - round(row)) > 0.01 or not 0 <= round(row) < height:
            continue  # the window title above the screen
        x = round(float(match[1]) / SVG_CELL_WIDTH)
        for ch in html.unescape(re.sub(r"<[^>]+>", "", match[3])).replace("\xa0", " "):
            if x < width:
                grid[round(row)][x] = ch
            if cell_len(ch) == 2 and x + 1 < width:
                grid[round(row)][x + 1] = ""
            x += cell_len(ch)
    return grid


async def settle_export(pilot) -> None:
    """Until the export dialog shows its export (rendered in a thread) and the preview has its rows."""
    from tui.screens.export import ExportScreen
    from tui.widgets.text_preview import TextPreview

    await workers_done(pilot)  # the render, then the wrapping it starts
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen) and screen.export is not None
    preview = screen.query_one("#box-text" if screen.fmt == "form" else "#export-preview", TextPreview)
    assert preview.complete and preview.rows
