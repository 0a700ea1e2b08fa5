"""A case as a file stores it, checked: every type and rule (models), and ids that are unique in it.

The file keeps a case's id as its key, not inside the record: decoding splices the id in (last,
so it wins over an "id" a hand edit put in the record, as the key always did).
"""

from __future__ import annotations

from collections.abc import Iterable
from sys import intern
from typing import Any

import msgspec

from store.errors import InvalidInput
from store.records.models import Case
from store.records.record_ids import is_record_id
from store.records.validation_messages import problem_message, split_error
from store.rules.messages import Msg

_DECODER = msgspec.json.Decoder(Case)
_ENCODER = msgspec.json.Encoder()
_CLOSE = ord("}")
_SPACE = b" \t\r\n"


class _Titled(msgspec.Struct):
    """Only the title, to name a case whose record did not decode."""

    title: Any = None


_TITLE_ONLY = msgspec.json.Decoder(_Titled)


def decode_case(doc: dict[str, Any], case_id: int) -> Case:
    """Validate a stored document (decoded JSON) as a Case; raise InvalidInput naming the case
    and field. Two contacts (or evidence items) with one id are refused: editing one would change
    both."""
    title = doc.get("title") if isinstance(doc, dict) else None
    twice = _repeated_id(doc)
    if twice is not None:
        raise _twice(case_id, title, *twice)
    try:
        return msgspec.convert({**doc, "id": case_id}, Case)
    except msgspec.ValidationError as error:
        raise _invalid(case_id, title, error) from None


def decode_stored_case(data: bytes | memoryview, case_id: int) -> Case:
    """Validate a stored document (its JSON object's bytes) as a Case, decoding it once, straight
    into the record; the same errors as decode_case. UnicodeDecodeError for text that is not UTF-8."""
    tail = b'"id":%d}' % case_id
    first = data[1]  # the byte after the opening brace
    empty = first == _CLOSE or (first in _SPACE and bytes(data[1:-1]).isspace())
    spliced = b"".join((data[:-1], tail if empty else b"," + tail))  # the record up to its closing brace
    try:
        case = _DECODER.decode(spliced)
    except msgspec.ValidationError as error:
        raise _invalid(case_id, _title_of(spliced), error) from None
    for field, records in (("contacts", case.contacts), ("evidence", case.evidence)):
        if len({r.id for r in records}) == len(records):  # the usual case, without a loop in Python
            continue
        record_id = _first_repeated(r.id for r in records)
        if record_id is not None:
            raise _twice(case_id, case.title, field, record_id)
    _share_alike(case)
    return case


def _share_alike(case: Case) -> None:
    """One string for what many records name alike: the platform, shop, product and business, a
    promised resolution ("退款"). Interned strings are freed with the last record naming them."""
    case.platform, case.shop, case.product = intern(case.platform), intern(case.shop), intern(case.product)
    case.respondent_name, case.respondent_address = intern(case.respondent_name), intern(case.respondent_address)
    for contact in case.contacts:
        if contact.promise:
            contact.promise = intern(contact.promise)


def encode_stored_case(case: Case) -> bytes:
    """The record's JSON as the file stores it: without its id (the key holds it). ``id`` is the
    first field of a Case and ``title`` (never left out) the next, so the encoding starts with
    the id and a comma, which are cut off."""
    data = _ENCODER.encode(case)
    prefix = b'{"id":%d,' % case.id
    if not data.startswith(prefix):  # the field order of Case changed: this cut would be wrong
        raise AssertionError(f"a Case encodes as {data[:40]!r}, not with its id first")
    return b"{" + data[len(prefix) :]


def _label(case_id: int, title: object) -> Msg:
    return Msg.of("store.case_label", case=case_id, title=f" ({title!r})" if isinstance(title, str) else "")


def _twice(case_id: int, title: object, field: str, record_id: int) -> InvalidInput:
    return InvalidInput(Msg.of(f"store.duplicate_{field}_id", case=_label(case_id, title), id=record_id), field)


def _invalid(case_id: int, title: object, error: msgspec.ValidationError) -> InvalidInput:
    field, text = split_error(error)
    problem = problem_message(field, text, by_label=False)  # the field as named in the file
    where = Msg.of("store.in_field", field=field) if field and "field" not in problem.params else ""
    problem_msg = Msg.of("store.record_invalid", case=_label(case_id, title), where=where, problem=problem)
    return InvalidInput(problem_msg, field or None)


def _title_of(data: bytes) -> object:
    try:
        return _TITLE_ONLY.decode(data).title
    except (msgspec.DecodeError, UnicodeDecodeError):
        return None


def _first_repeated(ids: Iterable[int]) -> int | None:
    seen: set[int] = set()
    for record_id in ids:
        if record_id in seen:
            return record_id
        seen.add(record_id)
    return None


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
