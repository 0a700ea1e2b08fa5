"""TinyDB storage that is atomic, cached, locked for changes and honest about damage.

TinyDB's stock JSONStorage rewrites its file in place, re-parses it on every read, escapes CJK
text and knows nothing of other processes. ``SafeStorage`` keeps TinyDB's two-method Storage
contract and adds:

* atomic, fsync'd replacement of the whole file (store.persistence.atomic_files);
* an in-memory copy, re-read only when the file's stamp (inode, size, mtime) changes; the
  documents of the tables named in ``byte_tables`` are held as their SHA-256 and their place in
  the file (store.persistence.stored_docs), and a save copies the unchanged ones verbatim;
* ``transaction()``: an exclusive cross-process lock around a read-modify-write, with every
  TinyDB write inside it folded into one file write at the end, and a rollback (re-read) when
  the block fails. Reading takes no lock: every save replaces the file whole by a rename, so a
  reader sees one file or the other, and a database on a read-only mount can still be read;
* ``load()`` and ``install()``: reading and parsing the file is kept apart from making it current,
  so a worker thread can do the first while the app's UI thread goes on;
* msgspec and UTF-8, unescaped;
* a damaged file raises StoreDamaged naming the path; it is never written over (and the very
  same damaged file is not parsed again);
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import msgspec
from tinydb.storages import Storage

from store.errors import FileProblem, StoreDamaged, StoreWriteFailed
from store.persistence.atomic_files import atomic_write
from store.persistence.daily_backups import newest_backup
from store.persistence.database_file import FileDamage, LazyBytes, Tables, assemble, decoded, doc_bytes, parse
from store.persistence.database_lock import DatabaseLock
from store.persistence.database_path import Stamp, check_database_path, file_stamp, read_stamped
from store.persistence.db_location import real_db_path
from store.persistence.file_errors import reason
from store.persistence.stored_docs import StoredDoc
from store.rules.messages import Msg

Data = Tables

LOCK_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class Loaded:
    """The file as read by ``load``: its stamp (None: there is no file), tables and bytes, and the
    generation it was read after (it is installed only over that one)."""

    stamp: Stamp | None
    tables: Tables
    raw: bytes
    base: int
    exact: bool = False  # laid out as a save lays it out (database_file.assemble)

    def doc_bytes(self, doc: StoredDoc) -> bytes | memoryview:
        return doc_bytes(doc, self.raw)


class SafeStorage(Storage):
    """TinyDB Storage; see the module docstring. One instance per database per process."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        lock_timeout: float = LOCK_TIMEOUT_SECONDS,
        before_write: Callable[[], None] | None = None,
        create: bool = True,
        byte_tables: frozenset[str] = frozenset(),
    ) -> None:
        self.path = real_db_path(Path(path)) if path is not None else None
        self.byte_tables = byte_tables
        self.generation = 0  # bumped each time the data is (re)loaded from its source
        # Bumped when a (re)load finds the file changed since it was last read or written here:
        # another session's change. Re-reading after a failed save is not one.
        self.outside_changes = 0
        self._tables: Tables | None = None
        self.stamp: Stamp | None = None  # of the file as last read or written here (read it, never set it)
        self._raw: bytes | None = None  # the file's bytes as last read, until released
        self._exact = False  # the file is laid out as a save lays it out
        self._memory_bytes = b"{}"  # the "file" when path is None
        self._depth = 0
        self._pending: Tables | None = None
        self._before_write = before_write
        self._lock = DatabaseLock(self.path, lock_timeout) if self.path is not None else None
        self._damaged: tuple[Stamp, StoreDamaged] | None = None  # the file last found damaged
        # False: a read returns the data held without looking at the file (the app takes another
        # session's changes in through load/install, read in a worker thread); a change still
        # reads the file first, under the lock.
        self.reads_follow_file = True
        if self.path is not None:
            check_database_path(self.path, create=create)

    # -- TinyDB's contract --------------------------------------------------------------------
    def read(self) -> Tables | None:
        if self._tables is not None and (self._depth or not self.reads_follow_file):
            return self._tables  # inside a transaction the lock holds the file still
        self._refresh()
        return self._tables

    def write(self, data: Tables) -> None:
        if self._depth:
            self._tables = data
            self._pending = data
            return
        with self.transaction():
            self._tables = data
            self._pending = data

    def close(self) -> None:
        self._tables = None
        self._raw = None

    # -- reading ---------------------------------------------------------------------------------
    def load(self) -> Loaded | None:
        """The file read and parsed afresh, or None when it is the one held. StoreDamaged when it
        cannot be read or is not a database. Changes nothing held here: a worker thread may call it."""
        base = self.generation
        if self.path is None:
            if self._tables is not None:
                return None
            tables, exact = self._parse(self._memory_bytes, Path(":memory:"))
            return Loaded(None, tables, self._memory_bytes, base, exact)
        damaged = self._damaged
        try:
            held = self.stamp if self._tables is not None else None
            stamp, raw = read_stamped(self.path, unless=(held, damaged[0] if damaged is not None else None))
            if damaged is not None and damaged[0] == stamp:
                raise damaged[1]  # the very file found damaged before: neither read nor parsed again
            if raw is None:
                return None
        except FileNotFoundError:
            return Loaded(None, {}, b"", base) if self._tables is None or self.stamp is not None else None
        try:
            tables, exact = self._parse(raw, self.path)
            return Loaded(stamp, tables, raw, base, exact)
        except StoreDamaged as error:
            self._damaged = (stamp, error)
            raise

    def install(self, loaded: Loaded) -> bool:
        """Make ``loaded`` the data held; False (nothing done) when other data was installed since
        it was read."""
        if loaded.base != self.generation:
            return False
        self.outside_changes += loaded.stamp != self.stamp
        self._tables, self.stamp, self._raw = loaded.tables, loaded.stamp, loaded.raw
        self._exact = loaded.exact
        self.generation += 1
        return True

    def doc_bytes(self, doc: StoredDoc) -> bytes | memoryview:
        """The JSON of a document held as bytes."""
        return doc_bytes(doc, doc.data if doc.data is not None else self.file_bytes())

    def decoded(self, data: Tables) -> Tables:
        """``data`` with every document decoded (a migration works on values)."""
        return decoded(data, self.file_bytes())

    def bytes_held_from(self) -> Stamp | None:
        """The stamp of the file whose bytes are held (None: no file's bytes are held)."""
        return self.stamp if self._raw is not None and self.path is not None else None

    def release_bytes(self) -> None:
        """Let go of the file's bytes (the documents have been read); a save reads the file again."""
        if self.path is not None:
            self._raw = None

    def changed_elsewhere(self) -> bool:
        """True when the file on disk is not the one last read or written here (cheap: one stat)."""
        if self.path is None:
            return False
        try:
            return file_stamp(os.stat(self.path)) != self.stamp
        except FileNotFoundError:
            return self.stamp is not None
        except OSError:
            return True  # the read that follows says what is wrong

    def exists(self) -> bool:
        return self.path is None or self.path.exists()

    # -- changing --------------------------------------------------------------------------------
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

    def replace_all(self, data: Tables) -> None:
        """Write ``data`` as the whole database without reading the file first (used by restore,
        which must work even when the current file is damaged)."""
        with self.locked():
            self._pending = None
            self._commit(data)
            self.generation += 1

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        if self._lock is None:
            yield
            return
        with self._lock.held():
            yield

    # -- internals ------------------------------------------------------------------------------
    def _parse(self, raw: bytes, path: Path) -> tuple[Tables, bool]:
        try:
            return parse(raw, self.byte_tables)
        except FileDamage as damage:
            raise StoreDamaged(path, damage.msg, newest_backup(path) if self.path else None) from None

    def refresh(self) -> None:
        """Read the file again now if it is not the one held (whatever reads_follow_file says)."""
        self._refresh()

    def _refresh(self) -> None:
        loaded = self.load()
        if loaded is not None:
            self.install(loaded)

    def _rollback(self) -> None:
        """Drop the in-memory copy (TinyDB changes the data it read in place) so the next read
        takes the file again. The stamp is kept: the file did not change, and re-reading it is not
        announced as another session's change."""
        self._tables = None
        self._raw = None

    def file_bytes(self) -> bytes:
        """The bytes of the file the documents held were read from or written to (read again if
        they were let go: the same file, or the save is refused)."""
        if self.path is None:
            return self._memory_bytes
        if self._raw is None:
            stamp, raw = read_stamped(self.path)
            if stamp != self.stamp or raw is None:
                raise StoreWriteFailed(Msg.of("files.changed_while_saving", path=str(self.path)))
            self._raw = raw
        return self._raw

    def _commit(self, data: Tables) -> None:
        try:
            payload, placed = assemble(data, LazyBytes(self.file_bytes), self.byte_tables, exact=self._exact)
        except (TypeError, msgspec.EncodeError) as error:  # a programming error, never user data
            self._rollback()
            raise StoreWriteFailed(Msg.of("files.encode_failed", error=str(error))) from None
        except BaseException:
            self._rollback()
            raise
        if self.path is None:
            self._memory_bytes = b"".join(payload)
            self._tables, self._exact = placed, True
            return
        try:
            if self._before_write is not None:
                self._before_write()
            atomic_write(self.path, payload)
            self.stamp = file_stamp(os.stat(self.path))
            self._tables, self._raw, self._exact = placed, None, True
        except OSError as error:
            self._rollback()
            raise StoreWriteFailed(Msg.of("files.save_failed", path=str(self.path), reason=reason(error))) from None
        except FileProblem as problem:  # the day's backup copy could not be made
            self._rollback()
            raise StoreWriteFailed(
                Msg.of("files.save_failed_because", path=str(self.path), problem=problem.msg)
            ) from None
