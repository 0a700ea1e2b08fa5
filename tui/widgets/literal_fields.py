"""Input boxes whose value is shown with every control character visible.

An Input or a TextArea draws its value as it is: a value holding ESC ]52 (typed, pasted, or a case
title being edited) would reach the terminal raw. These show each such character as one visible
character (store.text.controls.for_editing), so the value edited stays exactly what was stored and
the cursor still lines up with it. The text area's version is in literal_text_area (Textual's
TextArea loads only with the forms that have one).
"""

from __future__ import annotations

from typing import Any

from rich.highlighter import Highlighter
from rich.text import Text
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input

from store.text.controls import for_editing


class VisibleControls(Highlighter):
    """A Rich highlighter that replaces each control character by a visible one (same length)."""

    def highlight(self, text: Text) -> None:
        shown = for_editing(text.plain)
        if shown != text.plain:
            text.plain = shown


class LiteralInput(Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("highlighter", VisibleControls())
        super().__init__(*args, **kwargs)


class SteadyInput(LiteralInput):
    """A one-line box of fixed size (the filter) whose keystrokes repaint it without laying out
    the screen: Input widens its virtual size with every character typed, and Textual lays out
    the whole screen for that, though only the box's own horizontal scrolling depends on it."""

    virtual_size = Reactive(Size(0, 0), layout=False)
