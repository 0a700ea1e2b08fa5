"""msgspec's validation errors ("Expected `str` of length <= 200 - at `$.order_no`") as messages
for the user: the field by its label in the user's language, the problem from the catalogs.

A record's own rules (``__post_init__``) raise ValueError, whose text msgspec passes on; they raise
it with ``problem(Msg.of(...))``, so the message they mean travels through msgspec intact.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec
import orjson

from store.errors import InvalidInput
from store.rules.messages import Msg, catalog

_MARK = "weiquan-msg:"
# Record fields whose label in the catalogs has another name.
_LABELS = {"amount_paid_fen": "amount_paid", "compensation_fen": "compensation", "recovered_fen": "recovered"}
# msgspec's phrases (0.18–0.22) -> catalog key, with the named groups as parameters.
_PHRASES = [
    (re.compile(r"^Expected `(?:str|array)` of length <= (?P<limit>\d+)$"), "input.too_long"),
    (re.compile(r"^Expected `(?:str|array)` of length >= 1$"), "input.field_empty"),
    (re.compile(r"^Expected `(?:str|array)` of length >= (?P<limit>\d+)$"), "input.too_short"),
    (re.compile(r"^Expected `(?:int|float)` >= (?P<limit>-?\d+)$"), "input.too_small"),
    (re.compile(r"^Expected `(?:int|float)` <= (?P<limit>-?\d+)$"), "input.too_large"),
    (re.compile(r"^Expected `str` matching regex .*$"), "input.bad_format"),
    (re.compile(r"^Invalid enum value (?P<value>.*)$"), "input.not_a_choice"),
    (re.compile(r"^Expected `datetime` with a timezone component$"), "input.needs_timezone"),
    (re.compile(r"^Invalid RFC3339 encoded (?:datetime|date|time)$"), "input.bad_date_value"),
    (re.compile(r"^Expected `[^`]*`, got `[^`]*`$"), "input.wrong_kind"),
    (re.compile(r"^Object missing required field `(?P<name>[^`]*)`$"), "input.missing_field"),
    (re.compile(r"^Object contains unknown field `(?P<name>[^`]*)`$"), "input.unknown_field"),
]


def problem(msg: Msg) -> str:
    """The text of a ValueError a record's ``__post_init__`` raises: ``msg``, kept whole through msgspec."""
    return _MARK + orjson.dumps({"key": msg.key, "params": msg.params}).decode()


def _carried(text: str) -> Msg | None:
    if not text.startswith(_MARK):
        return None
    data: dict[str, Any] = orjson.loads(text[len(_MARK) :])
    return Msg(str(data["key"]), dict(data["params"]))


def split_error(error: msgspec.ValidationError) -> tuple[str, str]:
    """msgspec's 'Expected … - at `$.contacts[0].at`' as (field path, problem)."""
    text = str(error)
    what, sep, where = text.rpartition(" - at `")
    if not sep:
        return "", text
    return where.rstrip("`").removeprefix("$").lstrip("."), what


def field_label(path: str) -> str | Msg:
    """A field by its label in the catalogs (amount_paid_fen → 'Amount paid (¥)'), else its name."""
    root = path.split(".")[0].split("[")[0]
    key = f"field.{_LABELS.get(root, root)}"
    if root and key in catalog("en") and "." not in path and "[" not in path:
        return Msg.of(key)
    return path


def problem_message(path: str, text: str, *, by_label: bool = True) -> Msg:
    """The problem msgspec describes in ``text`` (at ``path``) as a message from the catalogs; the
    field by its label, or (``by_label=False``, for a stored record) by its name in the file."""
    carried = _carried(text)
    if carried is not None:
        return carried
    for pattern, key in _PHRASES:
        found = pattern.match(text)
        if found:
            values: dict[str, object] = dict(found.groupdict())
            name = str(values.pop("name", "") or path)
            if "limit" in values:
                values["limit"] = int(str(values["limit"]))
            if "value" in values:
                values["value"] = str(values["value"]).strip("'\"")
            if not name:  # the record as a whole, not one field
                return Msg.of("input.record_wrong_kind")
            return Msg(key, {"field": field_label(name) if by_label else name, **values})
    if not path:
        return Msg.of("input.record_wrong_kind")
    return Msg.of("input.field_invalid_other", field=field_label(path) if by_label else path)


def invalid_input(error: msgspec.ValidationError) -> InvalidInput:
    """A validation error as InvalidInput naming its field."""
    path, text = split_error(error)
    return InvalidInput(problem_message(path, text), path or None)
