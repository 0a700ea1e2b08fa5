"""Edit an evidence item: its state, a note, and a file to attach (hashed in the background).

Saving happens with the form open: the state and note first, then the file is hashed (a progress
dialog over the form, Esc cancels) and attached. If any step fails the form stays, with the path
and the note as typed and the reason beside the field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.errors import InvalidInput, WeiquanError
from store.persistence.evidence_vault import MAX_PATH_CHARS, check_attachable
from store.records.models import EvidenceFile, EvidenceItem, EvidenceState
from store.rules.messages import Messages, Msg
from tui.dialogs.form import FormField, FormScreen, input_field, select_field, text_field
from tui.widgets.marked_checkbox import MarkedCheckbox


@dataclass(frozen=True)
class EvidenceFormResult:
    state: EvidenceState
    note: str
    attach: Path | None
    copy_to_vault: bool


class EvidenceForm(FormScreen[EvidenceFormResult]):
    def __init__(self, msgs: Messages, item: EvidenceItem, vault: Path | None = None) -> None:
        super().__init__(msgs, msgs("form.edit_evidence", kind=msgs.enum("evidence_kind", item.kind)))
        self.item = item
        self.vault = vault  # where copies go (None: in-memory database, no copies)
        # Records the hashed file once state and note are saved (set by whoever opens the form).
        self.attacher: Callable[[EvidenceFile], object] | None = None

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
            input_field(
                "attach",
                m("field.attach"),
                "",
                "~/Pictures/order.png",
                m("form.attach_hint"),
                max_length=MAX_PATH_CHARS,
            ),
        ]
        if self.vault is not None:
            items.append(
                FormField(
                    "vault", m("field.vault"), MarkedCheckbox(m("form.vault_label"), value=True, id="input-vault")
                )
            )
        return items

    def build_result(self, values: dict[str, Any]) -> EvidenceFormResult:
        path = check_attachable(values["attach"]) if values["attach"].strip() else None
        state = EvidenceState(values["state"])
        if path is not None and state is EvidenceState.MISSING:
            state = EvidenceState.COLLECTED  # attaching a file means it is collected
        if len(values["note"]) > 20_000:
            raise InvalidInput(Msg.of("form.note_too_long", limit="20,000"), "note")
        return EvidenceFormResult(state, values["note"], path, bool(values.get("vault", False)))

    def save_result(self, result: EvidenceFormResult, overwrite: bool = False) -> None:
        if result.attach is None or self.attacher is None or self.saver is None:
            super().save_result(result, overwrite)
            return
        saver = self.saver
        if not self.run_save(lambda: saver(result, overwrite)):
            return
        from tui.dialogs.hash_progress import HashProgress

        vault = self.vault if result.copy_to_vault else None
        progress = HashProgress(result.attach, vault, self.msgs("evidence.hash_cancel_hint"))
        self.app.push_screen(progress, lambda outcome: self._hashed(result, outcome))

    def _hashed(self, result: EvidenceFormResult, outcome: EvidenceFile | WeiquanError | None) -> None:
        attacher = self.attacher
        if outcome is None:
            self.show_problem(InvalidInput(Msg.of("evidence.not_attached"), "attach"))
        elif isinstance(outcome, WeiquanError):
            self.show_problem(InvalidInput(outcome.msg, "attach"))
        elif attacher is not None and self.run_save(lambda: attacher(outcome)):
            self.dismiss(result)
