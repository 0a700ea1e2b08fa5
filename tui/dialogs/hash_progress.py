"""Hashing (and copying) a large evidence file in a worker, with a progress bar and Esc to cancel.

Returns the described file, the error that stopped it (in the user's words, for the form to show
beside its field), or None when cancelled. Anything else that stops it is a bug: the app's one
failure handler reports it (ReportsWorkerFailures) and the dialog returns None.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from store.errors import WeiquanError
from store.persistence.evidence_vault import HashCancelled, hash_file
from store.persistence.file_errors import cannot
from store.records.models import EvidenceFile
from tui.text import literal
from tui.typed_app import TypedApp
from tui.workers import HASH_FILE, ReportsWorkerFailures


class HashProgress(TypedApp, ReportsWorkerFailures, ModalScreen[EvidenceFile | WeiquanError | None]):
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
            yield ProgressBar(total=max(1, _size(self.path)), show_eta=False, id="hash-progress")
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
                progress=lambda done, total: self.app.call_from_thread(bar.update, progress=done),
                clock=self.app.clock,
            )
        except HashCancelled:  # Esc: nothing attached, nothing went wrong
            return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.SUCCESS:
            self.dismiss(event.worker.result)
        elif event.state is WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, WeiquanError | OSError):
                # the form says it beside its field: not reported again as a failed job
                event.prevent_default()
                self.dismiss(error if isinstance(error, WeiquanError) else cannot("read", self.path, error))
            else:
                self.dismiss(None)  # a bug: ReportsWorkerFailures tells the user which job stopped

    def action_cancel(self) -> None:
        self._stop.set()


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 1  # the worker reports what is wrong with it
