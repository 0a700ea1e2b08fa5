"""Pausing the garbage collector while thousands of objects without cycles are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Decoding or listing thousands of records makes objects the garbage collector would walk
    again and again (half the time of a load went to it); they form no cycles, so it waits until
    the end."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
