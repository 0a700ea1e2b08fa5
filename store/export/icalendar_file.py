"""Deadlines as an iCalendar file (RFC 5545) for a phone's calendar, one that updates on re-import.

* UIDs come from stable ids, never from text or language: ``case-3-contact-7-promise@…`` for a
  promise, ``case-3-rule-no_reason_return@…`` for a statutory clock, under a domain that can never
  be anyone's (``weiquan.invalid``, RFC 2606). Editing a promise, or exporting in the other
  language, replaces the event instead of adding a second one; two promises with the same words
  stay two events. SEQUENCE is the case's revision (it grows with every change to the case) and
  LAST-MODIFIED its last change, so a calendar takes the newer version.
* Times are in Asia/Shanghai with its VTIMEZONE (UTC+8 all year, no daylight saving since 1991).
  A deadline that is a day — a legal day ends at 24:00, stored as 23:59:59 — is an event over the
  whole of that day, 00:00 to 24:00 China time, rather than an all-day (floating) event: a floating
  day would end at midnight wherever the phone is, hours after China's 24:00 for someone abroad,
  and a consumer must never be shown more time than they may have. Other deadlines are events
  starting at the deadline.
* One alarm per event, never in the past: the day before (at 09:00 for a day, 24 hours before
  for a moment), else one hour before (09:00 on the day, for a day), else at the deadline itself;
  a deadline already past gets no alarm.
* A deadline that no longer applies (a promise kept or broken, a case resolved or deleted, a
  clock whose job is done) stays in the file as a cancelled event under its UID until its day has
  passed: re-importing the file removes the reminder instead of leaving it.
* A calendar with nothing upcoming is still a valid file: the time zone and no events (the CLI
  says so on stderr), so a file that is synchronised somewhere is replaced, not left stale.
* Text is made safe first: control characters as visible pictures, then RFC 5545 escaping.

Written by hand rather than with the ``icalendar`` package: these few properties are simple, and
importing that package costs about 80-120 ms, most of what ``weiquan ics`` takes otherwise (about
150 ms). The tests read every file back with ``icalendar`` and with ``vobject``.
"""

from __future__ import annotations

import datetime as dt

from store.calendar.china_time import to_china
from store.deadlines.due_report import DueItem
from store.text.controls import for_plain_text

UID_DOMAIN = "weiquan.invalid"
TZID = "Asia/Shanghai"
_UTC = dt.UTC
_END_OF_DAY = dt.time(23, 59, 59)
_TIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def _escape(text: str) -> str:
    """RFC 5545 TEXT: controls made visible first (store.text.controls), then the escapes."""
    text = for_plain_text(text, keep_newlines=True)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets are folded (continuation lines start with a space)."""
    out, current = [], b""
    for ch in line:
        encoded = ch.encode()
        if len(current) + len(encoded) > 75:
            out.append(current.decode())
            current = b" "
        current += encoded
    out.append(current.decode())
    return out


def uid(item: DueItem) -> str:
    return f"case-{item.case_id}-{item.source}@{UID_DOMAIN}"


def is_whole_day(when: dt.datetime) -> bool:
    """A deadline that is the end of a day (24:00 China time), as dates-only deadlines are stored."""
    return to_china(when).time() == _END_OF_DAY


def span(item: DueItem) -> tuple[dt.datetime, dt.datetime]:
    """The event's start and end in China time."""
    when = to_china(item.when)
    if is_whole_day(when):
        start = when.replace(hour=0, minute=0, second=0, microsecond=0)
        return start, start + dt.timedelta(days=1)
    return when, when + dt.timedelta(minutes=30)


def alarm_at(item: DueItem, now: dt.datetime) -> dt.datetime | None:
    """When to remind: the first of the candidates not in the past; None once the deadline has passed."""
    when = to_china(item.when)
    if is_whole_day(when):
        day = when.replace(hour=9, minute=0, second=0, microsecond=0)
        candidates = [day - dt.timedelta(days=1), day, span(item)[1]]
    else:
        candidates = [when - dt.timedelta(days=1), when - dt.timedelta(hours=1), when]
    return next((moment for moment in candidates if moment >= now), None)


def _duration(delta: dt.timedelta) -> str:
    """An RFC 5545 duration such as -P1DT15H or PT0S."""
    seconds = int(delta.total_seconds())
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if n)
    if not days and not time:
        return "PT0S"
    return f"{sign}P{f'{days}D' if days else ''}{'T' + time if time else ''}"


def _local(moment: dt.datetime) -> str:
    return f"TZID={TZID}:{to_china(moment):%Y%m%dT%H%M%S}"


def _utc(moment: dt.datetime) -> str:
    return f"{moment.astimezone(_UTC):%Y%m%dT%H%M%SZ}"


def event(item: DueItem, now: dt.datetime, unverified_label: str, estimated_label: str) -> list[str]:
    title = f"[{item.case_id}] {item.label}"
    if not item.verified:
        title += f" ({unverified_label})"
    if item.estimated:
        title += f" ({estimated_label})"
    description = "\n".join(part for part in (item.case_title, item.detail, item.estimate_reason) if part)
    start, end = span(item)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid(item)}",
        f"DTSTAMP:{_utc(now)}",
        f"LAST-MODIFIED:{_utc(item.modified)}",
        f"SEQUENCE:{item.revision}",
        f"DTSTART;{_local(start)}",
        f"DTEND;{_local(end)}",
        f"SUMMARY:{_escape(title)}",
        f"DESCRIPTION:{_escape(description)}",
        "TRANSP:TRANSPARENT",
    ]
    if item.cancelled:  # replaces the event a calendar imported before; nothing to remind of
        return [*lines, "STATUS:CANCELLED", "END:VEVENT"]
    alarm = alarm_at(item, now)
    if alarm is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{_escape(title)}",
            f"TRIGGER:{_duration(alarm - start)}",
            "END:VALARM",
        ]
    return [*lines, "END:VEVENT"]


def calendar(items: list[DueItem], now: dt.datetime, unverified_label: str, estimated_label: str) -> str:
    """The calendar of ``items`` (deadlines not yet passed), stamped ``now``."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//weiquan//deadlines//EN", "CALSCALE:GREGORIAN"]
    lines += ["METHOD:PUBLISH", "X-WR-CALNAME:weiquan", *_TIMEZONE]
    for item in items:
        lines += event(item, now, unverified_label, estimated_label)
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
