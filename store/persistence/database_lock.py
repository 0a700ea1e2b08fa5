"""The cross-process lock beside a database (``<name>.lock``), held around every change.

The lock file is made when a change first needs it, not when the database is opened: reading
needs no lock (every save replaces the file whole by a rename), so a database on a read-only
mount can still be read. The first time the lock is held, what killed saves left behind is
removed (no save of ours runs elsewhere meanwhile).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from store.errors import StoreBusy
from store.persistence.atomic_files import FILE_MODE
from store.persistence.database_path import probe_lock_file
from store.persistence.file_errors import cannot
from store.persistence.leftovers import clean_leftovers
from store.rules.messages import Msg

if TYPE_CHECKING:
    from filelock import FileLock  # imported when first held: commands that only read never load it


class DatabaseLock:
    def __init__(self, db_path: Path, timeout: float) -> None:
        self._db_path = db_path
        self._timeout = timeout
        self._lock: FileLock | None = None
        self._leftovers_checked = False

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """StoreBusy when another session holds it past the timeout; FileProblem when the lock
        file cannot be made."""
        from filelock import Timeout

        lock = self._file_lock()
        try:
            lock.acquire()
        except Timeout:
            raise StoreBusy(Msg.of("files.busy", path=str(self._db_path), seconds=f"{lock.timeout:.0f}")) from None
        except OSError as error:
            raise cannot("lock", lock.lock_file, error) from None
        try:
            if not self._leftovers_checked:
                self._leftovers_checked = True
                clean_leftovers(self._db_path)
            yield
        finally:
            lock.release()

    def _file_lock(self) -> FileLock:
        from filelock import FileLock

        if self._lock is None:
            lock_path = str(self._db_path) + ".lock"
            probe_lock_file(lock_path)
            self._lock = FileLock(lock_path, timeout=self._timeout, mode=FILE_MODE, is_singleton=False)
        return self._lock
