"""The case index beside the database: the list ranked from it is the list ranked from the decoded
cases at any moment; it is used only while it names the database file there; only changed cases
are counted again; a hostile or broken index file is ignored, never followed or waited on."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import orjson
import pytest

from store.calendar.china_time import CHINA_TZ
from store.calendar.workdays import WorkCalendar
from store.cases import case_index_writer
from store.cases.case_index import index_path
from store.cases.case_index_writer import CaseIndexKeeper
from store.cases.case_store import CaseStore
from store.cases.indexed_cases import read_case_index
from store.cases.indexed_ranking import rank_indexed
from store.deadlines.urgency_board import UrgencyBoard
from store.records.models import PromiseState
from tests.bench.dataset import make_data

WRITTEN = dt.datetime(2026, 6, 1, 12, 0, tzinfo=CHINA_TZ)


def _database(folder: Path, cases: int = 300) -> Path:
    """The benchmarks' synthetic cases, and among them broken promises and promises whose end was
    counted on a calendar not yet announced (estimated)."""
    db = folder / "weiquan.json"
    db.write_bytes(orjson.dumps(make_data(cases, 6)))
    db.chmod(0o600)
    if cases >= 30:
        store = CaseStore.open(db, backups=False)
        for case_id in range(1, 30, 3):
            contact = store.add_contact(
                case_id,
                {
                    "at": dt.datetime(2026, 5, 20, 10, tzinfo=CHINA_TZ),
                    "channel": "online_cs",
                    "promise": "七个工作日内退款",
                    "deadline": dt.datetime(2027, 1, 11, 23, 59, 59, tzinfo=CHINA_TZ),
                    "deadline_estimated": case_id % 2 == 0,
                },
            )
            if case_id % 9 == 1:
                store.set_promise_state(case_id, contact.id, PromiseState.BROKEN)
            # Received a few days before: the windows of the consumer's own (7-day return) start.
            store.update_case(case_id, {"delivery_date": dt.date(2026, 5, 28) + dt.timedelta(days=case_id % 5)})
    return db


def _edges(store: CaseStore, calendar: WorkCalendar) -> list[dt.datetime]:
    """Moments on either side of each end and of a week before it: where a count changes."""
    found = set()
    for case in store.cases()[:40]:
        for deadline in UrgencyBoard(calendar).rank([case], WRITTEN)[0][1].__dict__.values():
            when = getattr(deadline, "when", None)
            if when is not None:
                for edge in (when, when - dt.timedelta(days=7)):
                    found |= {edge - dt.timedelta(microseconds=1), edge, edge + dt.timedelta(microseconds=1)}
    return sorted(found)


def test_the_list_from_the_index_agrees_at_every_edge(tmp_path: Path, calendar: WorkCalendar) -> None:
    """At the very microsecond a deadline passes, a week before it, and on either side."""
    db = _database(tmp_path, cases=40)
    store = CaseStore.open(db, backups=False, create=False)
    assert _write(store, calendar)
    edges = _edges(store, calendar)
    assert len(edges) > 30
    for now in edges:
        assert _listed_from_index(db, now) == _listed_from_cases(store, calendar, now), now


def _write(store: CaseStore, calendar: WorkCalendar, now: dt.datetime = WRITTEN) -> bool:
    assert store.path is not None
    return CaseIndexKeeper(store.path, calendar).write(*store.index_state(), now)


def _listed_from_index(db: Path, now: dt.datetime) -> list[tuple[object, ...]]:
    index = read_case_index(db)
    assert index is not None
    return [
        (c.id, u.overdue, u.broken, u.upcoming_week, u.overdue_estimated, u.first_open)
        for c, u in rank_indexed(index.cases, now)
    ]


def _listed_from_cases(store: CaseStore, calendar: WorkCalendar, now: dt.datetime) -> list[tuple[object, ...]]:
    return [
        (
            c.id,
            u.overdue,
            u.broken,
            u.upcoming_week,
            u.overdue_estimated,
            u.first_open.when.date() if u.first_open else None,
        )
        for c, u in UrgencyBoard(calendar).rank(store.cases(ordered=False), now)
    ]


MOMENTS = [
    WRITTEN - dt.timedelta(days=40),  # before it was written: counted again from the marks
    WRITTEN,
    WRITTEN + dt.timedelta(minutes=30),
    WRITTEN + dt.timedelta(days=3, hours=5),
    WRITTEN + dt.timedelta(days=31),
    WRITTEN + dt.timedelta(days=400),
]


@pytest.mark.parametrize("now", MOMENTS, ids=lambda m: m.isoformat())
def test_the_list_from_the_index_is_the_list_from_the_cases(
    tmp_path: Path, calendar: WorkCalendar, now: dt.datetime
) -> None:
    db = _database(tmp_path)
    store = CaseStore.open(db, backups=False, create=False)
    assert _write(store, calendar)
    from_index = _listed_from_index(db, now)
    assert from_index == _listed_from_cases(store, calendar, now)
    assert len(from_index) == len(store.cases())


def test_the_dataset_has_every_kind_of_row(tmp_path: Path, calendar: WorkCalendar) -> None:
    """The comparison above is worth something: overdue cases, estimated ones, broken promises,
    deadlines within the week and cases with none are all among them."""
    db = _database(tmp_path)
    store = CaseStore.open(db, backups=False, create=False)
    assert _write(store, calendar)
    rows = _listed_from_index(db, WRITTEN)
    assert all(any(row[i] for row in rows) for i in (1, 2, 3))  # overdue, broken, within the week
    assert any(row[5] is None for row in rows) and any(row[5] is not None for row in rows)
    assert any(row[4] for row in _listed_from_index(db, MOMENTS[-1]))  # overdue by an estimate


def test_the_index_is_used_only_while_it_names_the_database_file(tmp_path: Path, calendar: WorkCalendar) -> None:
    db = _database(tmp_path, cases=20)
    store = CaseStore.open(db, backups=False, create=False)
    assert read_case_index(db) is None  # none yet
    assert _write(store, calendar)
    assert read_case_index(db) is not None
    writer = CaseStore.open(db, backups=False)
    writer.update_case(3, {"title": "改过的标题"})
    assert read_case_index(db) is None  # the database changed since: ignored
    assert _write(writer, calendar)
    index = read_case_index(db)
    assert index is not None and next(c.title for c in index.cases if c.id == 3) == "改过的标题"
    (tmp_path / "holidays.toml").write_text('[2027]\nholidays = ["2027-10-01..2027-10-07"]\n')
    assert read_case_index(db) is None  # counted before the holiday file was there


def test_only_the_changed_case_is_counted_again(
    tmp_path: Path, calendar: WorkCalendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path, cases=50)
    counted: list[int] = []
    real = case_index_writer.case_marks

    def counting(case, calendar):  # type: ignore[no-untyped-def]
        counted.append(case.id)
        return real(case, calendar)

    monkeypatch.setattr(case_index_writer, "case_marks", counting)
    store = CaseStore.open(db, backups=False)
    assert _write(store, calendar)
    assert sorted(counted) == sorted(c.id for c in store.cases(include_deleted=True))
    counted.clear()
    store.update_case(7, {"title": "只改了这一件"})
    assert CaseIndexKeeper(db, calendar).write(*store.index_state(), WRITTEN)  # a new session: reads the old index
    assert counted == [7]
    counted.clear()
    assert CaseIndexKeeper(db, WorkCalendar(built_in_years=range(1990, 2026))).write(*store.index_state(), WRITTEN)
    assert len(counted) == 50  # another calendar: every case counted again


def test_a_save_elsewhere_meanwhile_leaves_the_index_unwritten(tmp_path: Path, calendar: WorkCalendar) -> None:
    db = _database(tmp_path, cases=5)
    store = CaseStore.open(db, backups=False)
    state = store.index_state()
    CaseStore.open(db, backups=False).update_case(1, {"title": "别处改的"})
    assert not CaseIndexKeeper(db, calendar).write(*state, WRITTEN)
    assert not Path(index_path(db)).exists()


def test_the_index_is_private_and_a_link_there_is_replaced_not_followed(tmp_path: Path, calendar: WorkCalendar) -> None:
    db = _database(tmp_path, cases=5)
    target = tmp_path / "elsewhere.txt"
    target.write_text("not ours")
    Path(index_path(db)).symlink_to(target)
    assert read_case_index(db) is None  # never read through a link
    old = os.umask(0)
    try:
        assert _write(CaseStore.open(db, backups=False), calendar)
    finally:
        os.umask(old)
    assert target.read_text() == "not ours"
    info = os.lstat(index_path(db))
    assert stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600


def test_a_folder_that_refuses_the_index_fails_nothing(tmp_path: Path, calendar: WorkCalendar) -> None:
    db = _database(tmp_path, cases=5)
    store = CaseStore.open(db, backups=False)
    Path(index_path(db)).mkdir()  # something that cannot be replaced by a file
    assert not _write(store, calendar)
    assert read_case_index(db) is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"\xff\xfe",
        b"[" * 100_000,
        b'{"format": 1}',
        b'{"format": 2, "database": [], "calendar": [], "cases": []}',
    ],
    ids=["empty", "text", "bad utf-8", "deep", "no fields", "other format"],
)
def test_a_broken_index_is_ignored(tmp_path: Path, content: bytes) -> None:
    db = _database(tmp_path, cases=3)
    Path(index_path(db)).write_bytes(content)
    assert read_case_index(db) is None


def test_an_entry_of_the_wrong_shape_spoils_the_whole_index(tmp_path: Path, calendar: WorkCalendar) -> None:
    db = _database(tmp_path, cases=3)
    assert _write(CaseStore.open(db, backups=False), calendar)
    body = orjson.loads(Path(index_path(db)).read_bytes())
    assert read_case_index(db) is not None
    body["cases"][1][0] = True  # a case number given as true
    Path(index_path(db)).write_bytes(orjson.dumps(body))
    assert read_case_index(db) is None


def test_a_fifo_in_place_of_the_index_is_not_waited_on(tmp_path: Path) -> None:
    db = _database(tmp_path, cases=3)
    os.mkfifo(index_path(db))
    assert read_case_index(db) is None  # returns at once: opened without blocking, not a regular file


def test_the_trash_is_kept_in_the_index_but_not_listed(tmp_path: Path, calendar: WorkCalendar) -> None:
    db = _database(tmp_path, cases=10)
    store = CaseStore.open(db, backups=False)
    store.delete_case(4)
    assert _write(store, calendar)
    index = read_case_index(db)
    assert index is not None and {c.id for c in index.cases if c.in_trash} == {4}
    assert 4 not in {c.id for c, _ in rank_indexed(index.cases, WRITTEN)}
