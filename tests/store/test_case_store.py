"""The case store's API, over an in-memory and an on-disk database alike."""

from __future__ import annotations

import datetime as dt

import pytest

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.errors import ConflictError, InvalidInput, NotFound
from store.records.models import Category, Channel, Demand, EvidenceKind, EvidenceState, PromiseState, Status


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=CHINA_TZ)


def test_create_and_read_back(make_store) -> None:
    store = make_store()
    case = store.create_case(
        {
            "title": "蓝牙耳机左耳无声",
            "platform": "小红书",
            "order_no": "P778812345678",
            "amount_paid_fen": 29_950,
            "category": Category.QUALITY,
            "demand": Demand.RETURN_REFUND,
            "order_date": dt.date(2026, 11, 1),
            "delivery_date": dt.date(2026, 11, 3),
            "tags": ["耳机"],
        }
    )
    again = make_store().get(case.id)
    assert again.title == "蓝牙耳机左耳无声"
    assert again.amount_paid_fen == 29_950 and isinstance(again.amount_paid_fen, int)
    assert again.created.tzinfo is not None and again.created.utcoffset() == dt.timedelta(hours=8)
    assert again.delivery_date == dt.date(2026, 11, 3)


def test_new_case_gets_the_evidence_checklist_of_its_category(store: CaseStore) -> None:
    case = store.create_case({"title": "物流停滞", "category": Category.LOGISTICS})
    kinds = [e.kind for e in case.evidence]
    assert EvidenceKind.LOGISTICS in kinds and EvidenceKind.ORDER_SCREENSHOT in kinds
    assert all(e.state is EvidenceState.MISSING for e in case.evidence)
    changed = store.update_case(case.id, {"demand": Demand.COMPENSATION})
    assert EvidenceKind.OTHER_PROOF in [e.kind for e in changed.evidence]


def test_case_ids_are_not_reused_after_purge(store: CaseStore) -> None:
    first = store.create_case({"title": "a"})
    store.delete_case(first.id)
    store.purge_case(first.id)
    assert store.create_case({"title": "b"}).id == first.id + 1


def test_contacts_timeline_and_promises(make_store) -> None:
    store = make_store()
    case = store.create_case({"title": "退款未到账"})
    late = store.add_contact(
        case.id,
        {
            "at": at(12),
            "channel": Channel.HOTLINE,
            "agent_id": "8821",
            "promise": "3个工作日内退款",
            "deadline": at(17, 18),
        },
    )
    early = store.add_contact(case.id, {"at": at(10), "channel": Channel.AFTER_SALES, "summary": "申请退货退款"})
    assert late.promise_state is PromiseState.PENDING
    assert early.promise_state is PromiseState.NONE
    assert [c.id for c in store.get(case.id).timeline()] == [early.id, late.id]
    store.set_promise_state(case.id, late.id, PromiseState.BROKEN)
    assert make_store().get(case.id).contact(late.id).promise_state is PromiseState.BROKEN
    with pytest.raises(InvalidInput):
        store.set_promise_state(case.id, early.id, PromiseState.KEPT)


def test_edit_and_delete_contact_then_undo(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    contact = store.add_contact(case.id, {"at": at(10), "channel": Channel.ONLINE_CS, "summary": "first"})
    store.update_contact(case.id, contact.id, {"summary": "edited", "agent_id": "A12"})
    assert store.get(case.id).contact(contact.id).summary == "edited"
    removed = store.delete_contact(case.id, contact.id)
    assert store.get(case.id).contacts == []
    store.restore_contact(case.id, removed)
    assert store.get(case.id).contact(contact.id).agent_id == "A12"


def test_trash_restore_and_empty(store: CaseStore) -> None:
    keep = store.create_case({"title": "keep"})
    gone = store.create_case({"title": "gone"})
    store.delete_case(gone.id)
    assert [c.id for c in store.cases()] == [keep.id]
    assert [c.id for c in store.trash()] == [gone.id]
    store.restore_case(gone.id)
    assert len(store.cases()) == 2
    store.delete_case(gone.id)
    assert store.empty_trash() == 1
    with pytest.raises(NotFound):
        store.get(gone.id)


def test_search_covers_title_order_shop_notes_and_agent_ids(store: CaseStore) -> None:
    a = store.create_case({"title": "耳机", "order_no": "P1234", "shop": "小红书自营", "notes": "左耳无声"})
    b = store.create_case({"title": "Sneakers"})
    store.add_contact(b.id, {"at": at(10), "channel": Channel.HOTLINE, "agent_id": "KF-9001"})
    assert [c.id for c in store.search("p1234")] == [a.id]
    assert [c.id for c in store.search("自营 左耳")] == [a.id]
    assert [c.id for c in store.search("kf-9001")] == [b.id]
    assert store.search("nothing-like-this") == []


def test_evidence_state_note_and_files(store: CaseStore) -> None:
    from store.records.models import EvidenceFile

    case = store.create_case({"title": "t", "category": Category.QUALITY})
    item = case.evidence[0]
    store.update_evidence(case.id, item.id, {"state": EvidenceState.COLLECTED, "note": "三张照片"})
    attached = EvidenceFile(path="/tmp/a.jpg", size=10, sha256="a" * 64, attached=at(10))
    store.attach_file(case.id, item.id, attached)
    got = store.get(case.id).evidence_item(item.id)
    assert got.state is EvidenceState.COLLECTED and got.files[0].sha256 == "a" * 64
    extra = store.add_evidence(case.id, EvidenceKind.OTHER_PROOF, "鉴定报告")
    assert store.get(case.id).evidence_item(extra.id).note == "鉴定报告"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "t", "amount_paid_fen": -1}, "amount_paid_fen"),
        ({"title": "t", "amount_paid_fen": 12.5}, "amount_paid_fen"),
        ({"title": "t", "category": "broken"}, "category"),
        ({"title": "t", "respondent_credit_code": "91310000MA1FL1234X"}, None),
    ],
)
def test_invalid_case_fields_are_refused_with_the_field(store: CaseStore, fields, field) -> None:
    with pytest.raises(InvalidInput) as raised:
        store.create_case(fields)
    assert field is None or raised.value.field == field
    assert store.cases() == []


def test_a_delivery_dated_before_the_order_is_kept(store: CaseStore) -> None:
    """Odd, but the user may know better (the form asks first): stored, not refused."""
    case = store.create_case({"title": "t", "order_date": "2026-11-05", "delivery_date": "2026-11-01"})
    assert store.get(case.id).delivery_date < store.get(case.id).order_date


def test_invalid_contact_is_refused_and_nothing_changes(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    with pytest.raises(InvalidInput):
        store.add_contact(case.id, {"at": "2026-11-10T10:00:00", "channel": "hotline"})  # naive time
    with pytest.raises(InvalidInput):
        store.add_contact(case.id, {"at": at(10), "channel": "fax"})
    assert store.get(case.id).contacts == []
    assert store.get(case.id).revision == case.revision


def test_system_fields_cannot_be_set(store: CaseStore) -> None:
    with pytest.raises(InvalidInput):
        store.create_case({"title": "t", "revision": 7})


def test_conflict_detected_with_expected_revision(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    store.update_case(case.id, {"notes": "from another session"})
    with pytest.raises(ConflictError):
        store.update_case(case.id, {"notes": "mine"}, expected_revision=case.revision)
    assert store.get(case.id).notes == "from another session"


def test_status_and_outcome(store: CaseStore) -> None:
    case = store.create_case({"title": "t"})
    done = store.update_case(case.id, {"status": Status.RESOLVED, "outcome": "全额退款", "recovered_fen": 29_900})
    assert not done.status.is_active and done.recovered_fen == 29_900


def test_valid_credit_code_accepted(store: CaseStore) -> None:
    # a code whose check digit is right (computed by GB 32100's rule)
    case = store.create_case({"title": "t", "respondent_credit_code": "91350100M000100Y43"})
    assert case.respondent_credit_code == "91350100M000100Y43"


def test_search_as_you_type_narrowing_and_widening(store: CaseStore) -> None:
    a = store.create_case({"title": "耳机 左耳无声"})
    b = store.create_case({"title": "耳环 掉色"})
    c = store.create_case({"title": "Sneakers"})
    typed = ["耳", "耳机", "耳机 左", "耳机", "耳", "", "s", "sn", "耳 掉"]
    expected = [{a.id, b.id}, {a.id}, {a.id}, {a.id}, {a.id, b.id}, {a.id, b.id, c.id}, {c.id}, {c.id}, {b.id}]
    for text, ids in zip(typed, expected, strict=True):
        assert store.matching_ids(text) == ids, text
    store.update_case(b.id, {"title": "耳机 掉色"})  # a change between keystrokes is seen
    assert store.matching_ids("耳机") == {a.id, b.id}
    store.delete_case(a.id)
    assert store.matching_ids("耳机") == {b.id}
