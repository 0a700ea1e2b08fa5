"""Crash safety (SIGKILL at random moments, and at the worst one) and processes writing one file at once.

``make stress`` runs the same with 200 kills and 2 and 4 writers (tests/stress.py).
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from tests.helpers.crash import kill_at_random_moments, reported, start_saver, temp_files, writers_side_by_side


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_a_reported_save_or_leaves_a_temp_file(tmp_path: Path) -> None:
    report = kill_at_random_moments(tmp_path, rounds=25)
    assert report.kills >= 20
    assert len(report.reported) > 25
    assert (report.corrupt, len(report.lost), report.leftovers) == (0, 0, 0), report


@pytest.mark.slow
def test_two_processes_adding_200_contacts_each_lose_nothing(tmp_path: Path) -> None:
    said, stored, lost = writers_side_by_side(tmp_path, writers=2, saves=200)
    assert (said, stored, lost) == (400, 400, 0)


def test_another_session_sees_changes_after_refresh(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    mine, theirs = CaseStore.open(db), CaseStore.open(db)
    case = mine.create_case({"title": "mine"})
    assert theirs.refresh() is True
    assert theirs.get(case.id).title == "mine"
    assert theirs.refresh() is False
    theirs.update_case(case.id, {"notes": "theirs"})
    mine.update_case(case.id, {"title": "still mine"})  # must not drop their note
    final = CaseStore.open(db).get(case.id)
    assert (final.title, final.notes) == ("still mine", "theirs")


def test_a_save_killed_between_writing_and_renaming_keeps_the_old_file_and_its_temp_goes_next_start(
    tmp_path: Path,
) -> None:
    """The saver writes its temp file completely, then is killed just before the rename: the worst
    moment. The database is the one before that save; the temp file (a full copy of the data) is
    left, and the next start removes it."""
    db = tmp_path / "weiquan.json"
    case_id = CaseStore.open(db).create_case({"title": "t"}).id
    child = start_saver(db, case_id, 10, "z", stop_before_rename_at=3)
    assert child.stdout is not None
    lines = []
    while (line := child.stdout.readline()) and line.strip() != "renaming":
        lines.append(line)
    assert line.strip() == "renaming", "the saver never reached the rename"
    before = db.read_bytes()
    assert len(temp_files(db)) == 1  # the killed save's full copy
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert db.read_bytes() == before
    contacts = CaseStore.open(db).get(case_id).contacts  # the next start
    assert [c.agent_id for c in contacts] == reported("".join(lines)) == ["z-0", "z-1", "z-2"]
    assert temp_files(db) == []


def test_refresh_reports_changes_even_when_a_read_already_loaded_them(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    mine, theirs = CaseStore.open(db), CaseStore.open(db)
    case = mine.create_case({"title": "mine"})
    assert theirs.refresh() is True
    mine.update_case(case.id, {"title": "changed by me"})
    theirs.get(case.id)  # an ordinary read reloads the file first ...
    assert theirs.refresh() is True  # ... and the change is still reported once
    assert theirs.refresh() is False
