"""argparse's own words ("usage:", "options", "the following arguments are required: …") in the
user's language.

argparse looks each of its phrases up through gettext at the moment it writes it, by the module's
``_`` and ``ngettext`` names; there is no other hook short of installing compiled .mo files. So,
while the command line is parsed (and help printed), those two names point at the catalogs here,
which keep argparse's own %-placeholders. Phrases that only a programming error can produce are
left as they are.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from store.rules.messages import Messages

# argparse's phrase (Python 3.11–3.13) -> catalog key
PHRASES = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "expected one argument": "argparse.expected_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "one of the arguments %s is required": "argparse.one_of_required",
    "ignored explicit argument %r": "argparse.ignored_argument",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown_parser",
}
PLURAL_PHRASES = {"expected %s argument": "argparse.expected_n"}


def translator(msgs: Messages) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    def gettext(message: str) -> str:
        key = PHRASES.get(message)
        return msgs(key) if key else message

    def ngettext(singular: str, plural: str, n: int) -> str:
        key = PLURAL_PHRASES.get(singular)
        if key is None:
            return singular if n == 1 else plural
        return msgs(key, count=n)  # "%s" kept: argparse fills the number in itself

    return gettext, ngettext


@contextmanager
def argparse_in(msgs: Messages) -> Iterator[None]:
    """argparse speaks the language of ``msgs`` inside the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translator(msgs)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
