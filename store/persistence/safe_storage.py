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
* a damaged file raises StoreDamaged naming the path; it is never written over.

With ``path=None`` the same class keeps its "file" in memory, so tests can run the very same
code over both.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from tinydb.storages import Storage

from store.errors import StoreBusy, StoreDamaged, StoreWriteFailed
from store.persistence.atomic_files import FILE_MODE, atomic_write, ensure_private_dir
from store.persistence.daily_backups import newest_backup

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
        raise StoreDamaged(path, "the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise StoreDamaged(path, f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise StoreDamaged(path, "it is JSON but not a weiquan database (the top level is not an object)")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise StoreDamaged(path, f"table {name!r} is not an object")
    return data


class SafeStorage(Storage):
    """TinyDB Storage; see the module docstring. One instance per database per process."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        lock_timeout: float = LOCK_TIMEOUT_SECONDS,
        before_write: Callable[[], None] | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.generation = 0  # bumped each time the data is (re)loaded from its source
        self._data: Data | None = None
        self._stamp: Stamp | None = None
        self._memory_bytes = b"{}"  # the "file" when path is None
        self._depth = 0
        self._pending: Data | None = None
        self._before_write = before_write
        self._lock: FileLock | None = None
        if self.path is not None:
            ensure_private_dir(self.path.parent)
            self._lock = FileLock(str(self.path) + ".lock", timeout=lock_timeout, mode=FILE_MODE, is_singleton=False)

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
                    self._invalidate()
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
            raise StoreBusy(
                f"Another weiquan session has held the lock on {self.path} for over "
                f"{self._lock.timeout:.0f} s; nothing was changed. Try again in a moment."
            ) from None
        try:
            yield
        finally:
            self._lock.release()

    # -- internals ------------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._data = None
        self._stamp = None

    def _refresh(self) -> None:
        if self.path is None:
            if self._data is None:
                self._data = parse_database(self._memory_bytes, Path(":memory:"))
                self.generation += 1
            return
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            if self._data is None or self._stamp is not None:
                self._data, self._stamp = {}, None
                self.generation += 1
            return
        except OSError as error:
            raise StoreDamaged(self.path, f"it cannot be opened ({error.strerror})") from None
        try:
            stamp = file_stamp(os.fstat(fd))
            if self._data is not None and stamp == self._stamp:
                return
            with os.fdopen(fd, "rb", closefd=False) as handle:
                raw = handle.read()
        finally:
            os.close(fd)
        self._data = parse_database(raw, self.path)
        self._stamp = stamp
        self.generation += 1

    def _commit(self, data: Data) -> None:
        try:
            payload = orjson.dumps(data)
        except TypeError as error:  # a programming error, never user data: keep the message
            self._invalidate()
            raise StoreWriteFailed(f"Could not encode the database: {error}") from None
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
            self._invalidate()
            reason = "the disk is full" if error.errno == errno.ENOSPC else (error.strerror or str(error))
            raise StoreWriteFailed(
                f"Could not save to {self.path}: {reason}. Your last change was not saved; "
                "the file still holds everything saved before it."
            ) from None
