"""Records held as the file's bytes: a save copies every unchanged record verbatim, a key given
twice is refused, any layout of the file reads, and another session's change is read in a worker
thread and taken in on the store's own thread."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import orjson
import pytest
from filelock import FileLock

from store.cases import case_store
from store.cases.case_store import CaseStore
from store.errors import StoreDamaged, StoreWriteFailed
from store.persistence import database_path
from store.persistence.safe_storage import SafeStorage
from store.records.models import Channel
from store.rules.messages import Messages


def _three_cases(db: Path) -> CaseStore:
    store = CaseStore.open(db, backups=False)
    for title in ("one", "two", "three"):
        store.create_case({"title": title})
    return store


def _record_bytes(raw: bytes, case_id: int) -> bytes:
    """The bytes of case ``case_id``'s record as the file holds them (the file is compact)."""
    start = raw.index(b'"%d":{' % case_id) + len(b'"%d":' % case_id)
    depth = 0
    for end in range(start, len(raw)):
        depth += {ord("{"): 1, ord("}"): -1}.get(raw[end], 0)
        if depth == 0:
            return raw[start : end + 1]
    raise AssertionError("unbalanced")


def test_a_save_copies_every_other_record_exactly_as_the_file_held_it(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _three_cases(db)
    body = orjson.loads(db.read_bytes())
    # Case 2 as another program wrote it: keys in another order and a title with escapes.
    two = body["cases"]["2"]
    odd = json.dumps({"updated": two["updated"], "title": "tw\u00f6", "created": two["created"]}, ensure_ascii=True)
    raw = orjson.dumps(body).replace(_record_bytes(orjson.dumps(body), 2), odd.replace(" ", "").encode())
    db.write_bytes(raw)
    store = CaseStore.open(db, backups=False)
    assert store.get(2).title == "twö"
    store.update_case(1, {"title": "one, renamed"})
    saved = db.read_bytes()
    assert _record_bytes(saved, 2) == odd.replace(" ", "").encode()  # not re-encoded
    assert _record_bytes(saved, 3) == _record_bytes(raw, 3)
    assert CaseStore.open(db, backups=False).get(1).title == "one, renamed"


@pytest.mark.parametrize("indent", [None, 2])
def test_a_case_id_given_twice_is_refused_not_one_of_them_dropped(tmp_path: Path, indent: int | None) -> None:
    db = tmp_path / "weiquan.json"
    _three_cases(db)
    body = orjson.loads(db.read_bytes())
    one = json.dumps(body["cases"]["1"], ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    text = json.dumps(body, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    head = '"cases":{' if indent is None else '"cases": {\n    '
    assert head in text
    db.write_text(text.replace(head, f'{head}"3":{one},' if indent is None else f'{head}"3": {one},\n    '))
    before = db.read_bytes()
    with pytest.raises(StoreDamaged) as raised:
        CaseStore.open(db, backups=False)
    assert "appears twice" in raised.value.message and "'3'" in raised.value.message
    assert db.read_bytes() == before


def test_a_database_laid_out_by_hand_reads_and_saves(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _three_cases(db)
    db.write_text(json.dumps(orjson.loads(db.read_bytes()), ensure_ascii=False, indent=4))
    store = CaseStore.open(db, backups=False)
    assert [c.title for c in store.cases(ordered=False)] == ["one", "two", "three"]
    store.add_contact(2, {"at": "2026-11-20T10:00:00+08:00", "channel": Channel.HOTLINE, "agent_id": "8821"})
    again = CaseStore.open(db, backups=False)
    assert [c.title for c in again.cases(ordered=False)] == ["one", "two", "three"]
    assert again.get(2).contacts[0].agent_id == "8821"
    orjson.loads(db.read_bytes())  # valid JSON, written compact


def test_reading_takes_no_lock(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _three_cases(db)
    held = FileLock(str(db) + ".lock")
    held.acquire()  # another session in the middle of a save
    try:
        reader = CaseStore(SafeStorage(db, lock_timeout=0.5), locked_open=False)
        assert [c.title for c in reader.cases(ordered=False)] == ["one", "two", "three"]
    finally:
        held.release()


def test_another_sessions_change_is_read_in_a_thread_and_taken_in_here(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    ours.take_changes_only_when_asked()
    before = {c.id: c for c in ours.cases()}
    CaseStore.open(db, backups=False).update_case(2, {"title": "two, renamed elsewhere"})
    assert ours.outside_changes_waiting()
    found = []
    worker = threading.Thread(target=lambda: found.append(ours.read_changes()))
    worker.start()
    worker.join()
    assert ours.get(2).title == "two"  # nothing taken in yet
    assert ours.take_changes(found[0]) is True
    assert ours.get(2).title == "two, renamed elsewhere"
    assert ours.get(1) is before[1] and ours.get(3) is before[3]  # not decoded again
    assert not ours.outside_changes_waiting()
    assert ours.refresh() is False  # reported once


def test_when_changes_are_taken_only_when_asked_reads_keep_the_cases_until_then(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    ours.take_changes_only_when_asked()
    CaseStore.open(db, backups=False).update_case(2, {"title": "two, renamed elsewhere"})
    assert ours.get(2).title == "two" and [c.id for c in ours.search("renamed")] == []
    assert ours.refresh() is True
    assert ours.get(2).title == "two, renamed elsewhere"
    CaseStore.open(db, backups=False).update_case(1, {"title": "one, renamed elsewhere"})
    ours.update_case(3, {"title": "three, renamed here"})  # a change reads the file first
    assert [c.title for c in ours.cases(ordered=False)] == [
        "one, renamed elsewhere",
        "two, renamed elsewhere",
        "three, renamed here",
    ]


def test_changes_read_before_a_save_of_ours_are_not_taken_over_it(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    CaseStore.open(db, backups=False).update_case(2, {"title": "two, renamed elsewhere"})
    stale = ours.read_changes()
    ours.update_case(3, {"title": "three, renamed here"})  # reads the file again under the lock
    assert ours.take_changes(stale) is True  # the other session's change was taken in by the save
    assert [c.title for c in ours.cases(ordered=False)] == ["one", "two, renamed elsewhere", "three, renamed here"]
    assert CaseStore.open(db, backups=False).get(3).title == "three, renamed here"


@pytest.mark.parametrize("damage", ["bad record", "not JSON"])
def test_damage_read_in_a_thread_is_raised_when_taken_in(tmp_path: Path, damage: str) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    ours.take_changes_only_when_asked()
    good = db.read_bytes()
    if damage == "bad record":
        db.write_bytes(good.replace(b'"title":"two"', b'"title":""'))
    else:
        db.write_bytes(good[: len(good) // 2])
    changes = ours.read_changes()
    assert ours.get(2).title == "two"
    with pytest.raises(StoreDamaged):
        ours.take_changes(changes)
    assert [c.title for c in ours.cases(ordered=False)] == ["one", "two", "three"]  # the last good cases
    with pytest.raises(StoreDamaged):
        ours.update_case(1, {"title": "not saved"})
    assert b"not saved" not in db.read_bytes()


def test_text_that_is_not_utf8_is_reported_with_its_place(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _three_cases(db)
    raw = db.read_bytes()
    db.write_bytes(raw.replace(b'"title":"three"', b'"title":"thr\xffe"'))
    with pytest.raises(StoreDamaged) as raised:
        CaseStore.open(db, backups=False)
    column = raw.index(b'"title":"three"') + len(b'"title":"thr') + 1
    assert f"line 1, column {column}" in raised.value.message


def test_a_file_found_damaged_is_not_read_again_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "weiquan.json"
    ours = _three_cases(db)
    ours.take_changes_only_when_asked()
    db.write_bytes(db.read_bytes()[:50])
    with pytest.raises(StoreDamaged):
        ours.take_changes(ours.read_changes())
    reads: list[int] = []
    real = database_path.read_open
    monkeypatch.setattr(database_path, "read_open", lambda *a, **k: reads.append(1) or real(*a, **k))
    assert isinstance(ours.read_changes().problem, StoreDamaged) and reads == []  # the app polls ten times a second
    CaseStore.open(tmp_path / "other.json", backups=False)
    db.write_bytes((tmp_path / "other.json").read_bytes())  # mended: read again
    assert ours.take_changes(ours.read_changes()) is True and reads == [1]


def test_a_file_changed_by_hand_while_a_save_is_under_way_is_not_written_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save copies unchanged records from the file it read; another program (not weiquan: it
    would wait for the lock) changing the file meanwhile makes the save refuse, in either language."""
    db = tmp_path / "weiquan.json"
    store = _three_cases(db)
    real = case_store.encode_stored_case
    edited = db.read_bytes().replace(b'"title":"two"', b'"title":"two, by hand"')

    def edit_meanwhile(case):  # type: ignore[no-untyped-def]
        db.write_bytes(edited)
        return real(case)

    monkeypatch.setattr(case_store, "encode_stored_case", edit_meanwhile)
    with pytest.raises(StoreWriteFailed) as raised:
        store.update_case(1, {"title": "one, renamed"})
    assert db.read_bytes() == edited
    assert "another program changed the file" in raised.value.text(Messages("en"))
    assert "别的程序改动了这个文件" in raised.value.text(Messages("zh-CN"))
    monkeypatch.undo()
    assert store.get(2).title == "two, by hand"  # read again at the next try
    store.update_case(1, {"title": "one, renamed"})
    assert CaseStore.open(db, backups=False).get(1).title == "one, renamed"
