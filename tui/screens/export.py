"""Export preview: pick a format, redact for public posts, then save to a file or copy.

Copying uses OSC 52 (the terminal puts the text on the clipboard, which works over SSH); the raw
text view next to the preview is there for terminals that ignore OSC 52.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ContentSwitcher, Input, Markdown, Static

from store.errors import WeiquanError
from tui.bindings import Localized
from tui.text import literal
from tui.widgets.literal_fields import LiteralInput, LiteralTextArea
from tui.widgets.screen_footer import ScreenFooter


class SavePathDialog(ModalScreen[Path | None]):
    """Asks for a file name and saves there while open: a path that cannot be written (a folder, a
    link, a full disk …) is explained under the field and the dialog stays, with the path typed."""

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

    def __init__(self, prompt: str, default: Path, save: Callable[[Path], None]) -> None:
        super().__init__()
        self.prompt, self.default, self.save = prompt, default, save

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.prompt))
            yield LiteralInput(str(self.default), id="save-path", max_length=4096)
            yield Static(id="save-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        error = self.query_one("#save-error", Static)
        if not raw:
            error.update(Text(self.app.msgs("exportui.bad_path")))
            return
        path = Path(raw).expanduser()
        try:
            self.save(path)
        except WeiquanError as problem:
            error.update(literal(problem.text(self.app.msgs), keep_newlines=True))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportScreen(Localized, ModalScreen[None]):
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
        case = self.app.store.get(self.case_id)
        result = render_export(case, self.fmt, msgs, self.app.clock(), redact=self.redact)
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

        text = self.text

        def save(path: Path) -> None:
            from store.persistence.output_files import write_output

            write_output(path, text.encode("utf-8"))

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.notify(msgs("cli.export_written", path=str(path)))

        self.app.push_screen(SavePathDialog(msgs("exportui.save_prompt"), default, save), chosen)

    def action_close(self) -> None:
        self.dismiss(None)
