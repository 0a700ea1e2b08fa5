"""Record ids as files store them: canonical decimal numbers in range, nothing that merely converts.

``int()`` accepts "01", " 1", "+1", "١" (Arabic-Indic one) and ``str.isdigit`` is true for "²", so
two different keys could name one case (TinyDB would keep one and drop the other on the next save)
or a key could crash every command. A key is an id only when it is exactly ``str(n)`` for
1 <= n <= MAX_RECORD_ID.
"""

from __future__ import annotations

import re
from typing import TypeGuard

MAX_RECORD_ID = 999_999_999  # far beyond any real use; keeps every id a small, exact JSON number
_CANONICAL = re.compile(r"[1-9][0-9]{0,8}", re.ASCII)


def id_from_key(key: object) -> int | None:
    """The id a stored key names, or None when the key is not a canonical id."""
    if isinstance(key, str) and _CANONICAL.fullmatch(key):
        return int(key)
    return None


def is_record_id(value: object) -> TypeGuard[int]:
    """A whole number (not a bool) from 1 to MAX_RECORD_ID."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_RECORD_ID


def is_id_counter(value: object) -> TypeGuard[int]:
    """A valid "next id" counter: a record id, or one past the last (every id used)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_RECORD_ID + 1


def shown(value: object) -> str:
    """A key or value from a file, for a message: its repr, shortened (never a huge number in full)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"
