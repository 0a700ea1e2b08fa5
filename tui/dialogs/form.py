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
from store.rules.messages import Messages
from tui.bindings import Localized
from tui.dialogs.confirm import ChoiceDialog, ConfirmDialog
from tui.text import literal
from tui.widgets.literal_fields import LiteralInput, LiteralTextArea
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

    def __init__(self, name: str, label: str, widget: Widget, hint: str = "") -> None:
        super().__init__(id=f"field-{name}")
        self.field_name = name
        self.label = label
        self.widget = widget
        self.hint = hint

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
                yield Button(self.msgs("form.save"), variant="primary", id="form-save", compact=True)
                yield Button(self.msgs("form.cancel"), id="form-cancel", compact=True)
            yield ScreenFooter()

    def on_mount(self) -> None:
        self._initial = self.values()
        if self.focused is None:  # keys typed very fast may already have moved the focus
            self.query_one(".form-first").focus()

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

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "form-save":
            self.action_save()
        elif event.button.id == "form-cancel":
            self.action_cancel()

    def action_save(self) -> None:
        self.clear_problems()
        try:
            result = self.build_result(self.values())
        except InvalidInput as problem:
            self.show_problem(problem)
            return
        self.save_result(result)

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
    )


def checkbox_field(name: str, label: str, box_label: str, value: bool, hint: str = "") -> FormField:
    """A yes/no fact the user confirms (space toggles it); ``box_label`` sits beside the box ("yes")."""
    return FormField(name, label, _steady(Checkbox(box_label, value, id=f"input-{name}", compact=True)), hint)


def input_field(
    name: str, label: str, value: str = "", placeholder: str = "", hint: str = "", *, max_length: int = 200
) -> FormField:
    """A one-line field holding at most ``max_length`` characters (the model's limit for the field:
    typing or pasting more is refused there, and no parser is ever handed a huge line)."""
    widget = LiteralInput(value=value, placeholder=placeholder, id=f"input-{name}", compact=True, max_length=max_length)
    return FormField(name, label, _steady(widget), hint)


def text_field(name: str, label: str, value: str = "", hint: str = "") -> FormField:
    return FormField(
        name,
        label,
        _steady(LiteralTextArea(value, id=f"input-{name}", soft_wrap=True, show_line_numbers=False, compact=True)),
        hint,
    )
