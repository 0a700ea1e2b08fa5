"""Base for modal forms: labelled fields, inline errors, Ctrl+S to save, cancel asks if edited.

A form saves while it is still open: ``saver(result, overwrite)`` (set by whoever opens it) runs on
Ctrl+S, and the form closes only once it has succeeded. A full disk, a refused value or another
session's change to the same case is shown in the form, with everything typed still there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from store.errors import ConflictError, InvalidInput, StoreDamaged, WeiquanError
from store.records.date_checks import DateWarning
from store.rules.messages import Messages
from tui.bindings import Localized
from tui.dialogs.confirm import ChoiceDialog, ConfirmDialog
from tui.text import literal
from tui.widgets.form_inputs import FormInput, FormTextArea, PasteAcross
from tui.widgets.marked_button import MarkedButton
from tui.widgets.marked_checkbox import MarkedCheckbox
from tui.widgets.screen_footer import ScreenFooter

ResultT = TypeVar("ResultT")


class FormField(Vertical):
    """A label, one input widget and the place its validation message appears."""

    DEFAULT_CSS = """
    FormField { height: auto; margin-bottom: 0; }
    FormField > .form-label { color: $text-muted; }
    FormField > .form-error { color: $error; text-style: bold; display: none; }
    FormField.-invalid > .form-error { display: block; }
    FormField.-invalid > Input, FormField.-invalid > TextArea { background: $error 30%; }
    FormField > .form-hint { color: $text-muted; text-style: italic; height: auto; }
    FormField > .form-hint.-blank { display: none; }
    FormField > Input, FormField > Select { background: $boost; }
    FormField > Input:focus, FormField > Select:focus, FormField > TextArea:focus { background: $accent 25%; }
    FormField > TextArea { height: 4; background: $boost; }
    """

    def __init__(
        self, name: str, label: str, widget: Widget, hint: str = "", choices: list[tuple[str, str]] | None = None
    ) -> None:
        super().__init__(id=f"field-{name}")
        self.field_name = name
        self.label = label
        self.widget = widget
        self.hint = hint
        self.choices = choices or []  # (value, label) of a Select

    def compose(self) -> ComposeResult:
        yield Static(Text("  " + self.label), classes="form-label")
        yield self.widget
        yield Static(
            literal(self.hint, wrap=True),
            classes="form-hint" + ("" if self.hint else " -blank"),
            id=f"hint-{self.field_name}",
        )
        yield Static(classes="form-error", id=f"error-{self.field_name}")

    def on_descendant_focus(self) -> None:
        # A visible marker, not only a colour: focus must show with NO_COLOR and in 16 colours.
        self.query_one(".form-label", Static).update(Text("▸ " + self.label, style="bold"))

    def on_descendant_blur(self) -> None:
        self.query_one(".form-label", Static).update(Text("  " + self.label))

    def value(self) -> Any:
        widget = self.widget
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Select):
            return widget.value
        if isinstance(widget, Checkbox):
            return widget.value
        raise TypeError(f"unsupported field widget {type(widget).__name__}")

    def show_error(self, message: str | None) -> None:
        """``message`` often quotes what was typed: shown literally."""
        self.set_class(bool(message), "-invalid")
        self.query_one(".form-error", Static).update(literal(message or "", keep_newlines=True))

    def show_hint(self, hint: str) -> None:
        box = self.query_one(".form-hint", Static)
        box.update(literal(hint, wrap=True))
        box.set_class(not hint, "-blank")


class FormScreen(Localized, ModalScreen[ResultT], Generic[ResultT]):
    """Subclasses give ``fields()`` and ``build_result(values)`` (raising InvalidInput with a field)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save"),
        Binding("escape", "cancel", "key.cancel"),
    ]
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form-box {
        width: 90;
        max-width: 100%;
        height: 100%;
        max-height: 100%;
        border: thick $accent;
        background: $surface;
    }
    FormScreen #form-title {
        text-style: bold;
        padding: 0 1;
        background: $accent;
        color: $text;
        width: 100%;
    }
    FormScreen #form-scroll { padding: 0 1; }
    FormScreen #form-general-error { color: $error; text-style: bold; padding: 0 1; }
    FormScreen #form-buttons { height: auto; padding: 0 1; }
    FormScreen #form-buttons Button { margin-right: 2; }
    """

    def __init__(self, msgs: Messages, title: str) -> None:
        super().__init__()
        self.msgs = msgs
        self.form_title = title
        self._initial: dict[str, Any] = {}
        # Saves the result while the form is open; overwrite=True after the user chose to replace
        # another session's change. What it returns is kept in ``outcome``. None: the form only
        # returns its result.
        self.saver: Callable[[ResultT, bool], object] | None = None
        self.outcome: object = None

    def fields(self) -> list[FormField]:
        raise NotImplementedError

    def build_result(self, values: dict[str, Any]) -> ResultT:
        raise NotImplementedError

    AUTO_FOCUS = ".form-first"

    def compose(self) -> ComposeResult:
        fields = self.fields()
        fields[0].widget.add_class("form-first")
        with Vertical(id="form-box"):
            yield Static(literal(self.form_title), id="form-title")
            with VerticalScroll(id="form-scroll", can_focus=False):
                yield from fields
            yield Static(id="form-general-error")
            with Horizontal(id="form-buttons"):
                yield MarkedButton(self.msgs("form.save"), variant="primary", id="form-save", compact=True)
                yield MarkedButton(self.msgs("form.cancel"), id="form-cancel", compact=True)
            yield ScreenFooter()

    def on_mount(self) -> None:
        self._initial = self.values()
        if self.focused is None:  # keys typed very fast may already have moved the focus
            self.query_one(".form-first").focus()

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """Scroll the whole field into view, label first: Textual scrolls only the input, which in
        a short terminal left the label, and so the focus mark, above the top edge."""
        field = next((a for a in widget.ancestors if isinstance(a, FormField)), None) if widget else None
        super().set_focus(widget, scroll_visible=scroll_visible and field is None, from_app_focus=from_app_focus)
        if field is not None and scroll_visible:
            self.call_later(self._show_field, field)

    def _show_field(self, field: FormField) -> None:
        if field.is_attached and not self.can_view_entire(field):
            field.scroll_visible(animate=False, immediate=True)

    def values(self) -> dict[str, Any]:
        return {f.field_name: f.value() for f in self.query(FormField)}

    @property
    def is_dirty(self) -> bool:
        return self.values() != self._initial

    def field(self, name: str) -> FormField:
        return self.query_one(f"#field-{name}", FormField)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_paste_across(self, event: PasteAcross) -> None:
        """Tab-separated parts of a paste, one per field from the one pasted into, as if typed."""
        event.stop()
        fields = list(self.query(FormField))
        start = next((i for i, f in enumerate(fields) if f.widget is event.field), None)
        if start is None:
            return
        parts = event.parts
        targets = fields[start : start + len(parts)]
        if len(parts) > len(targets):  # more parts than fields: the rest stays in the last one
            parts = parts[: len(targets) - 1] + [" ".join(parts[len(targets) - 1 :])]
        for n, (form_field, part) in enumerate(zip(targets, parts)):
            _put(form_field, part, first=n == 0)
        targets[-1].widget.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "form-save":
            self.action_save()
        elif event.button.id == "form-cancel":
            self.action_cancel()

    def date_warnings(self, result: ResultT) -> list[DateWarning]:
        """Dates in ``result`` that look wrong: asked about before saving (subclasses)."""
        return []

    def action_save(self) -> None:
        self.clear_problems()
        try:
            result = self.build_result(self.values())
        except InvalidInput as problem:
            self.show_problem(problem)
            return
        warnings = self.date_warnings(result)
        if not warnings:
            self.save_result(result)
            return
        for warning in warnings:  # shown by their fields too, for when the user goes back to them
            target = self._field_for(warning.field)
            if target is not None:
                target.show_error("⚠ " + self.msgs(warning.msg))

        def decided(save_anyway: bool | None) -> None:
            if save_anyway:
                self.save_result(result)
            else:
                first = self._field_for(warnings[0].field)
                if first is not None:
                    first.widget.focus()
                    first.scroll_visible(animate=False)

        lines = "\n".join("· " + self.msgs(w.msg) for w in warnings)
        self.app.push_screen(
            ConfirmDialog(
                self.msgs("warn.question", warnings=lines), self.msgs("warn.save_anyway"), self.msgs("warn.go_back")
            ),
            decided,
        )

    def save_result(self, result: ResultT, overwrite: bool = False) -> None:
        """Save while the form is open; close it only when that worked."""
        saver = self.saver
        if saver is None:
            self.dismiss(result)
            return
        if self.run_save(lambda: saver(result, overwrite), on_conflict=lambda: self._ask_overwrite(result)):
            self.dismiss(result)

    def run_save(self, operation: Callable[[], object], on_conflict: Callable[[], None] | None = None) -> bool:
        """Run a store operation for this form; True when it worked (its value in ``outcome``).
        Otherwise the reason is shown in the form, which stays open with everything typed."""
        try:
            self.outcome = operation()
        except ConflictError as conflict:
            if on_conflict is None:
                self.show_problem(conflict)
            else:
                on_conflict()
            return False
        except StoreDamaged as damaged:
            self.app.show_error(damaged)  # type: ignore[attr-defined]  # the damaged-file screen, over this form
            return False
        except WeiquanError as problem:
            self.show_problem(problem)
            return False
        return True

    def _ask_overwrite(self, result: ResultT) -> None:
        """Another session changed the record since the form opened: overwrite, keep theirs (close
        the form), or go back to the form (Esc) with the typing kept."""

        def decided(choice: str | None) -> None:
            if choice == "overwrite":
                self.save_result(result, overwrite=True)
            elif choice == "theirs":
                self.dismiss(None)

        choices = [
            ("overwrite", self.msgs("conflict.overwrite")),
            ("theirs", self.msgs("conflict.keep_theirs")),
            ("edit", self.msgs("conflict.keep_editing")),
        ]
        self.app.push_screen(ChoiceDialog(self.msgs("conflict.question"), choices), decided)

    def clear_problems(self) -> None:
        for form_field in self.query(FormField):
            form_field.show_error(None)
        self.query_one("#form-general-error", Static).update("")

    def show_problem(self, problem: WeiquanError) -> None:
        """Show why the form cannot be saved: beside its field when it names one, else under the form."""
        text = problem.text(self.msgs)
        target = self._field_for(getattr(problem, "field", None))
        if target is not None:
            target.show_error(text)
            target.widget.focus()
            target.scroll_visible(animate=False)
        else:
            self.query_one("#form-general-error", Static).update(literal(text, keep_newlines=True))

    def _field_for(self, name: str | None) -> FormField | None:
        if not name:
            return None
        root = name.split(".")[0].split("[")[0]
        aliases = {
            "amount_paid_fen": "amount_paid",
            "compensation_fen": "compensation",
            "recovered_fen": "recovered",
            "loss_fen": "loss",
            "delivery_time": "delivery_date",
        }
        for candidate in (root, aliases.get(root, root)):
            found = self.query(f"#field-{candidate}")
            if found:
                return found.first(FormField)
        return None

    def action_cancel(self) -> None:
        if not self.is_dirty:
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                self.msgs("form.discard_question"), self.msgs("form.discard"), self.msgs("form.keep_editing")
            ),
            decided,
        )


def _put(form_field: FormField, text: str, *, first: bool) -> None:
    """One part of a paste: into the field pasted into at its cursor; into a following field as
    typing after Tab would (a one-line field's text is selected on focus, so it is replaced); a
    choice by its label or value."""
    widget = form_field.widget
    if isinstance(widget, FormInput):
        if not first:
            widget.value = ""
        widget.put_text(" ".join(text.splitlines()))
    elif isinstance(widget, FormTextArea):
        widget.put_text(text)
    elif isinstance(widget, Select):
        wanted = text.strip().casefold()
        for value, label in form_field.choices:
            if wanted in (label.casefold(), value.casefold()):
                widget.value = value


SteadyT = TypeVar("SteadyT", bound=Widget)


def _steady(widget: SteadyT) -> SteadyT:
    """No blinking cursor: on a slow link every blink is a screen update."""
    if isinstance(widget, Input | TextArea):
        widget.cursor_blink = False
    return widget


def select_field(name: str, label: str, options: list[tuple[str, str]], value: str, hint: str = "") -> FormField:
    return FormField(
        name,
        label,
        Select([(lbl, val) for val, lbl in options], value=value, allow_blank=False, id=f"input-{name}", compact=True),
        hint,
        options,
    )


def checkbox_field(name: str, label: str, box_label: str, value: bool, hint: str = "") -> FormField:
    """A yes/no fact the user confirms (space toggles it); ``box_label`` sits beside the box ("yes")."""
    return FormField(name, label, _steady(MarkedCheckbox(box_label, value, id=f"input-{name}", compact=True)), hint)


def input_field(
    name: str, label: str, value: str = "", placeholder: str = "", hint: str = "", *, max_length: int = 200
) -> FormField:
    """A one-line field holding at most ``max_length`` characters (the model's limit for the field:
    typing or pasting more is refused there, and no parser is ever handed a huge line)."""
    widget = FormInput(value=value, placeholder=placeholder, id=f"input-{name}", compact=True, max_length=max_length)
    return FormField(name, label, _steady(widget), hint)


def text_field(name: str, label: str, value: str = "", hint: str = "") -> FormField:
    return FormField(
        name,
        label,
        _steady(FormTextArea(value, id=f"input-{name}", soft_wrap=True, show_line_numbers=False, compact=True)),
        hint,
    )
