"""Background work: every worker is a ``@work(..., exit_on_error=False)`` method of the app or of a
screen that reports failures, and every failure reaches WeiquanApp.worker_failed, which tells the
user in their language (or shows the damaged-file screen). Nothing fails silently and nothing
takes the app down (tests/meta/test_workers.py keeps it so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.worker import Worker, WorkerState

from store.persistence.file_errors import reason
from store.rules.messages import Msg

# Worker names: each has a catalog entry worker.<name> saying what it was doing.
OPEN_DATABASE = "open_database"
READ_GUIDE = "read_guide"
HASH_FILE = "hash_file"
RENDER_EXPORT = "render_export"
WRAP_TEXT = "wrap_text"
READ_CHANGES = "read_changes"
PREPARE_SEARCH = "prepare_search"
WATCH_DATABASE = "watch_database"
RANK_AHEAD = "rank_ahead"
WRITE_INDEX = "write_index"

if TYPE_CHECKING:  # a plain mixin at run time: nothing of Widget's ahead of the class's own bases
    from textual.widget import Widget

    _Node = Widget
else:
    _Node = object


class ReportsWorkerFailures(_Node):
    """Mixin for a screen or widget that runs workers: their failures go to the app's one handler.

    Textual sends a worker's state changes to the node that started it, and only there; this
    handler runs after the node's own (Textual calls the handlers of every class in the MRO).
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        from tui.app import WeiquanApp  # here: tui.app imports this module

        if event.state is WorkerState.ERROR and isinstance(self.app, WeiquanApp):
            self.app.worker_failed(event.worker)


def failure_message(worker: Worker[Any], error: BaseException) -> Msg:
    """What an unexpected failure is called: the job that stopped and, briefly, why."""
    problem: str | Msg
    if isinstance(error, OSError):  # the reason in the user's words, never the system's English
        problem = reason(error)
        if error.filename is not None:
            problem = Msg.of("worker.file_problem", path=str(error.filename), reason=problem)
    else:
        problem = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return Msg.of("worker.failed", task=Msg.of(f"worker.{worker.name}"), problem=problem)
