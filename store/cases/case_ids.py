"""Ids for new records: a case's number is never one used before, a contact's or evidence item's is
one past the highest in its case."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


def next_case_id(meta: Mapping[str, Any], existing: Iterable[int]) -> int:
    """The stored counter, or one past the highest case if that is higher (a purged case's number
    is never given again: the counter remembers it)."""
    return max(int(meta.get("next_case_id", 1)), max(existing, default=0) + 1)


def next_record_id(records: Iterable[_HasId]) -> int:
    return max((r.id for r in records), default=0) + 1
