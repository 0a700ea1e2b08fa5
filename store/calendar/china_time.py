"""Time as the consumer's complaint sees it: China Standard Time, which has no daylight saving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")

Clock = Callable[[], dt.datetime]


def china_now() -> dt.datetime:
    """The current time, timezone-aware, in China Standard Time (seconds precision)."""
    return dt.datetime.now(CHINA_TZ).replace(microsecond=0)


def to_china(moment: dt.datetime) -> dt.datetime:
    """The same instant expressed in China Standard Time; naive values are taken as CST."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=CHINA_TZ)
    return moment.astimezone(CHINA_TZ)
