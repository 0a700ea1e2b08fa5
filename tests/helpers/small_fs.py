"""A real small file system for tests: a tmpfs that can be filled (no space, no inodes) or made read-only.

Mounting needs the privilege to mount (root in a container that allows it). Where that is missing
the test is skipped with the reason; the same failures are also covered by tests that make the
system call raise the errno (tests/cli/test_bad_paths.py), which run everywhere.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_tmpfs(where: Path, *, size: str = "256k", inodes: int = 256) -> Iterator[Path]:
    """``inodes`` is bounded too: a tmpfs otherwise has millions, and filling it (fill_up) would
    create an empty file for each one."""
    where.mkdir(parents=True, exist_ok=True)
    options = f"size={size},nr_inodes={inodes}"
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True, text=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(
            f"cannot mount a tmpfs here ({mounted.stderr.strip() or 'mount failed'}); needs root that may mount"
        )
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def make_read_only(mount_point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True, capture_output=True)


def fill_up(folder: Path) -> None:
    """Use every byte and every inode left on the file system holding ``folder``."""
    n = 0
    while True:
        try:
            fd = os.open(folder / f"filler-{n}", os.O_WRONLY | os.O_CREAT, 0o600)
        except OSError:
            return  # no inode left
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass  # no space left in it
        finally:
            os.close(fd)
        n += 1


def refuse_lock_files(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Make creating a ``.lock`` file fail with ``code`` (as a read-only mount would), for tests
    that cannot mount or run as root, which no permission bit refuses."""
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith(".lock") and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
