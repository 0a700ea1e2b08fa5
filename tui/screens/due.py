"""Due dashboard: every overdue and upcoming deadline across cases; Enter opens the case."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.bindings import Localized
from tui.typed_app import TypedApp
from tui.widgets.row_table import Cell, RowTable
from tui.widgets.screen_footer import ScreenFooter

WINDOWS = (7, 30, 365)


class DueScreen(TypedApp, Localized, ModalScreen[int | None]):
    """Dismisses with the case id to open, or None."""

    BINDINGS = [
        Binding("enter", "open_case", "key.open_case"),
        Binding("w", "wider", "key.due_window"),
        Binding("escape,q", "close", "key.close"),
    ]
    DEFAULT_CSS = """
    DueScreen { align: center middle; }
    DueScreen > Vertical { width: 100%; height: 100%; border: thick $accent; background: $surface; }
    DueScreen RowTable { height: 1fr; max-height: 100%; }
    DueScreen #due-title { text-style: bold; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.window = WINDOWS[0]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="due-title")
            yield RowTable(id="due-table")
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.app.cases_changed.subscribe(self, lambda _: self.reload_from_store())
        self.reload_from_store()
        self.query_one(RowTable).focus()

    def reload_from_store(self) -> None:
        from store.deadlines.due_report import broken_promises, due_items

        msgs = self.app.msgs
        cases = self.app.case_store.cases()
        due = due_items(cases, self.app.clock(), self.window, msgs, calendar=self.app.calendar)
        items = broken_promises(cases, msgs) + due
        self.query_one("#due-title", Static).update(
            Text(f"{msgs('due.title')} · {msgs('due.within', count=self.window)}")
        )
        rows, keys = [], []
        for item in items:
            tone = "bold red" if item.certainly_overdue else ("yellow" if item.overdue else "")
            tone = "red" if item.kind == "broken" else tone
            flags = item.flag_labels(msgs)
            rows.append(
                [
                    Cell(item.state_label(msgs), tone),
                    Cell(f"{item.when:%Y-%m-%d %H:%M}", tone),
                    Cell(f"#{item.case_id} {item.case_title}"),
                    Cell(item.label + flags, "yellow" if flags else ""),
                    Cell(item.detail, "dim"),
                ]
            )
            keys.append(item.case_id)
        headers = ["", msgs("due.col_when"), msgs("due.col_case"), msgs("due.col_what"), msgs("due.col_detail")]
        self.query_one(RowTable).set_data(headers, rows, keys, msgs("due.empty", count=self.window))

    def action_wider(self) -> None:
        self.window = WINDOWS[(WINDOWS.index(self.window) + 1) % len(WINDOWS)]
        self.reload_from_store()

    def action_open_case(self) -> None:
        self.dismiss(self.query_one(RowTable).current_key)

    def action_close(self) -> None:
        self.dismiss(None)
