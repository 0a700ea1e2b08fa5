"""The Textual application: owns the store, the language and the undo stack; screens do the rest."""

from __future__ import annotations

import asyncio
import gc
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual import work
from textual.app import SystemCommand
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import Worker, WorkerState

from store.calendar.china_time import Clock, china_now
from store.errors import StoreDamaged, WeiquanError
from store.persistence.database_watch import DatabaseWatch

if TYPE_CHECKING:  # the case store loads in the worker that opens the database
    from rich.console import RenderableType

    from store.calendar.workdays import WorkCalendar
    from store.cases.case_index_writer import CaseIndexKeeper
    from store.cases.case_store import CaseStore
    from store.cases.loaded_cases import Changes
    from store.deadlines.case_deadlines import Urgency
    from store.deadlines.urgency_board import UrgencyBoard
    from store.records.models import Case
    from store.rules.guide_structure import Target
    from tui.early_listing import EarlyListing
    from tui.screens.guide import GuideScreen
from store.rules.messages import Messages, Msg
from store.text.controls import for_screen
from tui.commands import ActionCommands
from tui.key_order import OrderedKeys
from tui.text import literal
from tui.textual_compat import build_screen_unseen, tolerate_bytes_that_are_not_utf8
from tui.workers import (
    OPEN_DATABASE,
    PREPARE_SEARCH,
    RANK_AHEAD,
    READ_CHANGES,
    READ_GUIDE,
    WATCH_DATABASE,
    WRITE_INDEX,
    failure_message,
)

T = TypeVar("T")

# One stat call per check; a change found is read in a worker (see poll_outside_changes). Where the
# system can tell, a watch on the database's folder has the app look at once (_database_touched).
OUTSIDE_CHANGE_CHECK_SECONDS = 0.1
# Urgency is counted again for every case when the minute turns (store.deadlines.urgency_board):
# done in a worker just after, so another session's change then waits for its own case only.
RANK_AHEAD_AFTER_MINUTE_SECONDS = 0.05
GUIDE_PREPARE_SECONDS = 0.5  # after the cases are shown: build the guide reader while the user reads
INDEX_CHECK_SECONDS = 1.0  # how soon after a save the case index beside the database is written again


def _settle_long_lived_objects() -> None:
    """Exempt the objects alive now (the loaded cases, Textual's widgets) from garbage collection.

    At 10,000 cases the store holds about 450,000 objects; each full collection walked them all and
    froze the app for about 270 ms, twice in 25 keystrokes. The cases form no reference cycles, so
    when a reload drops them reference counting still frees them; only a frozen cycle that is later
    dropped (the widgets of a main screen replaced by a language switch) stays in memory.
    """
    gc.freeze()


@dataclass
class UndoEntry:
    label: str
    undo: Callable[[], object]


class WeiquanApp(OrderedKeys):
    """``WeiquanApp(store, lang="zh-CN")``; tests pass a fixed ``clock`` and ``calendar``."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = OrderedKeys.COMMANDS | {ActionCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        store: CaseStore | Callable[[], CaseStore],
        *,
        lang: str = "en",
        clock: Clock = china_now,
        calendar: WorkCalendar | None = None,
        watch_seconds: float = OUTSIDE_CHANGE_CHECK_SECONDS,
        early: EarlyListing | None = None,
        keep_index: bool = False,
    ) -> None:
        """``early``: the rows prepared at launch from the case index, listed until the database
        has loaded; ``keep_index``: write the index beside the database after it loads and after each change
        (the real database of a launched app; tests that count on other calendars leave it)."""
        super().__init__()
        # A ready store (tests), or a function that opens one: then the first frame comes first and
        # the database loads in a worker thread, so even 10,000 cases never delay start-up.
        self.store: CaseStore | None = None if callable(store) else store
        self._open_store = store if callable(store) else None
        self.clock = clock
        # The working-day calendar every deadline is counted on: the one given (tests), else the
        # built-in one (made when first needed: in the worker, not before the first frame); a
        # database opened in the background adds the holiday file beside it.
        self._calendar = calendar
        self.early = early
        self._index_keeper: CaseIndexKeeper | None = None
        self._keep_index = keep_index
        self._base_calendar = calendar  # the index counts with it and the holiday file beside the database
        self._indexed_stamp: object = early.database if early is not None else None  # the index there
        self.lang = lang
        self.msgs = Messages(lang)
        self.undo_stack: list[UndoEntry] = []
        self.guides: dict[str, GuideScreen] = {}  # the guide reader, one per language, kept
        self._guide_readying: set[str] = set()  # languages whose reader is being or has been prepared
        self._guide_target: Callable[[], str] = lambda: "overview"  # where the reader is likeliest opened
        self._watch_seconds = watch_seconds
        self._changes_off_thread = False  # another session's change is read in a worker (see poll_outside_changes)
        self._reading_changes = False
        self._look_again = False  # the file was touched while a change was being read
        self._watch: DatabaseWatch | None = None
        # Case urgencies, kept with the Case objects they were computed for: ranked in the worker
        # that opens the database (or reads another session's change), used by the main screen.
        self.urgency_board: UrgencyBoard | None = None
        self._left_calls_offered = False
        self.title = self.msgs("app.title")
        self.sub_title = self.msgs("app.subtitle")
        # What the app tells its screens; each screen subscribes to what it shows.
        self.cases_loaded: Signal[list[tuple[Case, Urgency]]] = Signal(self, "cases-loaded")  # ranked
        self.cases_changed: Signal[None] = Signal(self, "cases-changed")  # another session, a restore
        self.language_changed: Signal[Messages] = Signal(self, "language-changed")
        self.crashed = False  # ended by a failure Textual reports with panic()

    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            from store.calendar.workdays import WorkCalendar

            self._calendar = WorkCalendar()
        return self._calendar

    @calendar.setter
    def calendar(self, calendar: WorkCalendar) -> None:
        self._calendar = calendar

    def get_driver_class(self) -> type[Driver]:
        tolerate_bytes_that_are_not_utf8()  # before the driver starts reading the keyboard
        return super().get_driver_class()

    def panic(self, *renderables: RenderableType) -> None:
        """Textual ends the app this way for a failure in one of its own threads (the keyboard
        reader): the command then exits 1, not 0, so a script or an ssh session sees it failed."""
        self.crashed = True
        super().panic(*renderables)

    @property
    def case_store(self) -> CaseStore:
        """The database, for what exists only once it has loaded (every screen but the main screen
        while the first load runs, and the damaged-file screen at start-up)."""
        if self.store is None:
            raise RuntimeError("the database has not been loaded yet")
        return self.store

    def on_mount(self) -> None:
        from tui.screens.main import MainScreen

        self.push_screen(MainScreen.localized(self.msgs)())
        if self.store is not None:
            self._start_watching()

    def _start_watching(self) -> None:
        if self._watch_seconds > 0:
            self.set_interval(self._watch_seconds, self.poll_outside_changes)
            if self.store is not None and self.store.path is not None:
                self._open_watch(self.store.path)
            self._rank_at_next_minute()
        if self._keep_index:  # the first check comes after the list is drawn, never competing with it
            self.set_interval(INDEX_CHECK_SECONDS, self.keep_case_index)

    def keep_case_index(self) -> None:
        """Write the case index again when the database file is not the one it was made from (a
        save here or elsewhere): in a worker, from the cases as they are now (copied here)."""
        store = self.store
        if store is None:
            return
        stamp, cases, digests = store.index_state()
        if stamp is None or list(stamp) == self._indexed_stamp:
            return
        self._indexed_stamp = list(stamp)
        self._write_case_index(store.path, stamp, dict(cases), dict(digests))

    # A description given: Textual would otherwise describe the call by the repr of its arguments,
    # 10,000 cases here (0.8 s on the UI thread).
    @work(
        thread=True, exclusive=True, group=WRITE_INDEX, exit_on_error=False, name=WRITE_INDEX, description=WRITE_INDEX
    )
    def _write_case_index(
        self, path: Path | None, stamp: tuple[int, int, int], cases: dict[int, Case], digests: dict[int, bytes]
    ) -> None:
        from store.cases.case_index_writer import CaseIndexKeeper

        if path is None:
            return
        if self._index_keeper is None or self._index_keeper.db_path != path:
            self._index_keeper = CaseIndexKeeper(path, self._base_calendar or self.calendar)
        self._index_keeper.write(stamp, cases, digests, self.clock())

    def _rank_at_next_minute(self) -> None:
        now = self.clock()
        self.set_timer(60 - now.second - now.microsecond / 1e6 + RANK_AHEAD_AFTER_MINUTE_SECONDS, self._rank_ahead)

    def _rank_ahead(self) -> None:
        store, board = self.store, self.urgency_board
        if store is not None and board is not None:
            self._rank_in_background(board, store.cases(ordered=False))  # the list taken here, ranked there
        self._rank_at_next_minute()

    @work(thread=True, exit_on_error=False, name=RANK_AHEAD, description=RANK_AHEAD)  # not the cases' repr
    def _rank_in_background(self, board: UrgencyBoard, cases: list[Case]) -> None:
        board.rank(cases, self.clock())

    @work(thread=True, exit_on_error=False, name=WATCH_DATABASE)
    def _open_watch(self, path: Path) -> DatabaseWatch | None:
        return DatabaseWatch.open(path)

    def _watching(self, watch: DatabaseWatch | None) -> None:
        """The watch is set up (None: the system offers none; the polling goes on alone)."""
        if watch is None or not self.is_running:
            if watch is not None:
                watch.close()
            return
        self._watch = watch
        asyncio.get_running_loop().add_reader(watch.fileno(), self._database_touched)

    def _database_touched(self) -> None:
        """The watch has events: look at the file now rather than at the next poll."""
        watch = self._watch
        if watch is None:
            return
        touched = watch.touched()
        if not watch.alive:
            self._stop_watch()
        if touched:
            self.poll_outside_changes()

    def _stop_watch(self) -> None:
        watch, self._watch = self._watch, None
        if watch is not None:
            asyncio.get_running_loop().remove_reader(watch.fileno())
            watch.close()

    def on_unmount(self) -> None:
        self._stop_watch()

    def poll_outside_changes(self) -> None:
        """What the app does every OUTSIDE_CHANGE_CHECK_SECONDS: one stat call; when the file changed,
        a database opened in the background is read and decoded in a worker thread (only the
        changed records are decoded) and taken in here when done, so the UI never waits for it.
        A store given ready (tests) is refreshed here at once, as check_outside_changes does."""
        store = self.store
        if store is None:
            return
        if self._reading_changes:
            self._look_again = True  # once this read is taken in
            return
        if not self._changes_off_thread:
            self.check_outside_changes()
        elif store.outside_changes_waiting():
            self._reading_changes = True
            self._read_outside_changes(store)

    @work(thread=True, exit_on_error=False, name=READ_CHANGES)
    def _read_outside_changes(self, store: CaseStore) -> Changes:
        changes = store.read_changes()
        board = self.urgency_board
        if changes.decoded is not None and board is not None:
            # Rank here what the UI thread will rank once the change is taken in: the board keeps
            # each case's urgency with the very Case object, so there only the sort is left to do
            # (ranking 10,000 cases anew held the UI for about a second).
            board.rank([c for c in changes.decoded.cases.values() if c.deleted_at is None], self.clock())
        return changes

    @work(thread=True, exit_on_error=False, name=PREPARE_SEARCH)
    def _prepare_search(self, store: CaseStore) -> None:
        """Every case's search text, built while the user reads the list: the first key typed into
        the filter does not wait for 10,000 of them."""
        store.prepare_search()

    def start_loading(self) -> None:
        """Once the first frame is drawn: the garbage collector on again (a launched app starts with
        it paused, tui.launch), and the database opened in a worker."""
        gc.enable()
        self.load_store_in_background()

    @work(thread=True, exit_on_error=False, name=OPEN_DATABASE)
    def load_store_in_background(self) -> tuple[CaseStore, WorkCalendar, list[tuple[Case, Urgency]], list[Msg]]:
        """Open and validate the database, read the holiday file beside it and rank the cases, off
        the UI thread. The holiday file comes first: every deadline is counted with it."""
        from store.calendar.holiday_file import calendar_beside
        from store.deadlines.urgency_board import UrgencyBoard

        assert self._open_store is not None
        store = self._open_store()
        if self._base_calendar is None:
            self._base_calendar = self.calendar
        calendar, notices = calendar_beside(store.path, self._base_calendar)
        self.urgency_board = UrgencyBoard(calendar)
        return store, calendar, self.urgency_board.rank(store.cases(ordered=False), self.clock()), notices

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        read_done = event.worker.name == READ_CHANGES and event.state in (WorkerState.SUCCESS, WorkerState.ERROR)
        if read_done:
            self._reading_changes = False
        if event.state is WorkerState.ERROR:
            self.worker_failed(event.worker)
        elif event.state is WorkerState.SUCCESS and event.worker.name == READ_CHANGES:
            from store.cases.loaded_cases import Changes

            assert isinstance(event.worker.result, Changes)
            self._take_outside_changes(event.worker.result)
        elif event.state is WorkerState.SUCCESS and event.worker.name == WATCH_DATABASE:
            assert event.worker.result is None or isinstance(event.worker.result, DatabaseWatch)
            self._watching(event.worker.result)
        elif event.state is WorkerState.SUCCESS and event.worker.name == OPEN_DATABASE:
            assert event.worker.result is not None
            self.store, self.calendar, ranked, notices = event.worker.result
            self.early = None  # listed from the cases themselves from now on
            self.store.take_changes_only_when_asked()  # another session's change: read in a worker
            self._changes_off_thread = True
            self.cases_loaded.publish(ranked)
            self._prepare_search(self.store)
            for notice in notices:
                self.notify(self.msgs(notice), title=self.msgs("holidays.file_title"), severity="warning", timeout=12)
            self._start_watching()
        if read_done and self._look_again:  # the file was touched again while that was read
            self._look_again = False
            self.poll_outside_changes()

    def worker_failed(self, worker: Worker[Any]) -> None:
        """The one place where a failed background job is reported, in the user's language: the
        damaged-file screen for a database that cannot be read, the error's own message for
        anything a user can act on, else which job stopped and why. A database that cannot be
        opened at start-up ends the app with the message (there is nothing to show)."""
        error = worker.error
        if error is None:
            return
        if isinstance(error, StoreDamaged):
            self._show_damage(error)
            return
        if not isinstance(error, WeiquanError):
            self.log.error(worker, "".join(traceback.format_exception(error)))
        if worker.name == OPEN_DATABASE and self.store is None:
            if isinstance(error, WeiquanError):
                line = self.msgs("app.error_line", title=self.msgs(error.title_key), text=error.text(self.msgs))
            else:
                line = f"weiquan: {self.msgs(failure_message(worker, error))}"
            self.exit(return_code=2, message=literal(line, keep_newlines=True))
        elif isinstance(error, WeiquanError):
            self.show_error(error)
        else:
            self.notify(self.msgs(failure_message(worker, error)), severity="error", timeout=12)

    # -- the guide reader -------------------------------------------------------------------------
    def guide_at(self, key: str) -> GuideScreen:
        """The guide reader for the UI language, opened at section ``key`` (see sections.toml)."""
        from store.rules.guide_structure import section

        target = section(key, self.lang)
        guide = self.guides.get(self.lang)
        if guide is None:
            guide = self._new_guide(target)
        else:
            guide.open_at(target)
        return guide

    def cases_shown(self, guide_target: Callable[[], str]) -> None:
        """The main screen has shown its cases for the first time: settle them (see
        _settle_long_lived_objects), get the guide reader ready while the user reads, at the section
        ``guide_target()`` names when it is built, and offer any call a stopped session left unlogged."""
        _settle_long_lived_objects()
        self._guide_target = guide_target
        self._get_guide_ready()
        if not self._left_calls_offered:  # once per run, not again after a language switch
            from tui.actions.call_actions import offer_left_calls

            self._left_calls_offered = True
            offer_left_calls(self)

    def _get_guide_ready(self) -> None:
        """Read the guide and import its reader in a thread at once, then build the reader on the
        UI thread a moment later (prepare_guide), at the section the selected case would open."""
        if self.lang in self._guide_readying:
            return
        self._guide_readying.add(self.lang)
        self._read_guide()
        self.set_timer(GUIDE_PREPARE_SECONDS, self.prepare_guide)

    @work(thread=True, exit_on_error=False, name=READ_GUIDE)
    def _read_guide(self) -> None:
        from store.rules.guide_structure import chapters, headings
        from tui.screens import guide  # noqa: F401  (imported here, off the UI thread)

        for chapter in chapters(self.lang):
            headings(self.lang, chapter)

    def prepare_guide(self) -> None:
        """Build the reader before it is asked for, so the first jump to the guide is as quick as later ones.

        Building it (widgets, styles, the first chapter) takes a few hundred milliseconds; done while
        the user reads the case list, opening it later only shows it. The screen is registered with
        the app the way push_screen does, without being shown.
        """
        from store.rules.guide_structure import section

        if self.lang in self.guides or not self.is_running:
            return
        # At the section the selected case would open, the likeliest first request.
        build_screen_unseen(self, self._new_guide(section(self._guide_target(), self.lang)))
        _settle_long_lived_objects()

    def _new_guide(self, target: Target) -> GuideScreen:
        from tui.screens.guide import GuideScreen

        guide = self.guides[self.lang] = GuideScreen.localized(self.msgs)(self.lang, target)
        self.install_screen(guide, name=f"guide-{self.lang}")  # installed: kept when closed, not destroyed
        return guide

    # -- shared services for screens ------------------------------------------------------------
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast is plain text: its message and title often hold a case title, a file name
        or a path, so markup is never read (``markup`` is ignored) and controls are shown."""
        super().notify(
            for_screen(message, keep_newlines=True),
            title=for_screen(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    # -- Textual's own words, in the UI language (see tui.textual_compat) ------------------------
    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from tui.textual_compat import LocalizedCommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(LocalizedCommandPalette(self.msgs))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """None of Textual's (Theme, Keys … in English): the palette offers every action of the
        screen by its own name, quitting included."""
        return ()

    def action_help_quit(self) -> None:
        """Ctrl+C (Textual answers it with an English notice): how to quit, in the UI language."""
        keys = [key for key, active in self.active_bindings.items() if active.binding.action in ("quit", "app.quit")]
        if keys:
            names = " / ".join(dict.fromkeys(self.get_key_display(self.active_bindings[k].binding) for k in keys))
            self.notify(self.msgs("textual.how_to_quit", keys=names), title=self.msgs("textual.quit_question"))

    def attempt(self, operation: Callable[[], T]) -> T | None:
        """Run a store operation; a WeiquanError becomes a notification instead of a crash."""
        try:
            return operation()
        except WeiquanError as error:
            self.show_error(error)
            return None

    def show_error(self, error: WeiquanError) -> None:
        if isinstance(error, StoreDamaged) and self.store is not None:
            self._show_damage(error)
            return
        self.notify(error.text(self.msgs), title=self.msgs(error.title_key), severity="error", timeout=8)

    def _show_damage(self, error: StoreDamaged) -> None:
        from tui.screens.damaged import DamagedScreen

        if not isinstance(self.screen, DamagedScreen):
            self.push_screen(DamagedScreen.localized(self.msgs)(error))

    def remember_undo(self, label: str, undo: Callable[[], object]) -> None:
        self.undo_stack.append(UndoEntry(label, undo))
        del self.undo_stack[:-50]

    def check_outside_changes(self) -> None:
        """Poll (one stat call) for another session's writes and refresh the screens if any.

        A file damaged while the app runs (say, a hand edit gone wrong) brings up the damaged-file
        screen over the last good cases; once the file reads again, that screen goes by itself.
        """
        if self.store is None:
            return
        self._show_outside_changes(self.attempt(self.store.refresh))

    def _take_outside_changes(self, changes: Changes) -> None:
        """Take in what _read_outside_changes read (the same as check_outside_changes from there)."""
        store = self.store
        if store is not None:
            self._show_outside_changes(self.attempt(lambda: store.take_changes(changes)))

    def _show_outside_changes(self, changed: bool | None) -> None:
        from tui.screens.damaged import DamagedScreen

        if changed is None or self.store is None:  # the error was shown
            return
        recovered = isinstance(self.screen, DamagedScreen) and self.screen.error.path == self.store.path
        if recovered:
            self.pop_screen()
        if changed or recovered:
            self.reload_screens()
            if recovered:
                self.notify(self.msgs("damaged.readable_again"), timeout=6)
            else:
                self.notify(self.msgs("app.updated_elsewhere"), timeout=3)

    def reload_screens(self) -> None:
        """Every screen that shows cases reads them again (after another session's change, a restore).

        The store has read the new cases already: they are settled now, while the screens redraw.
        """
        self.cases_changed.publish(None)
        _settle_long_lived_objects()

    def switch_language(self) -> None:
        """Switch between Chinese and English; the main screen rebuilds itself in the new language."""
        self.lang = "en" if self.lang.startswith("zh") else "zh-CN"
        self.msgs = Messages(self.lang)
        self.title = self.msgs("app.title")
        self.sub_title = self.msgs("app.subtitle")
        self.language_changed.publish(self.msgs)
