"""The Textual application: owns the store, the language and the undo stack; screens do the rest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from textual.app import App

from store.case_store import CaseStore
from store.clock import Clock, china_now
from store.errors import WeiquanError
from store.i18n import Messages
from tui.commands import ActionCommands

T = TypeVar("T")

OUTSIDE_CHANGE_CHECK_SECONDS = 2.0


@dataclass
class UndoEntry:
    label: str
    undo: Callable[[], object]


class WeiquanApp(App[None]):
    """``WeiquanApp(store, lang="zh-CN")``; tests pass a fixed ``clock``."""

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ActionCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        store: CaseStore,
        *,
        lang: str = "en",
        clock: Clock = china_now,
        watch_seconds: float = OUTSIDE_CHANGE_CHECK_SECONDS,
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.lang = lang
        self.msgs = Messages(lang)
        self.undo_stack: list[UndoEntry] = []
        self._watch_seconds = watch_seconds
        self.title = self.msgs("app.title")
        self.sub_title = self.msgs("app.subtitle")

    def on_mount(self) -> None:
        from tui.screens.main import MainScreen

        self.push_screen(MainScreen.localized(self.msgs)())
        if self._watch_seconds > 0:
            self.set_interval(self._watch_seconds, self.check_outside_changes)

    # -- shared services for screens ------------------------------------------------------------
    def attempt(self, operation: Callable[[], T]) -> T | None:
        """Run a store operation; a WeiquanError becomes a notification instead of a crash."""
        try:
            return operation()
        except WeiquanError as error:
            self.show_error(error)
            return None

    def show_error(self, error: WeiquanError) -> None:
        self.notify(error.message, title=self.msgs(f"error.{type(error).__name__}"), severity="error", timeout=8)

    def remember_undo(self, label: str, undo: Callable[[], object]) -> None:
        self.undo_stack.append(UndoEntry(label, undo))
        del self.undo_stack[:-50]

    def check_outside_changes(self) -> None:
        """Poll (one stat call) for another session's writes and refresh the screens if any."""
        changed = self.attempt(self.store.refresh)
        if changed:
            for screen in self.screen_stack:
                reload = getattr(screen, "reload_from_store", None)
                if reload is not None:
                    reload()
            self.notify(self.msgs("app.updated_elsewhere"), timeout=3)

    def switch_language(self) -> None:
        from tui.screens.main import MainScreen

        self.lang = "en" if self.lang.startswith("zh") else "zh-CN"
        self.msgs = Messages(self.lang)
        self.title = self.msgs("app.title")
        self.sub_title = self.msgs("app.subtitle")
        current = getattr(self.screen, "selected_case_id", None)
        self.switch_screen(MainScreen.localized(self.msgs)(select=current))
