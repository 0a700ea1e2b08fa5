"""Picking up another session's change: only the records it touched are decoded again."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from store.cases.case_store import CaseStore
from store.errors import StoreDamaged
from store.records.models import Channel


def _three_cases(db: Path) -> CaseStore:
    store = CaseStore.open(db, backups=False)
    for title in ("one", "two", "three"):
        store.create_case({"title": title})
    return store


def _edit_file_by_hand(db: Path, case_id: int, **fields: object) -> None:
    body = orjson.loads(db.read_bytes())
    body["cases"][str(case_id)].update(fields)
    db.write_bytes(orjson.dumps(body))


def test_unchanged_cases_are_kept_and_changed_ones_read_again(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    before = {c.id: c for c in ours.cases()}
    other = CaseStore.open(db, backups=False)
    other.add_contact(2, {"at": "2026-11-20T10:00:00+08:00", "channel": Channel.HOTLINE, "agent_id": "8821"})
    assert ours.refresh()
    assert ours.get(1) is before[1] and ours.get(3) is before[3]  # not decoded again
    assert ours.get(2) is not before[2] and ours.get(2).contacts[0].agent_id == "8821"
    assert [c.id for c in ours.search("8821")] == [2]  # its search text follows too


def test_a_hand_edit_that_keeps_the_revision_is_still_read(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    revision = ours.get(3).revision
    _edit_file_by_hand(db, 3, title="three, corrected by hand")
    assert ours.refresh()
    assert ours.get(3).title == "three, corrected by hand" and ours.get(3).revision == revision
    assert [c.id for c in ours.search("corrected")] == [3]


def test_a_hand_edit_that_breaks_a_record_is_reported_as_damage(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    _edit_file_by_hand(db, 1, amount_paid_fen="a lot")
    with pytest.raises(StoreDamaged) as raised:
        ours.refresh()
    assert "a record is invalid" in raised.value.message


@pytest.mark.parametrize(("key", "record"), [("x7", {"title": "t"}), ("7", "not an object")])
def test_a_malformed_record_is_reported_as_damage(tmp_path: Path, key: str, record: object) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    body = orjson.loads(db.read_bytes())
    body["cases"][key] = record
    db.write_bytes(orjson.dumps(body))
    with pytest.raises(StoreDamaged):
        ours.refresh()


def test_our_own_changes_stay_in_step_after_a_reload(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    ours.update_case(1, {"title": "one, renamed here"})
    CaseStore.open(db, backups=False).update_case(2, {"title": "two, renamed there"})
    assert ours.refresh()
    assert [ours.get(i).title for i in (1, 2, 3)] == ["one, renamed here", "two, renamed there", "three"]
    ours.update_case(1, {"title": "one, renamed again"})
    assert CaseStore.open(db, backups=False).get(1).title == "one, renamed again"


@pytest.mark.parametrize("damage", ["bad record", "not JSON"])
def test_damage_after_loading_keeps_the_last_good_cases_readable_and_refuses_changes(
    tmp_path: Path, damage: str
) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    good = db.read_bytes()
    if damage == "bad record":
        _edit_file_by_hand(db, 1, amount_paid_fen="a lot")
    else:
        db.write_bytes(good[: len(good) // 2])
    assert [c.title for c in ours.cases(ordered=False)] == ["one", "two", "three"]  # as last read
    assert ours.get(2).title == "two" and [c.id for c in ours.search("three")] == [3]
    with pytest.raises(StoreDamaged):
        ours.refresh()
    with pytest.raises(StoreDamaged):
        ours.refresh()  # still, on every poll, until the file is fixed
    with pytest.raises(StoreDamaged):
        ours.update_case(2, {"title": "not saved"})
    assert db.read_bytes() != good and b"not saved" not in db.read_bytes()  # the damaged file is left as it is
    db.write_bytes(good.replace(b'"three"', b'"three, fixed"'))
    assert ours.refresh()
    assert ours.get(3).title == "three, fixed"
    ours.update_case(2, {"title": "saved again"})
    assert CaseStore.open(db, backups=False).get(2).title == "saved again"


def test_a_database_damaged_before_it_was_ever_read_still_raises_on_reading(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _three_cases(db)
    _edit_file_by_hand(db, 1, amount_paid_fen="a lot")
    with pytest.raises(StoreDamaged):
        CaseStore.open(db, backups=False)
