"""Hashing (and copying) a large evidence file in a worker, with a progress bar and Esc to cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from store.persistence.evidence_vault import HashCancelled, hash_file
from store.records.models import EvidenceFile
from tui.text import literal
from tui.typed_app import TypedApp
from tui.workers import HASH_FILE, ReportsWorkerFailures


class HashProgress(TypedApp, ReportsWorkerFailures, ModalScreen[EvidenceFile | None]):
    """Dismisses with the file described, or None (cancelled, or failed: the app says why)."""

    BINDINGS = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = """
    HashProgress { align: center middle; }
    HashProgress > Vertical {
        width: 70;
        max-width: 95%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    """

    def __init__(self, path: Path, vault: Path | None, cancel_hint: str) -> None:
        super().__init__()
        self.path = path
        self.vault = vault
        self.cancel_hint = cancel_hint
        self._stop = threading.Event()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(str(self.path)))
            yield ProgressBar(total=max(1, self.path.stat().st_size), show_eta=False, id="hash-progress")
            yield Static(literal(self.cancel_hint, wrap=True))

    def on_mount(self) -> None:
        self._hash()

    @work(thread=True, exit_on_error=False, name=HASH_FILE)
    def _hash(self) -> EvidenceFile | None:
        bar = self.query_one(ProgressBar)
        try:
            return hash_file(
                self.path,
                vault=self.vault,
                cancelled=self._stop.is_set,
                clock=self.app.clock,
                progress=lambda done, total: self.app.call_from_thread(bar.update, progress=done),
            )
        except HashCancelled:  # Esc: nothing attached, nothing went wrong
            return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.SUCCESS:
            self.dismiss(event.worker.result)
        elif event.state is WorkerState.ERROR:
            self.dismiss(None)  # ReportsWorkerFailures tells the user why

    def action_cancel(self) -> None:
        self._stop.set()
