"""UI and export strings from the message catalogs in content/i18n/<lang>.toml."""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

LANGUAGES = ("zh-CN", "en")
PLURAL_ONE, PLURAL_OTHER = "singular", "plural"  # the forms of a message that depends on its count
DEFAULT_LANGUAGE = "en"


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """zh-CN when the locale is Chinese, English otherwise."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return "zh-CN" if value.lower().startswith("zh") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def normalise_language(value: str) -> str:
    """Accept zh, zh_CN, zh-cn, en, en_US …; raise ValueError for anything else."""
    low = value.strip().lower().replace("_", "-")
    if low.startswith("zh"):
        return "zh-CN"
    if low.startswith("en"):
        return "en"
    raise ValueError(f"unknown language {value!r}; use zh-CN or en")


def _flatten(table: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


# A catalog's shape: [section] tables of strings, or of tables of strings ([section.group]).
Catalog = dict[str, dict[str, str | dict[str, str]]]


_GIVEN: dict[str, dict[str, str]] = {}


def given_catalogs(catalogs: Mapping[str, dict[str, str]]) -> None:
    """Catalogs read elsewhere (the app's start-up reads them in a child process, tui.early_listing):
    used instead of reading them again."""
    _GIVEN.update(catalogs)


@cache
def catalog(lang: str) -> dict[str, str]:
    """Every message of ``lang`` by its dotted key ("due.overdue")."""
    given = _GIVEN.get(lang)
    if given is not None:
        return given
    # imported here: the loader's errors are messages too (store.errors imports this module)
    from store.rules.content_schema import load_content

    return _flatten(load_content(f"i18n/{lang}.toml", Catalog))


@dataclass(frozen=True)
class Msg:
    """A message not yet put into words: a catalog key and its parameters.

    The headless core says *what* happened (``Msg("input.not_a_date", text="2-30")``); the
    interface, which knows the user's language, says it (``msgs(error.msg)``). A parameter may
    itself be a Msg (a field's label, an enum's name): it is translated first; a tuple of them
    becomes a list in the language's own punctuation.
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Msg:
        return cls(key, params)


class Messages:
    """``msgs("case.title")`` or ``msgs("due.overdue", days=3)``; falls back to English, then the key.

    ``msgs(Msg(...))`` translates a message built by the core, its Msg parameters included.

    A message whose words depend on a number is a table in the catalog, ``{singular = "{count}
    case", plural = "{count} cases"}``, and its ``count`` parameter picks the form (English says
    "1 case", "2 cases"; Chinese needs one form, written as a plain string).
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._own = catalog(lang)
        self._fallback = catalog(DEFAULT_LANGUAGE)

    def __call__(self, key: str | Msg, /, **values: object) -> str:
        if isinstance(key, Msg):
            return self(key.key, **{**key.params, **values})
        text = self._text(key, values.get("count"))
        if not values:
            return text
        words = {name: self._word(v) for name, v in values.items()}
        for name in _stop_follows(text):  # "cannot be read: {problem}." with a problem that is a sentence
            word = words.get(name)
            if isinstance(values[name], Msg) and isinstance(word, str) and word.endswith(_STOPS):
                words[name] = word[:-1]
        return text.format(**words)

    def _text(self, key: str, count: object) -> str:
        for table in (self._own, self._fallback):
            text = table.get(key)
            if text:
                return text
            if f"{key}.{PLURAL_OTHER}" in table:
                form = PLURAL_ONE if count == 1 and f"{key}.{PLURAL_ONE}" in table else PLURAL_OTHER
                return table[f"{key}.{form}"]
        return key

    def _word(self, value: object) -> object:
        """A parameter in this language: a Msg translated, a tuple of them listed ("a, b" / "a、b")."""
        if isinstance(value, Msg):
            return self(value)
        if isinstance(value, tuple):
            return self("app.list_separator").join(str(self._word(v)) for v in value)
        return value

    def has(self, key: str) -> bool:
        return key in self._own or f"{key}.{PLURAL_OTHER}" in self._own

    def enum(self, group: str, value: object) -> str:
        """Label of an enum member, e.g. enum('channel', Channel.HOTLINE)."""
        raw = getattr(value, "value", value)
        return self(f"{group}.{raw}")


_STOPS = (".", "。")


@cache
def _stop_follows(text: str) -> frozenset[str]:
    """The placeholders a full stop follows in ``text``: a message put there keeps one stop, not two."""
    parsed = list(string.Formatter().parse(text))
    return frozenset(name for (_, name, _, _), (after, *_) in pairwise(parsed) if name and after.startswith(_STOPS))
