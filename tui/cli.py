"""``weiquan``: opens the app, or runs a scriptable verb: reading (list, due, export, ics, backup,
restore, holidays) or writing (new, log, mark, note, attach, status; see tui.capture_cli).

Exit status: 0 success, 1 `due` found something that needs attention (a deadline passed, or a
promise broken in a case not yet resolved), 2 a user-facing error (printed without a traceback),
130 interrupted.

What is typed most often takes the shortest way, loading nothing it does not use: opening the
app (tui.launch_options), `list --json` answered from the case index (tui.quick_list) and
`--version`. Everything else goes through the parser (tui.cli_parser).
"""

from __future__ import annotations

import os
import sys

# Everything else is imported where it is used: `weiquan --version` loads none of it (typing
# included: the type checker reads this as typing.TYPE_CHECKING).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from store.calendar.china_time import Clock
    from store.calendar.workdays import WorkCalendar
    from tui.launch_options import LaunchOptions

EXIT_OK, EXIT_ATTENTION, EXIT_ERROR = 0, 1, 2


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None, calendar: WorkCalendar | None = None) -> int:
    """Run weiquan with ``argv``; ``clock`` (China's clock by default) and ``calendar`` (the built-in
    one by default) are what deadlines are counted with: tests pass fixed ones, as the app's tests do."""
    try:
        return _main(list(sys.argv[1:] if argv is None else argv), clock, calendar)
    except KeyboardInterrupt:  # Ctrl+C while modules still load, before _guarded took over
        return 130


def _main(arguments: list[str], clock: Clock | None, calendar: WorkCalendar | None) -> int:
    if arguments[:1] == ["--version"]:  # what the parser would print, without building it
        from store.version import __version__

        print(f"weiquan {__version__}")
        return EXIT_OK
    from tui.quick_list import quick_list

    try:
        answered = quick_list(arguments)
    except OSError as error:  # its answer could not be written (a full disk): said as every verb says it
        return _unwritten(arguments, error)
    if answered is not None:
        return answered
    from store.calendar.china_time import china_now
    from tui.launch_options import launch_options

    clock = clock or china_now
    options = launch_options(arguments)
    if options is not None:
        return _guarded(options.lang, lambda: _launch(options, clock))
    return _parse_and_run(arguments, clock, calendar)


def _unwritten(arguments: list[str], error: OSError) -> int:
    from tui.cli_parser import language_of

    def again() -> int:
        raise error

    return _guarded(language_of(arguments), again)


def _parse_and_run(arguments: list[str], clock: Clock, calendar: WorkCalendar | None) -> int:
    from store.calendar.workdays import WorkCalendar
    from store.rules.messages import Messages, detect_language
    from tui.argparse_words import argparse_in
    from tui.capture_cli import CAPTURE_VERBS
    from tui.cli_parser import build_parser, language_of
    from tui.launch_options import LaunchOptions

    lang = language_of(arguments)
    with argparse_in(Messages(lang)):  # argparse's own words (usage, errors) in the same language
        args = build_parser(lang).parse_args(arguments)
    args.db = getattr(args, "db", None)
    args.lang = getattr(args, "lang", None) or detect_language()

    def run() -> int:
        if args.verb is None:
            return _launch(LaunchOptions(args.db, args.lang, args.demo, args.no_mouse), clock)
        _check_typed_path(args.db)
        from tui.verbs import Setting

        setting = Setting(clock, calendar if calendar is not None else WorkCalendar())
        if args.verb in CAPTURE_VERBS:
            from tui import capture_verbs

            return capture_verbs.run(args, setting)
        from tui import verbs

        return verbs.run(args, setting)

    return _guarded(args.lang, run)


def _launch(options: LaunchOptions, clock: Clock) -> int:
    _check_typed_path(options.db)
    from tui.launch import launch_app  # Textual only when the app opens

    return launch_app(options, clock)


def _check_typed_path(db: str | None) -> None:
    """The database path as resolve_db_path will choose it, a ~name that is no user said at once."""
    from store.persistence.db_location import ENV_DB
    from tui.typed_paths import typed_path

    chosen = db or os.environ.get(ENV_DB)
    if chosen:
        typed_path(chosen)


def _guarded(lang: str, run: Callable[[], int]) -> int:
    """``run()``, every error a user can meet said in one line of their language (exit 2)."""
    from store.errors import WeiquanError
    from store.rules.messages import Messages
    from store.text.controls import for_plain_text

    try:
        return run()
    except WeiquanError as error:
        msgs = Messages(lang)
        line = msgs("app.error_line", title=msgs(error.title_key), text=error.text(msgs))
        print(for_plain_text(line, keep_newlines=True), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # a file problem no layer put in words: still one line, never a traceback
        from store.persistence.file_errors import cannot

        msgs = Messages(lang)
        problem = cannot("use", error.filename or "?", error)
        print(msgs("app.error_line", title=msgs(problem.title_key), text=problem.text(msgs)), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
