"""A minimal Textual app that echoes an input line: the floor for key-to-screen latency.

The cursor does not blink, so the terminal is quiet between keys and the last byte a key causes
can be told apart (as in weiquan's filter box)."""

from textual.app import App, ComposeResult
from textual.widgets import Input, Static


class EchoInput(App[None]):
    def compose(self) -> ComposeResult:
        box = Input()
        box.cursor_blink = False
        yield box
        yield Static("echo-ready", id="echo")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(f"echo:{event.value}")


if __name__ == "__main__":
    EchoInput().run()
