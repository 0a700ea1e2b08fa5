"""The legal paragraphs of a complaint draft: where to file it, and what the law adds to the refund."""

from __future__ import annotations

from store.deadlines.damages import statutory_amount
from store.export.markdown_text import inline
from store.records.models import Case
from store.records.money import format_yuan
from store.rules.messages import Messages
from store.rules.rulebook import regulator_notes


def where_to_file(msgs: Messages) -> list[str]:
    """The competent bureau (办法 Arts. 13, 14, 16(1)) and one regulator per dispute (Art. 16(2))."""
    notes = regulator_notes()
    return [
        f"## {inline(msgs('export.where_to_file'))}",
        "",
        f"- {inline(notes.where(msgs.lang))}",
        f"- {inline(notes.once(msgs.lang))}",
        "",
    ]


def statutory_amount_lines(case: Case, msgs: Messages) -> list[str]:
    """The amount on top of the refund that the problem and the confirmed facts give, with its limits."""
    amount = statutory_amount(case)
    if amount is None:
        return []
    lang = msgs.lang
    line = msgs(
        "export.statutory_line",
        amount=format_yuan(amount.amount_fen),
        formula=amount.formula(lang),
        citation=amount.citation(lang),
    )
    return ["", inline(line), "", inline(amount.limits(lang))]
