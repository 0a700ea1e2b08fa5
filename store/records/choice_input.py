"""A choice typed on the command line: an enum member by its value or its label in either language.

``hotline``, ``Hotline``, ``客服热线`` and ``热线`` all name Channel.HOTLINE: the stored value, a
label from a message catalog (case and spaces ignored), or a piece of exactly one label. Anything
else is an error that lists the choices in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from store.errors import InvalidInput
from store.rules.messages import LANGUAGES, Msg, catalog

E = TypeVar("E", bound=StrEnum)


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def parse_choice(text: str, members: Iterable[E], group: str, field: str) -> E:
    """The member of ``members`` that ``text`` names; ``group`` is its catalog section (channel,
    status …), ``field`` the input it came from (for the error)."""
    options = list(members)
    typed = _key(text)
    names: dict[E, set[str]] = {
        m: {_key(m.value)} | {_key(catalog(lang).get(f"{group}.{m.value}", "")) for lang in LANGUAGES} - {""}
        for m in options
    }
    if typed:
        exact = [m for m in options if typed in names[m]]
        if len(exact) == 1:
            return exact[0]
        partial = [m for m in options if any(typed in name for name in names[m])]
        if len(partial) == 1:
            return partial[0]
    choices = tuple(Msg.of("input.choice_item", label=Msg.of(f"{group}.{m.value}"), value=m.value) for m in options)
    raise InvalidInput(
        Msg.of("input.unknown_choice", text=text.strip(), what=Msg.of(f"field.{field}"), choices=choices), field
    )
