"""Filtering cases by text as the user types: every case's search text, kept with the case, and the
last query's matches, so a query that extends the last one searches only those."""

from __future__ import annotations

from store.records.models import Case


class SearchIndex:
    def __init__(self) -> None:
        self.haystacks: dict[int, str] = {}
        self._writes = 0  # bumped on every change made here (invalidates the last search)
        self._last_match: tuple[list[str], set[int], tuple[int, int, int]] = ([], set(), (-1, -1, -1))

    def replace_all(self, haystacks: dict[int, str]) -> None:
        self.haystacks = haystacks

    def put(self, case: Case) -> None:
        self._writes += 1
        self.haystacks[case.id] = case.search_text()

    def drop(self, case_id: int) -> None:
        self._writes += 1
        self.haystacks.pop(case_id, None)

    def matching_ids(self, text: str, cases: dict[int, Case], generation: int) -> set[int]:
        """Ids of the cases (not in the trash) whose search text holds every word of ``text``.

        Typing usually extends the previous query; then only the previous matches are searched.
        """
        words = text.casefold().split()
        previous_words, previous_ids, stamp = self._last_match
        now = (generation, len(self.haystacks), self._writes)
        # A case matching the new words matches the old ones if each old word lies inside a new one.
        if stamp == now and previous_words and all(any(p in w for w in words) for p in previous_words):
            pool = {cid: self.haystacks[cid] for cid in previous_ids}
        else:
            pool = {cid: hay for cid, hay in self.haystacks.items() if cases[cid].deleted_at is None}
        if len(words) == 1:
            word = words[0]
            found = {cid for cid, hay in pool.items() if word in hay}
        else:
            found = {cid for cid, hay in pool.items() if all(w in hay for w in words)}
        self._last_match = (words, found, now)
        return found
