"""User text made safe for Markdown: whatever was typed, the document's structure never breaks.

* ``cell`` for GFM table cells: one line, pipes and every inline syntax character escaped, very
  long text cut (the detail list below the table has it whole).
* ``inline`` for text inside a paragraph or list item: the same, newlines folded.
* ``block_lines`` for multi-line text quoted as a block: each line escaped, line-start markers
  (#, >, -, +, 1.) neutralised.
Control characters are made visible first, as everywhere (store.text.controls: ESC -> ␛, U+009B ->
\x9b, bidi controls -> \u202e), and long cells are cut with store.text.cell_width.clip.
"""

from __future__ import annotations

import re

from store.text.cell_width import clip
from store.text.controls import for_plain_text

CELL_LIMIT = 300  # cells
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#$])")
_LINE_START = re.compile(r"^(\s*)([+\-=]|\d+[.)])")  # '#', '>' and '*' are escaped everywhere


def _escape(line: str) -> str:
    return _SPECIAL.sub(r"\\\1", line)


def _neutralise_line_start(line: str) -> str:
    """'- x', '+ x', '1. x' at the start of a line would become a list: escape the marker."""
    match = _LINE_START.match(line)
    if not match:
        return line
    marker = match[2]
    escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
    return match[1] + escaped + line[match.end() :]


def inline(text: str) -> str:
    flat = " ".join(for_plain_text(text).split())
    return _neutralise_line_start(_escape(flat))


def cell(text: str, limit: int = CELL_LIMIT) -> str:
    flat = clip(" ".join(for_plain_text(text).split()), limit)
    return _escape(flat) if flat else " "


def block_lines(text: str) -> list[str]:
    """The text's lines, each escaped, for use after a '> ' quote marker."""
    lines = for_plain_text(text, keep_newlines=True).split("\n")
    return [_keep_indent(_neutralise_line_start(_escape(line.rstrip().replace("\t", "    ")))) for line in lines]


def _keep_indent(line: str) -> str:
    """Leading spaces as no-break spaces: the indent shows, but never turns into a code block."""
    stripped = line.lstrip(" ")
    return "\u00a0" * (len(line) - len(stripped)) + stripped


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; headers and cells must already be escaped."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
