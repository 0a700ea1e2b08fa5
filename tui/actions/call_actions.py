"""Starting a call on a case, and offering the calls a stopped session left unfinished."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from filelock import Timeout

from store.errors import FileProblem
from store.persistence.call_drafts import DraftFile, LeftDraft, drafts_dir, left_drafts, new_draft
from store.persistence.file_errors import reason as file_reason
from store.records.models import Case, Channel

if TYPE_CHECKING:
    from tui.app import WeiquanApp


def start_call(app: WeiquanApp, case: Case, done: Callable[[int | None], Any]) -> None:
    """Open the call screen on ``case``; ``done`` gets the case id once the call is logged."""
    from tui.screens.call import CallScreen

    store = app.store
    assert store is not None
    draft = new_draft(store.path, case.id, case.title, Channel.HOTLINE.value, app.clock())
    draft_file = None
    if store.path is not None:
        try:
            draft_file = DraftFile.create(store.path, case.id)
        except (OSError, Timeout, FileProblem) as error:
            reason = _why(app, error)
            app.notify(
                app.msgs("call.draft_failed", path=drafts_dir(store.path), reason=reason),
                severity="warning",
                timeout=12,
                markup=False,
            )
    app.push_screen(CallScreen.localized(app.msgs)(case, draft, draft_file), done)


def offer_left_calls(app: WeiquanApp) -> None:
    """Offer, one after another, the calls of this database that a stopped session left unlogged."""
    store = app.store
    if store is None or store.path is None:
        return
    try:
        left = left_drafts(store.path)
    except OSError as error:  # the drafts folder cannot be read: say so, start anyway
        left = [LeftDraft(drafts_dir(store.path), None, file_reason(error))]
    for bad in (d for d in left if d.draft is None):
        app.notify(app.msgs("draft.unreadable", path=bad.path, problem=bad.problem), severity="warning", markup=False)
    _offer_next(app, [d for d in left if d.draft is not None])


def _offer_next(app: WeiquanApp, pending: list[LeftDraft]) -> None:
    if not pending:
        return
    from tui.dialogs.call_draft_offer import CallDraftOffer

    first, rest = pending[0], pending[1:]
    assert first.draft is not None

    def chosen(choice: str | None) -> None:
        if choice == "resume":
            _resume(app, first, lambda: _offer_next(app, rest))
        elif choice == "discard":
            _discard(app, first, lambda: _offer_next(app, rest))
        else:  # later: left on disk, offered at the next start
            _offer_next(app, rest)

    app.push_screen(CallDraftOffer(first.draft, app.msgs), chosen)


def _resume(app: WeiquanApp, left: LeftDraft, then: Callable[[], None]) -> None:
    from tui.screens.call import CallScreen

    assert left.draft is not None and app.store is not None
    draft_file = DraftFile.claim(left.path)
    if draft_file is None:
        app.notify(app.msgs("draft.taken"), severity="warning")
        then()
        return
    store, case_id = app.store, left.draft.case_id
    case = app.attempt(lambda: store.get(case_id))
    if case is None:  # the case is gone: the draft stays, to be discarded by choice
        draft_file.release()
        then()
        return

    def done(case_id: int | None) -> None:
        from tui.screens.main import MainScreen

        app.reload_screens()
        if case_id is not None and isinstance(app.screen, MainScreen):
            app.screen.jump_to_case(case_id)
        then()

    app.push_screen(CallScreen.localized(app.msgs)(case, left.draft, draft_file, resumed=True), done)


def _discard(app: WeiquanApp, left: LeftDraft, then: Callable[[], None]) -> None:
    from tui.dialogs.confirm import ConfirmDialog

    def decided(yes: bool | None) -> None:
        if yes:
            draft_file = DraftFile.claim(left.path)
            if draft_file is None:
                app.notify(app.msgs("draft.taken"), severity="warning")
            else:
                draft_file.discard()
        then()

    m = app.msgs
    app.push_screen(ConfirmDialog(m("draft.confirm_discard"), m("draft.discard"), m("form.cancel")), decided)


def _why(app: WeiquanApp, error: Exception) -> str:
    """Why a draft could not be made, in the user's words (never the system's English)."""
    if isinstance(error, FileProblem):
        return error.text(app.msgs)
    if isinstance(error, OSError):
        return app.msgs(file_reason(error))
    return str(error)
