"""A minimal Textual app with a one-line timer redrawn every second: the peer for call mode's idle cost."""

import time

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class MinimalTimer(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("minimal-timer-ready", id="timer")
        yield Footer()

    def on_mount(self) -> None:
        self.started = time.monotonic()
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        seconds = int(time.monotonic() - self.started)
        self.query_one("#timer", Static).update(f"on the call {seconds // 60}:{seconds % 60:02d}")


if __name__ == "__main__":
    MinimalTimer().run()
