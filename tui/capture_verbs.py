"""The writing verbs: one line in the shell records a case, a contact, a note, a file or a status.

Values go through the same parsing as the app's forms (store.records.case_input and friends), so
a bad one is refused with the same message, in the user's language, before anything is saved.
Each change is one locked read-modify-write of the database (CaseStore), so the verbs are safe
while the app is open in another session, which shows the change within two seconds.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

import msgspec

from store.calendar.workdays import WorkCalendar
from store.cases.case_store import CaseStore
from store.errors import ConflictError, InvalidInput, NotFound
from store.persistence.db_location import resolve_db_path
from store.persistence.evidence_vault import check_attachable, hash_file, vault_dir
from store.persistence.regular_files import MEGABYTE, read_regular
from store.records.case_input import case_fields_from_form, contact_fields_from_form
from store.records.choice_input import parse_choice
from store.records.date_checks import DateWarning, case_date_warnings, contact_date_warnings
from store.records.date_input import format_datetime
from store.records.duration_input import duration_words, parse_duration
from store.records.models import (
    Case,
    Category,
    Channel,
    Demand,
    Direction,
    EvidenceKind,
    EvidenceState,
    PromiseState,
    Status,
)
from store.records.money import format_yuan, parse_yuan
from store.records.order_text import read_order_text
from store.records.record_ids import MAX_RECORD_ID
from store.rules.messages import Messages, Msg
from store.text.controls import for_json
from tui.typed_paths import typed_path
from tui.verbs import Setting, open_store, say

EXIT_OK = 0
NOTE_RETRIES = 5  # another session changing the case between our read and write: read again


def run(args: argparse.Namespace, setting: Setting) -> int:
    handler: Callable[[argparse.Namespace, Messages, Setting], int] = {
        "new": cmd_new,
        "log": cmd_log,
        "mark": cmd_mark,
        "note": cmd_note,
        "attach": cmd_attach,
        "status": cmd_status,
    }[args.verb]
    refuse_undecodable(args)
    return handler(args, Messages(args.lang), setting)


# Where the paths are only read, not stored: a file name that is not UTF-8 works there.
_READ_ONLY_PATHS = frozenset({"db", "from_text"})


def refuse_undecodable(args: argparse.Namespace) -> None:
    """Python hands over an argument that is not UTF-8 (typed in a GBK terminal) with its bytes as
    lone surrogates, which the database cannot hold: refuse it before anything is read or written,
    naming it, instead of failing at the save with the JSON encoder's English."""
    for name, value in vars(args).items():
        if name in _READ_ONLY_PATHS or not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise InvalidInput(Msg.of("capture.argument_not_utf8", text=shown), name) from None


def open_for_writing(
    args: argparse.Namespace, setting: Setting, *, create: bool = False
) -> tuple[CaseStore, WorkCalendar]:
    """The database the verb writes to, and the calendar its deadlines are counted on. Only ``new``
    creates it: the other verbs change a case, so without a database there is nothing to change
    (and nothing is created)."""
    if not create and not resolve_db_path(args.db).exists():
        raise NotFound(Msg.of("store.no_case", id=args.case.strip()))
    store, calendar = open_store(args, setting, create=create)
    store.after_save = lambda: keep_index(store, setting)
    return store, calendar


def keep_index(store: CaseStore, setting: Setting) -> None:
    """The case index beside the database brought up to the change, where the app has written one:
    the next start lists the cases from it."""
    from store.cases.case_index_writer import CaseIndexKeeper

    if store.path is not None:
        CaseIndexKeeper(store.path, setting.calendar).write(*store.index_state(), setting.clock(), only_to_update=True)


# -- input ------------------------------------------------------------------------------------------
def record_number(text: str, field: str) -> int:
    """A case or contact number as typed: ``3`` or ``#3``."""
    raw = text.strip().removeprefix("#")
    too_long = len(raw.lstrip("0")) > len(str(MAX_RECORD_ID))  # and int() refuses over 4300 digits
    if not raw.isdigit() or not raw.isascii() or too_long or int(raw) < 1:
        raise InvalidInput(Msg.of(f"capture.not_a_{field}_number", text=text.strip()), field)
    return int(raw)


def user_text(value: str) -> str:
    """A text argument; ``-`` reads it from standard input (for text with quotes or several lines)."""
    if value != "-":
        return value
    return sys.stdin.read()


# -- output (lines through tui.verbs.say, JSON through for_json: no control character reaches the terminal)
def emit_json(body: dict[str, Any]) -> None:
    sys.stdout.write(for_json(msgspec.to_builtins(body)) + "\n")


def say_date_warnings(warnings: list[DateWarning], msgs: Messages) -> list[str]:
    """Dates that cannot be right, said on stderr once saved (the form asks first; a command
    cannot, and a script must not be stopped by a pre-order); the lines, for --json too."""
    lines = [msgs("warn.saved_anyway", warning=warning.msg) for warning in warnings]
    for line in lines:
        say(f"weiquan: {line}", err=True)
    return lines


# -- verbs ------------------------------------------------------------------------------------------
def cmd_new(args: argparse.Namespace, msgs: Messages, setting: Setting) -> int:
    """Prints the new case's id on stdout (``id=$(weiquan new --title …)``), what was filled on stderr."""
    values: dict[str, Any] = {}
    if args.from_text is not None:
        pasted = user_text(args.from_text) if args.from_text == "-" else _read(args.from_text)
        values.update(read_order_text(pasted, setting.clock().date()))
    flags = (
        "title",
        "platform",
        "shop",
        "order_no",
        "product",
        "amount_paid",
        "order_date",
        "delivery_date",
        "demand_detail",
        "respondent_name",
        "respondent_credit_code",
    )
    values.update({name: getattr(args, name) for name in flags if getattr(args, name) is not None})
    if args.category is not None:
        values["category"] = parse_choice(args.category, Category, "category", "category").value
    if args.demand is not None:
        values["demand"] = parse_choice(args.demand, Demand, "demand", "demand").value
    fields = case_fields_from_form({k: str(v) for k, v in values.items()}, setting.clock().date())
    warnings = case_date_warnings(fields, setting.clock().date())
    store, _ = open_for_writing(args, setting, create=True)
    case = store.create_case(fields)
    said = say_date_warnings(warnings, msgs)
    if args.json:
        emit_json({"case": case, "date_warnings": said})
        return EXIT_OK
    print(case.id)
    say(msgs("capture.created", id=case.id, title=case.title), err=True)
    return EXIT_OK


def _read(path_text: str) -> str:
    """A pasted order's text from a file: a regular file of at most 1 MB (a FIFO or /dev/zero is
    refused, not read), its problems in the user's words."""
    path = typed_path(path_text)
    try:
        return read_regular(path, limit=MEGABYTE).decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(Msg.of("capture.not_utf8", path=path), "from_text") from None


def cmd_log(args: argparse.Namespace, msgs: Messages, setting: Setting) -> int:
    case_id = record_number(args.case, "case")
    channel = parse_choice(args.channel, Channel, "channel", "channel")
    direction = parse_choice(args.direction, Direction, "direction", "direction")
    duration = parse_duration(args.duration)
    now = setting.clock()
    store, calendar = open_for_writing(args, setting)
    values = {
        "at": args.at or format_datetime(now),
        "channel": channel.value,
        "direction": direction.value,
        "agent_id": args.agent,
        "reference_no": args.ref,
        "summary": user_text(args.said),
        "promise": args.promise,
        "deadline": args.due,
    }
    fields, resolved = contact_fields_from_form(values, now, calendar)
    if duration is not None:
        fields["duration"] = duration
    warnings = contact_date_warnings(fields, now)
    contact = store.add_contact(case_id, fields)
    said = say_date_warnings(warnings, msgs)
    if args.json:
        emit_json(
            {
                "case_id": case_id,
                "contact": contact,
                "date_warnings": said,
                "deadline_as_typed": args.due.strip(),
                "deadline_estimated_reason": msgs(resolved.reason) if resolved and resolved.reason else "",
            }
        )
        return EXIT_OK
    say(
        msgs(
            "capture.logged",
            contact=contact.id,
            case=case_id,
            channel=msgs.enum("channel", contact.channel),
            at=format_datetime(contact.at),
        )
    )
    if contact.duration is not None:
        say(msgs("capture.logged_duration", duration=duration_words(contact.duration)))
    if resolved is not None:
        say(msgs("capture.promised_by", when=resolved.canonical, typed=args.due.strip()))
        if resolved.reason is not None:
            say(f"  {msgs('clocks.estimated')}: {msgs(resolved.reason)}")
    return EXIT_OK


def cmd_mark(args: argparse.Namespace, msgs: Messages, setting: Setting) -> int:
    case_id = record_number(args.case, "case")
    latest = args.contact.strip().casefold() in ("last", "最近")
    contact_id = 0 if latest else record_number(args.contact, "contact")
    states = (PromiseState.KEPT, PromiseState.BROKEN, PromiseState.PENDING)
    state = parse_choice(args.state, states, "promise", "promise_state")
    store, _ = open_for_writing(args, setting)
    if latest:
        contact_id = _latest_promise(store.get(case_id))
    contact = store.set_promise_state(case_id, contact_id, state)
    if args.json:
        emit_json({"case_id": case_id, "contact": contact})
        return EXIT_OK
    say(msgs("capture.marked", contact=contact_id, case=case_id, state=msgs(f"promise.{state.value}")))
    return EXIT_OK


def _latest_promise(case: Case) -> int:
    """The newest contact on the timeline that carries a promise."""
    with_promise = [c for c in case.timeline() if c.promise_state is not PromiseState.NONE]
    if not with_promise:
        raise InvalidInput(Msg.of("capture.no_promise_yet", case=case.id), "contact")
    return with_promise[-1].id


def cmd_note(args: argparse.Namespace, msgs: Messages, setting: Setting) -> int:
    case_id = record_number(args.case, "case")
    text = user_text(args.text).strip()
    if not text:
        raise InvalidInput(Msg.of("capture.empty_note"), "notes")
    line = f"{format_datetime(setting.clock())} {text}"
    case = _append_note(open_for_writing(args, setting)[0], case_id, line)
    if args.json:
        emit_json({"case_id": case_id, "note": line, "notes": case.notes})
        return EXIT_OK
    say(msgs("capture.noted", case=case_id))
    return EXIT_OK


def _append_note(store: CaseStore, case_id: int, line: str) -> Case:
    """Add ``line`` under the case's notes; if another session changes the case between reading
    and writing, read it again rather than overwrite that change."""
    for _ in range(NOTE_RETRIES):
        case = store.get(case_id)
        notes = f"{case.notes.rstrip()}\n{line}" if case.notes.strip() else line
        try:
            return store.update_case(case_id, {"notes": notes}, expected_revision=case.revision)
        except ConflictError:
            continue
    raise ConflictError(Msg.of("capture.busy_case", case=case_id))


def cmd_attach(args: argparse.Namespace, msgs: Messages, setting: Setting) -> int:
    case_id = record_number(args.case, "case")
    kind = parse_choice(args.kind, EvidenceKind, "evidence_kind", "evidence_kind")
    path = check_attachable(str(typed_path(args.file)))
    store, _ = open_for_writing(args, setting)
    case = store.get(case_id)
    item = next((e for e in case.evidence if e.kind is kind), None)
    if item is None:
        item = store.add_evidence(case_id, kind)
    vault = vault_dir(store.path) if (args.vault and store.path) else None
    attached = hash_file(path, vault=vault, clock=setting.clock)
    store.attach_file(case_id, item.id, attached)
    now_saved = store.get(case_id).evidence_item(item.id)
    if now_saved is not None and now_saved.state is EvidenceState.MISSING:
        store.update_evidence(case_id, item.id, {"state": EvidenceState.COLLECTED})  # attached means collected
    saved = store.get(case_id).evidence_item(item.id)
    if args.json:
        emit_json({"case_id": case_id, "evidence": saved, "file": attached})
        return EXIT_OK
    say(
        msgs(
            "capture.attached",
            name=path.name,
            case=case_id,
            kind=msgs.enum("evidence_kind", kind),
            size=f"{attached.size:,}",
            sha256=attached.sha256,
        )
    )
    if attached.vault_name:
        say(msgs("capture.vaulted", name=attached.vault_name))
    return EXIT_OK


def cmd_status(args: argparse.Namespace, msgs: Messages, setting: Setting) -> int:
    case_id = record_number(args.case, "case")
    status = parse_choice(args.state, Status, "status", "status")
    changes: dict[str, Any] = {"status": status}
    if args.recovered is not None:
        try:
            changes["recovered_fen"] = parse_yuan(args.recovered)
        except InvalidInput as problem:
            raise InvalidInput(problem.msg, "recovered") from None
    if args.outcome is not None:
        changes["outcome"] = args.outcome.strip()
    case = open_for_writing(args, setting)[0].update_case(case_id, changes)
    if args.json:
        emit_json({"case": case})
        return EXIT_OK
    say(msgs("capture.status_set", case=case_id, status=msgs.enum("status", case.status)))
    if case.recovered_fen is not None:
        say(msgs("capture.recovered", amount=format_yuan(case.recovered_fen)))
    return EXIT_OK
