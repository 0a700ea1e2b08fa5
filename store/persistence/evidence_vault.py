"""Attach a file as evidence: its size and SHA-256 taken now, optionally a copy in a private vault.

The vault is content-addressed (``<sha256><suffix>``), so the proof survives the user moving or
editing the original, and one file attached twice is stored once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from store.calendar.china_time import Clock, china_now
from store.errors import InvalidInput
from store.persistence.atomic_files import FILE_MODE, ensure_private_dir, fsync_dir
from store.records.models import EvidenceFile
from store.rules.messages import Msg

CHUNK = 1024 * 1024


class HashCancelled(Exception):
    """The user stopped hashing a large file; nothing was attached."""


def vault_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-vault"


def check_attachable(path_text: str) -> Path:
    """The file the user named, or InvalidInput saying why it cannot be attached."""
    path = Path(path_text.strip()).expanduser()
    if not path_text.strip():
        raise InvalidInput(Msg.of("input.attach_path_needed"), "attach")
    if not path.exists():
        raise InvalidInput(Msg.of("input.no_such_file", path=path), "attach")
    if not path.is_file():
        raise InvalidInput(Msg.of("input.not_a_regular_file", path=path), "attach")
    if not os.access(path, os.R_OK):
        raise InvalidInput(Msg.of("input.unreadable_file", path=path), "attach")
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
    ``clock()``."""
    total = path.stat().st_size
    digest = hashlib.sha256()
    done = 0
    copy = None
    temp: Path | None = None
    if vault is not None:
        ensure_private_dir(vault)
        temp = vault / f".incoming-{os.getpid()}-{path.name}"
        copy = open(temp, "wb")  # noqa: SIM115 - closed in finally
        os.chmod(temp, FILE_MODE)
    try:
        with open(path, "rb") as source:
            while chunk := source.read(CHUNK):
                if cancelled is not None and cancelled():
                    raise HashCancelled
                digest.update(chunk)
                if copy is not None:
                    copy.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        sha = digest.hexdigest()
        vault_name = ""
        if copy is not None and temp is not None and vault is not None:
            copy.flush()
            os.fsync(copy.fileno())
            copy.close()
            copy = None
            vault_name = sha + path.suffix.lower()[:16]
            os.replace(temp, vault / vault_name)
            fsync_dir(vault)
    finally:
        if copy is not None:
            copy.close()
        if temp is not None and temp.exists():
            with contextlib.suppress(OSError):
                temp.unlink()
    return EvidenceFile(path=str(path), size=done, sha256=sha, attached=clock(), vault_name=vault_name)
