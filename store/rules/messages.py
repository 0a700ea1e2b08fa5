"""UI and export strings from the message catalogs in content/i18n/<lang>.toml."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache

from store.rules.content_files import read_toml

LANGUAGES = ("zh-CN", "en")
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


@cache
def catalog(lang: str) -> dict[str, str]:
    return _flatten(read_toml(f"i18n/{lang}.toml"))


class Messages:
    """``msgs("case.title")`` or ``msgs("due.overdue", days=3)``; falls back to English, then the key."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._own = catalog(lang)
        self._fallback = catalog(DEFAULT_LANGUAGE)

    def __call__(self, key: str, **values: object) -> str:
        text = self._own.get(key) or self._fallback.get(key) or key
        return text.format(**values) if values else text

    def enum(self, group: str, value: object) -> str:
        """Label of an enum member, e.g. enum('channel', Channel.HOTLINE)."""
        raw = getattr(value, "value", value)
        return self(f"{group}.{raw}")
