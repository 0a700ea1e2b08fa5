"""What went wrong with a file, in the user's words: an OSError becomes a catalog message.

The operating system's own text ("[Errno 28] No space left on device") is never shown: the errno
picks a translated reason, and an errno without one is named by its symbol ("system error EXDEV").
"""

from __future__ import annotations

import errno
import stat
from pathlib import Path

from store.errors import FileProblem
from store.rules.messages import Msg

_REASONS = {
    errno.ENOSPC: "files.reason_full",
    errno.EDQUOT: "files.reason_quota",
    errno.EROFS: "files.reason_read_only",
    errno.EACCES: "files.reason_denied",
    errno.EPERM: "files.reason_denied",
    errno.EISDIR: "files.reason_is_folder",
    errno.ENOTDIR: "files.reason_not_folder",
    errno.ELOOP: "files.reason_loop",
    errno.ENAMETOOLONG: "files.reason_name_too_long",
    errno.ENOENT: "files.reason_missing",
    errno.EEXIST: "files.reason_exists",
    errno.EIO: "files.reason_io",
    errno.EMFILE: "files.reason_too_many_open",
    errno.ENFILE: "files.reason_too_many_open",
    errno.EBUSY: "files.reason_busy",
    errno.ETXTBSY: "files.reason_busy",
    errno.EFBIG: "files.reason_too_big",
    errno.ENXIO: "files.reason_no_device",
    errno.ENODEV: "files.reason_no_device",
}


def reason(error: OSError) -> Msg:
    """Why an operation failed, as a message (never the library's own English)."""
    key = _REASONS.get(error.errno or 0)
    if key is not None:
        return Msg.of(key)
    return Msg.of("files.reason_other", code=errno.errorcode.get(error.errno or 0, str(error.errno or "?")))


def cannot(action: str, path: Path | str, error: OSError) -> FileProblem:
    """``cannot("read", path, error)``: one of files.cannot_read / _write / _create_folder / _lock."""
    return FileProblem(Msg.of(f"files.cannot_{action}", path=str(path), reason=reason(error)))


def kind_of(mode: int) -> Msg:
    """What a non-regular file is, for "… is not a regular file but a folder"."""
    if stat.S_ISDIR(mode):
        return Msg.of("files.kind_folder")
    if stat.S_ISFIFO(mode):
        return Msg.of("files.kind_fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Msg.of("files.kind_device")
    if stat.S_ISSOCK(mode):
        return Msg.of("files.kind_socket")
    if stat.S_ISLNK(mode):
        return Msg.of("files.kind_link")
    return Msg.of("files.kind_other")


def not_regular(path: Path | str, mode: int) -> FileProblem:
    return FileProblem(Msg.of("files.not_regular", path=str(path), kind=kind_of(mode)))
