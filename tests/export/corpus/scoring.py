"""How well a redaction does on the corpus: personal data removed, ordinary text kept verbatim."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.export.corpus import Corpus, read_redaction_corpus

_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass
class Figures:
    removed: int = 0
    personal: int = 0
    kept: int = 0
    ordinary: int = 0
    leaks: list[str] = field(default_factory=list)  # personal data still readable
    damaged: list[str] = field(default_factory=list)  # ordinary text changed
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [removed, total]

    @property
    def removed_share(self) -> float:
        return self.removed / self.personal if self.personal else 1.0

    @property
    def kept_share(self) -> float:
        return self.kept / self.ordinary if self.ordinary else 1.0


def _squeezed(text: str) -> str:
    return _NOT_ALNUM.sub("", text).casefold()


def survives(value: str, output: str) -> bool:
    """The value can still be read: as written, or with its separators and case changed."""
    return value in output or (len(_squeezed(value)) >= 4 and _squeezed(value) in _squeezed(output))


def score(redact: Callable[[str], str], corpus: Corpus | None = None) -> Figures:
    """Each labelled value must be gone; each ordinary sentence and {{kept}} string must be there."""
    corpus = corpus or read_redaction_corpus()
    fig = Figures()
    for sentence in corpus.sentences:
        out = redact(sentence.text)
        for item in sentence.personal:
            fig.personal += 1
            tally = fig.by_kind.setdefault(item.kind, [0, 0])
            tally[1] += 1
            if survives(item.value, out):
                fig.leaks.append(f"{sentence.where} [{item.kind}] {item.value!r} in {out!r}")
            else:
                fig.removed += 1
                tally[0] += 1
        checks = sentence.keep if sentence.personal else (sentence.text,)
        for kept in checks:
            fig.ordinary += 1
            if kept in out:
                fig.kept += 1
            else:
                fig.damaged.append(f"{sentence.where} {kept!r} became {out!r}")
    return fig
