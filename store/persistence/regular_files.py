"""Reading a file someone named: only a regular file, never more than a limit, never a hang.

A FIFO opened for reading blocks until a writer comes, ``/dev/zero`` never ends and a folder
cannot be read: anything but a regular file is refused before it is opened (opening a device can
itself do something), and the file is then opened with O_NONBLOCK (a FIFO put there meanwhile
opens at once instead of blocking), checked again with fstat on the descriptor, and read in
pieces up to the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from store.errors import FileProblem
from store.persistence.file_errors import cannot, not_regular
from store.rules.messages import Msg

MEGABYTE = 1024 * 1024
# The largest database or backup read whole: a database of 10,000 cases is about 30 MB.
MAX_DATA_FILE_BYTES = 256 * MEGABYTE
_CHUNK = 4 * MEGABYTE


def open_regular(path: Path, *, limit: int) -> tuple[int, os.stat_result]:
    """An open descriptor (blocking reads, close-on-exec) for the regular file at ``path`` and its
    stat; FileProblem if it is anything else or larger than ``limit``; OSError if it cannot be opened."""
    before = os.stat(path)
    if not stat.S_ISREG(before.st_mode):
        raise not_regular(path, before.st_mode)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise not_regular(path, info.st_mode)
        if info.st_size > limit:
            raise too_large(path, info.st_size, limit)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def read_open(fd: int, path: Path, *, limit: int) -> bytes:
    """Read an opened regular file to its end, refusing one that grows past ``limit`` meanwhile."""
    size = os.fstat(fd).st_size
    whole = os.read(fd, size + 1) if 0 < size <= limit else b""  # one copy, straight into the result
    if len(whole) == size and not os.read(fd, 1):
        return whole
    os.lseek(fd, 0, os.SEEK_SET)  # it changed while being read: read it again, piece by piece
    parts: list[bytes] = []
    total = 0
    while chunk := os.read(fd, _CHUNK):
        total += len(chunk)
        if total > limit:
            raise too_large(path, total, limit)
        parts.append(chunk)
    return b"".join(parts)


def read_regular(path: Path, *, limit: int = MAX_DATA_FILE_BYTES) -> bytes:
    """The bytes of the regular file at ``path``; FileProblem (in the user's words) on anything else."""
    try:
        fd, _ = open_regular(path, limit=limit)
    except OSError as error:
        raise cannot("read", path, error) from None
    try:
        return read_open(fd, path, limit=limit)
    except OSError as error:
        raise cannot("read", path, error) from None
    finally:
        os.close(fd)


def too_large(path: Path, size: int, limit: int) -> FileProblem:
    return FileProblem(
        Msg.of("files.too_large", path=str(path), size=f"{size / MEGABYTE:,.1f}", limit=f"{limit // MEGABYTE:,}")
    )
