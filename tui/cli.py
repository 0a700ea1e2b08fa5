"""``weiquan``: opens the app, or runs a scriptable verb: reading (list, due, export, ics, backup,
restore, holidays) or writing (new, log, mark, note, attach, status; see tui.capture_cli).

Exit status: 0 success, 1 `due` found something that needs attention (a deadline passed, or a
promise broken in a case not yet resolved), 2 a user-facing error (printed without a traceback),
130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

# Everything else is imported where it is used: `weiquan --version` loads none of it.

if TYPE_CHECKING:
    from store.calendar.china_time import Clock
    from store.calendar.workdays import WorkCalendar

EXIT_OK, EXIT_ATTENTION, EXIT_ERROR = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse quotes the arguments it rejects ("unrecognized arguments: …"): shown, never acted on."""

    def error(self, message: str) -> NoReturn:
        from store.text.controls import for_plain_text

        super().error(for_plain_text(message, keep_newlines=True))


def language_of(argv: Sequence[str]) -> str:
    """The language asked for with --lang (before parsing, so the help can be in it), else the locale's."""
    from store.rules.messages import detect_language, normalise_language

    for index, arg in enumerate(argv):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value is not None:
            try:
                return normalise_language(value)
            except ValueError:
                break
    return detect_language()


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    from store.persistence.db_location import ENV_DB
    from store.rules.messages import Messages, normalise_language
    from store.version import __version__
    from tui.capture_cli import add_capture_verbs

    msgs = Messages(lang)

    def h(key: str, **values: object) -> str:
        return msgs(f"cli_help.{key}", **values).replace("%", "%%")  # argparse reads % in help texts

    def language(value: str) -> str:
        try:
            return normalise_language(value)
        except ValueError:
            raise argparse.ArgumentTypeError(msgs("cli.unknown_language", value=value)) from None

    common = Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=h("db", variable=ENV_DB))
    common.add_argument("--lang", type=language, default=argparse.SUPPRESS, help=h("lang"))

    parser = Parser(prog="weiquan", parents=[common], description=h("weiquan"))
    parser.add_argument("--version", action="version", version=f"weiquan {__version__}", help=h("version"))
    parser.add_argument("--demo", action="store_true", help=h("demo"))
    parser.add_argument("--no-mouse", action="store_true", help=h("no_mouse"))
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")

    p = verbs.add_parser("list", parents=[common], help=h("list"), description=h("list"))
    p.add_argument("--json", action="store_true", help=h("machine_readable"))
    p.add_argument("--all", action="store_true", help=h("list_all"))

    p = verbs.add_parser("export", parents=[common], help=h("export"), description=h("export"))
    p.add_argument("case", type=int, help=h("case"))
    p.add_argument(
        "--format", choices=["timeline", "dossier", "complaint", "form"], default="timeline", help=h("export_format")
    )
    p.add_argument("--redact", action="store_true", help=h("redact"))
    p.add_argument("-o", "--output", metavar="FILE", help=h("output"))
    p.add_argument("--json", action="store_true", help=h("export_json"))

    p = verbs.add_parser("due", parents=[common], help=h("due_verb"), description=h("due_verb"), epilog=h("due_exit"))
    p.add_argument("--within", type=int, default=7, metavar="DAYS", help=h("due_within"))
    p.add_argument("--json", action="store_true", help=h("machine_readable"))

    p = verbs.add_parser("ics", parents=[common], help=h("ics"), description=h("ics"))
    p.add_argument("--within", type=int, default=365, metavar="DAYS", help=h("ics_within"))
    p.add_argument("-o", "--output", metavar="FILE", help=h("output"))

    p = verbs.add_parser("backup", parents=[common], help=h("backup"), description=h("backup"))
    p.add_argument("-o", "--output", metavar="FILE", help=h("backup_output"))

    p = verbs.add_parser("holidays", parents=[common], help=h("holidays"), description=h("holidays"))
    p.add_argument("--example", action="store_true", help=h("holidays_example"))

    p = verbs.add_parser("restore", parents=[common], help=h("restore"), description=h("restore"))
    p.add_argument("file", help=h("restore_file"))

    add_capture_verbs(verbs, common, msgs)
    return parser


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None, calendar: WorkCalendar | None = None) -> int:
    """Run weiquan with ``argv``; ``clock`` (China's clock by default) and ``calendar`` (the built-in
    one by default) are what deadlines are counted with: tests pass fixed ones, as the app's tests do."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--version"]:  # what the parser would print, without building it
        from store.version import __version__

        print(f"weiquan {__version__}")
        return EXIT_OK
    from store.calendar.china_time import china_now
    from store.calendar.workdays import WorkCalendar
    from store.errors import WeiquanError
    from store.persistence.db_location import ENV_DB
    from store.rules.messages import Messages, detect_language
    from store.text.controls import for_plain_text
    from tui.argparse_words import argparse_in
    from tui.capture_cli import CAPTURE_VERBS
    from tui.typed_paths import typed_path

    clock = clock or china_now
    lang = language_of(arguments)
    with argparse_in(Messages(lang)):  # argparse's own words (usage, errors) in the same language
        args = build_parser(lang).parse_args(arguments)
    args.db = getattr(args, "db", None)
    args.lang = getattr(args, "lang", None) or detect_language()
    try:
        chosen = args.db or os.environ.get(ENV_DB)  # as resolve_db_path chooses, ~name checked here
        if chosen:
            typed_path(chosen)
        if args.verb is None:
            from tui.launch import launch_app  # Textual only when the app opens

            return launch_app(args, clock)
        from tui.verbs import Setting

        setting = Setting(clock, calendar if calendar is not None else WorkCalendar())
        if args.verb in CAPTURE_VERBS:
            from tui import capture_verbs

            return capture_verbs.run(args, setting)
        from tui import verbs

        return verbs.run(args, setting)
    except WeiquanError as error:
        msgs = Messages(args.lang)
        line = msgs("app.error_line", title=msgs(error.title_key), text=error.text(msgs))
        print(for_plain_text(line, keep_newlines=True), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # a file problem no layer put in words: still one line, never a traceback
        from store.persistence.file_errors import cannot

        msgs = Messages(args.lang)
        problem = cannot("use", error.filename or "?", error)
        print(msgs("app.error_line", title=msgs(problem.title_key), text=problem.text(msgs)), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
