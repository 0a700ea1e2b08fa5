"""A minimal Textual app (Header, Static, Footer), run for real in a terminal, for comparisons."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("minimal-app-ready")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
