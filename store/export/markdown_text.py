"""User text in GitHub-Flavored Markdown that every renderer shows exactly as it was typed.

The exports are GFM (CommonMark with tables). markdown-it-py, cmark-gfm and pandoc (``-f gfm``)
read them to the same structure, and the user's text comes out character for character:

* ``inline`` for text in a paragraph, heading or list item: newlines folded into spaces.
* ``cell`` for a GFM table cell: one line, cut at ``CELL_LIMIT`` (the details below have it whole).
* ``text_lines`` for multi-line text (notes, what was said): the user's lines, each escaped and
  ended by a hard line break, blank lines kept, so a numbered list typed in a note stays the
  user's lines and never becomes a Markdown list that renumbers.
* ``code_span`` for file names: nothing escaped inside (escapes do not apply in code spans); a
  name with backticks gets a longer fence, padded as CommonMark says.

Escapes are added only where a character could start Markdown syntax, so the raw file stays
readable: ``*``, ``` ` ```, ``[``, ``]``, ``<``, ``|``, ``~`` and ``\\`` always; ``_`` unless it
sits between two letters or digits (``IMG_2026.jpg`` needs none); ``&`` before an entity name;
``#``, ``>``, ``-``, ``+``, ``=`` and ``1.`` at the start of a line; ``:`` opening an emoji
shortcode (pandoc's gfm reader turns ``:smile:`` into an emoji).

Web and e-mail addresses: a bare address is autolinked differently by each renderer (cmark-gfm
keeps the escapes in the href as ``%5C``, pandoc cuts the link at an escaped ``_``, an e-mail
followed by Chinese swallows the Chinese), so addresses with a scheme and e-mail addresses are
written as angle-bracket autolinks (``<https://…>``, ``<name@host>``): all three link them the
same way, ``_`` and ``&`` intact, and the text after them stays outside the link. ``www.``
addresses, which have no such form without changing the text, are kept from linking anywhere
(``www\\.``).

Control characters are made visible first, as everywhere (store.text.controls: ESC -> ␛, U+009B ->
\x9b, bidi controls -> \u202e), and long cells are cut with store.text.cell_width.clip.
"""

from __future__ import annotations

import re

from store.text.cell_width import clip
from store.text.controls import for_plain_text

CELL_LIMIT = 300  # cells

# Addresses, leftmost first: scheme URLs (and mailto:/xmpp:), e-mail addresses as GFM sees them,
# then the two bare forms some renderer links on its own (www., and //host for markdown-it-py).
URL_LIMIT = 2048  # characters of one address: a bound on the work per address, whatever the text
_URL_CHARS = r"[!#$%&'()*+,\-./0-9:;=?@A-Z\[\]_a-z~]"
# The local part as cmark-gfm reads it back from the @ (so the address starts where it starts there).
_LOCAL = r"[A-Za-z0-9.+_-]"
_NOT_URLS = (
    # e-mail as cmark-gfm reads it (a dot in the domain only before a letter or digit, a leading one too)
    # and the local part as CommonMark (and linkify) allow it
    rf"(?P<email>(?<!{_LOCAL})(?:{_LOCAL})+@(?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9]))+)"
    r"|(?P<www>www\.)"
    r"|(?P<slashes>//)"
)
_ADDRESS = re.compile(
    rf"(?P<url>(?:(?:https?|ftp)://(?=[A-Za-z0-9\[])|(?:mailto|xmpp):(?={_LOCAL}*@)){_URL_CHARS}{{1,{URL_LIMIT}}})|{_NOT_URLS}",
    re.IGNORECASE,
)
_INNER_ADDRESS = re.compile(_NOT_URLS, re.IGNORECASE)  # inside an address that is not linked
_LINK_BREAKERS = re.compile(r"(?P<www>www\.)|(?P<slashes>//)", re.IGNORECASE)  # inside a link's text
_TRAILING = "?!.,:;*_~'\""
# markdown-it-py shows an autolink's text decoded (%E4%B8%AD as 中, xn-- as the Unicode name):
# such addresses get an explicit link, whose text every renderer shows as written.
_NO_LOCAL_PART = re.compile(r"(?:mailto|xmpp):@", re.IGNORECASE)
# mailto: and xmpp: end where their address ends, as in cmark-gfm (a ?query may follow)
_MAILTO = re.compile(
    rf"(?:mailto|xmpp):{_LOCAL}*@(?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9]))+(?:\?{_URL_CHARS}*)?", re.IGNORECASE
)
_DECODED_FOR_SHOW = re.compile(r"%[0-9A-Fa-f]{2}|xn--", re.IGNORECASE)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_COMMONMARK_EMAIL = re.compile(_LOCAL + "+@" + _LABEL + r"(?:\." + _LABEL + ")+")
_ALWAYS = set("\\`*[]<|~")
_MAYBE = re.compile(r"[\\`*\[\]<|~_#&:]")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+(?:;|$))")  # at the end, the next piece may start with ;
# pandoc's gfm reader turns :name: into an emoji when it knows the name; names have a letter, but
# for :100:, :1234:, :+1: and :-1: (so a time such as 14:00: is left alone)
_EMOJI = re.compile(r":(?=[A-Za-z0-9_+-]*[A-Za-z][A-Za-z0-9_+-]*:|(?:100|1234|\+1|-1):)")
_LINE_START = re.compile(r"^((?:\s|\u00a0)*)([+\-=>#]|\d{1,9}[.)])")


def _escape_plain(text: str) -> str:
    """Backslashes before the characters that could start Markdown syntax here (see the module doc)."""
    if not _MAYBE.search(text):
        return text  # most text: nothing to look at closely
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch in _ALWAYS:
            out.append("\\" + ch)
        elif ch == "_":
            inert = 0 < i < last and text[i - 1].isalnum() and text[i + 1].isalnum()
            out.append(ch if inert else "\\_")
        elif ch == "#" and (i == 0 or text[i - 1].isspace()):
            out.append("\\#")
        else:
            out.append(ch)
    escaped = "".join(out)
    if "&" in escaped:
        escaped = _ENTITY.sub(r"\\&", escaped)
    if ":" in escaped:
        escaped = _EMOJI.sub(r"\\:", escaped)
    return escaped


def _url_end(url: str) -> str:
    """The address as GFM ends it: without trailing punctuation or an unbalanced closing bracket."""
    opened = {")": url.count("("), "]": url.count("[")}
    closed = {")": url.count(")"), "]": url.count("]")}
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _TRAILING or (last in closed and opened[last] < closed[last]):
            end -= 1
            if last in closed:
                closed[last] -= 1
        else:
            break
    return url[:end]


def _inert(text: str) -> str:
    """An address as text that no renderer links: its ``//`` and ``www.`` broken up (e-mail
    addresses inside it still linked, as cmark-gfm would link them whatever the escapes)."""
    return _markdown(text, _INNER_ADDRESS)


def _explicit_link(text: str, address: str) -> str:
    """``[text](<address>)``; an address holding an entity name (``&amp;``), which a link's address
    would decode, is left as text no renderer links."""
    if _ENTITY.search(address):
        return _inert(text)
    shown = _markdown(text, _LINK_BREAKERS)  # no link inside a link: e-mail addresses stay text too
    if "://" not in text:  # mailto: and xmpp: have no // to break up
        shown = shown.replace(":", "\\:", 1)
    return f"[{shown}](<{address}>)"


def _address_piece(kind: str | None, found: str) -> tuple[str, str] | None:
    """(the address as GFM ends it, its Markdown), or None when it is not one to link."""
    if kind == "url":
        if found[:1] in "mMxX":  # mailto: or xmpp:
            mailto = _MAILTO.match(found)
            if mailto is None:
                return None
            found = mailto[0]
        found = _url_end(found)
        if found.endswith(("://", ":")):
            return None
        if _ENTITY.search(found):  # decoded in any kind of link: text that nothing links
            return found, _inert(found)
        if _NO_LOCAL_PART.match(found):  # mailto:@host: cmark-gfm links it; markdown-it would drop the @
            return found, _explicit_link(found, found.replace("@", "%40", 1))
        return found, (_explicit_link(found, found) if _DECODED_FOR_SHOW.search(found) else f"<{found}>")
    if kind == "email":
        found = found.rstrip("._-")  # as GFM ends an address (linkify links up to there too)
        if "." not in found.partition("@")[2]:
            return None
        # GFM links some addresses CommonMark's <…> cannot hold: an explicit link then, the same everywhere
        plain = _COMMONMARK_EMAIL.fullmatch(found) and not _DECODED_FOR_SHOW.search(found)
        return found, (f"<{found}>" if plain else _explicit_link(found, f"mailto:{found}"))
    return found, (found[:3] + "\\." if kind == "www" else "/\\/")


def _markdown(text: str, addresses: re.Pattern[str] = _ADDRESS) -> str:
    """One line of user text as Markdown: addresses linked (or kept from linking), the rest escaped."""
    out: list[str] = []
    done = pos = 0
    fresh = False  # the text from ``pos`` on is read as if it began there (see below)
    while True:
        if fresh:  # a new start right after letters: the e-mail pattern's look-behind must not see them
            match = addresses.search(text[pos:])
            base = pos
        else:
            match = addresses.search(text, pos)
            base = 0
        if match is None:
            break
        start = base + match.start()
        piece = _address_piece(match.lastgroup, match[0])
        if piece is None:  # not an address after all: read on from its second character
            pos, fresh = start + 1, False
            continue
        found, markdown = piece
        before = _escape_plain(text[done:start])
        if markdown.startswith("[") and before.endswith("!"):
            before = before[:-1] + "\\!"  # ![…](…) would be an image
        out += [before, markdown]
        done = pos = start + len(found)
        # what GFM left out of an address (a trailing _ or .) is read again on its own
        fresh = len(found) < len(match[0])
    out.append(_escape_plain(text[done:]))
    return "".join(out)


def _neutralise_line_start(line: str) -> str:
    """'- x', '+ x', '1. x', '> x', '# x' at the start of a line would be structure: escape the marker."""
    match = _LINE_START.match(line)
    if not match:
        return line
    marker = match[2]
    escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
    return match[1] + escaped + line[match.end() :]


def _fold(text: str) -> str:
    return " ".join(for_plain_text(text).split())


def inline(text: str) -> str:
    """Text for a paragraph, heading or list item, on one line."""
    return _neutralise_line_start(_markdown(_fold(text)))


def cell(text: str, limit: int = CELL_LIMIT) -> str:
    """Text for a table cell: one line, cut at ``limit`` cells."""
    flat = clip(_fold(text), limit)
    return _markdown(flat) if flat else " "


def text_lines(text: str) -> list[str]:
    """The user's lines, each escaped; all but the last end in a hard line break (a backslash).

    Blank lines inside the text are kept as lines holding a no-break space (a blank line would end
    the paragraph, and renderers merge runs of them); leading spaces are no-break spaces too, so
    an indent shows but never turns into a code block (written ``&#160;`` on the first line, which
    markdown-it-py would otherwise trim).
    """
    raw = for_plain_text(text, keep_newlines=True).split("\n")
    lines = [line.rstrip().replace("\t", "    ") for line in raw]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    out = []
    for line in lines:
        stripped = line.lstrip(" ")
        indent = "\u00a0" * (len(line) - len(stripped))
        out.append(_neutralise_line_start(indent + _markdown(stripped)) if stripped else "\u00a0")
    if out and out[0].startswith("\u00a0"):  # markdown-it-py trims a paragraph's first line, no-break spaces too
        first = out[0].lstrip("\u00a0")
        out[0] = "&#160;" * (len(out[0]) - len(first)) + first
    return [line + "\\" for line in out[:-1]] + out[-1:]


def code_span(text: str) -> str:
    """``text`` as a code span shown exactly: a fence longer than any run of backticks inside it."""
    name = for_plain_text(text)
    if not name:
        return ""
    runs = [len(run) for run in re.findall(r"`+", name)]
    fence = "`" * (max(runs, default=0) + 1)
    # CommonMark strips one space from each end when both ends are spaces, and a backtick at
    # either end would join the fence: pad with a space then.
    pad = name[0] == "`" or name[-1] == "`" or (name[0] == " " and name[-1] == " " and name.strip(" ") != "")
    return f"{fence} {name} {fence}" if pad else f"{fence}{name}{fence}"


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; headers and cells must already be escaped."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
