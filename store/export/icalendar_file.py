"""Deadlines as an iCalendar file (RFC 5545) for a phone's calendar."""

from __future__ import annotations

import datetime as dt
import hashlib

from store.deadlines.due_report import DueItem
from store.text.controls import for_plain_text

_UTC = dt.UTC


def _escape(text: str) -> str:
    """RFC 5545 TEXT: controls made visible first (store.text.controls), then the escapes."""
    text = for_plain_text(text, keep_newlines=True)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets are folded (continuation lines start with a space)."""
    out, current = [], b""
    for ch in line:
        encoded = ch.encode()
        if len(current) + len(encoded) > 74:
            out.append(current.decode())
            current = b" "
        current += encoded
    out.append(current.decode())
    return out


def calendar(items: list[DueItem], stamp: dt.datetime, unverified_label: str, estimated_label: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//weiquan//deadlines//EN", "CALSCALE:GREGORIAN"]
    for item in items:
        start = item.when.astimezone(_UTC)
        title = f"[{item.case_id}] {item.label}"
        if not item.verified:
            title += f" ({unverified_label})"
        if item.estimated:
            title += f" ({estimated_label})"
        description = f"{item.case_title}\n{item.detail}" + (
            f"\n{item.estimate_reason}" if item.estimate_reason else ""
        )
        digest = hashlib.sha1(f"{item.kind}|{item.label}|{item.detail}".encode()).hexdigest()[:16]
        uid = f"weiquan-{item.case_id}-{digest}@weiquan"  # stable: re-importing updates, never duplicates
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp.astimezone(_UTC):%Y%m%dT%H%M%SZ}",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            f"DTEND:{start + dt.timedelta(minutes=30):%Y%m%dT%H%M%SZ}",
            f"SUMMARY:{_escape(title)}",
            f"DESCRIPTION:{_escape(description)}",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(title)}",
            "TRIGGER:-P1D",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
