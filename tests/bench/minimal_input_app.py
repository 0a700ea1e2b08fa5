"""A minimal Textual app that echoes an input line: the floor for key-to-screen latency."""

from textual.app import App, ComposeResult
from textual.widgets import Input, Static


class EchoInput(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()
        yield Static("echo-ready", id="echo")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(f"echo:{event.value}")


if __name__ == "__main__":
    EchoInput().run()
