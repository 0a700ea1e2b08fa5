"""The 12315 complaint form, box by box, as plain text to paste into each box.

Boxes, in the form's order: 被投诉方名称, 统一社会信用代码, 被投诉方地址, 购买时间, 商品, 订单号, 金额,
投诉内容, 诉求, 证据清单. A box holds exactly what goes into the form: no Markdown, no escapes;
control characters are made visible (store.text.controls), never passed on raw. One-line boxes
are one line; tabs in multi-line boxes are kept.

A box whose value is not recorded holds nothing, so nothing wrong is pasted, and carries a note
instead. The respondent's name and address are required by the complaint regulation (办法 Art. 10,
see FACTS.md) and the platform asks for the credit code: those are flagged as missing.

The 12315 platform's length limits for its boxes are not given by the regulation or FACTS.md, so
none is enforced or invented here: each box says its length, for the user to check when pasting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from store.export.case_story import StoryTeller
from store.records.models import EvidenceState
from store.records.money import format_yuan
from store.rules.messages import Messages
from store.text.controls import for_plain_text

BOX_KEYS = (
    "respondent_name",
    "credit_code",
    "respondent_address",
    "purchase_date",
    "goods",
    "order_no",
    "amount",
    "details",
    "demand",
    "evidence",
)
_REQUIRED = {
    "respondent_name": "missing_respondent",
    "credit_code": "missing_code",
    "respondent_address": "missing_address",
}


@dataclass(frozen=True)
class FormBox:
    key: str
    label: str
    text: str  # what goes into the box; "" when nothing is recorded
    missing: str = ""  # what to do about an empty box ("" when it has text)
    required: bool = False  # an empty box the complaint cannot do without

    @property
    def length(self) -> int:
        """Characters, as the form counts them."""
        return len(self.text)


def _one_line(text: str) -> str:
    return " ".join(for_plain_text(text).split())


def _lines(text: str) -> str:
    """Multi-line text with its lines kept; trailing spaces and blank lines at either end dropped."""
    lines = [line.rstrip() for line in for_plain_text(text, keep_newlines=True).split("\n")]
    return "\n".join(lines).strip("\n")


def form_boxes(teller: StoryTeller, scrub: Callable[[str], str], scrub_name: Callable[[str], str]) -> list[FormBox]:
    case, msgs = teller.case, teller.msgs
    values = {
        "respondent_name": _one_line(scrub(case.respondent_name)),
        "credit_code": _one_line(case.respondent_credit_code),
        "respondent_address": _one_line(scrub(case.respondent_address)),
        "purchase_date": case.order_date.isoformat() if case.order_date else "",
        "goods": _one_line(scrub(case.product)),
        "order_no": _one_line(scrub(case.order_no)),
        "amount": format_yuan(case.amount_paid_fen),
        "details": _lines(_details(teller)),
        "demand": _lines(_demand(teller)),
        "evidence": _lines(_evidence(teller, scrub, scrub_name)),
    }
    boxes = []
    for key in BOX_KEYS:
        text = values[key]
        required = key in _REQUIRED
        missing = "" if text else msgs(f"export.{_REQUIRED[key]}") if required else msgs("form12315.not_recorded")
        boxes.append(FormBox(key, msgs(f"form12315.{key}"), text, missing, required and not text))
    return boxes


def _details(teller: StoryTeller) -> str:
    story, colon = teller.story(), teller.say.colon
    lines = [story.purchase, story.problem]
    if story.contacts:
        lines += ["", story.contacts_intro]
        for n, entry in enumerate(story.contacts, start=1):
            marker = f"{n}. "
            first, *rest = entry.lines(colon)
            lines += [marker + first] + [" " * len(marker) + line if line.strip() else "" for line in rest]
        lines.append("")
    return "\n".join([*lines, story.status])


def _demand(teller: StoryTeller) -> str:
    claims = teller.claims()
    numbered = [text for text in (claims.main, claims.statutory) if text]
    lines = [f"{n}. {text}" for n, text in enumerate(numbered, start=1)] if len(numbered) > 1 else numbered
    if claims.detail:
        lines.append(teller.t("claim_detail") + teller.say.colon + claims.detail)
    return "\n".join(lines)


def _evidence(teller: StoryTeller, scrub: Callable[[str], str], scrub_name: Callable[[str], str]) -> str:
    msgs, say = teller.msgs, teller.say
    lines, n = [], 0
    for item in teller.case.evidence:
        if item.state is EvidenceState.MISSING and not item.files:
            continue
        n += 1
        line = f"{n}. {msgs.enum('evidence_kind', item.kind)}{say.paren(msgs.enum('evidence_state', item.state))}"
        note = _lines(scrub(item.note)).split("\n")
        indent = " " * len(f"{n}. ")
        lines.append(line + (say.colon + note[0] if note[0] else ""))
        lines += [indent + more if more else "" for more in note[1:]]
        for f in item.files:
            lines.append(f"{indent}- {_one_line(scrub_name(Path(f.path).name))}{say.comma}{say.size(f.size)}")
    return "\n".join(lines)


def form_text(boxes: list[FormBox], msgs: Messages) -> str:
    """Every box as a labelled block: the label (with the box's length or what is missing), then the text."""
    zh = msgs.lang.startswith("zh")
    blocks = []
    for box in boxes:
        label = f"【{box.label}】" if zh else f"[{box.label}]"
        if box.text:
            label += msgs("form12315.length", count=box.length)
            blocks.append(f"{label}\n{box.text}")
        else:
            blocks.append(f"{label}{msgs('form12315.missing_mark', note=box.missing)}")
    return "\n\n".join(blocks) + "\n"
