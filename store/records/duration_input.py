"""How long a call lasted, as people type it: ``12:30``, ``1:02:03``, ``12m``, ``1h5m``, ``90s``,
``12分钟``, ``12分30秒``, ``1小时5分``; a bare number is minutes. Stored as whole seconds."""

from __future__ import annotations

import re

from store.errors import InvalidInput
from store.rules.messages import Msg

FORMS_HELP = "12:30, 1:02:03, 12m, 1h5m, 90s, 12分30秒, 1小时5分"
MAX_SECONDS = 24 * 3600  # a call longer than a day is a typo

_CLOCK = re.compile(r"^(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,4}):(?P<s>\d{2})$")
_UNITS = re.compile(  # matched against the text with its spaces removed
    r"^(?:(?P<h>\d{1,2})(?:hours?|hrs?|h|个小时|小时))?"
    r"(?:(?P<m>\d{1,4})(?:minutes?|mins?|m|分钟|分))?"
    r"(?:(?P<s>\d{1,5})(?:seconds?|secs?|s|秒钟|秒))?$"
)


def parse_duration(text: str, field: str = "duration") -> int | None:
    """Whole seconds, or None for empty input; InvalidInput naming the forms that work."""
    raw = text.strip()
    if not raw:
        return None
    low = "".join(raw.lower().split())
    if low.isdecimal():  # not isdigit(): "²" and "①" are digits that int() refuses
        if len(low) > len(str(MAX_SECONDS)):  # int() refuses over 4300 digits; anything this long is too long
            raise InvalidInput(Msg.of("input.duration_too_long", text=raw), field)
        seconds = int(low) * 60
    else:
        match = _CLOCK.match(low) or _UNITS.match(low)
        if match is None or not any(match.groupdict().values()):
            raise InvalidInput(Msg.of("input.bad_duration", text=raw, forms=FORMS_HELP), field)
        if match.re is _CLOCK and (int(match["s"]) >= 60 or (match["h"] and int(match["m"]) >= 60)):
            raise InvalidInput(Msg.of("input.bad_duration", text=raw, forms=FORMS_HELP), field)
        seconds = int(match["h"] or 0) * 3600 + int(match["m"] or 0) * 60 + int(match["s"] or 0)
    if seconds > MAX_SECONDS:
        raise InvalidInput(Msg.of("input.duration_too_long", text=raw), field)
    return seconds


def clock_text(seconds: int) -> str:
    """A running timer's face: ``4:05``, ``1:02:03``."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def duration_words(seconds: int) -> Msg:
    """A finished call's length in words (``12 min 30 s`` / ``12分30秒``)."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return Msg.of("duration.hours", h=hours, m=minutes)
    if minutes:
        return Msg.of("duration.minutes", m=minutes, s=secs)
    return Msg.of("duration.seconds", s=secs)
