"""The evidence checklist: what the case's category needs, and what is missing, collected, submitted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

if TYPE_CHECKING:  # the rules load after the first frame (see WeiquanApp)
    from store.records.models import Case, EvidenceItem
    from store.rules.messages import Messages
from store.text.cell_width import clip
from tui.text import literal
from tui.widgets.row_table import Cell, RowTable
from tui.widgets.static_update import update_static

STATE_TONE = {"missing": "bold red", "collected": "yellow", "submitted": "green"}


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class EvidenceTable(RowTable):
    DEFAULT_CSS = "EvidenceTable { max-height: 12; }"

    @property
    def current_item_id(self) -> int | None:
        return self.current_key


class EvidencePane(Vertical):
    DEFAULT_CSS = """
    EvidencePane { height: auto; }
    EvidencePane > #evidence-summary { padding: 0 1; }
    EvidencePane > #evidence-files { padding: 0 1; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="evidence-summary")
        yield EvidenceTable(id="evidence-table")
        yield Static(id="evidence-files")

    @property
    def table(self) -> EvidenceTable:
        return self.query_one(EvidenceTable)

    def show_case(self, case: Case | None, msgs: Messages) -> None:
        from store.records.models import EvidenceState
        from store.rules.evidence_needs import evidence_checklist

        table = self.table
        headers = [msgs(f"evidence.{key}") for key in ("kind", "need", "state", "files", "note")]
        summary = self.query_one("#evidence-summary", Static)
        rows, keys, missing = [], [], 0
        if case is not None:
            checklist = evidence_checklist(case.category, case.demand)
            for item in case.evidence:
                need = (
                    "required"
                    if item.kind in checklist.required
                    else "recommended"
                    if item.kind in checklist.recommended
                    else "extra"
                )
                if need == "required" and item.state is EvidenceState.MISSING:
                    missing += 1
                rows.append(
                    [
                        Cell(msgs.enum("evidence_kind", item.kind)),
                        Cell(msgs(f"evidence.need_{need}"), "bold" if need == "required" else "dim"),
                        Cell(msgs.enum("evidence_state", item.state), STATE_TONE[item.state.value]),
                        Cell(str(len(item.files)) if item.files else ""),
                        Cell(clip(" ".join(item.note.split()), 60)),
                    ]
                )
                keys.append(item.id)
        table.set_data(headers, rows, keys)
        if case is None:
            update_static(summary, "")
        else:
            text = msgs("evidence.missing_required", count=missing) if missing else msgs("evidence.complete")
            update_static(summary, Text(text, style="bold red" if missing else "green"))
        current = case.evidence_item(table.current_item_id) if case and table.current_item_id else None
        self.show_files(current, msgs)

    def show_files(self, item: EvidenceItem | None, msgs: Messages) -> None:
        files = self.query_one("#evidence-files", Static)
        if item is None or not item.files:
            update_static(files, "")
            return
        lines = [Text(msgs("evidence.files_of", kind=msgs.enum("evidence_kind", item.kind)), style="bold")]
        for f in item.files:
            lines.append(literal(f.path))
            lines.append(Text(f"  {human_size(f.size)} · SHA-256 {f.sha256}", style="dim"))
        update_static(files, Group(*lines))
