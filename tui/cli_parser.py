"""The command line's parser (argparse): every verb, its options and its help in the user's language."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn


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
