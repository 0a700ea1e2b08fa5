"""The filter kept while another session changes cases: the same query afterwards finds what a
search from scratch finds (a case renamed into or out of it, one added, one purged, one moved to
the trash), yet builds the search text of the changed cases only."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from store.cases.search_index import SearchIndex
from store.records.models import Case


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Ids of the cases whose search text is built."""
    seen: list[int] = []
    real = Case.search_text

    def noting(case: Case) -> str:
        seen.append(case.id)
        return real(case)

    monkeypatch.setattr(Case, "search_text", noting)
    return seen


def test_the_same_filter_after_another_sessions_change_looks_only_at_what_changed(
    tmp_path: Path, built: list[int]
) -> None:
    db = tmp_path / "weiquan.json"
    ours = CaseStore.open(db, backups=False)
    titles = ["耳机 左耳无声", "耳机 右耳杂音", "羊绒围巾 掉色", "耳机 盒子破损", "空气炸锅 不加热", "耳机 没电"]
    ids = [ours.create_case({"title": title}).id for title in titles]
    ours.delete_case(ids[5])
    ours.take_changes_only_when_asked()
    ours.prepare_search()
    assert ours.matching_ids("耳机") == set(ids[:2] + [ids[3]])
    other = CaseStore.open(db, backups=False)
    other.update_case(ids[0], {"title": "耳机 左耳无声，已退款"})  # still matches
    other.update_case(ids[1], {"title": "音箱 杂音"})  # no longer matches
    other.update_case(ids[2], {"title": "耳机 掉色"})  # now matches
    other.delete_case(ids[3])  # to the trash
    other.restore_case(ids[5])  # back from it
    added = other.create_case({"title": "新耳机 不开机"}).id
    other.purge_case(ids[3])
    assert ours.take_changes(ours.read_changes()) is True
    built.clear()
    assert ours.matching_ids("耳机") == {ids[0], ids[2], ids[5], added}
    assert sorted(built) == sorted([ids[0], ids[1], ids[2], ids[5], added])
    fresh = CaseStore.open(db, backups=False)
    assert ours.matching_ids("耳机") == fresh.matching_ids("耳机")
    assert ours.matching_ids("耳机 掉色") == {ids[2]}  # narrowing from there


class _Watched(dict[int, Case]):
    """The cases, noting which of them a search looks at."""

    def __init__(self, cases: dict[int, Case]) -> None:
        super().__init__(cases)
        self.looked_at: set[int] = set()

    def __getitem__(self, case_id: int) -> Case:
        self.looked_at.add(case_id)
        return super().__getitem__(case_id)

    def items(self):  # type: ignore[no-untyped-def, override]
        self.looked_at.update(self.keys())
        return super().items()


def test_the_same_filter_after_one_case_changed_looks_at_it_and_the_last_matches_only() -> None:
    store = CaseStore.open(None)
    for n in range(40):
        store.create_case({"title": f"{'耳机' if n % 10 == 0 else '围巾'} {n}"})
    cases = {c.id: c for c in store.cases(ordered=False)}
    index = SearchIndex()
    assert index.matching_ids("耳机", cases) == {1, 11, 21, 31}
    renamed = store.update_case(7, {"title": "耳机 7"})
    after = _Watched({**cases, 7: renamed})
    index.changed([7], after)
    assert index.matching_ids("耳机", after) == {1, 7, 11, 21, 31}
    assert after.looked_at == {1, 7, 11, 21, 31}
