"""Being told at once when the database file may have changed, instead of finding out at the next poll.

The app looks at the file's stamp every tenth of a second, so another session's save waited 50 ms
on average before it was even noticed. Where the system can tell (Linux's inotify, through
inotify_simple), a watch on the database's folder wakes the app as soon as a file of that name is
renamed into place, written, created or removed. It only says "look now": what changed is still
decided by the stamp and the bytes, and the polling goes on beside it, so a system without
inotify, a watch that cannot be set up or one the system drops (the folder removed, events lost)
leaves the app noticing changes as it did before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# inotify(7) masks. A save renames a new file into place (MOVED_TO); a hand edit writes the file
# and closes it (CLOSE_WRITE); a restore, a delete or a move does the rest.
_FILE_EVENTS = 0x008 | 0x040 | 0x080 | 0x100 | 0x200  # CLOSE_WRITE MOVED_FROM MOVED_TO CREATE DELETE
_FOLDER_GONE = 0x400 | 0x800  # DELETE_SELF MOVE_SELF
_ONLY_FOLDER = 0x01000000  # ONLYDIR
_OVERFLOW = 0x4000  # Q_OVERFLOW: events were lost
_IGNORED = 0x8000  # IGNORED: the system dropped the watch


class DatabaseWatch:
    """Open with ``DatabaseWatch.open(path)``: None where the system offers no watch."""

    def __init__(self, notify: Any, name: str) -> None:
        self._notify = notify
        self._name = name
        self.alive = True  # False once the system dropped the watch (say, the folder was removed)

    @classmethod
    def open(cls, path: Path) -> DatabaseWatch | None:
        """A watch for the database file at ``path`` (its folder is watched: a save replaces the
        file). Takes a few milliseconds (the C library is looked up): not on the UI thread."""
        try:
            import inotify_simple

            notify = inotify_simple.INotify(nonblocking=True)
        except (ImportError, OSError, AttributeError):  # not Linux, or no inotify in its C library
            return None
        try:
            notify.add_watch(path.parent, _FILE_EVENTS | _FOLDER_GONE | _ONLY_FOLDER)
        except OSError:  # too many watches, no permission, no such folder
            notify.close()
            return None
        return cls(notify, path.name)

    def fileno(self) -> int:
        """Readable when events are waiting (for the event loop's add_reader)."""
        return int(self._notify.fileno())

    def touched(self) -> bool:
        """Take every event waiting, without blocking: True when one may concern the database file
        (an event for its name, events lost, the folder gone, the watch dropped)."""
        try:
            events = list(self._notify.read(timeout=0))
        except OSError:
            events = []
            self.alive = False
        touched = False
        for event in events:
            if event.mask & _IGNORED:
                self.alive = False
            touched = touched or bool(event.mask & (_OVERFLOW | _FOLDER_GONE | _IGNORED)) or event.name == self._name
        return touched or not self.alive

    def close(self) -> None:
        self.alive = False
        try:
            self._notify.close()
        except OSError:
            pass
