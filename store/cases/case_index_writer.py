"""Writing the case index (case_index) after the cases were loaded or saved.

A case's entry is made again only when its stored record changed (each entry names the record's
digest) or the calendar it was counted on did, so after one save only that case's deadlines are counted
again, even in a command that starts with the index another session wrote. Writing it is never
allowed to fail what the user did: any problem leaves the old index, which no longer names the
database file and is therefore ignored.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec

from store.calendar.holiday_file import calendar_beside
from store.calendar.workdays import WorkCalendar
from store.cases.case_index import FORMAT, calendar_fingerprint, file_identity, index_path
from store.cases.indexed_cases import IndexedCase, IndexFile, raw_marks, read_index_entries
from store.cases.indexed_ranking import ranked_at
from store.deadlines.case_deadlines import broken_promises
from store.deadlines.deadline_marks import case_marks
from store.deadlines.list_urgency import micros_since_epoch
from store.persistence.atomic_files import atomic_write
from store.records.models import Case

DIGEST_CHARS = 32  # of the record's SHA-256 in hex: enough to tell one version of a record from another


class CaseIndexKeeper:
    """Keeps the index of the database at ``db_path``, its deadlines counted on ``base`` with the
    holiday file beside the database (the calendar the app counts with)."""

    def __init__(self, db_path: Path, base: WorkCalendar) -> None:
        self.db_path = db_path
        self._base = base
        self._calendar: WorkCalendar | None = None
        self._fingerprint: list[object] | None = None
        self._holidays_clean = False

    def write(
        self,
        stamp: tuple[int, int, int] | None,
        cases: dict[int, Case],
        digests: dict[int, bytes],
        now: dt.datetime,
        *,
        only_to_update: bool = False,
    ) -> bool:
        """Write the index of ``cases`` (every one, the trash included) as stored in the database
        file with ``stamp``, their urgency counted at ``now``; False when it was not written (the
        file changed meanwhile, or the folder refused it). ``only_to_update``: only where an index
        counted the same way is there already (a command that saves one change does not count
        every case's deadlines: the app writes the first index)."""
        if stamp is None:
            return False
        fingerprint = [*calendar_fingerprint(self.db_path), self._base.identity()]
        if fingerprint != self._fingerprint or self._calendar is None:
            self._calendar, notices = calendar_beside(self.db_path, self._base)
            self._holidays_clean = not notices
            self._fingerprint = fingerprint
        # The entries are read from the file each time rather than kept: at 10,000 cases they
        # would add about a kilobyte to every case the app holds, for a write after a save.
        calendar, known = self._calendar, read_index_entries(self.db_path, fingerprint)
        if only_to_update and not known:
            return False
        now_us = micros_since_epoch(now)
        entries: dict[int, IndexedCase] = {}
        for case_id, case in cases.items():
            digest = digests[case_id].hex()[:DIGEST_CHARS]
            entry = known.get(case_id)
            if entry is not None and entry.digest == digest and not entry.ranked.at <= now_us < entry.ranked.until:
                try:
                    entry = msgspec.structs.replace(entry, ranked=ranked_at(entry.deadline_marks(), now_us))
                except ValueError:  # its marks damaged: made again
                    entry = None
            if entry is None or entry.digest != digest:
                entry = _entry(case, digest, calendar, now_us)
            entries[case_id] = entry
        index = IndexFile(FORMAT, list(stamp), fingerprint, list(entries.values()), self._holidays_clean)
        payload = msgspec.json.encode(index)
        if file_identity(self.db_path) != list(stamp):
            return False  # another session saved meanwhile: its own index (or the next one) will do
        try:
            atomic_write(Path(index_path(self.db_path)), payload, durable=False)
        except OSError:
            return False
        return True


def _entry(case: Case, digest: str, calendar: WorkCalendar, now_us: int) -> IndexedCase:
    marks = tuple(case_marks(case, calendar))
    return IndexedCase(
        case.id,
        case.title,
        case.platform,
        case.status.value,
        case.order_no,
        case.amount_paid_fen,
        len(case.contacts),
        case.deleted_at is not None,
        case.updated.isoformat(),
        micros_since_epoch(case.updated),
        case.status.is_active,
        broken_promises(case),
        digest,
        raw_marks(marks),
        ranked_at(marks, now_us),
    )
