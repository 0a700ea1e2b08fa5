"""Opening the app without building the whole command line's parser: the options it takes
(--db, --lang, --demo, --no-mouse) read as argparse reads them, anything else left to argparse."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from store.rules.messages import detect_language, normalise_language

_FLAGS = ("--demo", "--no-mouse")
_VALUED = ("--db", "--lang")


@dataclass(frozen=True)
class LaunchOptions:
    db: str | None
    lang: str
    demo: bool = False
    no_mouse: bool = False


def launch_options(arguments: Sequence[str]) -> LaunchOptions | None:
    """The options of ``weiquan [--db PATH] [--lang LANG] [--demo] [--no-mouse]``; None for anything
    else (a verb, --help, an abbreviation, a value argparse would refuse or read otherwise): the
    parser then reads it and says what is wrong in the user's language."""
    values: dict[str, str] = {}
    flags: set[str] = set()
    index = 0
    while index < len(arguments):
        arg = arguments[index]
        name, equals, value = arg.partition("=")
        if arg in _FLAGS:
            flags.add(arg)
            index += 1
            continue
        if name in _VALUED and equals:
            pass
        elif arg in _VALUED and index + 1 < len(arguments) and not arguments[index + 1].startswith("-"):
            index += 1
            name, value = arg, arguments[index]
        else:
            return None
        if name == "--lang":  # each one read as argparse reads it: an unknown one is refused, even if another follows
            try:
                value = normalise_language(value)
            except ValueError:
                return None
        values[name] = value
        index += 1
    return LaunchOptions(
        values.get("--db"), values.get("--lang") or detect_language(), "--demo" in flags, "--no-mouse" in flags
    )
