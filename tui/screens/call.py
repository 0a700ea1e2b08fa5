"""Hotline-call mode: a running timer, the channel's checklist, and single keys that note the agent's
ID, the promise, its deadline, a reference number and what was said while the call goes on.

Everything typed is saved as a draft beside the database (store.persistence.call_drafts) a moment
after each change, so a crash or a dropped connection loses nothing; ending the call logs one
contact with the call's start time and length, and the draft goes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from store.errors import InvalidInput
from store.persistence.call_drafts import CallDraft, DraftFile
from store.persistence.file_errors import reason as file_reason
from store.records.case_input import contact_fields_from_form
from store.records.date_input import format_datetime
from store.records.duration_input import MAX_SECONDS, clock_text, duration_words, parse_duration
from store.records.models import Case, Channel
from store.rules.messages import Messages, Msg
from store.rules.rulebook import call_checklist
from tui.bindings import Localized
from tui.dialogs.contact_form import deadline_hint
from tui.dialogs.form import FormField, input_field, text_field
from tui.text import literal
from tui.typed_app import TypedApp
from tui.widgets.screen_footer import ScreenFooter
from tui.widgets.static_update import update_static

if TYPE_CHECKING:
    from textual.timer import Timer

DRAFT_DELAY = 0.4  # seconds after the last keystroke before the draft is written
TEXT_FIELDS = ("agent_id", "promise", "deadline", "reference_no", "summary", "duration")


class CallScreen(TypedApp, Localized, Screen[int | None]):
    """Dismisses with the case id once the call is logged, None when it is discarded."""

    # All priority bindings: a terminal delivers keys typed quickly in one burst, and Textual hands
    # each key to whatever has the focus when it arrives, before any binding of the screen runs.
    # Priority bindings run at once, so "a8821" puts 8821 in the agent field. The single-letter
    # keys act only while no field has the focus (check_action); in a field they are typed.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "end_call", "key.end_call", priority=True),  # first: a narrow footer still shows it
        Binding("a", "field('agent_id')", "key.call_agent", priority=True),
        Binding("p", "field('promise')", "key.call_promise", priority=True),
        Binding("d", "field('deadline')", "key.call_deadline", priority=True),
        Binding("r", "field('reference_no')", "key.call_ref", priority=True),
        Binding("s", "field('summary')", "key.call_said", priority=True),
        Binding("t", "field('duration')", "key.call_length", priority=True),
        Binding("c", "channel", "key.call_channel", priority=True),
        Binding("ctrl+s", "save_call", show=False, priority=True),  # ends the call from inside a field too
        Binding("escape", "leave", "key.leave_field", show=False, priority=True),
        Binding("enter", "leave_line", show=False, priority=True),  # in the notes box: a new line
        *(Binding(str(n), f"tick({n})", show=False, priority=True) for n in range(1, 10)),
    ]
    SINGLE_KEY_ACTIONS = frozenset({"field", "channel", "end_call", "tick"})
    AUTO_FOCUS = ""  # single keys act at once: no field has the focus until one is asked for (None: the app's "*")
    DEFAULT_CSS = """
    CallScreen #call-heading { text-style: bold; background: $accent; color: $text; padding: 0 1; }
    CallScreen #call-timer { text-style: bold; padding: 0 1; background: $primary 30%; }
    CallScreen #call-body { height: 1fr; }
    CallScreen #call-checklist {
        width: 40%; min-width: 26; max-width: 52; height: 1fr; padding: 0 1; border-right: vkey $primary;
    }
    CallScreen #call-fields { width: 1fr; padding: 0 1; }
    CallScreen #call-hint { color: $text-muted; padding: 0 1; }
    """

    def __init__(self, case: Case, draft: CallDraft, draft_file: DraftFile | None, *, resumed: bool = False) -> None:
        super().__init__()
        self.case_id = case.id
        self.case_title = case.title
        self.order_no = case.order_no
        self.respondent = case.respondent_name
        self.draft = draft
        self.draft_file = draft_file
        self.resumed = resumed
        self.channel = _channel(draft.channel)
        self._save_timer: Timer | None = None
        self._timer_text = ""
        self._save_failed = False
        self._finished = False  # logged or discarded: the draft is gone and must not come back

    @property
    def msgs(self) -> Messages:
        return self.app.msgs

    def now(self) -> dt.datetime:
        return self.app.clock()

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        m, d = self.msgs, self.draft
        heading = Text(m("call.heading", id=self.case_id))
        heading.append_text(literal(self.case_title))
        yield Static(heading, id="call-heading")
        yield Static(id="call-timer")
        with Horizontal(id="call-body"):
            yield CallChecklist(id="call-checklist")
            with VerticalScroll(id="call-fields", can_focus=False):
                yield input_field("agent_id", m("call.agent"), d.agent_id)
                yield input_field("promise", m("call.promise"), d.promise, m("form.promise_placeholder"))
                yield input_field("deadline", m("call.deadline"), d.deadline, m("call.deadline_placeholder"))
                yield input_field("reference_no", m("call.reference"), d.reference_no)
                yield text_field("summary", m("call.summary"), d.summary)
                yield input_field("duration", m("call.duration"), d.duration, m("call.duration_placeholder"))
        yield Static(Text(m("call.keys_hint")), id="call-hint")
        yield ScreenFooter()

    def on_mount(self) -> None:
        self._show_checklist()
        self._preview_deadline()
        self.tick_timer()
        self.set_interval(1.0, self.tick_timer)  # the timer is the only thing redrawn while idle
        self.save_draft()
        if self.resumed:
            self.notify(self.msgs("call.resumed", started=format_datetime(self.draft.started)), timeout=10)

    # -- the timer and the checklist ------------------------------------------------------------
    def elapsed(self) -> int:
        return max(0, int((self.now() - self.draft.started).total_seconds()))

    def tick_timer(self) -> None:
        m = self.msgs
        typed = self._typed_duration()
        key, seconds = ("call.length_set", typed) if typed is not None else ("call.running", self.elapsed())
        text = m(
            key,
            elapsed=clock_text(seconds),
            channel=m.enum("channel", self.channel),
            started=self.draft.started.strftime("%H:%M"),
        )
        if text != self._timer_text:  # unchanged (a typed length): nothing is redrawn
            self._timer_text = text
            update_static(self.query_one("#call-timer", Static), Text(text))

    def _typed_duration(self) -> int | None:
        try:
            return parse_duration(self.value("duration"))
        except InvalidInput:
            return None

    def _show_checklist(self) -> None:
        m = self.msgs
        values = {
            "order": self.order_no or m("call.no_order"),
            "respondent": self.respondent or m("call.no_respondent"),
        }
        items = [template.format_map(values) for template in call_checklist(self.channel, m.lang)]
        self.query_one(CallChecklist).show(m("call.checklist", n=len(items)), items, set(self.draft.checked))

    # -- keys -----------------------------------------------------------------------------------
    def value(self, name: str) -> str:
        return str(self.query_one(f"#field-{name}", FormField).value())

    def action_field(self, name: str) -> None:
        # At once (Widget.focus waits for the next idle moment): the keys typed next go to the field.
        self.set_focus(self.query_one(f"#input-{name}"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Single keys are commands only while no field has the focus; Enter leaves a one-line
        field (in the notes box it starts a new line). False lets the key through to the field."""
        if action in self.SINGLE_KEY_ACTIONS:
            return self.focused is None
        if action == "leave_line":
            return isinstance(self.focused, Input)
        return True

    def action_save_call(self) -> None:
        self.action_end_call()

    def action_leave_line(self) -> None:
        self.set_focus(None)

    def action_leave(self) -> None:
        """Esc or Enter: out of a field back to the single keys; Esc on the bare screen asks to
        discard the call."""
        if self.focused is not None:
            self.set_focus(None)
            return
        from tui.dialogs.confirm import ConfirmDialog

        def decided(discard: bool | None) -> None:
            if discard:
                self._finish()
                self.dismiss(None)

        m = self.msgs
        self.app.push_screen(ConfirmDialog(m("call.discard_question"), m("call.discard"), m("call.keep")), decided)

    def action_tick(self, n: int) -> None:
        if n > len(call_checklist(self.channel, self.msgs.lang)):
            return
        checked = set(self.draft.checked) ^ {n}
        self.draft = msgspec.structs.replace(self.draft, checked=sorted(checked))
        self._show_checklist()
        self._changed()

    def action_channel(self) -> None:
        from store.rules.rulebook import ladder
        from tui.dialogs.confirm import ChoiceDialog

        m = self.msgs
        choices = [(step.channel.value, m.enum("channel", step.channel)) for step in ladder()]

        def chosen(value: str | None) -> None:
            if value:
                self.channel = Channel(value)
                self._show_checklist()
                self.tick_timer()
                self._changed()

        self.app.push_screen(ChoiceDialog(m("call.channel_title"), choices), chosen)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _typed(self) -> None:
        self._preview_deadline()
        self.tick_timer()
        self._changed()

    def _preview_deadline(self) -> None:
        field = self.query_one("#field-deadline", FormField)
        field.show_hint(deadline_hint(self.msgs, self.value("deadline"), self.draft.started, self.app.calendar))

    # -- the draft ------------------------------------------------------------------------------
    def _changed(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(DRAFT_DELAY, self.save_draft)

    def current_draft(self) -> CallDraft:
        typed = {name: self.value(name) for name in TEXT_FIELDS}
        return msgspec.structs.replace(self.draft, channel=self.channel.value, saved=self.now(), **typed)

    def save_draft(self) -> None:
        """Write what has been noted so far (atomically); a failure is said once, the call goes on."""
        self.draft = self.current_draft()
        if self.draft_file is None or self._finished:
            return
        try:
            self.draft_file.save(self.draft)
        except OSError as error:
            if not self._save_failed:
                self._save_failed = True
                reason = self.msgs(file_reason(error))
                self.notify(
                    self.msgs("call.draft_failed", path=self.draft_file.path, reason=reason),
                    severity="warning",
                    timeout=12,
                    markup=False,
                )

    # -- ending the call ------------------------------------------------------------------------
    def action_end_call(self) -> None:
        """Log one contact: the call's start, channel, length and everything noted."""
        for name in TEXT_FIELDS:
            self.query_one(f"#field-{name}", FormField).show_error(None)
        self.save_draft()
        try:
            fields = self._contact_fields()
        except InvalidInput as problem:
            self._show_problem(problem)
            return
        store = self.app.case_store
        if self.app.attempt(lambda: store.add_contact(self.case_id, fields)) is None:
            return  # the error was shown; the draft stays
        self._finish()
        words = self.msgs(duration_words(fields["duration"]))
        self.notify(self.msgs("call.logged", id=self.case_id, duration=words))
        self.dismiss(self.case_id)

    def _finish(self) -> None:
        """The call is logged or thrown away: no more saving, and the draft goes."""
        self._finished = True
        if self._save_timer is not None:
            self._save_timer.stop()
        if self.draft_file is not None:
            self.draft_file.discard()

    def _contact_fields(self) -> dict[str, Any]:
        d = self.draft
        values = {
            "at": format_datetime(d.started),
            "channel": self.channel.value,
            "agent_id": d.agent_id,
            "reference_no": d.reference_no,
            "summary": d.summary,
            "promise": d.promise,
            "deadline": d.deadline,
        }
        duration = parse_duration(d.duration)
        if duration is None:
            duration = self.elapsed()
            if duration > MAX_SECONDS:  # resumed long after: the timer no longer says how long it was
                raise InvalidInput(Msg.of("call.set_length"), "duration")
        fields, _ = contact_fields_from_form(values, self.now(), self.app.calendar)
        return {**fields, "duration": duration}

    def _show_problem(self, problem: InvalidInput) -> None:
        name = (problem.field or "").split(".")[0]
        found = self.query(f"#field-{name}")
        if not found:
            self.app.show_error(problem)
            return
        field = found.first(FormField)
        field.show_error(problem.text(self.msgs))
        field.widget.focus()
        field.scroll_visible(animate=False)


def _channel(value: str) -> Channel:
    try:
        return Channel(value)
    except ValueError:  # a draft written by a version with other channels
        return Channel.OTHER


class CallChecklist(VerticalScroll, can_focus=False):
    """The checklist, one row per item with its tick box in a column of its own, so a long item
    (Chinese has no spaces to wrap at) wraps under its own text, not under the box."""

    DEFAULT_CSS = """
    CallChecklist > .check-title { text-style: bold; }
    CallChecklist > .check-row { height: auto; }
    CallChecklist .check-mark { width: 7; text-style: bold; }
    CallChecklist .check-text { width: 1fr; }
    CallChecklist .-done { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[str] = []

    def show(self, title: str, items: list[str], checked: set[int]) -> None:
        if items != self._items:  # another channel: new rows
            self._items = items
            self.call_later(self._rebuild, title, items, checked)
        else:
            self._mark(checked)

    async def _rebuild(self, title: str, items: list[str], checked: set[int]) -> None:
        await self.remove_children()
        rows: list[Widget] = [Static(Text(title), classes="check-title")]
        for item in items:
            text = Static(literal(item, keep_newlines=True), classes="check-text")
            rows.append(Horizontal(Static(classes="check-mark"), text, classes="check-row"))
        await self.mount_all(rows)
        self._mark(checked)

    def _mark(self, checked: set[int]) -> None:
        for n, row in enumerate(self.query(".check-row"), start=1):
            done = n in checked
            row.query_one(".check-mark", Static).update(Text(f"[{'x' if done else ' '}] {n}."))
            row.set_class(done, "-done")
