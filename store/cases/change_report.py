"""Whether another session's changes arrived since the caller last asked.

Any read may already have reloaded the file (a save re-reads it under the lock first), so this
compares with what was last reported, not with what was last read. Re-reading the file after a
save of ours failed is not another session's change (the storage does not count it).
"""

from __future__ import annotations

from store.persistence.safe_storage import SafeStorage


class ChangeReport:
    def __init__(self, storage: SafeStorage) -> None:
        self._storage = storage
        self._reported = storage.outside_changes

    def arrived(self) -> bool:
        """True once for each batch of outside changes the storage has read since the last call."""
        changed = self._storage.outside_changes != self._reported
        self._reported = self._storage.outside_changes
        return changed
