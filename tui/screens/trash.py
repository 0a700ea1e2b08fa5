"""Deleted cases: restore one, delete one for good, or empty the trash."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.bindings import Localized
from tui.dialogs.confirm import ConfirmDialog
from tui.text import literal
from tui.typed_app import TypedApp
from tui.widgets.screen_footer import ScreenFooter


class TrashScreen(TypedApp, Localized, ModalScreen[None]):
    BINDINGS = [
        Binding("r", "restore", "key.restore"),
        Binding("x", "purge", "key.purge"),
        Binding("E", "empty", "key.empty_trash"),
        Binding("escape,q", "close", "key.close"),
    ]
    DEFAULT_CSS = """
    TrashScreen { align: center middle; }
    TrashScreen > Vertical { width: 90; max-width: 100%; height: 100%; border: thick $warning; background: $surface; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.app.msgs("trash.title"), style="bold"))
            yield DataTable(cursor_type="row", id="trash-table", classes="focus-bar")
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.app.cases_changed.subscribe(self, lambda _: self.reload_from_store())
        self.reload_from_store()
        self.query_one(DataTable).focus()

    def reload_from_store(self) -> None:
        msgs = self.app.msgs
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column(msgs("cli.col_id"), key="id")
        table.add_column(msgs("trash.deleted_at"), key="deleted")
        table.add_column(msgs("cli.col_title"), key="title")
        for case in self.app.case_store.trash():
            table.add_row(
                Text(str(case.id)), Text(f"{case.deleted_at:%Y-%m-%d %H:%M}"), literal(case.title), key=str(case.id)
            )
        if table.row_count == 0:
            table.add_row(Text(""), Text(""), Text(msgs("trash.empty"), style="italic"), key="none")

    def _current_id(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return int(key) if key and key.isdigit() else None

    def action_restore(self) -> None:
        case_id = self._current_id()
        if case_id is not None and self.app.attempt(lambda: self.app.case_store.restore_case(case_id)) is not None:
            self.notify(self.app.msgs("trash.restored", id=case_id))
        self.reload_from_store()

    def action_purge(self) -> None:
        case_id = self._current_id()
        if case_id is None:
            return
        msgs = self.app.msgs

        def decided(yes: bool | None) -> None:
            if yes:
                self.app.attempt(lambda: self.app.case_store.purge_case(case_id))
            self.reload_from_store()

        self.app.push_screen(
            ConfirmDialog(msgs("trash.confirm_purge", id=case_id), msgs("form.delete"), msgs("form.cancel")), decided
        )

    def action_empty(self) -> None:
        msgs = self.app.msgs

        def decided(yes: bool | None) -> None:
            if yes:
                self.app.attempt(self.app.case_store.empty_trash)
            self.reload_from_store()

        self.app.push_screen(
            ConfirmDialog(msgs("trash.confirm_empty"), msgs("form.delete"), msgs("form.cancel")), decided
        )

    def action_close(self) -> None:
        self.dismiss(None)
