"""The labelled corpora of complaint sentences, and how they are read.

personal_data.txt and ordinary.txt (redaction): ``[[kind|value]]`` marks personal data, ``{{value}}``
ordinary text inside such a sentence; a line without ``[[`` is an ordinary sentence. Lines starting
with ``@`` describe the case the sentences belong to. risky.txt and harmless.txt (wording check):
``<<phrase>>`` marks the phrase a risky sentence must be warned about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
_MARK = re.compile(r"\[\[(\w+)\|(.+?)\]\]|\{\{(.+?)\}\}")


@dataclass(frozen=True)
class Item:
    kind: str
    value: str


@dataclass(frozen=True)
class Sentence:
    text: str
    personal: tuple[Item, ...]
    keep: tuple[str, ...]
    where: str  # file:line, for the list of misses


@dataclass
class Corpus:
    names: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    respondent: str = ""
    credit_code: str = ""
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def items(self) -> list[tuple[Sentence, Item]]:
        return [(s, item) for s in self.sentences for item in s.personal]

    @property
    def ordinary(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.personal]


def _parse_line(line: str, where: str) -> Sentence:
    personal: list[Item] = []
    keep: list[str] = []
    out: list[str] = []
    pos = 0
    for m in _MARK.finditer(line):
        out.append(line[pos : m.start()])
        if m[1]:
            personal.append(Item(m[1], m[2]))
            out.append(m[2])
        else:
            keep.append(m[3])
            out.append(m[3])
        pos = m.end()
    out.append(line[pos:])
    return Sentence("".join(out), tuple(personal), tuple(keep), where)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def read_redaction_corpus(*names: str) -> Corpus:
    """The sentences of the given files (default: both), with the case they belong to."""
    corpus = Corpus()
    for name in names or ("personal_data.txt", "ordinary.txt"):
        for n, raw in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                key, _, value = line[1:].partition(" ")
                if key == "respondent":
                    corpus.respondent, _, corpus.credit_code = (v.strip() for v in value.partition("|"))
                else:
                    getattr(corpus, key).extend(_split(value))
                continue
            corpus.sentences.append(_parse_line(line, f"{name}:{n}"))
    return corpus


@dataclass(frozen=True)
class WordingSentence:
    text: str
    phrases: tuple[str, ...]
    where: str


_RISKY = re.compile(r"<<(.+?)>>")


def read_wording_corpus(name: str) -> list[WordingSentence]:
    out = []
    for n, raw in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        out.append(WordingSentence(_RISKY.sub(r"\1", line), tuple(_RISKY.findall(line)), f"{name}:{n}"))
    return out
