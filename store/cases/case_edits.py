"""The edits themselves: each takes a case as stored and returns it changed (validated by the
store before it is written). Nothing here reads or writes the database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from store.cases.case_ids import next_record_id
from store.cases.evidence_seeding import seed_evidence
from store.errors import InvalidInput, NotFound
from store.records.models import Case, Contact, EvidenceFile, EvidenceItem, EvidenceKind, PromiseState, build
from store.rules.messages import Msg

_SYSTEM_FIELDS = {"id", "created", "updated", "revision", "deleted_at", "contacts", "evidence"}


def reject_system_fields(fields: Mapping[str, Any]) -> None:
    bad = sorted(_SYSTEM_FIELDS.intersection(fields))
    if bad:
        raise InvalidInput(Msg.of("store.system_fields", fields=tuple(bad)))


def builtins(fields: Mapping[str, Any]) -> dict[str, Any]:
    built: dict[str, Any] = msgspec.to_builtins(dict(fields))
    return built


def new_case(fields: Mapping[str, Any], case_id: int, now: Any) -> Case:
    case = build(Case, {**fields, "id": case_id, "created": now, "updated": now})
    return msgspec.structs.replace(case, evidence=seed_evidence(case))


def with_changes(case: Case, changes: Mapping[str, Any]) -> Case:
    merged = build(Case, {**msgspec.to_builtins(case), **builtins(changes)})
    return msgspec.structs.replace(merged, evidence=seed_evidence(merged))


def with_contact_added(case: Case, fields: Mapping[str, Any]) -> Case:
    contact = build(Contact, {**builtins(fields), "id": next_record_id(case.contacts)})
    return msgspec.structs.replace(case, contacts=[*case.contacts, contact])


def with_contact_changed(case: Case, contact_id: int, changes: Mapping[str, Any]) -> Case:
    contact = find_contact(case, contact_id)
    updated = build(Contact, {**msgspec.to_builtins(contact), **builtins(changes), "id": contact.id})
    return _with_contact(case, updated)


def with_promise_state(case: Case, contact_id: int, state: PromiseState) -> Case:
    contact = find_contact(case, contact_id)
    if contact.promise_state is PromiseState.NONE and state is not PromiseState.NONE:
        raise InvalidInput(Msg.of("store.no_promise_to_mark"), "promise_state")
    return _with_contact(case, msgspec.structs.replace(contact, promise_state=state))


def without_contact(case: Case, contact_id: int) -> Case:
    find_contact(case, contact_id)
    return msgspec.structs.replace(case, contacts=[c for c in case.contacts if c.id != contact_id])


def with_contact_restored(case: Case, contact: Contact) -> Case:
    """Put a deleted contact back (undo); it gets a new id if its old one was taken since."""
    restored = contact
    if any(c.id == contact.id for c in case.contacts):
        restored = msgspec.structs.replace(contact, id=next_record_id(case.contacts))
    return msgspec.structs.replace(case, contacts=[*case.contacts, restored])


def with_evidence_added(case: Case, kind: EvidenceKind, note: str) -> Case:
    item = build(EvidenceItem, {"id": next_record_id(case.evidence), "kind": kind, "note": note})
    return msgspec.structs.replace(case, evidence=[*case.evidence, item])


def with_evidence_changed(case: Case, evidence_id: int, changes: Mapping[str, Any]) -> Case:
    item = find_evidence(case, evidence_id)
    updated = build(EvidenceItem, {**msgspec.to_builtins(item), **builtins(changes), "id": item.id})
    return msgspec.structs.replace(case, evidence=[updated if e.id == evidence_id else e for e in case.evidence])


def files_with(item: EvidenceItem, attached: EvidenceFile) -> list[EvidenceFile]:
    """The item's files with ``attached`` added (replacing the same file attached before)."""
    files = [f for f in item.files if f.sha256 != attached.sha256 or f.path != attached.path]
    return [*files, attached]


def find_contact(case: Case, contact_id: int) -> Contact:
    contact = case.contact(contact_id)
    if contact is None:
        raise NotFound(Msg.of("store.no_contact", case=case.id, contact=contact_id))
    return contact


def find_evidence(case: Case, evidence_id: int) -> EvidenceItem:
    item = case.evidence_item(evidence_id)
    if item is None:
        raise NotFound(Msg.of("store.no_evidence", case=case.id, item=evidence_id))
    return item


def _with_contact(case: Case, updated: Contact) -> Case:
    return msgspec.structs.replace(case, contacts=[updated if c.id == updated.id else c for c in case.contacts])
