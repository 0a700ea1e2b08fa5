"""A case as a file stores it, checked: every type and rule (models), and ids that are unique in it."""

from __future__ import annotations

from typing import Any

import msgspec

from store.errors import InvalidInput
from store.records.models import Case, describe
from store.records.record_ids import is_record_id
from store.rules.messages import Msg


def decode_case(doc: dict[str, Any], case_id: int) -> Case:
    """Validate a stored document as a Case; raise InvalidInput naming the case and field. Two
    contacts (or evidence items) with one id are refused: editing one would change both."""
    title = doc.get("title") if isinstance(doc, dict) else None
    label = Msg.of("store.case_label", case=case_id, title=f" ({title!r})" if isinstance(title, str) else "")
    twice = _repeated_id(doc)
    if twice is not None:
        field, record_id = twice
        raise InvalidInput(Msg.of(f"store.duplicate_{field}_id", case=label, id=record_id), field)
    try:
        return msgspec.convert({**doc, "id": case_id}, Case)
    except msgspec.ValidationError as error:
        field, problem = describe(error)
        where = Msg.of("store.in_field", field=field) if field else ""
        problem_msg = Msg.of("store.record_invalid", case=label, where=where, problem=problem)
        raise InvalidInput(problem_msg, field or None) from None


def _repeated_id(doc: dict[str, Any]) -> tuple[str, int] | None:
    """The first contact or evidence id that appears twice in one case, as (list, id)."""
    for field in ("contacts", "evidence"):
        records = doc.get(field)
        seen: set[int] = set()
        for record in records if isinstance(records, list) else ():
            record_id = record.get("id") if isinstance(record, dict) else None
            if is_record_id(record_id):
                if record_id in seen:
                    return field, record_id
                seen.add(record_id)
    return None
