"""Edit an evidence item: its state, a note, and a file to attach (hashed in the background)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.widgets import Checkbox

from store.errors import InvalidInput
from store.persistence.evidence_vault import check_attachable
from store.records.models import EvidenceItem, EvidenceState
from store.rules.messages import Messages
from tui.dialogs.form import FormField, FormScreen, input_field, select_field, text_field


@dataclass(frozen=True)
class EvidenceFormResult:
    state: EvidenceState
    note: str
    attach: Path | None
    copy_to_vault: bool


class EvidenceForm(FormScreen[EvidenceFormResult]):
    def __init__(self, msgs: Messages, item: EvidenceItem, can_vault: bool) -> None:
        super().__init__(msgs, msgs("form.edit_evidence", kind=msgs.enum("evidence_kind", item.kind)))
        self.item = item
        self.can_vault = can_vault

    def fields(self) -> list[FormField]:
        m = self.msgs
        items = [
            select_field(
                "state",
                m("field.evidence_state"),
                [(s.value, m.enum("evidence_state", s)) for s in EvidenceState],
                self.item.state.value,
            ),
            text_field("note", m("field.note"), self.item.note),
            input_field("attach", m("field.attach"), "", "~/Pictures/order.png", m("form.attach_hint")),
        ]
        if self.can_vault:
            items.append(
                FormField("vault", m("field.vault"), Checkbox(m("form.vault_label"), value=True, id="input-vault"))
            )
        return items

    def build_result(self, values: dict[str, Any]) -> EvidenceFormResult:
        path = check_attachable(values["attach"]) if values["attach"].strip() else None
        state = EvidenceState(values["state"])
        if path is not None and state is EvidenceState.MISSING:
            state = EvidenceState.COLLECTED  # attaching a file means it is collected
        if len(values["note"]) > 20_000:
            raise InvalidInput("The note is longer than 20,000 characters.", "note")
        return EvidenceFormResult(state, values["note"], path, bool(values.get("vault", False)))
