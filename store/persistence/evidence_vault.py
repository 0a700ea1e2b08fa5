"""Attach a file as evidence: its size and SHA-256 taken now, optionally a copy in a private vault.

The vault is content-addressed (``<sha256><suffix>``), so the proof survives the user moving or
editing the original, and one file attached twice is stored once. Only a regular file of at most
MAX_ATTACH_BYTES is attached (a FIFO, a device or a folder is refused, never read); the copy is
written to an exclusive, flock'ed temp file in the vault and renamed into place, and a vault
folder that is a link is refused (atomic_files.companion_folder).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from store.calendar.china_time import Clock, china_now
from store.errors import FileProblem, InvalidInput
from store.persistence.atomic_files import companion_folder, create_temp, fsync_dir
from store.persistence.file_errors import cannot, reason
from store.persistence.leftovers import VAULT_INCOMING, vault_dir
from store.persistence.regular_files import MEGABYTE, open_regular, too_large
from store.records.models import EvidenceFile
from store.rules.messages import Msg

__all__ = ["MAX_ATTACH_BYTES", "HashCancelled", "check_attachable", "hash_file", "vault_dir"]

CHUNK = MEGABYTE
MAX_ATTACH_BYTES = 8 * 1024 * MEGABYTE  # 8 GB: hours of phone video, and still a copy a disk can hold
MAX_PATH_CHARS = 4096  # PATH_MAX
_VAULT_SUFFIX = re.compile(r"\.[^./\\\x00-\x1f\x7f-\x9f]{1,15}")  # the model's VaultName allows these


class HashCancelled(Exception):
    """The user stopped hashing a large file; nothing was attached."""


def check_attachable(path_text: str) -> Path:
    """The file the user named, or InvalidInput (for the attach field) saying why it cannot be attached."""
    text = path_text.strip()
    if not text:
        raise InvalidInput(Msg.of("input.attach_path_needed"), "attach")
    if len(text) > MAX_PATH_CHARS:
        raise InvalidInput(Msg.of("input.attach_path_too_long", limit=MAX_PATH_CHARS), "attach")
    path = Path(text).expanduser()
    try:
        fd, _ = open_regular(path, limit=MAX_ATTACH_BYTES)
    except FileNotFoundError:
        raise InvalidInput(Msg.of("input.no_such_file", path=str(path)), "attach") from None
    except OSError as error:
        raise InvalidInput(Msg.of("files.cannot_read", path=str(path), reason=reason(error)), "attach") from None
    except FileProblem as problem:
        raise InvalidInput(problem.msg, "attach") from None
    os.close(fd)
    return path.resolve()


def hash_file(
    path: Path,
    *,
    vault: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    clock: Clock = china_now,
) -> EvidenceFile:
    """Hash ``path`` (copying it into ``vault`` on the way, if given) and describe it, attached at
    ``clock()``.

    FileProblem, in the user's words, when the file cannot be read or the copy cannot be written.
    """
    try:
        source, info = open_regular(path, limit=MAX_ATTACH_BYTES)
    except OSError as error:
        raise cannot("read", path, error) from None
    copy: int | None = None
    temp: Path | None = None
    try:
        if vault is not None:
            companion_folder(vault)
            try:
                copy, temp = create_temp(vault, VAULT_INCOMING)
            except OSError as error:
                raise cannot("write", vault, error) from None
        digest, done = _copy_and_hash(source, path, copy, temp, info.st_size, progress, cancelled)
        vault_name = ""
        if copy is not None and temp is not None and vault is not None:
            suffix = path.suffix.lower()[:16]
            vault_name = digest + (suffix if _VAULT_SUFFIX.fullmatch(suffix) else "")
            try:
                os.fsync(copy)
                os.close(copy)
                copy = None
                os.replace(temp, vault / vault_name)
                temp = None
                fsync_dir(vault)
            except OSError as error:
                raise cannot("write", vault / vault_name, error) from None
    finally:
        os.close(source)
        if copy is not None:
            os.close(copy)
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
    return EvidenceFile(path=str(path), size=done, sha256=digest, attached=clock(), vault_name=vault_name)


def _copy_and_hash(
    source: int,
    path: Path,
    copy: int | None,
    temp: Path | None,
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[str, int]:
    digest = hashlib.sha256()
    done = 0
    while True:
        try:
            chunk = os.read(source, CHUNK)
        except OSError as error:
            raise cannot("read", path, error) from None
        if not chunk:
            return digest.hexdigest(), done
        if cancelled is not None and cancelled():
            raise HashCancelled
        done += len(chunk)
        if done > MAX_ATTACH_BYTES:
            raise too_large(path, done, MAX_ATTACH_BYTES)
        digest.update(chunk)
        if copy is not None:
            try:
                _write_all(copy, chunk)
            except OSError as error:
                raise cannot("write", temp or path, error) from None
        if progress is not None:
            progress(done, total)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
