"""Validated Case objects for the records the storage holds, decoded again only where a record changed.

Each case is kept with the SHA-256 of the stored record it was decoded from. When the file is read
again (another session saved), a record with the same digest keeps its Case object; only the
others are decoded, straight from their bytes into records (at 10,000 cases decoding every one
takes a few hundred milliseconds). The bytes, not the revision, decide, so a record edited by
hand is always checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from store.gc_pause import collector_paused
from store.persistence.database_file import Tables, first_bad_utf8, not_json
from store.persistence.schema import CASES_TABLE, SchemaProblem, id_counter
from store.persistence.stored_docs import StoredDoc
from store.records.models import Case
from store.records.record_ids import MAX_RECORD_ID, id_from_key, shown
from store.records.stored_cases import decode_stored_case
from store.rules.messages import Msg


@dataclass(frozen=True)
class Decoded:
    """The cases of one version of the file, and which of them were decoded anew."""

    cases: dict[int, Case]
    digests: dict[int, bytes]
    fresh: frozenset[int]


class CaseCache:
    def __init__(self) -> None:
        self.cases: dict[int, Case] = {}
        self.digests: dict[int, bytes] = {}  # the SHA-256 of the stored record each case was decoded from
        self.generation = -1  # the storage generation the cache was built from

    def decode(
        self,
        tables: Tables,
        doc_bytes: Callable[[StoredDoc], bytes | memoryview],
        file_bytes: Callable[[], bytes],
    ) -> Decoded:
        """The cases of ``tables``, reusing this cache's Case for every record whose bytes are the
        ones it was decoded from. Only reads this cache, so a worker thread may call it while the
        UI thread goes on. SchemaProblem or InvalidInput for a damaged table or record."""
        id_counter(tables)  # TinyDB turns every key into an int: check them all before it does
        known_cases, known_digests = self.cases, self.digests
        cases: dict[int, Case] = {}
        digests: dict[int, bytes] = {}
        fresh: set[int] = set()
        with collector_paused():
            for key, doc in tables.get(CASES_TABLE, {}).items():
                case_id = id_from_key(key)
                if case_id is None:
                    raise SchemaProblem(Msg.of("store.problem_bad_case_key", key=shown(key), max=MAX_RECORD_ID))
                if not isinstance(doc, StoredDoc):
                    raise SchemaProblem(Msg.of("store.problem_case_not_object", key=key))
                case = known_cases.get(case_id)
                if case is None or known_digests.get(case_id) != doc.digest:
                    data = doc_bytes(doc)
                    try:
                        case = decode_stored_case(data, case_id)
                    except UnicodeDecodeError:
                        where = doc.start + first_bad_utf8(bytes(data))
                        raise SchemaProblem(not_json(file_bytes(), where)) from None
                    fresh.add(case_id)
                cases[case_id] = case
                digests[case_id] = doc.digest
        return Decoded(cases, digests, frozenset(fresh))

    def adopt(self, decoded: Decoded, generation: int) -> None:
        self.cases, self.digests, self.generation = decoded.cases, decoded.digests, generation

    def forget_generation(self) -> None:
        """Validate everything again at the next rebuild (the whole file was replaced)."""
        self.generation = -1
        self.digests = {}

    def remember(self, case: Case, digest: bytes) -> None:
        """``case`` was just stored as the record with SHA-256 ``digest``."""
        self.cases[case.id] = case
        self.digests[case.id] = digest

    def forget(self, case_id: int) -> None:
        self.cases.pop(case_id, None)
        self.digests.pop(case_id, None)
