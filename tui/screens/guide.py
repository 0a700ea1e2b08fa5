"""The guide reader: chapters loaded one at a time, contents, history, links, find.

Anchors use weiquan's own slug rule (store.rules.guide_structure), because Textual's drops Chinese characters.
The contents sidebar is a plain option list of chapters and the current chapter's sections, and
the keys are one line (KeyLine): Textual's tree-based table of contents and its Footer each cost
more than loading a chapter. The document itself is tui.widgets.guide_document (fewer widgets per
list and table).
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.markdown import MarkdownBlock
from textual.widgets.option_list import Option, OptionDoesNotExist

from store.rules.guide_search import GuideHit, find_in_guide
from store.rules.guide_structure import (
    Target,
    chapter_source,
    chapter_title,
    chapters,
    guide_slug,
    headings,
    links,
    resolve_link,
)
from tui.bindings import Localized
from tui.text import literal
from tui.textual_compat import lay_out_unseen
from tui.typed_app import TypedApp
from tui.widgets.guide_document import GuideDocument, GuideViewer
from tui.widgets.key_line import KeyLine
from tui.widgets.literal_fields import LiteralInput
from tui.widgets.static_update import update_static

SCROLL_CHECKS = 10
SCROLL_CHECK_SECONDS = 0.02  # about a frame


class GuideScreen(TypedApp, Localized, Screen[None]):
    AUTO_FOCUS = ""  # the document is focused in on_mount, once: each focus change restyles the page
    BINDINGS = [
        Binding("t,c", "toggle_contents", "key.toc"),
        Binding("l", "links", "key.links"),
        Binding("b,alt+left", "back", "key.back"),
        Binding("F,alt+right", "forward", "key.forward"),
        Binding("slash", "find", "key.find", key_display="/"),
        Binding("n", "find_next(1)", "key.find_next"),
        Binding("N", "find_next(-1)", "key.find_previous"),
        Binding("escape,q", "close", "key.close"),
    ]
    DEFAULT_CSS = """
    GuideScreen { align: center middle; }
    GuideScreen > Vertical { width: 100%; height: 1fr; background: $surface; }
    GuideScreen #guide-title { text-style: bold; background: $primary 40%; padding: 0 1; }
    GuideScreen #guide-contents { width: 32; display: none; }
    GuideScreen #guide-contents.-shown { display: block; }
    GuideScreen GuideViewer { width: 1fr; }
    GuideScreen #guide-find { display: none; }
    GuideScreen #guide-find.-shown { display: block; }
    GuideScreen #guide-hits { display: none; height: auto; max-height: 6; }
    GuideScreen #guide-hits.-shown { display: block; }
    GuideScreen #guide-status { height: 1; padding: 0 1; color: $text-muted; }
    GuideScreen .-find-hit { background: $warning 40%; }
    """

    def __init__(self, lang: str, start: Target) -> None:
        super().__init__()
        self.lang = lang
        self.history: list[Target] = []
        self.position = -1
        self.start = start
        self.hits: list[GuideHit] = []
        self.hit_index = -1
        self._marked: MarkdownBlock | None = None
        self.built = False  # composed and its first chapter loaded
        self._pending_anchor: str | None = None  # where to scroll once shown and laid out
        self._loaded_chapter: str | None = None

    def compose(self) -> ComposeResult:
        # Title and contents are filled here, not after mounting: every later change is a re-layout.
        with Vertical():
            yield Static(Text(chapter_title(self.lang, self.start.chapter)), id="guide-title")
            with Horizontal():
                yield OptionList(
                    *self._contents_options(self.start.chapter),
                    id="guide-contents",
                    classes="focus-bar -shown" if self.app.size.width >= 100 else "focus-bar",
                )
                yield GuideViewer()
            yield LiteralInput(
                placeholder=self.app.msgs("guide.find_placeholder"), id="guide-find", classes="focus-bar"
            )
            yield OptionList(id="guide-hits", classes="focus-bar")
            yield Static(id="guide-status")
        yield KeyLine(type(self).BINDINGS)
        self._contents_chapter = self.start.chapter

    async def on_mount(self) -> None:
        self._focus_document()
        await self.go(self.start)
        if self.live() and self.app.screen is not self:
            # Built ahead of time (WeiquanApp.prepare_guide): lay it out as well, so that when it
            # is shown it can scroll to its section before the first frame is drawn.
            lay_out_unseen(self, self.app.size)
        self.built = True

    def _focus_document(self) -> None:
        # Without scrolling it into view: for a document taller than the screen that means
        # scrolling to its top, away from the section or the match being shown.
        if self.live():
            self.query_one(GuideViewer).document.focus(scroll_visible=False)

    def open_at(self, target: Target) -> None:
        """Reopen the (kept or prepared) reader at another section."""
        if not self.history:  # still being built: start there instead
            self.start = target
        elif target != self.current:
            self.call_later(self.go, target)

    def live(self) -> bool:
        """False once the app is closing: it may quit while this reader is still being built (a
        method, not a property: it changes across an ``await``)."""
        return self.is_attached and self.app.is_running

    @property
    def current(self) -> Target | None:
        return self.history[self.position] if 0 <= self.position < len(self.history) else None

    # -- navigation -----------------------------------------------------------------------------
    async def go(self, target: Target, *, record: bool = True, keep_find: bool = False) -> None:
        if not self.live():
            return
        if record:
            del self.history[self.position + 1 :]
            self.history.append(target)
            self.position = len(self.history) - 1
        if target.chapter != self._loaded_chapter:
            self._loaded_chapter = target.chapter
            await self.query_one(GuideViewer).document.update(chapter_source(self.lang, target.chapter))
            if not self.live():
                return
        if target.chapter != self._contents_chapter:
            self._contents_chapter = target.chapter
            update_static(self.query_one("#guide-title", Static), Text(chapter_title(self.lang, target.chapter)))
            self._show_contents(target.chapter)
        self._mark_in_contents(target)
        if not keep_find:
            self._clear_find()
        self._pending_anchor = target.anchor
        self.call_after_refresh(self._scroll_to_pending_anchor)

    def on_screen_resume(self) -> None:
        # A reader built or moved while hidden scrolls once it is shown: before its first frame if
        # it was laid out while hidden, else straight after Screen's own resume lays it out.
        self._scroll_to_pending_anchor()
        self.call_next(self._scroll_to_pending_anchor)

    def _scroll_to_pending_anchor(self, tries: int = SCROLL_CHECKS) -> None:
        """Scroll to the heading the last ``go`` asked for once this screen is shown and laid out,
        and look again a frame later (a layout still settling can undo the scroll)."""
        anchor = self._pending_anchor
        if anchor is None or not self.live() or self.app.screen is not self:
            return
        viewer = self.query_one(GuideViewer)
        block = self.heading_block(anchor) if anchor else None
        if block is None:
            self._pending_anchor = None
            viewer.scroll_home(animate=False)
            return
        if not block.size.height:  # not laid out yet: look again in a frame's time
            if tries:
                self.set_timer(SCROLL_CHECK_SECONDS, partial(self._scroll_to_pending_anchor, tries - 1))
            return
        if self._on_top(block, viewer) or not tries:
            self._pending_anchor = None
            return
        before = viewer.scroll_y
        viewer.scroll_to_widget(block, top=True, animate=False, immediate=True)
        if viewer.scroll_y != before:  # check on the next frame
            self.call_after_refresh(self._scroll_to_pending_anchor, tries - 1)
        else:  # Textual's idea of where the heading is has not caught up yet: a frame later
            self.set_timer(SCROLL_CHECK_SECONDS, partial(self._scroll_to_pending_anchor, tries - 1))

    @staticmethod
    def _on_top(block: MarkdownBlock, viewer: GuideViewer) -> bool:
        """The heading is the first thing in view (or as near as the end of the chapter allows)."""
        if not block.region.area or not viewer.region.contains_region(block.region):
            return False
        at_top = block.region.y - viewer.region.y <= block.styles.margin.top
        return at_top or (viewer.max_scroll_y > 0 and viewer.scroll_y >= viewer.max_scroll_y)

    def heading_block(self, anchor: str) -> MarkdownBlock | None:
        document = self.query_one(GuideViewer).document
        for _, label, block_id in document.table_of_contents:
            if block_id and guide_slug(label) == anchor:
                return document.query_one(f"#{block_id}", MarkdownBlock)
        return None

    @on(GuideDocument.Follow)
    async def _link(self, event: GuideDocument.Follow) -> None:
        event.stop()
        await self.follow(event.href)

    def _contents_options(self, current: str) -> list[Option]:
        """Every chapter, with the current chapter's sections listed under it."""
        options = []
        for chapter in chapters(self.lang):
            options.append(
                Option(Text(chapter_title(self.lang, chapter), style="bold" if chapter == current else ""), id=chapter)
            )
            if chapter == current:
                options += [
                    Option(Text("  " + h.text), id=f"{chapter}#{h.slug}")
                    for h in headings(self.lang, chapter)
                    if h.level == 2
                ]
        return options

    def _mark_in_contents(self, target: Target) -> None:
        """Highlight where the reader is: the section if the contents list it, else the chapter."""
        contents = self.query_one("#guide-contents", OptionList)
        for option_id in (f"{target.chapter}#{target.anchor}", target.chapter):
            try:
                contents.highlighted = contents.get_option_index(option_id)
                return
            except OptionDoesNotExist:
                continue

    def _show_contents(self, current: str) -> None:
        contents = self.query_one("#guide-contents", OptionList)
        contents.clear_options()
        contents.add_options(self._contents_options(current))

    @on(OptionList.OptionSelected, "#guide-contents")
    async def _contents_chosen(self, event: OptionList.OptionSelected) -> None:
        chapter, _, anchor = str(event.option.id).partition("#")
        await self.go(Target(chapter, anchor))
        if self.app.size.width < 100:
            self.query_one("#guide-contents").remove_class("-shown")
            self._focus_document()

    def action_links(self) -> None:
        """Keyboard way to follow a link: pick one of the chapter's links from a list."""
        from tui.dialogs.confirm import ChoiceDialog

        current = self.current
        if current is None:
            return
        found = links(self.lang, current.chapter)
        if not found:
            self.notify(self.app.msgs("guide.no_links"))
            return

        async def chosen(index: str | None) -> None:
            if index is not None:
                await self.follow(found[int(index)][1])

        choices = [(str(i), text) for i, (text, _) in enumerate(found)][:9]
        self.app.push_screen(ChoiceDialog(self.app.msgs("guide.links_title"), choices), chosen)

    async def follow(self, href: str) -> None:
        current = self.current
        target = resolve_link(self.lang, current.chapter if current else "", href)
        if target is None:
            self.notify(self.app.msgs("guide.external_link", href=href), timeout=6)
            return
        await self.go(target)

    async def action_back(self) -> None:
        if self.position > 0:
            self.position -= 1
            await self.go(self.history[self.position], record=False)

    async def action_forward(self) -> None:
        if self.position < len(self.history) - 1:
            self.position += 1
            await self.go(self.history[self.position], record=False)

    def action_toggle_contents(self) -> None:
        contents = self.query_one("#guide-contents", OptionList)
        contents.toggle_class("-shown")
        if contents.has_class("-shown"):
            contents.focus()
        else:
            self._focus_document()

    # -- find across the guide -----------------------------------------------------------------
    def action_find(self) -> None:
        box = self.query_one("#guide-find", Input)
        box.add_class("-shown")
        box.focus()

    @on(Input.Submitted, "#guide-find")
    async def _find_submitted(self, event: Input.Submitted) -> None:
        await self.find(event.value)
        self._focus_document()

    async def find(self, query: str) -> int:
        """Find ``query`` in every chapter: list the hits and go to the first one from here on;
        returns the number of hits."""
        self._clear_find()
        self.hits = find_in_guide(self.lang, query)
        hits_list = self.query_one("#guide-hits", OptionList)
        hits_list.clear_options()
        if not self.hits:
            hits_list.remove_class("-shown")
            self._status(self.app.msgs("guide.no_match", query=query))
            return 0
        hits_list.add_options([Option(self._hit_label(hit), id=str(n)) for n, hit in enumerate(self.hits)])
        hits_list.add_class("-shown")
        here = self.current.chapter if self.current else ""
        order = chapters(self.lang)
        position = order.index(here) if here in order else 0
        first = next((n for n, hit in enumerate(self.hits) if order.index(hit.chapter) >= position), 0)
        await self.show_hit(first)
        return len(self.hits)

    def _hit_label(self, hit: GuideHit) -> Text:
        before, match, after = hit.snippet()
        label = Text(no_wrap=True, overflow="ellipsis")
        label.append(self.app.msgs("guide.hit_place", chapter=chapter_title(self.lang, hit.chapter), line=hit.line + 1))
        label.append("  " + before)
        label.append(match, style="bold reverse")
        label.append(after)
        return label

    async def action_find_next(self, step: int) -> None:
        if self.hits:
            await self.show_hit((self.hit_index + step) % len(self.hits))

    @on(OptionList.OptionSelected, "#guide-hits")
    async def _hit_chosen(self, event: OptionList.OptionSelected) -> None:
        await self.show_hit(int(event.option.id or 0))
        self._focus_document()

    async def show_hit(self, index: int) -> None:
        """Open the hit's chapter if need be, mark the block holding it and scroll it into view."""
        hit = self.hits[index]
        self.hit_index = index
        if self.current is None or self.current.chapter != hit.chapter:
            await self.go(Target(hit.chapter, ""), keep_find=True)
        self._unmark_hit()
        block = self._block_at_line(hit.line)
        if block is not None:
            block.add_class("-find-hit")
            self._marked = block
            self._pending_anchor = None  # the hit, not the chapter's top, is where to be
            self._scroll_to_hit(block)
        self.query_one("#guide-hits", OptionList).highlighted = index
        self._status(
            self.app.msgs(
                "guide.match",
                n=index + 1,
                total=len(self.hits),
                chapter=chapter_title(self.lang, hit.chapter),
                line=hit.line + 1,
            )
        )

    def _block_at_line(self, line: int) -> MarkdownBlock | None:
        """The innermost block of the document whose source holds ``line``."""
        found: MarkdownBlock | None = None
        for block in self.query_one(GuideViewer).document.query(MarkdownBlock):
            start, end = block.source_range
            if start <= line < end and (found is None or end - start <= found.source_range[1] - found.source_range[0]):
                found = block
        return found

    def _scroll_to_hit(self, block: MarkdownBlock, tries: int = SCROLL_CHECKS) -> None:
        """Scroll the hit's block to the top once the chapter is laid out (it may just have loaded)."""
        if not self.live() or block is not self._marked:
            return
        if not block.size.height and tries:
            self.set_timer(SCROLL_CHECK_SECONDS, partial(self._scroll_to_hit, block, tries - 1))
            return
        viewer = self.query_one(GuideViewer)
        viewer.scroll_to_widget(block, top=True, animate=False, immediate=True)
        if tries and not viewer.region.contains_region(block.region):
            self.call_after_refresh(self._scroll_to_hit, block, tries - 1)

    def _unmark_hit(self) -> None:
        if self._marked is not None:
            self._marked.remove_class("-find-hit")
            self._marked = None

    def _clear_find(self) -> None:
        self._unmark_hit()
        self.hits, self.hit_index = [], -1
        hits_list = self.query_one("#guide-hits", OptionList)
        hits_list.clear_options()
        hits_list.remove_class("-shown")
        self._status("")

    def _close_find(self) -> bool:
        """Esc closes the find bar and its hits before it closes the guide; True if it did."""
        box = self.query_one("#guide-find", Input)
        if not (box.has_class("-shown") or self.hits):
            return False
        box.remove_class("-shown")
        self._clear_find()
        self._focus_document()
        return True

    def _status(self, text: str) -> None:
        status = self.query_one("#guide-status", Static)
        if str(status.content) != text:
            status.update(literal(text), layout=False)

    def action_close(self) -> None:
        if not self._close_find():
            self.dismiss(None)
