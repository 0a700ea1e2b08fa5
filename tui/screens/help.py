"""Every key, generated from the screens' own bindings so it can never drift from them."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.bindings import Localized
from tui.widgets.screen_footer import ScreenFooter


def key_label(binding: Any) -> str:
    if binding.key_display:
        return binding.key_display
    return " / ".join(k.replace("question_mark", "?").replace("slash", "/") for k in binding.key.split(","))


class HelpScreen(Localized, ModalScreen[None]):
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
        msgs = self.app.msgs
        with VerticalScroll(classes="focus-bar"):
            yield Static(Text(msgs("help.title"), style="bold"))
            yield Static(self._table(msgs("help.main_keys"), self.screen_bindings))
            yield Static(Text(msgs("help.focus_note"), style="italic"))
            extra = [
                (msgs("help.move_keys"), "↑ ↓ j k, PgUp PgDn, Home End"),
                (msgs("help.tab_keys"), "Tab / Shift+Tab"),
                (msgs("help.form_keys"), "Ctrl+S " + msgs("key.save") + " · Esc " + msgs("key.cancel")),
                (msgs("help.clear_keys"), "Ctrl+U · Ctrl+Z"),
                (msgs("help.palette_keys"), "Ctrl+P"),
                (msgs("help.quit_keys"), "q / Ctrl+Q"),
            ]
            table = Table.grid(padding=(0, 2))
            for label, keys in extra:
                table.add_row(Text(keys, style="bold"), Text(label))
            yield Static(Text(msgs("help.general"), style="bold"))
            yield Static(table)
            yield Static(Text(msgs("help.marks"), style="bold"))
            yield Static(Text(msgs("help.marks_legend")))
            yield Static(Text(msgs("help.literal_note"), style="italic"))
        yield ScreenFooter()

    @staticmethod
    def _table(title: str, bindings: list[Any]) -> Table:
        """One row per key; a key that does different things by focus (e, d) lists them all."""
        rows: dict[str, list[str]] = {}
        for binding in bindings:
            if binding.description and binding.description not in rows.setdefault(key_label(binding), []):
                rows[key_label(binding)].append(binding.description)
        table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2))
        for key, descriptions in rows.items():
            if descriptions:
                table.add_row(Text(key, style="bold"), Text(" / ".join(descriptions)))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
