"""Three independent Markdown renderers, and the structure a reader sees in what they produce.

* markdown-it-py: CommonMark with GFM tables and strikethrough, and linkify for bare addresses as
  GFM's extended autolinks do (``fuzzy_link`` off: GFM links ``www.`` and scheme addresses, not
  every ``name.tld``);
* cmark-gfm (the ``cmarkgfm`` package): GitHub's own, with all its extensions;
* pandoc reading ``-f gfm``, the dialect the exports are written in.

Each renders HTML; ``structure`` reads the HTML into blocks (headings, paragraphs, list items with
their list kind and depth, table rows of cells, block quotes), each with its text (hard line
breaks as "\\n"), its code spans' text and its links (text, address), so the three can be compared.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote

import cmarkgfm
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt

from tests.helpers.system_tools import find_tool


def _markdown_it() -> MarkdownIt:
    md = MarkdownIt("gfm-like")
    md.linkify.set({"fuzzy_link": False})
    return md


_MD = _markdown_it()


def markdown_it_html(text: str) -> str:
    return _MD.render(text)


def cmark_gfm_html(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)


def pandoc_html(text: str) -> str:
    pandoc = find_tool("pandoc")
    assert pandoc is not None
    result = subprocess.run(
        [pandoc, "-f", "gfm", "-t", "html", "--wrap=none"],
        input=text.encode("utf-8"),
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout.decode("utf-8")


@dataclass
class Block:
    kind: str  # h1…h6, p, li:ul/ol@depth, tr, blockquote@depth, hr, pre
    text: str = ""
    code: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)

    def key(self) -> tuple[object, ...]:
        return (self.kind, self.text, tuple(self.code), tuple(self.links), tuple(self.cells))


_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.lists: list[str] = []
        self.quotes = 0
        self.current: Block | None = None
        self.row: Block | None = None
        self.cell: list[str] | None = None
        self.code: list[str] | None = None
        self.link: tuple[str, list[str]] | None = None
        self.tags: list[str] = []

    # -- text ---------------------------------------------------------------------------------
    def _text(self, data: str) -> None:
        for sink in (self.cell, self.code):
            if sink is not None:
                sink.append(data)
        if self.link is not None:
            self.link[1].append(data)
        if self.current is not None and self.cell is None:
            self.current.text += data

    def handle_data(self, data: str) -> None:
        if self.current is None and self.cell is None:
            if not data.strip():
                return
            self._open("p")  # loose text in a list item or quote
        self._text(data)

    # -- tags ---------------------------------------------------------------------------------
    def _open(self, kind: str) -> None:
        self._close()
        if kind == "li":
            kind = f"li:{self.lists[-1] if self.lists else '?'}@{len(self.lists)}"
        elif kind == "p" and self.lists:
            kind = f"li:{self.lists[-1]}@{len(self.lists)}"  # a loose item's paragraph
        if self.quotes:
            kind += f">{self.quotes}"
        self.current = Block(kind)

    def _close(self) -> None:
        if self.current is not None:
            block = self.current
            block.text = _tidy(block.text)
            if block.text or block.code or block.links or not block.kind.startswith("li"):
                self.blocks.append(block)
            self.current = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("ul", "ol"):
            self._close()
            start = values.get("start") or "1"
            self.lists.append("ul" if tag == "ul" else f"ol{start}")
        elif tag == "blockquote":
            self._close()
            self.quotes += 1
        elif tag == "tr":
            self._close()
            self.row = Block("tr")
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "hr":
            self._close()
            self.blocks.append(Block("hr"))
        elif tag == "p" and self.current is not None and self.current.kind.startswith("li"):
            self.current.text += _PARAGRAPH  # a second paragraph in a loose item
        elif tag in _BLOCKS:
            self._open(tag)
        elif tag == "br":
            self._text(_BREAK)
        elif tag == "code":
            self.code = []
        elif tag == "a":
            self.link = (unquote(values.get("href") or ""), [])
        elif tag == "img":
            self._text(f"[img {values.get('src')}]")
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self._close()
            self.lists.pop()
        elif tag == "blockquote":
            self._close()
            self.quotes -= 1
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.cells.append(_tidy("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.blocks.append(self.row)
            self.row = None
        elif tag == "code" and self.code is not None:
            text = "".join(self.code)
            target = self.row if self.row is not None else self.current
            if target is not None:
                target.code.append(text)
            self.code = None
        elif tag == "a" and self.link is not None:
            href, words = self.link
            target = self.row if self.row is not None else self.current
            if target is not None:
                target.links.append((_tidy("".join(words)), href))
            self.link = None
        elif (
            tag in ("h1", "h2", "h3", "h4", "h5", "h6", "pre")
            or (tag == "p" and self.current is not None and not self.current.kind.startswith("li"))
            or tag == "li"
        ):
            self._close()

    def close(self) -> None:
        super().close()
        self._close()


_BREAK, _PARAGRAPH = "\x01", "\x02"
_SPACE = re.compile(r"[ \t\n\r\f]+")


def _tidy(text: str) -> str:
    """HTML's white space: a run of spaces and newlines is one space (a no-break space stays);
    a <br> is a line break and the spaces around it do not show."""
    text = _SPACE.sub(" ", text)
    text = re.sub(f" ?{_BREAK} ?", "\n", text)
    text = re.sub(f" ?{_PARAGRAPH} ?", "\n\n", text)
    return text.strip(" ").strip("\n")


def structure(html: str) -> list[Block]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.blocks
