"""Redaction measured on the labelled corpora: at least 97% of the personal data removed, at least
97% of the ordinary strings kept verbatim. The misses are listed when a threshold is not met."""

from __future__ import annotations

import pytest

from store.export.redaction import Redactor
from tests.export.corpus import Corpus, read_redaction_corpus
from tests.export.corpus.scoring import Figures, score

TARGET = 0.97
ALL = ("personal_data.txt", "ordinary.txt", "second_set.txt", "third_set.txt")


def redactor_for(corpus: Corpus) -> Redactor:
    """The Redactor a case with the corpus's names, numbers, business and agents would get."""
    redactor = Redactor(
        corpus.numbers, corpus.names, public=[corpus.respondent, corpus.credit_code], agent_ids=corpus.agents
    )
    redactor.learn_names(s.text for s in corpus.sentences)  # as for_case reads a case's own text
    return redactor


def _figures(*files: str) -> Figures:
    corpus = read_redaction_corpus(*files)
    return score(redactor_for(corpus), corpus)


@pytest.mark.parametrize(
    "files",
    [("personal_data.txt", "ordinary.txt"), ("second_set.txt",), ("third_set.txt",)],
    ids=["main", "second", "third"],
)
def test_personal_data_removed_and_ordinary_text_kept(files: tuple[str, ...]) -> None:
    fig = _figures(*files)
    assert fig.removed_share >= TARGET, "personal data still readable:\n" + "\n".join(fig.leaks)
    assert fig.kept_share >= TARGET, "ordinary text changed:\n" + "\n".join(fig.damaged)


def test_the_corpus_is_large_and_covers_every_kind() -> None:
    corpus = read_redaction_corpus(*ALL)
    assert len(corpus.sentences) >= 300
    assert len(corpus.ordinary) >= 100
    kinds = {item.kind for _, item in corpus.items}
    expected = "mobile landline id_card passport permit bank_card email wechat qq plate tracking order profile"
    assert set(f"{expected} address name".split()) <= kinds
    english = [s for s in corpus.sentences if s.text.isascii()]
    assert len(english) >= 60


def test_every_kind_is_found_at_least_nine_times_in_ten() -> None:
    fig = _figures(*ALL)
    weak = {kind: (found, total) for kind, (found, total) in fig.by_kind.items() if found < 0.9 * total}
    assert not weak, "\n".join(fig.leaks)
