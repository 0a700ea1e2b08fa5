"""The case index: a small file beside the database (``<database>.index``) holding what the case
list and ``weiquan list`` show of every case, and each case's open deadlines as marks.

It lets the app list the cases, ranked, before the database is decoded (at 10,000 cases decoding
takes about a second), and ``list --json`` answer without loading anything but this. It is a
cache, never a source: it names the database file it was made from (inode, size, modification
time) and is used only while that is still the file there; otherwise it is ignored and the
database is read as always. Reading it imports only the standard library.
"""

from __future__ import annotations

import os
import stat

from store.calendar import HOLIDAY_FILE_NAME
from store.version import __version__

# pathlib and typing are not loaded here (`weiquan list --json` reads this module and little else).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

FORMAT = 1
MAX_INDEX_BYTES = 64 * 1024 * 1024
_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULES_FILE = os.path.join(_ROOT, "content", "rules", "rules.toml")

# The fields of an indexed case, in the order of its JSON array (store.cases.indexed_cases holds
# their types): ``weiquan list --json`` writes the first nine as they are.
FIELDS = (
    "id",
    "title",
    "platform",
    "status",
    "order_no",
    "amount_paid_fen",
    "contacts",
    "in_trash",
    "updated",  # ISO 8601, as `list --json` writes it
    "updated_us",  # the same moment in microseconds since the epoch, for ordering
    "active",
    "broken",  # broken promises that count (an active case's)
    "digest",  # the start of the SHA-256 (hex) of the stored record it was made from
    "marks",  # its open deadlines: [end in µs since the epoch, UTC offset in seconds, flags]
    "ranked",  # its urgency counted from them at one moment, and until when it holds
)
LISTED = 9


def index_path(db_path: str | Path) -> str:
    return f"{db_path}.index"


def file_identity(path: str | Path) -> list[int] | None:
    """What tells one version of a file from another: inode, size, modification time (None: no
    regular file there)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def calendar_fingerprint(db_path: str | Path) -> list[object]:
    """What the marks' ends depend on besides the cases: weiquan's version, its rules file and the
    holiday file beside the database."""
    holidays = os.path.join(os.path.dirname(db_path), HOLIDAY_FILE_NAME)
    return [__version__, file_identity(RULES_FILE), file_identity(holidays)]


def read_index_bytes(db_path: str | Path) -> bytes | None:
    """The index file's bytes (None: there is none, or it is not a regular file of a sensible size)."""
    try:
        return _read_regular(index_path(db_path))
    except (OSError, ValueError):
        return None


def _read_regular(path: str) -> bytes:
    """The file's bytes: never through a link, never blocking on a FIFO, never a huge file."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_INDEX_BYTES:
            raise ValueError("not a regular file of a sensible size")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
