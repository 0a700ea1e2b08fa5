"""Validated Case objects for the records the storage holds, rebuilt only where a record changed.

A case whose stored record equals the one it was decoded from is kept as it is: after another
session's change only the records it touched are validated again (at 10,000 cases decoding
everything took about 0.4 s). Equality, not the revision, decides, so a record edited by hand is
always checked.
"""

from __future__ import annotations

from typing import Any

from store.persistence.schema import Data, case_documents, id_counter
from store.records.models import Case
from store.records.stored_cases import decode_case


class CaseCache:
    def __init__(self) -> None:
        self.cases: dict[int, Case] = {}
        self.sources: dict[int, dict[str, Any]] = {}  # the stored record each case was decoded from
        self.generation = -1  # the storage generation the cache was built from

    def rebuild(self, data: Data, generation: int) -> set[int]:
        """Take the records of ``data`` (the storage's, as of ``generation``); returns the ids decoded
        anew. SchemaProblem or InvalidInput for a damaged table or record (the cache is unchanged)."""
        cases: dict[int, Case] = {}
        decoded: set[int] = set()
        # The records themselves, not copies; a change made here stores a new record and
        # remember points at it, so a case and its source stay in step.
        sources: dict[int, dict[str, Any]] = {}
        id_counter(data)  # TinyDB turns every key into an int: check them all before it does
        for case_id, doc in case_documents(data):
            if self.sources.get(case_id) == doc and case_id in self.cases:
                cases[case_id] = self.cases[case_id]
            else:
                cases[case_id] = decode_case(dict(doc), case_id)
                decoded.add(case_id)
            sources[case_id] = doc
        self.cases, self.sources, self.generation = cases, sources, generation
        return decoded

    def forget_generation(self) -> None:
        """Validate everything again at the next rebuild (the whole file was replaced)."""
        self.generation = -1

    def remember(self, case: Case, source: dict[str, Any]) -> None:
        """``case`` was just stored as the record ``source``."""
        self.cases[case.id] = case
        self.sources[case.id] = source

    def forget(self, case_id: int) -> None:
        self.cases.pop(case_id, None)
        self.sources.pop(case_id, None)
