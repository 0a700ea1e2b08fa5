"""The evidence checklist: what the case's category needs, and what is missing, collected, submitted."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from store.evidence_rules import evidence_checklist
from store.i18n import Messages
from store.models import Case, EvidenceItem, EvidenceState
from tui.text import literal

STATE_TONE = {EvidenceState.MISSING: "bold red", EvidenceState.COLLECTED: "yellow", EvidenceState.SUBMITTED: "green"}


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class EvidenceTable(DataTable):
    DEFAULT_CSS = "EvidenceTable { height: auto; max-height: 12; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.item_ids: list[int] = []

    @property
    def current_item_id(self) -> int | None:
        if 0 <= self.cursor_row < len(self.item_ids):
            return self.item_ids[self.cursor_row]
        return None


class EvidencePane(Vertical):
    DEFAULT_CSS = """
    EvidencePane { height: auto; }
    EvidencePane > #evidence-summary { padding: 0 1; }
    EvidencePane > #evidence-files { padding: 0 1; height: auto; }
    """

    def compose(self):
        yield Static(id="evidence-summary")
        yield EvidenceTable(id="evidence-table")
        yield Static(id="evidence-files")

    @property
    def table(self) -> EvidenceTable:
        return self.query_one(EvidenceTable)

    def show_case(self, case: Case | None, msgs: Messages) -> None:
        table = self.table
        keep = table.cursor_row
        table.clear()
        if not table.columns:
            for key in ("kind", "need", "state", "files", "note"):
                table.add_column(msgs(f"evidence.{key}"), key=key)
        table.item_ids = []
        summary = self.query_one("#evidence-summary", Static)
        if case is None:
            summary.update("")
            self.query_one("#evidence-files", Static).update("")
            return
        checklist = evidence_checklist(case.category, case.demand)
        missing = 0
        for item in case.evidence:
            need = "required" if item.kind in checklist.required else "recommended" if item.kind in checklist.recommended else "extra"
            if need == "required" and item.state is EvidenceState.MISSING:
                missing += 1
            table.add_row(
                Text(msgs.enum("evidence_kind", item.kind)),
                Text(msgs(f"evidence.need_{need}"), style="bold" if need == "required" else "dim"),
                Text(msgs.enum("evidence_state", item.state), style=STATE_TONE[item.state]),
                Text(str(len(item.files)) if item.files else ""),
                literal(" ".join(item.note.split())[:60]),
                key=str(item.id),
            )
            table.item_ids.append(item.id)
        if table.item_ids:
            table.move_cursor(row=min(max(keep, 0), len(table.item_ids) - 1))
        text = msgs("evidence.missing_required", count=missing) if missing else msgs("evidence.complete")
        summary.update(Text(text, style="bold red" if missing else "green"))
        self.show_files(case.evidence_item(table.current_item_id) if table.current_item_id else None, msgs)

    def show_files(self, item: EvidenceItem | None, msgs: Messages) -> None:
        files = self.query_one("#evidence-files", Static)
        if item is None or not item.files:
            files.update("")
            return
        lines = [Text(msgs("evidence.files_of", kind=msgs.enum("evidence_kind", item.kind)), style="bold")]
        for f in item.files:
            lines.append(literal(f.path))
            lines.append(Text(f"  {human_size(f.size)} · SHA-256 {f.sha256}", style="dim"))
        files.update(Group(*lines))
