"""Review of a redacted export before it is posted: the text with every masked span highlighted, the
spans listed by kind; show one as written (u), mask more text (m), accept (a).

The screen returns the person's decisions (store.export.redaction.review.Review); the export dialog
renders the document from them, and only an accepted review that covers everything the document
masks makes it "ready to post".
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.export.documents import Export, render_export
from store.export.redaction import MASK, Kind
from store.export.redaction.review import Finding, Review
from tui.bindings import Localized
from tui.text import literal
from tui.typed_app import TypedApp
from tui.widgets.literal_fields import LiteralInput
from tui.widgets.row_table import Cell, RowTable
from tui.widgets.screen_footer import ScreenFooter

LONG_DOCUMENT = 400  # lines: past this, only the lines with something masked or shown are listed
MASKED_STYLE = "bold black on yellow"
SHOWN_STYLE = "bold underline green"


class MaskTextDialog(ModalScreen[str | None]):
    """Asks for text to mask wherever it appears."""

    BINDINGS = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = """
    MaskTextDialog { align: center middle; }
    MaskTextDialog > Vertical {
        width: 80;
        max-width: 100%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    """

    def __init__(self, prompt: str) -> None:
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.prompt))
            yield LiteralInput(id="mask-text", classes="focus-bar")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RedactionReviewScreen(TypedApp, Localized, ModalScreen[Review | None]):
    BINDINGS = [
        Binding("u,space", "toggle_finding", "key.unmask"),
        Binding("m", "mask_more", "key.mask_more"),
        Binding("a", "accept", "key.accept"),
        Binding("escape", "back", "key.review_back"),
    ]
    DEFAULT_CSS = """
    RedactionReviewScreen { align: center middle; }
    RedactionReviewScreen > Vertical {
        width: 100%;
        height: 100%;
        border: thick $warning;
        background: $surface;
    }
    RedactionReviewScreen #review-title { padding: 0 1; text-style: bold; }
    RedactionReviewScreen #review-help { padding: 0 1; color: $text-muted; }
    RedactionReviewScreen #review-spans { height: auto; max-height: 40%; border-bottom: solid $primary; }
    RedactionReviewScreen #review-text { height: 1fr; }
    RedactionReviewScreen #review-doc { padding: 0 1; }
    """

    def __init__(self, case_id: int, fmt: str, review: Review) -> None:
        super().__init__()
        self.case_id, self.fmt, self.review = case_id, fmt, review
        self.result: Export | None = None
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="review-title")
            yield Static(id="review-help")
            yield RowTable(id="review-spans")  # the list on top, the text below: fits 80 columns
            with VerticalScroll(id="review-text", classes="focus-bar"):
                yield Static(id="review-doc")
        yield ScreenFooter()

    def on_mount(self) -> None:
        self.query_one("#review-help", Static).update(Text(self.app.msgs("review.help")))
        self.show()
        self.query_one(RowTable).focus()

    def show(self) -> None:
        """Render the document from the current decisions and show it with its spans."""
        msgs = self.app.msgs
        case = self.app.case_store.get(self.case_id)
        result = self.result = render_export(
            case, self.fmt, msgs, self.app.clock(), calendar=self.app.calendar, redact=True, review=self.review
        )
        order = list(Kind)
        self.findings = sorted(result.findings, key=lambda f: (order.index(f.kind), f.original))
        shown = sum(1 for f in self.findings if f.shown)
        title = msgs(
            "review.title",
            id=case.id,
            format=msgs(f"exportui.format_{self.fmt}"),
            masked=len(self.findings) - shown,
            shown=shown,
        )
        self.query_one("#review-title", Static).update(Text(title))
        self.query_one("#review-doc", Static).update(self.highlighted(result.text))
        rows = [
            [
                Cell(msgs(f"redaction_kind.{f.kind.value}")),
                Cell(f.original),
                Cell(f.masked),
                Cell(str(f.count)),
                Cell(msgs("review.state_shown" if f.shown else "review.state_masked"), "green" if f.shown else ""),
            ]
            for f in self.findings
        ]
        headers = [msgs(f"review.{k}") for k in ("col_kind", "col_text", "col_masked", "col_count", "col_state")]
        self.query_one(RowTable).set_data(headers, rows, list(range(len(rows))), msgs("review.nothing"))

    def highlighted(self, document: str) -> Text:
        """The document as plain text (never markup), masks and the originals shown marked out."""
        shown = [f.original for f in self.findings if f.shown]
        lines = document.split("\n")
        if len(lines) > LONG_DOCUMENT:
            lines = [line for line in lines if MASK in line or any(o in line for o in shown)] or lines[:1]
        text = literal("\n".join(lines), keep_newlines=True)
        text.highlight_regex(f"[^\\s|]*{MASK}[^\\s|]*", MASKED_STYLE)
        if shown:
            text.highlight_words(shown, SHOWN_STYLE)
        return text

    def selected(self) -> Finding | None:
        key = self.query_one(RowTable).current_key
        return self.findings[key] if key is not None and key < len(self.findings) else None

    def action_toggle_finding(self) -> None:  # not action_toggle: that is DOMNode's own
        finding = self.selected()
        if finding is not None:
            self.review = self.review.toggle(finding.original)
            self.show()

    def action_mask_more(self) -> None:
        def chosen(text: str | None) -> None:
            if not text:
                return
            before = self.review
            self.review = self.review.mask_more(text)
            self.show()
            wanted = text.casefold()
            if not any(wanted in f.original.casefold() for f in self.findings):
                self.review = before  # the text is nowhere in the document: nothing to remember
                self.show()
                self.notify(self.app.msgs("review.not_found"), severity="warning")

        self.app.push_screen(MaskTextDialog(self.app.msgs("review.mask_prompt")), chosen)

    def action_accept(self) -> None:
        findings = self.result.findings if self.result is not None else ()
        self.notify(self.app.msgs("review.accepted"))
        self.dismiss(self.review.accept(findings))

    def action_back(self) -> None:
        self.dismiss(None)
