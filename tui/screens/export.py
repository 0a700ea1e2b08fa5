"""Export preview: pick a format, redact for public posts, then save to a file or copy.

Copying uses OSC 52 (the terminal puts the text on the clipboard, which works over SSH); the raw
text view next to the preview is there for terminals that ignore OSC 52.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ContentSwitcher, Input, Markdown, Static

from store.errors import InvalidInput
from tui.bindings import Localized
from tui.text import literal
from tui.typed_app import TypedApp
from tui.widgets.literal_fields import LiteralInput, LiteralTextArea
from tui.widgets.screen_footer import ScreenFooter


class SavePathDialog(TypedApp, ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = """
    SavePathDialog { align: center middle; }
    SavePathDialog > Vertical {
        width: 80;
        max-width: 100%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    SavePathDialog #save-error { color: $error; }
    """

    def __init__(self, prompt: str, default: Path) -> None:
        super().__init__()
        self.prompt, self.default = prompt, default

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.prompt))
            yield LiteralInput(str(self.default), id="save-path")
            yield Static(id="save-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        path = Path(raw).expanduser() if raw else None
        if path is None or path.is_dir() or not path.parent.exists():
            self.query_one("#save-error", Static).update(Text(self.app.msgs("exportui.bad_path")))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportScreen(TypedApp, Localized, ModalScreen[None]):
    BINDINGS = [
        Binding("1", "format('timeline')", "key.export_timeline"),
        Binding("2", "format('dossier')", "key.export_dossier"),
        Binding("3", "format('complaint')", "key.export_complaint"),
        Binding("r", "toggle_redact", "key.redact"),
        Binding("v", "toggle_view", "key.raw_view"),
        Binding("s", "save", "key.save_file"),
        Binding("c", "copy", "key.copy"),
        Binding("escape,q", "close", "key.close"),
    ]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 100%;
        height: 100%;
        border: thick $accent;
        background: $surface;
    }
    ExportScreen #export-status { padding: 0 1; text-style: bold; }
    ExportScreen #export-warnings { padding: 0 1; color: $warning; height: auto; max-height: 6; }
    ExportScreen ContentSwitcher { height: 1fr; }
    ExportScreen #export-preview { height: 1fr; overflow-y: auto; }
    ExportScreen TextArea { height: 1fr; }
    """

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.fmt = "timeline"
        self.redact = False
        self.text = ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="export-status")
            yield Static(id="export-warnings")
            with ContentSwitcher(initial="export-preview"):
                with Vertical(id="export-preview"):
                    yield Markdown(id="export-markdown")
                yield LiteralTextArea(id="export-raw", read_only=True, soft_wrap=True)
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.render_export()

    def render_export(self) -> None:
        from store.export.documents import render_export

        msgs = self.app.msgs
        case = self.app.case_store.get(self.case_id)
        result = render_export(case, self.fmt, msgs, self.app.clock(), calendar=self.app.calendar, redact=self.redact)
        self.text = result.text
        status = msgs(
            "exportui.status",
            format=msgs(f"exportui.format_{self.fmt}"),
            id=case.id,
            redact=msgs("exportui.redacted") if self.redact else msgs("exportui.not_redacted"),
        )
        self.query_one("#export-status", Static).update(Text(status))
        warnings = [
            msgs("cli.wording_warning", word=w.word, suggestion=w.suggestion, why=w.why) for w in result.warnings
        ]
        self.query_one("#export-warnings", Static).update(literal("\n".join(warnings), keep_newlines=True))
        self.query_one(Markdown).update(self.text)
        self.query_one(LiteralTextArea).text = self.text

    def action_format(self, fmt: str) -> None:
        self.fmt = fmt
        self.render_export()

    def action_toggle_redact(self) -> None:
        self.redact = not self.redact
        self.render_export()

    def action_toggle_view(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "export-raw" if switcher.current == "export-preview" else "export-preview"

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.query_one(ContentSwitcher).current = "export-raw"
        self.query_one(LiteralTextArea).focus()
        self.notify(self.app.msgs("exportui.copied"))

    def action_save(self) -> None:
        msgs = self.app.msgs
        default = Path.home() / f"weiquan-case-{self.case_id}-{self.fmt}{'-public' if self.redact else ''}.md"

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            from store.persistence.atomic_files import atomic_write

            try:
                atomic_write(path, self.text.encode("utf-8"))
            except OSError as error:
                self.app.show_error(InvalidInput(f"Cannot write {path}: {error.strerror or error}"))
                return
            self.notify(msgs("cli.export_written", path=str(path)))

        self.app.push_screen(SavePathDialog(msgs("exportui.save_prompt"), default), chosen)

    def action_close(self) -> None:
        self.dismiss(None)
