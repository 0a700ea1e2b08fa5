"""Crash-safe file replacement: a reader sees the old file or the new one, never a torn mix.

A save writes a temporary file beside its target and renames it over. The temporary file is
created exclusively under an unpredictable name (``tempfile.mkstemp``: O_CREAT|O_EXCL|O_NOFOLLOW,
mode 0600), so a link planted in the folder is never followed or chmodded; it is flock'ed while it
is written, so ``remove_stale_temps`` can tell a live save from one a crash left behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from store.errors import FileProblem
from store.persistence.file_errors import cannot
from store.rules.messages import Msg

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"
_NAME_ROOM = 200  # a temp name adds ~14 characters; NAME_MAX is 255 bytes
_IOV_MAX = max(16, os.sysconf("SC_IOV_MAX"))  # pieces one writev may take


def ensure_private_dir(folder: Path) -> None:
    """Create the folder and any missing parents, each readable by its owner only (0700 whatever
    the umask). Folders that exist already are left as they are."""
    missing: list[Path] = []
    here = folder
    while not os.path.lexists(here) and here != here.parent:
        missing.append(here)
        here = here.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, DIR_MODE)
        except FileExistsError:
            continue  # made by another session a moment ago: not ours to chmod
        _chmod_folder(path)


def companion_folder(folder: Path) -> Path:
    """A folder weiquan keeps beside the database (backups, evidence copies), created 0700 if missing.

    A link there is refused, not followed: what weiquan writes into it must stay beside the
    database, private, and not land wherever someone pointed the link (a database that is itself a
    link is followed deliberately, and its companions sit beside the real file).
    """
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        try:
            ensure_private_dir(folder)
        except OSError as error:
            raise cannot("create_folder", folder, error) from None
        return folder
    except OSError as error:
        raise cannot("read", folder, error) from None
    if stat.S_ISLNK(info.st_mode):
        raise FileProblem(Msg.of("files.folder_is_link", path=str(folder)))
    if not stat.S_ISDIR(info.st_mode):
        raise FileProblem(Msg.of("files.not_a_folder", path=str(folder)))
    return folder


def _chmod_folder(path: Path) -> None:
    # mkdir's mode is masked by the umask; fchmod on the folder itself, never through a link.
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        os.fchmod(fd, DIR_MODE)
    finally:
        os.close(fd)


def temp_prefix(name: str) -> str:
    return f".{name[:_NAME_ROOM]}."


def temp_pattern(name: str = "", *, name_regex: str = "") -> re.Pattern[str]:
    """Names of weiquan's temporary files for the file ``name`` (or for names matching
    ``name_regex``): ``.<name>.<8 random>.tmp``, and the ``.<name>.<pid>.tmp`` of earlier versions."""
    body = name_regex or re.escape(name[:_NAME_ROOM])
    return re.compile(r"\." + body + r"\.(?:[a-z0-9_]{8}|[0-9]+)" + re.escape(TEMP_SUFFIX))


def create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty, private (0600), flock'ed temporary file in ``folder`` for the file ``name``."""
    for _ in range(3):
        fd, raw = tempfile.mkstemp(prefix=temp_prefix(name), suffix=TEMP_SUFFIX, dir=folder)
        temp = Path(raw)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.fchmod(fd, FILE_MODE)
            # A clean-up in another session may have taken the file before the flock: start again.
            if os.path.samestat(os.fstat(fd), os.lstat(temp)):
                return fd, temp
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        os.close(fd)
    raise FileExistsError(f"could not create a temporary file in {folder}")


def atomic_write(path: Path, payload: bytes | Sequence[bytes | memoryview], *, durable: bool = True) -> None:
    """Write payload (bytes, or pieces written one after the other) to path: private temp file in
    the same folder, fsync, rename over, fsync the folder. A link at ``path`` is replaced, never
    written through (callers that mean to follow one resolve it first).

    On any failure (disk full, permission) the temp file is removed and the original file is
    untouched; the OSError propagates for the caller to report. ``durable=False`` (a cache that
    names what it was made from): no fsync, a crash may lose it but never leaves half of it.
    """
    fd, temp = create_temp(path.parent, path.name)
    try:
        try:
            _write_all(fd, [payload] if isinstance(payload, bytes) else payload)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if durable:
        fsync_dir(path.parent)


def _write_all(fd: int, pieces: Sequence[bytes | memoryview]) -> None:
    """Write every piece in order, in as few system calls as the system allows (no joined copy)."""
    views = [memoryview(piece) for piece in pieces if len(piece)]
    first = 0
    while first < len(views):
        written = os.writev(fd, views[first : first + _IOV_MAX])
        while first < len(views) and written >= len(views[first]):
            written -= len(views[first])
            first += 1
        if written:
            views[first] = views[first][written:]


def fsync_dir(folder: Path) -> None:
    """Make a rename in this folder durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(folder: Path, pattern: re.Pattern[str], keep: str = "", *, companion: bool = False) -> int:
    """Remove temporary files a killed save left in ``folder``: names matching ``pattern``, regular
    files owned by this user, not ``keep``, and not locked by a save in progress. A ``companion``
    folder that is a link is not looked into (see companion_folder). Returns how many."""
    try:
        if companion and not stat.S_ISDIR(os.lstat(folder).st_mode):
            return 0
        names = [n for n in os.listdir(folder) if n != keep and pattern.fullmatch(n)]
    except OSError:
        return 0  # no folder, or not ours to list: nothing of ours to clean
    removed = 0
    for name in names:
        with contextlib.suppress(OSError):
            removed += _remove_if_stale(folder / name)
    return removed


def _remove_if_stale(path: Path) -> int:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
            return 0
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return 0  # a save is writing it right now
        if not os.path.samestat(info, os.lstat(path)):
            return 0
        os.unlink(path)
        return 1
    finally:
        os.close(fd)
