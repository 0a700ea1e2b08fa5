"""Filtering cases by text as the user types.

Each case's search text (title, order no., shop, notes, agent IDs …, case-folded) is built when a
search first needs it, or ahead of time by ``build`` (the app runs it in a worker thread once the
list is shown; a command that only lists never pays for it). A text is kept with the Case object
it was built from and used only while the store still holds that very object, so a text built in
the background for a case changed meanwhile is simply built again. A query that extends the last
one searches only the last one's matches, and the cases that changed since (``changed``): the same
filter after another session changed one case of 10,000 looks at that case, not at all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from store.records.models import Case


class SearchIndex:
    def __init__(self) -> None:
        self._texts: dict[int, tuple[Case, str]] = {}
        # The last query: its words, the ids it found, the cases it searched, and the ids of those
        # changed, added or gone since.
        self._last: tuple[list[str], set[int], object, set[int]] = ([], set(), None, set())

    def build(self, cases: Mapping[int, Case]) -> None:
        """Build every text not built yet (any thread)."""
        for case_id, case in list(cases.items()):
            self._text(case_id, case)

    def forget(self) -> None:
        """Every text and the last query dropped (all the cases were replaced)."""
        self._texts = {}
        self._last = ([], set(), None, set())

    def changed(self, case_ids: Iterable[int], cases: Mapping[int, Case]) -> None:
        """``cases`` differ from those searched last only in ``case_ids`` (changed, added or gone)."""
        words, found, _, stale = self._last
        for case_id in case_ids:
            self._texts.pop(case_id, None)
            stale.add(case_id)
        self._last = (words, found, cases, stale)

    def matching_ids(self, text: str, cases: Mapping[int, Case]) -> set[int]:
        """Ids of the cases (not in the trash) whose search text holds every word of ``text``."""
        words = text.casefold().split()
        previous_words, previous_ids, seen, stale = self._last
        # A case matching the new words matches the old ones if each old word lies inside a new one.
        narrowing = seen is cases and previous_words and all(any(p in w for w in words) for p in previous_words)
        pool = (
            [(cid, cases[cid]) for cid in previous_ids | stale if cid in cases and cases[cid].deleted_at is None]
            if narrowing
            else [(cid, case) for cid, case in cases.items() if case.deleted_at is None]
        )
        texts = self._texts
        hay: list[tuple[int, str]] = []
        for cid, case in pool:  # inline: this loop runs over 10,000 cases on a keystroke
            entry = texts.get(cid)
            if entry is None or entry[0] is not case:
                entry = texts[cid] = (case, case.search_text())
            hay.append((cid, entry[1]))
        if len(words) == 1:
            word = words[0]
            found = {cid for cid, text in hay if word in text}
        else:
            found = {cid for cid, text in hay if all(w in text for w in words)}
        self._last = (words, found, cases, set())
        return found

    def _text(self, case_id: int, case: Case) -> str:
        entry = self._texts.get(case_id)
        if entry is None or entry[0] is not case:
            entry = self._texts[case_id] = (case, case.search_text())
        return entry[1]
