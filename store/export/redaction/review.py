"""A person's review of a redacted document: what was masked, what they chose to show, what more
they marked, and whether they accepted exactly what the document now masks.

Decisions hold the original text, not positions, so they apply wherever that text appears (a
field is shown both in the table and in the details) and survive a switch of format. A document
is ready to post only when the review was accepted and every finding in it was among those the
person saw when accepting: a contact added since, or a format with more fields, needs another look.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from store.export.redaction.spans import Kind, Span


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a document, however many times it appears there."""

    kind: Kind
    original: str
    masked: str
    count: int
    shown: bool  # the person chose to leave it as written

    @property
    def key(self) -> tuple[str, str]:
        return self.kind.value, self.original


@dataclass(frozen=True)
class Review:
    keep: frozenset[str] = frozenset()  # originals shown as written
    extra: tuple[str, ...] = ()  # text to mask wherever it appears
    seen: frozenset[tuple[str, str]] = frozenset()  # findings on screen when the review was accepted
    accepted: bool = False

    def toggle(self, original: str) -> Review:
        """Show a masked original as written, or mask it again."""
        keep = self.keep - {original} if original in self.keep else self.keep | {original}
        return replace(self, keep=keep, accepted=False)

    def mask_more(self, text: str) -> Review:
        """Mask this text wherever it appears (it is no longer shown, if it was)."""
        text = text.strip()
        if not text or text in self.extra:
            return self
        return replace(self, extra=(*self.extra, text), keep=self.keep - {text}, accepted=False)

    def accept(self, findings: Iterable[Finding]) -> Review:
        return replace(self, seen=frozenset(f.key for f in findings), accepted=True)

    def covers(self, findings: Iterable[Finding]) -> bool:
        """Accepted, and nothing in the document was found after the person looked."""
        return self.accepted and all(f.key in self.seen for f in findings)


@dataclass
class FindingTally:
    """Collects the spans of every piece of a document, in the order they first appear."""

    keep: frozenset[str]
    counts: Counter[tuple[Kind, str]] = field(default_factory=Counter)

    def add(self, spans: Iterable[Span]) -> None:
        for span in spans:
            self.counts[span.kind, span.original] += 1

    def findings(self) -> tuple[Finding, ...]:
        return tuple(
            Finding(kind, original, Span(0, 0, kind, original).masked, count, original in self.keep)
            for (kind, original), count in self.counts.items()
        )


def masked_counts(findings: Iterable[Finding]) -> dict[Kind, int]:
    """How many spans of each kind a document masks (shown ones left out), kinds in their order."""
    counts: Counter[Kind] = Counter()
    for finding in findings:
        if not finding.shown:
            counts[finding.kind] += finding.count
    return {kind: counts[kind] for kind in Kind if counts[kind]}
