"""The database cannot be read: say why, change nothing, offer the newest backup."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from store.cases.case_store import CaseStore
from store.errors import StoreDamaged, WeiquanError
from store.persistence.backup_format import restore_backup
from tui.bindings import Localized
from tui.text import literal
from tui.typed_app import TypedApp
from tui.widgets.screen_footer import ScreenFooter


class DamagedScreen(TypedApp, Localized, Screen[None]):
    """At start-up in place of the cases; while the app runs, over them (see check_outside_changes)."""

    BINDINGS = [
        Binding("r", "restore", "key.restore_backup"),
        Binding("q", "quit", "key.quit"),
        # Esc quits only at start-up: while the app runs, a form below may hold unsaved typing.
        Binding("escape", "quit_at_start", show=False),
    ]
    DEFAULT_CSS = """
    DamagedScreen { align: center middle; }
    DamagedScreen > Vertical { width: 90; max-width: 100%; height: auto; border: thick $error; padding: 1 2; }
    """

    def __init__(self, error: StoreDamaged) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        msgs = self.app.msgs
        with Vertical():
            yield Static(Text(msgs("damaged.title"), style="bold"))
            # What is wrong and that nothing was changed; the command line's own next step (run
            # `weiquan restore`, or "no backup found") is said here as this screen's keys, once.
            what, untouched = self.error.lines(msgs)[:2]
            yield Static(literal(f"{what}\n{untouched}", keep_newlines=True))
            backup = self.error.newest_backup
            hint = msgs("damaged.restore_hint", backup=str(backup)) if backup else msgs("damaged.no_backup_hint")
            yield Static(literal(hint, "bold", wrap=True))
            if self.app.store is not None:  # the app is running on the last good cases
                yield Static(Text(msgs("damaged.fix_while_open")))
        yield ScreenFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore":
            return self.error.newest_backup is not None
        if action == "quit_at_start":
            return self.app.store is None
        return True

    def action_restore(self) -> None:
        backup = self.error.newest_backup
        if backup is None:
            return
        try:
            restore_backup(self.error.path, backup)
            store = CaseStore.open(self.error.path)
        except WeiquanError as problem:
            self.app.show_error(problem)
            return
        self.app.store = store
        self.app.pop_screen()
        self.app.reload_screens()
        self.notify(self.app.msgs("damaged.restored", path=str(backup)))

    def action_quit(self) -> None:
        self.app.exit(return_code=2)

    def action_quit_at_start(self) -> None:
        self.action_quit()
