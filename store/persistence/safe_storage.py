"""TinyDB storage that is atomic, cached, locked and honest about damage.

TinyDB's stock JSONStorage rewrites its file in place, re-parses it on every read, escapes CJK
text and knows nothing of other processes. ``SafeStorage`` keeps TinyDB's two-method Storage
contract and adds:

* atomic, fsync'd replacement of the whole file (store.persistence.atomic_files);
* an in-memory copy, re-read only when the file's stamp (inode, size, mtime) changes;
* ``transaction()``: an exclusive cross-process lock around a read-modify-write, with every
  TinyDB write inside it folded into one file write at the end, and a rollback (re-read) when
  the block fails;
* orjson: UTF-8, unescaped, fast;
* a damaged file raises StoreDamaged naming the path; it is never written over;
* a database that is a link is followed once (db_location.real_db_path); a path that is a folder,
  a FIFO or a device, a lock file that cannot be made, a disk that is full: each is one clear
  error in the user's words (FileProblem, StoreWriteFailed), never a traceback or a hang;
* ``create=False`` opens only an existing database and creates nothing (read-only commands);
* the first time the lock is held, temp files that killed saves left behind are removed.

With ``path=None`` the same class keeps its "file" in memory, so tests can run the very same
code over both.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from tinydb.storages import Storage

from store.errors import FileProblem, StoreBusy, StoreDamaged, StoreMissing, StoreWriteFailed
from store.persistence.atomic_files import FILE_MODE, atomic_write, ensure_private_dir
from store.persistence.daily_backups import newest_backup
from store.persistence.db_location import real_db_path
from store.persistence.file_errors import cannot, not_regular, reason
from store.persistence.leftovers import clean_leftovers
from store.persistence.regular_files import MAX_DATA_FILE_BYTES, open_regular, read_open
from store.rules.messages import Msg

Stamp = tuple[int, int, int]
Data = dict[str, dict[str, Any]]

LOCK_TIMEOUT_SECONDS = 15.0


def file_stamp(stat: os.stat_result) -> Stamp:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def parse_database(raw: bytes, path: Path) -> Data:
    """Parse a database file's bytes, raising StoreDamaged with the problem in plain words."""
    try:
        return _parse(raw, path)
    except StoreDamaged as damaged:
        raise StoreDamaged(path, damaged.problem, newest_backup(path)) from None


def _parse(raw: bytes, path: Path) -> Data:
    if not raw.strip():
        raise StoreDamaged(path, Msg.of("store.problem_empty"))
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise StoreDamaged(path, Msg.of("store.problem_not_json", line=error.lineno, column=error.colno)) from None
    if not isinstance(data, dict):
        raise StoreDamaged(path, Msg.of("store.problem_not_object"))
    for name, table in data.items():
        if not isinstance(table, dict):
            raise StoreDamaged(path, Msg.of("store.problem_table_not_object", name=name))
    return data


def check_database_path(path: Path, *, create: bool) -> None:
    """The database path can hold a database: a regular file, or (``create``) none yet, its folder
    made (0700, parents included). FileProblem or StoreMissing otherwise; nothing is created
    unless ``create``."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if not create:
            raise StoreMissing(Msg.of("files.no_database", path=str(path))) from None
        try:
            ensure_private_dir(path.parent)
        except OSError as error:
            raise cannot("create_folder", error.filename or path.parent, error) from None
        return
    except OSError as error:
        raise cannot("read", path, error) from None
    if not stat.S_ISREG(info.st_mode):
        raise not_regular(path, info.st_mode)


class SafeStorage(Storage):
    """TinyDB Storage; see the module docstring. One instance per database per process."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        lock_timeout: float = LOCK_TIMEOUT_SECONDS,
        before_write: Callable[[], None] | None = None,
        create: bool = True,
    ) -> None:
        self.path = real_db_path(Path(path)) if path is not None else None
        self.generation = 0  # bumped each time the data is (re)loaded from its source
        # Bumped when a (re)load finds the file changed since it was last read or written here:
        # another session's change. Re-reading after a failed save is not one.
        self.outside_changes = 0
        self._data: Data | None = None
        self._stamp: Stamp | None = None
        self._memory_bytes = b"{}"  # the "file" when path is None
        self._depth = 0
        self._pending: Data | None = None
        self._before_write = before_write
        self._lock: FileLock | None = None
        self._leftovers_checked = False
        if self.path is not None:
            check_database_path(self.path, create=create)
            lock_path = str(self.path) + ".lock"
            _probe_lock_file(lock_path)
            self._lock = FileLock(lock_path, timeout=lock_timeout, mode=FILE_MODE, is_singleton=False)

    # -- TinyDB's contract --------------------------------------------------------------------
    def read(self) -> Data | None:
        if self._depth and self._data is not None:
            return self._data  # inside a transaction the lock holds the file still
        self._refresh()
        return self._data

    def write(self, data: Data) -> None:
        if self._depth:
            self._data = data
            self._pending = data
            return
        with self.transaction():
            self._data = data
            self._pending = data

    def close(self) -> None:
        self._data = None

    # -- our additions -------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the cross-process lock; writes inside become one atomic file write at the end.

        If the block raises, nothing is written and the in-memory copy is dropped, so the next
        read sees the file as it is on disk (TinyDB mutates the data it read in place).
        """
        with self.locked():
            outermost = self._depth == 0
            if outermost:
                self._refresh()
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if outermost:
                    self._pending = None
                    self._rollback()
                raise
            self._depth -= 1
            if outermost and self._pending is not None:
                pending, self._pending = self._pending, None
                self._commit(pending)

    def replace_all(self, data: Data) -> None:
        """Write ``data`` as the whole database without reading the file first (used by restore,
        which must work even when the current file is damaged)."""
        with self.locked():
            self._pending = None
            self._commit(data)
            self.generation += 1

    def changed_elsewhere(self) -> bool:
        """True when the file on disk is not the one last read or written here (cheap: one stat)."""
        if self.path is None:
            return False
        try:
            return file_stamp(os.stat(self.path)) != self._stamp
        except FileNotFoundError:
            return self._stamp is not None
        except OSError:
            return True  # the read that follows says what is wrong

    def exists(self) -> bool:
        return self.path is None or self.path.exists()

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        if self._lock is None:
            yield
            return
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreBusy(Msg.of("files.busy", path=str(self.path), seconds=f"{self._lock.timeout:.0f}")) from None
        except OSError as error:
            raise cannot("lock", self._lock.lock_file, error) from None
        try:
            if not self._leftovers_checked and self.path is not None:
                self._leftovers_checked = True
                clean_leftovers(self.path)  # no save of ours runs elsewhere while we hold the lock
            yield
        finally:
            self._lock.release()

    # -- internals ------------------------------------------------------------------------------
    def _rollback(self) -> None:
        """Drop the in-memory copy (TinyDB changes the data it read in place) so the next read
        takes the file again. The stamp is kept: the file did not change, and re-reading it is not
        announced as another session's change."""
        self._data = None

    def _refresh(self) -> None:
        if self.path is None:
            if self._data is None:
                self._data = parse_database(self._memory_bytes, Path(":memory:"))
                self.generation += 1
            return
        try:
            fd, info = open_regular(self.path, limit=MAX_DATA_FILE_BYTES)
        except FileNotFoundError:
            if self._data is None or self._stamp is not None:
                self.outside_changes += self._stamp is not None
                self._data, self._stamp = {}, None
                self.generation += 1
            return
        except (FileProblem, OSError) as error:
            raise self._unreadable(self.path, error) from None
        try:
            stamp = file_stamp(info)
            if self._data is not None and stamp == self._stamp:
                return
            raw = read_open(fd, self.path, limit=MAX_DATA_FILE_BYTES)
        except (FileProblem, OSError) as error:
            raise self._unreadable(self.path, error) from None
        finally:
            os.close(fd)
        self._data = parse_database(raw, self.path)
        self.outside_changes += stamp != self._stamp
        self._stamp = stamp
        self.generation += 1

    @staticmethod
    def _unreadable(path: Path, error: FileProblem | OSError) -> StoreDamaged:
        problem = (
            error.msg if isinstance(error, FileProblem) else Msg.of("store.problem_cannot_open", reason=reason(error))
        )
        return StoreDamaged(path, problem, newest_backup(path))

    def _commit(self, data: Data) -> None:
        try:
            payload = orjson.dumps(data)
        except TypeError as error:  # a programming error, never user data: keep the message
            self._rollback()
            raise StoreWriteFailed(Msg.of("files.encode_failed", error=str(error))) from None
        if self.path is None:
            self._memory_bytes = payload
            self._data = data
            return
        try:
            if self._before_write is not None:
                self._before_write()
            atomic_write(self.path, payload)
            self._stamp = file_stamp(os.stat(self.path))
            self._data = data
        except OSError as error:
            self._rollback()
            raise StoreWriteFailed(Msg.of("files.save_failed", path=str(self.path), reason=reason(error))) from None
        except FileProblem as problem:  # the day's backup copy could not be made
            self._rollback()
            raise StoreWriteFailed(
                Msg.of("files.save_failed_because", path=str(self.path), problem=problem.msg)
            ) from None


def _probe_lock_file(lock_path: str) -> None:
    """Open (creating) the lock file once, so a folder that refuses it (read-only, no permission,
    /proc) is one clear error at once; filelock would retry that until its timeout as if the
    lock were held."""
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, FILE_MODE)
    except OSError as error:
        raise cannot("lock", lock_path, error) from None
    os.close(fd)
