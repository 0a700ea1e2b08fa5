"""What the main screen's keys do: open forms that save into the store while open, undo.

Each form is given its ``saver``: the form runs it on Ctrl+S and closes only when it succeeded, so
a failed save (a full disk, another session's change) never loses what was typed. The callbacks
here run after that, to say so and show the result.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from textual.binding import BindingType

if TYPE_CHECKING:
    from store.cases.case_store import CaseStore
    from store.records.models import Case, Contact, EvidenceItem
    from store.rules.messages import Messages
    from tui.app import WeiquanApp
    from tui.dialogs.case_form import CaseFormResult
    from tui.dialogs.contact_form import ContactFormResult
    from tui.dialogs.evidence_form import EvidenceFormResult
    from tui.widgets.case_pane import CasePane
from tui.widgets.evidence_pane import EvidenceTable
from tui.widgets.timeline import Timeline


class CaseScreen(Protocol):
    """What the case actions need from the screen they are mixed into (MainScreen)."""

    BINDINGS: ClassVar[list[BindingType]]
    selected_case_id: int | None

    @property
    def app(self) -> WeiquanApp: ...

    @property
    def store(self) -> CaseStore: ...

    @property
    def msgs(self) -> Messages: ...

    def now(self) -> dt.datetime: ...

    def selected_case(self) -> Case | None: ...

    def contact_under_cursor(self, case: Case | None) -> Contact | None: ...

    def item_under_cursor(self, case: Case | None) -> EvidenceItem | None: ...

    def reload_from_store(self, select: int | None = None) -> None: ...

    def jump_to_case(self, case_id: int) -> None: ...

    @property
    def case_pane(self) -> CasePane: ...

    @property
    def _detail_built(self) -> bool: ...

    def action_show_tab(self, tab: str) -> None: ...


# To the type checker the actions are a CaseScreen (and MainScreen must be one to mix them in);
# at run time a plain mixin.
if TYPE_CHECKING:
    _Host = CaseScreen
else:
    _Host = object


class CaseActions(_Host):
    """Mixin for MainScreen: the actions of its keys, on what CaseScreen provides."""

    def _selected_or_warn(self) -> Case | None:
        """The selected case, or None after telling the user to select one."""
        case = self.selected_case()
        if case is None:
            self.app.notify(self.msgs("main.select_first"), severity="warning")
        return case

    # -- cases ----------------------------------------------------------------------------------
    def action_new_case(self) -> None:
        from tui.dialogs.case_form import CaseForm

        form = CaseForm.localized(self.msgs)(self.msgs, self.now().date())

        def save(result: CaseFormResult, overwrite: bool) -> Case:
            return self.store.create_case(result.fields)

        def saved(result: CaseFormResult | None) -> None:
            from store.records.models import Case

            case = form.outcome
            if result is not None and isinstance(case, Case):  # what save returned
                self.app.notify(self.msgs("main.case_created", id=case.id))
                self.reload_from_store(select=case.id)

        form.saver = save
        self.app.push_screen(form, saved)

    def action_edit_case(self) -> None:
        case = self._selected_or_warn()
        if case is None:
            return
        from tui.dialogs.case_form import CaseForm

        form = CaseForm.localized(self.msgs)(self.msgs, self.now().date(), case)

        # The case the form was opened for, not the selection at saving time (another
        # session's change can move it while the form is open).
        def save(result: CaseFormResult, overwrite: bool) -> Case:
            revision = None if overwrite else result.expected_revision
            return self.store.update_case(case.id, result.fields, expected_revision=revision)

        form.saver = save
        self.app.push_screen(form, lambda result: self._saved_in(case.id, result))

    def action_edit_evidence_here(self) -> None:
        self.action_edit_evidence()

    def _saved_in(self, case_id: int, result: object, note: str = "") -> None:
        """A form for ``case_id`` closed: show the case again, and ``note`` if it saved."""
        if result is None:
            return
        if note:
            self.app.notify(note)
        self.reload_from_store(select=case_id)

    def action_delete_case(self) -> None:
        case = self.selected_case()
        if case is None:
            return

        def decided(yes: bool | None) -> None:
            if yes and self.app.attempt(lambda: self.store.delete_case(case.id)) is not None:
                self.app.remember_undo(
                    self.msgs("undo.case", title=case.title), lambda: self.store.restore_case(case.id)
                )
                self.app.notify(self.msgs("main.case_trashed", id=case.id))
                self.reload_from_store()

        from tui.dialogs.confirm import ConfirmDialog  # loaded when first asked, not with the first frame

        self.app.push_screen(
            ConfirmDialog(
                self.msgs("main.confirm_delete_case", title=case.title),
                self.msgs("form.delete"),
                self.msgs("form.cancel"),
            ),
            decided,
        )

    def action_delete_contact(self) -> None:
        case = self.selected_case()
        contact = self.contact_under_cursor(case)
        if case is not None and contact is not None:
            self._delete_contact(case, contact)

    def action_delete_evidence(self) -> None:
        """d on the evidence checklist: items are not deleted (their state is what changes)."""
        self.app.notify(self.msgs("main.evidence_not_deleted"), severity="warning")

    def action_undo(self) -> None:
        if not self.app.undo_stack:
            self.app.notify(self.msgs("undo.nothing"), severity="warning")
            return
        entry = self.app.undo_stack.pop()
        if self.app.attempt(entry.undo) is not None:
            self.app.notify(self.msgs("undo.done", what=entry.label))
        self.reload_from_store()

    # -- contacts -------------------------------------------------------------------------------
    def action_add_contact(self, follow_up: bool = False) -> None:
        case = self._selected_or_warn()
        if case is None:
            return
        from tui.dialogs.contact_form import ContactForm

        preset = None
        if follow_up:
            from store.deadlines.next_step import suggest_next_step

            step = suggest_next_step(case, self.now(), self.app.calendar)
            if step is None:
                self.app.notify(self.msgs("main.no_next_step"), severity="warning")
                return
            preset = {"channel": step.channel.value, "advice": step.describe(self.msgs, case)}
        form = ContactForm.localized(self.msgs)(self.msgs, self.now(), self.app.calendar, case.revision, preset=preset)
        form.saver = lambda result, overwrite: self.store.add_contact(case.id, result.fields)
        self.app.push_screen(form, lambda result: self._saved_in(case.id, result, self.msgs("main.contact_added")))

    def action_start_call(self) -> None:
        """Call mode on the selected case: a timer, the checklist, single keys to note what is said."""
        case = self._selected_or_warn()
        if case is None:
            return
        from tui.actions.call_actions import start_call

        start_call(self.app, case, lambda _: self.reload_from_store(select=case.id))

    def action_edit_contact(self) -> None:
        case = self.selected_case()
        contact = self.contact_under_cursor(case)
        if case is None or contact is None:
            return
        from tui.dialogs.contact_form import ContactForm

        form = ContactForm.localized(self.msgs)(self.msgs, self.now(), self.app.calendar, case.revision, contact)

        def save(result: ContactFormResult, overwrite: bool) -> object:
            revision = None if overwrite else result.expected_revision
            return self.store.update_contact(case.id, contact.id, result.fields, expected_revision=revision)

        form.saver = save
        self.app.push_screen(form, lambda result: self._saved_in(case.id, result))

    def _delete_contact(self, case: Case, contact: Contact) -> None:
        from tui.widgets.timeline import describe_contact

        def decided(yes: bool | None) -> None:
            if not yes:
                return
            removed = self.app.attempt(lambda: self.store.delete_contact(case.id, contact.id))
            if removed is not None:
                self.app.remember_undo(self.msgs("undo.contact"), lambda: self.store.restore_contact(case.id, removed))
                self.app.notify(self.msgs("main.contact_deleted"))
            self.reload_from_store(select=case.id)

        from tui.dialogs.confirm import ConfirmDialog

        question = self.msgs("main.confirm_delete_contact", contact=describe_contact(contact, self.msgs))
        self.app.push_screen(
            ConfirmDialog(question, self.msgs("form.delete"), self.msgs("form.cancel")),
            decided,
        )

    def action_follow_up(self) -> None:
        """Log the contact the next step asks for, with its channel and reason filled in."""
        self.action_add_contact(follow_up=True)

    def guide_target_here(self) -> str:
        """The guide section for what is selected: a contact's channel, an evidence kind, the next
        step, or (no case, or the cases not loaded yet) the overview."""
        from store.deadlines.next_step import suggest_next_step
        from store.rules.evidence_needs import evidence_guide_section
        from store.rules.rulebook import ladder_step

        case = self.selected_case()
        focused = self.app.focused
        if isinstance(focused, Timeline) and (contact := self.contact_under_cursor(case)) is not None:
            return ladder_step(contact.channel).guide
        if isinstance(focused, EvidenceTable) and (item := self.item_under_cursor(case)) is not None:
            return evidence_guide_section(item.kind)
        step = suggest_next_step(case, self.now(), self.app.calendar) if case is not None else None
        return ladder_step(step.channel).guide if step is not None else "overview"

    def action_guide(self) -> None:
        self.app.push_screen(self.app.guide_at(self.guide_target_here()))

    def action_export(self) -> None:
        case = self._selected_or_warn()
        if case is None:
            return
        from tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen.localized(self.msgs)(case.id))

    def action_due(self) -> None:
        from tui.screens.due import DueScreen

        def chosen(case_id: int | None) -> None:
            if case_id is not None:
                self.jump_to_case(case_id)

        self.app.push_screen(DueScreen.localized(self.msgs)(), chosen)

    def action_mark_promise(self) -> None:
        from store.records.models import PromiseState

        case = self.selected_case()
        contact = self.contact_under_cursor(case)
        if case is None or contact is None or contact.promise_state is PromiseState.NONE:
            self.app.notify(self.msgs("main.no_promise_here"), severity="warning")
            return
        choices = [
            (s.value, self.msgs(f"promise.{s.value}"))
            for s in (PromiseState.KEPT, PromiseState.BROKEN, PromiseState.PENDING)
        ]

        def chosen(value: str | None) -> None:
            if value:
                self.app.attempt(lambda: self.store.set_promise_state(case.id, contact.id, PromiseState(value)))
                self.reload_from_store(select=case.id)

        from tui.widgets.timeline import describe_contact

        title = self.msgs("main.mark_promise_title", contact=describe_contact(contact, self.msgs))
        from tui.dialogs.confirm import ChoiceDialog

        self.app.push_screen(ChoiceDialog(title, choices), chosen)

    # -- evidence -------------------------------------------------------------------------------
    def action_edit_evidence(self) -> None:
        """v: the evidence item under the checklist's cursor (the evidence tab comes on screen)."""
        case = self.selected_case()
        if case is not None and self._detail_built and self.case_pane.active != "evidence":
            self.action_show_tab("evidence")  # draws the checklist, so its cursor has an item
        item = self.item_under_cursor(case)
        if case is None or item is None:
            self.app.notify(self.msgs("main.select_first"), severity="warning")
            return
        from store.persistence.evidence_vault import vault_dir
        from tui.dialogs.evidence_form import EvidenceForm

        vault = vault_dir(self.store.path) if self.store.path is not None else None
        form = EvidenceForm.localized(self.msgs)(self.msgs, item, vault=vault)
        form.saver = lambda result, overwrite: self.store.update_evidence(
            case.id, item.id, {"state": result.state, "note": result.note}
        )
        form.attacher = lambda attached: self.store.attach_file(case.id, item.id, attached)

        def saved(result: EvidenceFormResult | None) -> None:
            note = ""
            if result is not None and result.attach is not None:
                note = self.msgs("evidence.attached", name=Path(result.attach).name)
            self._saved_in(case.id, result, note)

        self.app.push_screen(form, saved)

    # -- screens --------------------------------------------------------------------------------
    def action_trash(self) -> None:
        from tui.screens.trash import TrashScreen

        self.app.push_screen(TrashScreen.localized(self.msgs)(), lambda _: self.reload_from_store())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen.localized(self.msgs)(type(self).BINDINGS))

    def action_language(self) -> None:
        self.app.switch_language()

    def action_quit(self) -> None:
        self.app.exit()
