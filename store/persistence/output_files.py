"""Files the user names for output (``export -o``, ``ics -o``, ``backup -o``, saving from the app).

Written like the database: atomically (a full disk leaves the old file whole), private (0600
whatever the umask) and never through a link. A link at the target is refused rather than followed
or replaced: in a shared folder it may be someone else's trap, and in one's own it is a surprise
either way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from store.errors import FileProblem
from store.persistence.atomic_files import atomic_write
from store.persistence.file_errors import cannot, not_regular
from store.rules.messages import Msg


def check_output(target: Path) -> None:
    """FileProblem if ``target`` cannot be written as a new or replaced regular file."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise cannot("write", target, error) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise FileProblem(Msg.of("files.output_is_link", path=str(target)))
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem(Msg.of("files.output_is_folder", path=str(target)))
        if not stat.S_ISREG(info.st_mode):
            raise not_regular(target, info.st_mode)
    folder = target.parent
    if not folder.is_dir():
        raise FileProblem(Msg.of("files.no_such_folder", path=str(target), folder=str(folder)))


def write_output(target: Path, payload: bytes) -> None:
    """Write ``payload`` to the file the user named; FileProblem (in the user's words) on failure."""
    check_output(target)
    try:
        atomic_write(target, payload)
    except OSError as error:
        raise cannot("write", target, error) from None
