"""Call drafts on disk: private, offered only when no session holds them and only for their database."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import msgspec

from store.calendar.china_time import CHINA_TZ
from store.persistence.call_drafts import DraftFile, drafts_dir, left_drafts, new_draft
from store.rules.messages import Messages

STARTED = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


def _left(db: Path, case_id: int = 1, **typed: str) -> Path:
    draft_file = DraftFile.create(db, case_id)
    draft_file.save(msgspec.structs.replace(new_draft(db, case_id, "耳机", "hotline", STARTED), **typed))
    draft_file.release()
    return draft_file.path


def test_a_draft_is_private_even_under_a_permissive_umask(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    old = os.umask(0)
    try:
        path = _left(db, agent_id="8821")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(drafts_dir(db).stat().st_mode) == 0o700


def test_left_drafts_oldest_first_with_what_was_typed(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    later = DraftFile.create(db, 2)
    later.save(new_draft(db, 2, "围巾", "online_cs", STARTED + dt.timedelta(hours=1)))
    later.release()
    first = _left(db, 1, agent_id="8821", summary="客服说三天内退款")
    found = left_drafts(db)
    assert [d.path for d in found] == [first, later.path]
    assert found[0].draft is not None and found[0].draft.summary == "客服说三天内退款"


def test_a_held_draft_is_not_left_and_a_discarded_one_is_gone(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    live = DraftFile.create(db, 1)
    live.save(new_draft(db, 1, "耳机", "hotline", STARTED))
    assert left_drafts(db) == []
    assert DraftFile.claim(live.path) is None  # nobody else can take it over either
    live.discard()
    assert not live.path.exists() and not live.path.with_suffix(".lock").exists()
    assert left_drafts(db) == []


def test_drafts_of_another_database_are_not_offered(tmp_path: Path) -> None:
    db, other = tmp_path / "a" / "weiquan.json", tmp_path / "b" / "weiquan.json"
    copied = _left(other)
    drafts_dir(db).mkdir(parents=True)
    (drafts_dir(db) / copied.name).write_bytes(copied.read_bytes())
    assert left_drafts(db) == []
    assert len(left_drafts(other)) == 1


def test_an_unreadable_draft_is_reported_not_dropped(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    path = _left(db)
    path.write_text("{ half written")
    [found] = left_drafts(db)
    assert found.path == path and found.draft is None and found.problem
    assert path.exists()


def test_a_draft_lock_is_private_under_a_permissive_umask(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    old = os.umask(0)
    try:
        draft_file = DraftFile.create(db, 1)
    finally:
        os.umask(old)
    try:
        assert stat.S_IMODE(draft_file.path.with_suffix(".lock").stat().st_mode) == 0o600
    finally:
        draft_file.release()


def test_a_drafts_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    import pytest

    from store.errors import WeiquanError

    db = tmp_path / "weiquan.json"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    drafts_dir(db).symlink_to(elsewhere)
    with pytest.raises(WeiquanError) as raised:
        DraftFile.create(db, 1)
    assert "symbolic link" in raised.value.message and list(elsewhere.iterdir()) == []


def test_a_draft_that_is_a_fifo_is_reported_not_waited_on(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _left(db, agent_id="8821")
    os.mkfifo(drafts_dir(db) / "call-1-fifo.json")
    left = left_drafts(db)
    [bad] = [d for d in left if d.draft is None]
    assert bad.path.name == "call-1-fifo.json"
    assert "pipe (FIFO)" in Messages("en")("draft.unreadable", path=bad.path, problem=bad.problem)


def test_a_killed_draft_save_leaves_no_temp_file_after_the_next_start(tmp_path: Path) -> None:
    from store.cases.case_store import CaseStore

    db = tmp_path / "weiquan.json"
    path = _left(db, agent_id="8821")
    stale = path.parent / f".{path.name}.k1l2e3d4.tmp"
    stale.write_bytes(b"a copy of the notes")
    CaseStore.open(db)
    assert not stale.exists() and path.exists()
