"""Every key, generated from the screens' own bindings so it can never drift from them."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.bindings import Localized, key_names
from tui.text import literal
from tui.typed_app import TypedApp
from tui.widgets.screen_footer import ScreenFooter


class HelpScreen(TypedApp, Localized, ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "key.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84;
        max-width: 100%;
        height: 100%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, screen_bindings: list[Any]) -> None:
        super().__init__()
        self.screen_bindings = screen_bindings

    def compose(self) -> ComposeResult:
        from tui.dialogs.form import FormScreen
        from tui.widgets.cursor_lines import CursorLines
        from tui.widgets.form_inputs import FormInput

        msgs = self.app.msgs
        app = self.app

        def keys(*bindings: BindingType | str) -> str:
            return " ".join(key_names(app, bindings))

        def labelled(bindings: list[Any]) -> str:
            return " · ".join(f"{keys(b)} {msgs(b.description)}" for b in bindings if b.description)

        with VerticalScroll(classes="focus-bar"):
            yield Static(Text(msgs("help.title"), style="bold"))
            yield Static(self._table(msgs("help.main_keys"), self.screen_bindings))
            yield Static(Text(msgs("help.focus_note"), style="italic"))
            extra = [
                (msgs("help.move_keys"), keys(*CursorLines.BINDINGS)),
                (msgs("help.tab_keys"), keys("tab", "shift+tab")),
                (msgs("help.form_keys"), labelled(FormScreen.BINDINGS)),
                (msgs("help.clear_keys"), keys(*FormInput.BINDINGS)),
                (msgs("help.palette_keys"), keys(app.COMMAND_PALETTE_BINDING)),
                (msgs("help.quit_keys"), keys(*(b for b in self.screen_bindings if b.action == "quit"), "ctrl+q")),
            ]
            table = Table.grid(padding=(0, 2))
            for label, names in extra:
                table.add_row(literal(names, "bold"), literal(label))
            yield Static(Text(msgs("help.general"), style="bold"))
            yield Static(table)
            yield Static(Text(msgs("help.marks"), style="bold"))
            yield Static(Text(msgs("help.marks_legend")))
            yield Static(Text(msgs("help.literal_note"), style="italic"))
        yield ScreenFooter()

    def _table(self, title: str, bindings: list[Any]) -> Table:
        """One row per key; a key that does different things by focus (e, d) lists them all."""
        rows: dict[str, list[str]] = {}
        for binding in bindings:
            if binding.description:
                names = " / ".join(key_names(self.app, [binding]))
                if binding.description not in rows.setdefault(names, []):
                    rows[names].append(binding.description)
        table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2))
        for names, descriptions in rows.items():
            if descriptions:
                table.add_row(literal(names, "bold"), literal(" / ".join(descriptions)))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
