"""Drafts of calls in progress, kept beside the database so nothing typed during a call is lost.

A call's notes are written (atomically, 0600, in a 0700 folder ``<db stem>-drafts/``) as they are
typed. The session running the call holds a lock on its draft; a draft whose lock is free was left
by a session that ended without finishing the call (the app was killed, the connection dropped)
and is offered again by the next one. Each draft names its database, so a drafts folder copied or
moved along with another database is not offered for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import msgspec
from filelock import FileLock, Timeout

from store.errors import FileProblem
from store.persistence.atomic_files import FILE_MODE, atomic_write, companion_folder
from store.persistence.file_errors import reason
from store.persistence.regular_files import MEGABYTE, read_regular
from store.rules.messages import Msg

DRAFT_VERSION = 1
MAX_DRAFT_BYTES = MEGABYTE  # a call's notes: a few kilobytes
Aware = Annotated[dt.datetime, msgspec.Meta(tz=True)]


class CallDraft(msgspec.Struct, kw_only=True):
    """What has been captured so far: the fields as typed, not yet checked."""

    version: int = DRAFT_VERSION
    database: str  # the resolved path of the database the call belongs to
    case_id: int
    case_title: str = ""
    channel: str = "hotline"
    started: Aware
    saved: Aware
    pid: int = 0  # the process that wrote it last
    agent_id: str = ""
    promise: str = ""
    deadline: str = ""  # as typed ("3个工作日"); resolved when the call is logged
    reference_no: str = ""
    summary: str = ""
    duration: str = ""  # typed by hand; empty: the time since ``started``
    checked: list[int] = []  # the checklist items ticked off

    def has_notes(self) -> bool:
        return any((self.agent_id, self.promise, self.deadline, self.reference_no, self.summary, self.duration))


def drafts_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-drafts"


def _database_key(db_path: Path) -> str:
    return str(db_path.expanduser().resolve())


def _lock_for(path: Path) -> FileLock:
    return FileLock(str(path.with_suffix(".lock")), timeout=0, mode=FILE_MODE, is_singleton=False)


class DraftFile:
    """One call's draft on disk, locked by this session until it is discarded or released."""

    def __init__(self, path: Path, lock: FileLock) -> None:
        self.path = path
        self._lock = lock

    @classmethod
    def create(cls, db_path: Path, case_id: int) -> DraftFile:
        folder = companion_folder(drafts_dir(db_path))  # FileProblem for a link there
        path = folder / f"call-{case_id}-{uuid.uuid4().hex[:12]}.json"
        lock = _lock_for(path)
        lock.acquire()
        return cls(path, lock)

    @classmethod
    def claim(cls, path: Path) -> DraftFile | None:
        """Take over a draft left by another session; None if a live session holds it."""
        lock = _lock_for(path)
        try:
            lock.acquire()
        except Timeout:
            return None
        return cls(path, lock)

    def save(self, draft: CallDraft) -> None:
        """Write the draft (atomically); OSError is the caller's to report."""
        atomic_write(self.path, msgspec.json.encode(draft))

    def discard(self) -> None:
        """The call was logged (or thrown away on purpose): the draft goes."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.release()
        with contextlib.suppress(FileNotFoundError):
            self.path.with_suffix(".lock").unlink()

    def release(self) -> None:
        """Stop holding the draft (it stays on disk, to be offered again)."""
        if self._lock.is_locked:
            self._lock.release()


def new_draft(db_path: Path | None, case_id: int, case_title: str, channel: str, started: dt.datetime) -> CallDraft:
    """A call starting now; ``db_path`` None for a database in memory (its drafts are not written)."""
    return CallDraft(
        database=_database_key(db_path) if db_path is not None else "",
        case_id=case_id,
        case_title=case_title,
        channel=channel,
        started=started,
        saved=started,
        pid=os.getpid(),
    )


@dataclass(frozen=True)
class LeftDraft:
    """A draft no session is working on: ``draft`` is None when the file cannot be read."""

    path: Path
    draft: CallDraft | None
    problem: str | Msg = ""


def left_drafts(db_path: Path) -> list[LeftDraft]:
    """Drafts of this database's calls that no running session holds, oldest call first."""
    folder = drafts_dir(db_path)
    if not folder.is_dir():
        return []
    found: list[LeftDraft] = []
    mine = _database_key(db_path)
    for path in sorted(folder.glob("call-*.json")):
        try:
            probe = DraftFile.claim(path)
            if probe is None:
                continue  # a call going on in another session
            probe.release()
            draft = msgspec.json.decode(read_regular(path, limit=MAX_DRAFT_BYTES), type=CallDraft)
        except FileProblem as problem:
            found.append(LeftDraft(path, None, problem.msg))
            continue
        except OSError as error:
            found.append(LeftDraft(path, None, reason(error)))
            continue
        except msgspec.DecodeError as error:
            found.append(LeftDraft(path, None, str(error)))
            continue
        if draft.database == mine:
            found.append(LeftDraft(path, draft))
    return sorted(found, key=lambda d: d.draft.started.timestamp() if d.draft else 0.0)
