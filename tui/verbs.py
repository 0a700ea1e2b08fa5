"""The scriptable verbs: plain text for people, --json for programs, errors as WeiquanError.

Every line for people goes out through ``say`` and every JSON document through ``for_json``
(store.text.controls): text from the database, a file or an argument never reaches the terminal
with a control character in it. Each verb runs in a Setting: the clock and the built-in working-day
calendar (tests pass fixed ones to tui.cli.main), to which the holiday file beside the database is
added.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.calendar.china_time import Clock
from store.calendar.holiday_file import calendar_beside
from store.calendar.workdays import WorkCalendar
from store.cases.case_store import CaseStore
from store.errors import InvalidInput, StoreMissing
from store.persistence.db_location import real_db_path, resolve_db_path
from store.rules.messages import Messages, Msg
from store.text.cell_width import fit
from store.text.controls import for_json, for_plain_text
from tui.output_target import check_not_own_file
from tui.typed_paths import typed_path

if TYPE_CHECKING:
    from store.deadlines.due_report import DueItem
    from store.export.redaction.review import Finding

# What only some verbs need is imported in those verbs: `list` loads no export, deadline or backup code.
EXIT_OK, EXIT_ATTENTION = 0, 1


@dataclass(frozen=True)
class Setting:
    """What a verb counts time with: the clock, and the calendar before any holiday file."""

    clock: Clock
    calendar: WorkCalendar


def say(text: str, *, err: bool = False) -> None:
    """Print a line (or lines) for a person, every control character made visible."""
    print(for_plain_text(text, keep_newlines=True), file=sys.stderr if err else sys.stdout)


def one_line(text: str) -> str:
    """User text for one line of a listing: line breaks folded, controls made visible."""
    return for_plain_text(text)


def open_store(args: argparse.Namespace, setting: Setting, *, create: bool = False) -> tuple[CaseStore, WorkCalendar]:
    """The database, and the calendar with the holiday file beside it that every deadline is counted
    on (the file's problems on stderr).

    Commands that only read pass ``create=False`` (the default): a mistyped --db then says there is
    no database there (StoreMissing, exit 2) and creates nothing. Commands that add records pass
    ``create=True``.
    """
    store = CaseStore.open(resolve_db_path(args.db), clock=setting.clock, create=create)
    # The cases live until the command ends: exempt them from collection (at 10,000 cases every
    # full collection walked half a million objects while the verb computed and printed).
    gc.freeze()
    calendar, notices = calendar_beside(store.path, setting.calendar)
    msgs = Messages(args.lang)
    for notice in notices:
        say(f"weiquan: {msgs(notice)}", err=True)
    return store, calendar


def run(args: argparse.Namespace, setting: Setting) -> int:
    handler: Callable[[argparse.Namespace, Setting], int] = {
        "list": cmd_list,
        "export": cmd_export,
        "due": cmd_due,
        "ics": cmd_ics,
        "backup": cmd_backup,
        "restore": cmd_restore,
        "holidays": cmd_holidays,
    }[args.verb]
    return handler(args, setting)


def cmd_list(args: argparse.Namespace, setting: Setting) -> int:
    store, _ = open_store(args, setting)
    msgs = Messages(args.lang)
    cases = store.cases(include_deleted=args.all)
    if not args.all:
        cases = [c for c in cases if c.status.is_active]
    if args.json:
        rows = [
            {
                "id": c.id,
                "title": c.title,
                "platform": c.platform,
                "status": c.status.value,
                "order_no": c.order_no,
                "amount_paid_fen": c.amount_paid_fen,
                "contacts": len(c.contacts),
                "in_trash": c.deleted_at is not None,
                "updated": c.updated.isoformat(),
            }
            for c in cases
        ]
        sys.stdout.write(for_json(rows) + "\n")
        return EXIT_OK
    if not cases:
        say(msgs("cli.no_cases"))
        return EXIT_OK
    say(f"{fit(msgs('cli.col_id'), 5)} {fit(msgs('cli.col_status'), 10)} {msgs('cli.col_title')}")
    for c in cases:
        say(f"{fit(str(c.id), 5)} {fit(msgs.enum('status', c.status), 10)} {one_line(c.title)}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, setting: Setting) -> int:
    from store.persistence.atomic_files import companion_folder
    from store.persistence.backup_format import backup_payload, write_backup
    from store.persistence.daily_backups import backup_dir

    store, _ = open_store(args, setting)
    msgs = Messages(args.lang)
    if args.output == "-":
        sys.stdout.buffer.write(backup_payload(store))
        return EXIT_OK
    if args.output:
        target = typed_path(args.output)
        check_not_own_file(target, store.path)
    else:
        assert store.path is not None
        folder = companion_folder(backup_dir(store.path))
        target = folder / f"{store.path.stem}-manual-{store.clock().strftime('%Y%m%d-%H%M%S')}.json"
    count = write_backup(store, target)
    say(msgs("cli.backup_written", count=count, path=target), err=True)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, setting: Setting) -> int:
    from store.persistence.backup_format import restore_backup

    msgs = Messages(args.lang)
    source = typed_path(args.file)
    count, safety = restore_backup(resolve_db_path(args.db), source, setting.clock)
    say(msgs("cli.restored", count=count, source=source))
    if safety is not None:
        say(msgs("cli.restore_safety", path=safety))
    return EXIT_OK


def _days(value: int) -> int:
    if value < 0 or value > 3660:
        raise InvalidInput(Msg.of("cli.bad_within", value=value, most=3660))
    return value


def cmd_due(args: argparse.Namespace, setting: Setting) -> int:
    """Exit status: 0 nothing needs attention; 1 something is overdue (even if only by an estimate),
    or a promise was broken in a case not yet resolved (for cron and shell logins); 2 error."""
    from store.deadlines.due_report import broken_promises, due_items

    days = _days(args.within)
    store, calendar = open_store(args, setting)
    msgs = Messages(args.lang)
    cases = store.cases()
    items = due_items(cases, store.clock(), days, msgs, calendar=calendar)
    broken = broken_promises(cases, msgs)
    overdue = any(item.overdue for item in items)
    status = EXIT_ATTENTION if overdue or broken else EXIT_OK
    if args.json:
        body = {
            "now": store.clock().isoformat(),
            "within_days": args.within,
            "overdue": overdue,
            "broken": bool(broken),
            "items": [item.to_json() for item in items],
            "broken_promises": [item.to_json() for item in broken],
        }
        sys.stdout.write(for_json(body) + "\n")
        return status
    if not items and not broken:
        say(msgs("due.nothing", count=args.within))
        return EXIT_OK
    lines: list[str] = []  # written a few thousand at a time: at 10,000 cases there are 80,000
    for line in _due_lines(broken + items, msgs):
        lines.append(line)
        if len(lines) >= 2_000:
            say("\n".join(lines))
            lines.clear()
    if lines:
        say("\n".join(lines))
    return status


def _due_lines(items: list[DueItem], msgs: Messages) -> Iterator[str]:
    """Two lines an item (three with an estimate's reason). The same titles, promises, channels,
    rules, tags and times recur on thousands of lines: each is made once and looked up after."""
    shown: dict[str, str] = {}
    marks: dict[tuple[str, bool, bool, bool], tuple[str, str]] = {}
    times: dict[tuple[dt.datetime, object], str] = {}  # by zone too: equal instants, other clocks
    for item in items:
        mark = (item.kind, item.overdue, item.verified, item.estimated)
        state, flags = marks.get(mark) or marks.setdefault(
            mark, (fit(item.state_label(msgs), 8), item.flag_labels(msgs))
        )
        when = item.when
        moment = (when, when.tzinfo)
        at = times.get(moment) or times.setdefault(moment, f"{when:%Y-%m-%d %H:%M}")
        title = shown.get(item.case_title) or shown.setdefault(item.case_title, one_line(item.case_title))
        label = shown.get(item.label) or shown.setdefault(item.label, one_line(item.label))
        yield f"{state} {at}  #{item.case_id} {title}"
        yield f"         {label} — {one_line(item.detail)}{flags}"
        if item.estimate_reason:
            yield f"         {one_line(item.estimate_reason)}"


def cmd_ics(args: argparse.Namespace, setting: Setting) -> int:
    """The upcoming deadlines as a calendar; with none, still a valid (empty) calendar, said on stderr."""
    from store.deadlines.due_report import calendar_items
    from store.export.icalendar_file import calendar
    from store.persistence.output_files import write_output

    days = _days(args.within)
    store, workdays = open_store(args, setting)
    msgs = Messages(args.lang)
    now = store.clock()
    items, withdrawn = calendar_items(store.cases(include_deleted=True), now, days, msgs, calendar=workdays)
    text = calendar(items + withdrawn, now, msgs("clocks.unverified"), msgs("clocks.estimated"))
    if args.output:
        target = typed_path(args.output)
        check_not_own_file(target, store.path)
        write_output(target, text.encode("utf-8"))  # a failure is the one line said
        say(msgs("cli.ics_written", count=len(items), path=target), err=True)
    else:
        sys.stdout.write(text)
    if not items:
        say(msgs("cli.ics_empty", count=args.within), err=True)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, setting: Setting) -> int:
    """Markdown (or the 12315 form's boxes as plain text) on stdout, so `ssh host weiquan export 3 > case.md`
    works, or -o FILE."""
    from store.export.documents import render_export
    from store.export.redaction.review import masked_counts
    from store.persistence.output_files import write_output

    store, calendar = open_store(args, setting)
    msgs = Messages(args.lang)
    case = store.get(args.case)
    result = render_export(case, args.format, msgs, store.clock(), calendar=calendar, redact=args.redact)
    for warning in result.warnings:
        say(warning.line(msgs), err=True)
    if result.redacted:  # nobody has reviewed what was masked: say so, with what was found
        say(redaction_summary(result.findings, msgs), err=True)
    if args.json:
        body = {
            "case_id": case.id,
            "format": args.format,
            "lang": msgs.lang,
            "redacted": result.redacted,
            "warnings": [
                {"word": w.word, "reason": w.reason, "context": w.context, "suggestion": w.suggestion, "why": w.why}
                for w in result.warnings
            ],
            "reviewed": result.reviewed,
            "masked": {kind.value: n for kind, n in masked_counts(result.findings).items()},
        }
        if args.format == "form":
            body["text"] = result.text
            body["boxes"] = [
                {"key": b.key, "label": b.label, "text": b.text, "length": b.length, "missing": b.missing or None}
                for b in result.boxes
            ]
        else:
            body["markdown"] = result.text
        payload = for_json(body) + "\n"
    else:
        payload = result.text
    if args.output:
        target = typed_path(args.output)
        check_not_own_file(target, store.path)
        write_output(target, payload.encode("utf-8"))
        say(msgs("cli.export_written", path=target), err=True)
    else:
        sys.stdout.write(payload)
    return EXIT_OK


def redaction_summary(findings: tuple[Finding, ...], msgs: Messages) -> str:
    """How many spans of each kind were masked, and that nobody has reviewed them yet."""
    from store.export.redaction.review import masked_counts

    counts = masked_counts(findings)
    if not counts:
        return msgs("cli.redaction_nothing")
    items = [
        msgs("cli.redaction_count", count=n, kind=msgs(f"redaction_kind.{kind.value}")) for kind, n in counts.items()
    ]
    return msgs("cli.redaction_counts", counts=msgs("cli.redaction_separator").join(items))


def cmd_holidays(args: argparse.Namespace, setting: Setting) -> int:
    """Which years' holidays are known, and from where; --example prints a file to start from."""
    from store.calendar.holiday_file import example_file, holiday_file_beside, read_holiday_file

    msgs = Messages(args.lang)
    if args.example:
        sys.stdout.write(example_file(msgs))
        return EXIT_OK
    db = real_db_path(resolve_db_path(args.db))
    if not db.exists():  # the holiday file sits beside the database: a mistyped --db must not look fine
        raise StoreMissing(Msg.of("files.no_database", path=str(db)))
    first, last = setting.calendar.covered_years()
    say(msgs("holidays.built_in", first=first, last=last))
    path = holiday_file_beside(db)
    if not path.exists():
        say(msgs("holidays.no_file", path=path))
        say(msgs("holidays.uncovered", last=last))
        return EXIT_OK
    found = read_holiday_file(path, setting.calendar)  # a broken file: InvalidInput, printed with exit status 2
    say(msgs("holidays.file", path=path))
    for year, cal in sorted(found.years.items()):
        say(
            msgs(
                "holidays.year",
                year=year,
                holidays=msgs("holidays.holiday_count", count=len(cal.holidays)),
                workdays=msgs("holidays.workday_count", count=len(cal.workdays)),
                source=one_line(cal.source) or msgs("holidays.no_source"),
            )
        )
    for year in found.ignored_years:
        say(msgs("holidays.ignored", year=year))
    say(msgs("holidays.uncovered", last=last))
    return EXIT_OK
