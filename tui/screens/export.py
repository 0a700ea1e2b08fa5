"""Export preview: pick a format, redact for public posts, then save to a file or copy.

The export is rendered in a thread and shown as its plain text (what is saved or copied), wrapped
and drawn a screenful at a time (tui/widgets/text_preview.py), so a case of a thousand contacts
shows within a second and every key answers at once. Each (format, redaction) is rendered once
per visit. The 12315 form is shown as a list of its boxes beside the selected box's text: the form
is filled box by box, and ``c`` copies the selected box on its own.

Copying uses OSC 52 (it works over SSH) and only below a limit (tui/clipboard.py); above it the
screen says so and offers to save the file or copy a smaller part.

Save and copy use ``self.export``, the export on screen. ``p`` opens the review of the redacted
version (tui/screens/redaction_review.py); its decisions (``self.review``) render the redacted
exports again, and only a reviewed one is said to be ready to post.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import ContentSwitcher, Input, OptionList, Static
from textual.widgets.option_list import Option

from store.calendar.workdays import WorkCalendar
from store.errors import WeiquanError
from store.export.complaint_form import FormBox
from store.export.documents import Export
from store.export.phrasing import Phrasing
from store.export.redaction.review import Review
from store.records.models import Case
from tui.bindings import Localized
from tui.clipboard import CopyOutcome, copy_within_limit
from tui.text import literal
from tui.typed_app import TypedApp
from tui.widgets.literal_fields import LiteralInput
from tui.widgets.screen_footer import ScreenFooter
from tui.widgets.text_preview import TextPreview
from tui.workers import RENDER_EXPORT, ReportsWorkerFailures


class SavePathDialog(TypedApp, ModalScreen[Path | None]):
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
            yield LiteralInput(str(self.default), id="save-path", max_length=4096, classes="focus-bar")
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


def render_in_thread(
    case: Case, fmt: str, lang: str, now: dt.datetime, calendar: WorkCalendar, redact: bool, review: Review
) -> Export:
    from store.export.documents import render_export
    from store.rules.messages import Messages

    return render_export(case, fmt, Messages(lang), now, calendar=calendar, redact=redact, review=review)


class ExportScreen(TypedApp, ReportsWorkerFailures, Localized, ModalScreen[None]):
    BINDINGS = [
        Binding("1", "format('timeline')", "key.export_timeline"),
        Binding("2", "format('dossier')", "key.export_dossier"),
        Binding("3", "format('complaint')", "key.export_complaint"),
        Binding("4", "format('form')", "key.export_form"),
        Binding("r", "toggle_redact", "key.redact"),
        Binding("p", "review", "key.review"),
        Binding("s", "save", "key.save_file"),
        Binding("c", "copy", "key.copy"),
        Binding("escape,q", "close", "key.close"),
    ]
    # What a narrow footer keeps (see ScreenFooter): the way out, then copy and save, the formats;
    # the redacted view's status line names p itself.
    FOOTER_RANK = (
        "close",
        "copy",
        "save",
        "format('timeline')",
        "format('dossier')",
        "format('complaint')",
        "format('form')",
        "toggle_redact",
        "review",
    )
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
    ExportScreen #export-boxes { width: 34; max-width: 40%; height: 1fr; }
    ExportScreen #box-text { width: 1fr; height: 1fr; }
    """

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.fmt = "timeline"
        self.redact = False
        self.review = Review()  # the person's decisions on what the redacted version masks
        self.export: Export | None = None  # the export on screen (None while it is being rendered)
        self._cache: dict[tuple[str, bool], Export] = {}

    @property
    def text(self) -> str:
        """The whole export on screen, as it is saved or copied ("" while it is being rendered)."""
        return self.export.text if self.export else ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="export-status")
            yield Static(id="export-warnings")
            # Two previews, so the document keeps its width (and its wrapped rows) when the form is shown
            with ContentSwitcher(initial="export-preview"):
                yield TextPreview(id="export-preview").add_class("focus-bar")
                with Horizontal(id="export-form"):
                    yield OptionList(id="export-boxes", classes="focus-bar")
                    yield TextPreview(id="box-text").add_class("focus-bar")
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.app.cases_changed.subscribe(self, lambda _: self.reload_from_store())
        self.show_current()

    def reload_from_store(self) -> None:
        """Another session changed the database: render again from the case as it is now."""
        self._cache.clear()
        self.show_current()

    # -- rendering ----------------------------------------------------------------------------
    def show_current(self) -> None:
        key = (self.fmt, self.redact)
        self.query_one(ContentSwitcher).current = "export-form" if self.fmt == "form" else "export-preview"
        if self.fmt != "form":
            self.query_one("#export-preview", TextPreview).focus()
        done = self._cache.get(key)
        if done is not None:
            self._show(done)
            return
        self.export = None
        self._status()
        case = self.app.case_store.get(self.case_id)  # read here: the store is only used on this thread
        self._render_export(key, case, self.app.lang, self.app.clock(), self.app.calendar, self.review)

    @work(thread=True, exclusive=True, group="export-render", exit_on_error=False, name=RENDER_EXPORT)
    def _render_export(
        self, key: tuple[str, bool], case: Case, lang: str, now: dt.datetime, calendar: WorkCalendar, review: Review
    ) -> None:
        export = render_in_thread(case, key[0], lang, now, calendar, key[1], review)
        self.app.call_from_thread(self._export_ready, key, export)

    def _export_ready(self, key: tuple[str, bool], export: Export) -> None:
        if not self.is_attached:  # closed while it was rendered
            return
        self._cache[key] = export
        if key == (self.fmt, self.redact):
            self._show(export)

    def _show(self, export: Export) -> None:
        self.export = export
        self._status()
        msgs = self.app.msgs
        warnings = [w.line(msgs) for w in export.warnings]
        self.query_one("#export-warnings", Static).update(literal("\n".join(warnings), keep_newlines=True))
        if self.fmt == "form":
            self._show_boxes(export.boxes)
        else:
            self.query_one("#export-preview", TextPreview).show_text(export.text)

    def _show_boxes(self, boxes: list[FormBox]) -> None:
        msgs = self.app.msgs
        listing = self.query_one("#export-boxes", OptionList)
        listing.clear_options()
        for box in boxes:
            if box.text:
                mark = msgs("exportui.box_length", n=box.length)
            else:
                mark = msgs("exportui.box_missing") if box.required else msgs("exportui.box_empty")
            listing.add_option(Option(literal(box.label + mark, "bold" if box.required else ""), id=box.key))
        listing.highlighted = 0
        listing.focus()
        self._show_box(0)

    @on(OptionList.OptionHighlighted, "#export-boxes")
    def _box_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_box(event.option_index)

    def _show_box(self, index: int) -> None:
        box = self.selected_box(index)
        if box is not None:
            self.query_one("#box-text", TextPreview).show_text(box.text or box.missing)

    def selected_box(self, index: int | None = None) -> FormBox | None:
        if self.export is None or not self.export.boxes:
            return None
        if index is None:
            index = self.query_one("#export-boxes", OptionList).highlighted
        return self.export.boxes[index] if index is not None and 0 <= index < len(self.export.boxes) else None

    def _status(self) -> None:
        msgs = self.app.msgs
        status = msgs(
            "exportui.status",
            format=msgs(f"exportui.format_{self.fmt}"),
            id=self.case_id,
            redact=msgs("exportui.not_redacted")
            if not self.redact
            else msgs("exportui.reviewed" if self.export is not None and self.export.reviewed else "exportui.redacted"),
        )
        if self.export is None:
            status += " · " + msgs("exportui.rendering")
        else:
            size = Phrasing.for_lang(msgs.lang).size(len(self.export.text.encode("utf-8")))
            status += " · " + msgs("exportui.size", lines=self.export.text.count("\n"), size=size)
        self.query_one("#export-status", Static).update(Text(status))

    # -- keys ---------------------------------------------------------------------------------
    def action_format(self, fmt: str) -> None:
        if fmt != self.fmt:
            self.fmt = fmt
            self.show_current()

    def action_toggle_redact(self) -> None:
        self.redact = not self.redact
        self.show_current()

    def action_review(self) -> None:
        """Review the redacted version (switching to it): what was masked, what to show, what more to mask."""
        from tui.screens.redaction_review import RedactionReviewScreen

        def reviewed(review: Review | None) -> None:
            if review is not None and review != self.review:
                self.review = review
                self._cache = {key: done for key, done in self._cache.items() if not key[1]}  # redacted ones again
            self.show_current()

        self.redact = True
        screen = RedactionReviewScreen.localized(self.app.msgs)(self.case_id, self.fmt, self.review)
        self.app.push_screen(screen, reviewed)

    def action_copy(self) -> None:
        msgs = self.app.msgs
        if self.export is None:
            self.notify(msgs("exportui.still_rendering"), markup=False)
            return
        if self.fmt == "form":
            box = self.selected_box()
            if box is None:
                return
            if not box.text:
                self.notify(
                    msgs("exportui.empty_box", label=box.label, note=box.missing), severity="warning", markup=False
                )
                return
            outcome = copy_within_limit(self.app, box.text)
            self._copied(outcome, msgs("exportui.copied_box", label=box.label, size=self._bytes_text(outcome.size)))
        else:
            outcome = copy_within_limit(self.app, self.export.text)
            self._copied(outcome, msgs("exportui.copied", size=self._bytes_text(outcome.size)))

    def _bytes_text(self, size: int) -> str:
        return Phrasing.for_lang(self.app.msgs.lang).size(size)

    def _copied(self, outcome: CopyOutcome, done: str) -> None:
        msgs = self.app.msgs
        limit = outcome.limit
        if limit.unreadable:
            bad = msgs("exportui.bad_limit", value=limit.unreadable, limit=self._bytes_text(limit.bytes))
            self.notify(bad, severity="warning", markup=False)
        if outcome.sent:
            self.notify(done, markup=False)
            return
        smaller = msgs("exportui.smaller_box") if self.fmt == "form" else msgs("exportui.smaller_part")
        timeline = self._cache.get(("timeline", self.redact))
        if self.fmt != "timeline" and self.fmt != "form" and timeline is not None:
            size = len(timeline.text.encode("utf-8"))
            if size <= limit.bytes:
                smaller = msgs("exportui.smaller_timeline", size=self._bytes_text(size)) + smaller
        self.notify(
            msgs(
                "exportui.too_large",
                size=self._bytes_text(outcome.size),
                limit=self._bytes_text(limit.bytes),
                smaller=smaller,
            ),
            severity="warning",
            timeout=12,
            markup=False,
        )

    def action_save(self) -> None:
        msgs = self.app.msgs
        if self.export is None:
            self.notify(msgs("exportui.still_rendering"), markup=False)
            return
        text = self.export.text
        suffix = ".txt" if self.fmt == "form" else ".md"
        default = Path.home() / f"weiquan-case-{self.case_id}-{self.fmt}{'-public' if self.redact else ''}{suffix}"

        def save(path: Path) -> None:
            from store.persistence.output_files import write_output

            write_output(path, text.encode("utf-8"))

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.notify(msgs("cli.export_written", path=str(path)), markup=False)

        self.app.push_screen(SavePathDialog(msgs("exportui.save_prompt"), default, save), chosen)

    def action_close(self) -> None:
        self.dismiss(None)
