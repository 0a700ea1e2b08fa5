"""User text on screen: shown literally, never parsed as markup, never reaching the terminal as
control codes. The policy itself (which characters, shown how) is store.text.controls.

* ``literal(text)``: a Rich Text for Static, tables, dialogs (one line unless ``keep_newlines``).
* ``literal_content(text)``: the same as Textual Content (command palette hits and other
  Content-only places).
* ``highlight_match(matcher, text)``: a command-palette hit, matched letters marked, never markup
  (Textual's ``Matcher.highlight`` parses its text as markup).
* ``LiteralInput`` and ``LiteralTextArea`` (tui.widgets.literal_fields): editing boxes that show
  every control character of their value visibly.
* ``WeiquanApp.notify`` passes every toast's message and title through ``for_screen`` with markup
  off, so a file name or a case title in a toast is text, whatever it holds.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.fuzzy import Matcher

from store.text.controls import for_screen

# The earlier name of for_screen, kept for code written against it; new code uses store.text.controls
# (for_screen on screens, for_plain_text for CLI lines and files, for_json for JSON).
visible = for_screen


def literal(text: str, style: str = "", *, keep_newlines: bool = False, wrap: bool | None = None) -> Text:
    """A Rich Text that shows ``text`` exactly as typed (markup characters included).

    It wraps at the widget's width if it keeps newlines, or if ``wrap`` says so.
    """
    no_wrap = not (keep_newlines if wrap is None else wrap)
    return Text(for_screen(text, keep_newlines=keep_newlines), style=style, no_wrap=no_wrap)


def literal_content(text: str, style: str = "") -> Content:
    """Textual Content showing ``text`` as typed, on one line."""
    content = Content(for_screen(text))
    return content.stylize(style) if style else content


def highlight_match(matcher: Matcher, text: str) -> Content:
    """``text`` with the letters ``matcher`` matched highlighted, as Matcher.highlight does, but
    never read as markup."""
    shown = for_screen(text)
    content = Content(shown)
    score, offsets = matcher.fuzzy_search.match(matcher.query, shown)
    if score:
        for offset in offsets:
            if not shown[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
