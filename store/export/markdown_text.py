"""User text made safe for Markdown: whatever was typed, the document's structure never breaks.

* ``cell`` for GFM table cells: one line, pipes and every inline syntax character escaped, very
  long text cut (the detail list below the table has it whole).
* ``inline`` for text inside a paragraph or list item: the same, newlines folded.
* ``block_lines`` for multi-line text quoted as a block: each line escaped, line-start markers
  (#, >, -, +, 1.) neutralised.
Control characters become visible pictures (ESC -> ␛), as in the app.
"""

from __future__ import annotations

import re

CELL_LIMIT = 300
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#$])")
_LINE_START = re.compile(r"^(\s*)([+\-=]|\d+[.)])")  # '#', '>' and '*' are escaped everywhere


_PICTURES = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"} | {0x7F: 0x2421}
_OTHER_BREAKS = re.compile("[\x80-\x9f\u2028\u2029]")


def _visible_controls(text: str) -> str:
    """C0 controls as their pictures (ESC -> ␛); C1 controls and Unicode line breaks as spaces."""
    return _OTHER_BREAKS.sub(" ", text.translate(_PICTURES))


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
    flat = " ".join(_visible_controls(text).split())
    return _neutralise_line_start(_escape(flat))


def cell(text: str, limit: int = CELL_LIMIT) -> str:
    flat = " ".join(_visible_controls(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return _escape(flat) if flat else " "


def block_lines(text: str) -> list[str]:
    """The text's lines, each escaped, for use after a '> ' quote marker."""
    lines = _visible_controls(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
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
