"""The Redactor: every detector over one piece of text, overlaps settled, the user's decisions applied.

Built from a case, it also knows the case's own numbers (order no., references, contact reference
numbers: masked wherever they appear, however spaced), its names (store.export.redaction.names), the
names the case's own text introduces after a label (快递员刘强 … later just 刘强), and what must stay:
the business's name and credit code and the agents' IDs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from store.export.redaction.addresses import address_candidates, english_addresses
from store.export.redaction.keep import keep_candidates
from store.export.redaction.labels import label_candidates, may_name_someone
from store.export.redaction.names import ListedNames
from store.export.redaction.numbers import number_candidates
from store.export.redaction.shapes import shape_candidates
from store.export.redaction.spans import CASE, KEEP, LABELLED, MANUAL, Candidate, Kind, Span, apply, resolve
from store.export.redaction.text_forms import Forms, compact, normalise
from store.records.models import Case


@dataclass(frozen=True)
class Redacted:
    """A piece of text, masked, with every span found in it (those the user kept included)."""

    text: str
    spans: tuple[Span, ...]


class Redactor:
    """Masks what identifies a person in each piece of text given to it."""

    def __init__(
        self,
        order_numbers: Iterable[str] = (),
        names: Iterable[str] = (),
        *,
        public: Iterable[str] = (),
        agent_ids: Iterable[str] = (),
        keep: Iterable[str] = (),
        extra: Iterable[str] = (),
    ) -> None:
        self._own = ExactValues(order_numbers)
        self._agents = ExactValues(agent_ids, alone=True)
        self._public = ExactValues(public)
        self._names = ListedNames(names)
        self._learned: frozenset[str] = frozenset()
        self.keep = frozenset(keep)
        extras = sorted({normalise(x).strip() for x in extra if x.strip()}, key=len, reverse=True)
        self._extra = re.compile("|".join(map(re.escape, extras)), re.IGNORECASE) if extras else None

    @classmethod
    def for_case(cls, case: Case, *, keep: Iterable[str] = (), extra: Iterable[str] = ()) -> Redactor:
        orders = [case.order_no, *(r.value for r in case.references), *(c.reference_no for c in case.contacts)]
        redactor = cls(
            orders,
            case.private_names,
            public=[case.respondent_name, case.respondent_credit_code, case.respondent_address],
            agent_ids=[c.agent_id for c in case.contacts],
            keep=keep,
            extra=extra,
        )
        redactor.learn_names(_case_texts(case))
        return redactor

    def learn_names(self, texts: Iterable[str]) -> None:
        """Names that the texts introduce after a label, to be masked wherever they appear later."""
        found = set(self._learned)
        for text in texts:
            if text and may_name_someone(text):
                f = Forms(text)
                found |= {
                    f.t[c.start : c.end] for c in label_candidates(f) if c.kind is Kind.NAME and c.end - c.start >= 2
                }
        self._learned = frozenset(found)

    def find(self, text: str) -> list[Span]:
        """Every span of personal data in text, in order, none overlapping."""
        if not text.strip():
            return []
        f = Forms(text)
        t = f.t
        candidates = list(keep_candidates(f))
        candidates += [Candidate(s, e, KEEP, None) for s, e in self._public.find(f)]
        candidates += [Candidate(s, e, KEEP, None) for s, e in self._agents.find(f)]
        candidates += [Candidate(s, e, CASE, Kind.ORDER) for s, e in self._own.find(f)]
        candidates += [Candidate(s, e, CASE, Kind.NAME) for s, e in self._names.find(t, f.low)]
        labelled = list(label_candidates(f))
        candidates += labelled
        names = {t[c.start : c.end] for c in labelled if c.kind is Kind.NAME and c.end - c.start >= 2}
        if names or self._learned:  # each name a label introduced, wherever else it appears
            candidates += [Candidate(s, e, LABELLED, Kind.NAME) for s, e in _literal(t, names | self._learned)]
        candidates += number_candidates(f)
        candidates += shape_candidates(f)
        candidates += address_candidates(f)
        candidates += english_addresses(f)
        if self._extra is not None:
            candidates += [Candidate(m.start(), m.end(), MANUAL, Kind.MANUAL) for m in self._extra.finditer(t)]
        return resolve(text, candidates)

    def redact(self, text: str) -> Redacted:
        spans = self.find(text)
        return Redacted(apply(text, spans, self.keep), tuple(spans))

    def __call__(self, text: str) -> str:
        return self.redact(text).text


def _case_texts(case: Case) -> Iterator[str]:
    yield from (case.title, case.notes, case.demand_detail, case.outcome)
    for contact in case.contacts:
        yield from (contact.summary, contact.promise)
    for item in case.evidence:
        yield item.note


def _literal(t: str, values: Iterable[str]) -> Iterator[tuple[int, int]]:
    for value in values:
        at = t.find(value)
        while at >= 0:
            yield at, at + len(value)
            at = t.find(value, at + len(value))


_JOINERS = " -_./#"
_MAX_PARTS = 8


class ExactValues:
    """Known numbers (an order no., a ticket, an agent ID) found however they are spaced or cased.

    The text is cut into letter-and-digit parts; windows of up to eight parts joined by single
    separators are compared with the values, so the cost is linear in the text, whatever the count
    of values (a case with a thousand contacts has a thousand reference numbers). With alone=True a
    value only counts when it is not part of a longer number (agent 8821, not 138 8821 5678).
    Values with other characters (汉字) are looked up as they are.
    """

    def __init__(self, values: Iterable[str], *, alone: bool = False) -> None:
        cleaned = [v.strip() for v in values if v and v.strip()]
        self._values = {c for c in map(compact, filter(_ascii_value, cleaned)) if len(c) >= 4}
        # every beginning of a value: a window that is not one is abandoned at once
        self._prefixes = {v[:n] for v in self._values for n in range(1, len(v) + 1)}
        self._literals = {normalise(v) for v in cleaned if not _ascii_value(v) and len(v) >= 2}
        self._alone = alone

    def find(self, f: Forms) -> Iterator[tuple[int, int]]:
        t = f.t
        yield from _literal(t, self._literals)
        if not self._values:
            return
        parts = f.parts
        prefixes, values = self._prefixes, self._values
        for i, (start, end) in enumerate(parts):
            joined = t[start:end].upper()
            j = i
            while joined in prefixes:
                if joined in values and not (self._alone and self._in_longer_number(t, parts, i, j)):
                    yield start, parts[j][1]
                j += 1
                if j == len(parts) or j - i >= _MAX_PARTS or not _joined(t, parts[j - 1], parts[j]):
                    break
                joined += t[parts[j][0] : parts[j][1]].upper()

    @staticmethod
    def _in_longer_number(t: str, parts: list[tuple[int, int]], i: int, j: int) -> bool:
        before = i > 0 and _joined(t, parts[i - 1], parts[i]) and _has_digit(t, parts[i - 1])
        after = j + 1 < len(parts) and _joined(t, parts[j], parts[j + 1]) and _has_digit(t, parts[j + 1])
        return before or after


def _joined(t: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    return right[0] - left[1] == 1 and t[left[1]] in _JOINERS


def _has_digit(t: str, part: tuple[int, int]) -> bool:
    return any(ch.isdigit() for ch in t[part[0] : part[1]])


def _ascii_value(value: str) -> bool:
    return normalise(value).isascii()
