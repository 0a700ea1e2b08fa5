"""The database's path and its lock file checked before use, and the file read with its stamp."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from store.errors import FileProblem, StoreDamaged, StoreMissing
from store.persistence.atomic_files import FILE_MODE, ensure_private_dir
from store.persistence.daily_backups import newest_backup
from store.persistence.file_errors import cannot, not_regular, reason
from store.persistence.regular_files import MAX_DATA_FILE_BYTES, open_regular, read_open
from store.rules.messages import Msg


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


def probe_lock_file(lock_path: str) -> None:
    """Open (creating) the lock file once, so a folder that refuses it (read-only, no permission,
    /proc) is one clear error at once; filelock would retry that until its timeout as if the
    lock were held."""
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, FILE_MODE)
    except OSError as error:
        raise cannot("lock", lock_path, error) from None
    os.close(fd)


Stamp = tuple[int, int, int]  # inode, size, modification time: a file replaced or written changes it


def file_stamp(info: os.stat_result) -> Stamp:
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def read_stamped(path: Path, unless: tuple[Stamp | None, ...] = ()) -> tuple[Stamp, bytes | None]:
    """The database file's stamp and bytes (bytes None when its stamp is one of ``unless``: not read).
    FileNotFoundError when there is none; StoreDamaged when it cannot be read."""
    try:
        fd, info = open_regular(path, limit=MAX_DATA_FILE_BYTES)
    except FileNotFoundError:
        raise
    except (FileProblem, OSError) as error:
        raise unreadable(path, error) from None
    try:
        stamp = file_stamp(info)
        if stamp in unless:
            return stamp, None
        raw = read_open(fd, path, limit=MAX_DATA_FILE_BYTES)
        return (stamp if file_stamp(os.fstat(fd)) == stamp else (-1, -1, -1)), raw  # written meanwhile: read again
    except (FileProblem, OSError) as error:
        raise unreadable(path, error) from None
    finally:
        os.close(fd)


def unreadable(path: Path, error: FileProblem | OSError) -> StoreDamaged:
    problem = error.msg if isinstance(error, FileProblem) else Msg.of("store.problem_cannot_open", reason=reason(error))
    return StoreDamaged(path, problem, newest_backup(path))
