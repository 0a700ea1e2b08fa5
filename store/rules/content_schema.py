"""TOML read into typed values: the one loader for the files in content/ and the user's holiday file.

Each file is described by msgspec types (a Struct per table, subclassing ``Schema``: unknown fields
are refused). Whatever is wrong with a file, TOML syntax or a value that does not fit, is a
ContentInvalid naming the file and the place in it (``rule[3].length``), in the user's language.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any, TypeVar, cast

import msgspec

from store.errors import ContentInvalid
from store.rules.content_files import read_text
from store.rules.messages import Msg

T = TypeVar("T")


class Schema(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Base of the content schemas: a field the schema does not name is an error, not ignored.
    (Subclasses say ``frozen=True`` again for the type checker.)"""


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT = re.compile(r"^(?P<what>.*?)(?: - at `(?P<at>[^`]*)`)?$", re.S)
_PROBLEMS = (
    (re.compile(r"^Object contains unknown field `(?P<field>[^`]+)`$"), "content.unknown_field"),
    (re.compile(r"^Object missing required field `(?P<field>[^`]+)`$"), "content.missing_field"),
    (re.compile(r"^Expected `(?P<expected>[^`]+)`, got `(?P<got>[^`]+)`$"), "content.wrong_type"),
    (re.compile(r"^Invalid enum value (?P<value>.+)$"), "content.not_a_choice"),
    (re.compile(r"^Invalid RFC3339 encoded (?:date|datetime|time)$"), "content.not_a_date"),
    (re.compile(r"^Expected `(?P<expected>[^`]+)` (?P<op>[<>]=?) (?P<bound>\S+)$"), "content.out_of_range"),
)
_TYPES = {
    "str": "text",
    "int": "integer",
    "float": "number",
    "bool": "bool",
    "array": "list",
    "object": "table",
    "date": "date",
}


def parse_toml(text: str, schema: type[T], *, source: str) -> T:
    """``text`` (TOML) as a ``schema`` value; ContentInvalid naming ``source`` on any problem."""
    return convert(toml_data(text, source=source), schema, source=source)


def toml_data(text: str, *, source: str) -> dict[str, Any]:
    """``text`` parsed as TOML; ContentInvalid naming ``source`` (and the line) if it is not TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        at = _TOML_POSITION.search(str(error))
        where = Msg.of("content.toml_position", line=at[1], column=at[2]) if at else ""
        raise ContentInvalid(Msg.of("content.not_toml", file=source, where=where)) from None


def convert(raw: object, schema: type[T], *, source: str, within: str = "") -> T:
    """Parsed data as a ``schema`` value; ContentInvalid naming ``source`` and the place if it does
    not fit. ``within``: where ``raw`` is in the file (``[2027]``), when it is not the whole file."""
    try:
        return msgspec.convert(raw, schema)
    except msgspec.ValidationError as error:
        raise ContentInvalid(schema_problem(str(error), source, within)) from None


_loaded: dict[tuple[str, type[Any]], Any] = {}  # shipped content does not change while running


def load_content(relative: str, schema: type[T]) -> T:
    """content/<relative> as a ``schema`` value (read and checked once per run)."""
    key = (relative, schema)
    if key not in _loaded:
        _loaded[key] = parse_toml(read_text(relative), schema, source=f"content/{relative}")
    return cast(T, _loaded[key])


def schema_problem(message: str, source: str, within: str = "") -> Msg:
    """msgspec's account of a value that does not fit ("Expected `int`, got `str` - at `$.rule[3]`"),
    said in the catalogs' words: the file, the place, what is wrong."""
    parts = _AT.match(message)
    assert parts is not None  # the pattern matches any text
    what, at = parts["what"], place(parts["at"], within)
    for pattern, key in _PROBLEMS:
        found = pattern.match(what)
        if found:
            values: dict[str, object] = dict(found.groupdict())
            for name in ("expected", "got"):
                if name in values:
                    values[name] = Msg.of(f"content.type_{_TYPES.get(str(values[name]), 'other')}")
            return Msg.of(key, file=source, at=at, **values)
    return Msg.of("content.invalid", file=source, at=at, problem=what)


def place(path: str | None, within: str = "") -> Msg | str:
    """msgspec's path (``$.rule[3].length``) as the reader looks for it in the file: ``rule[3].length``
    (``[2027].holidays`` within ``[2027]``)."""
    rest = (path or "$").removeprefix("$")
    if within:
        return within + rest
    return rest.removeprefix(".") or Msg.of("content.top_level")
