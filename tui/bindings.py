"""Bindings whose descriptions come from the message catalog (Footer, help screen, palette), and
the one way a key is named on screen: Textual's ``App.get_key_display``, as the Footer names it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, ClassVar, Self, cast

from textual.app import App
from textual.binding import Binding, BindingType

from store.rules.messages import Messages


def localize(bindings: Iterable[BindingType], msgs: Messages) -> list[BindingType]:
    """Copies of ``bindings`` with each description (a catalog key) translated."""
    return [
        Binding(
            b.key,
            b.action,
            msgs(b.description) if b.description else "",
            show=b.show,
            key_display=b.key_display,
            priority=b.priority,
            id=b.id,
            tooltip=msgs(b.tooltip) if b.tooltip else "",
        )
        for b in map(_as_binding, bindings)
    ]


def _as_binding(binding: BindingType) -> Binding:
    return binding if isinstance(binding, Binding) else Binding(*binding)


def key_names(app: App[Any], bindings: Iterable[BindingType | str], *, every_key: bool = True) -> list[str]:
    """How the keys of ``bindings`` (or of key strings such as "tab,shift+tab") are shown: ``?``,
    ``^s``, ``esc``, ``↑``, each once.

    ``every_key``: each key of a binding such as "d,delete" (the help screen lists them all);
    otherwise the one the Footer shows (the binding's ``key_display``, else its first key).
    """
    names: list[str] = []
    for binding in bindings:
        keys = list(Binding.make_bindings([Binding(binding, "") if isinstance(binding, str) else binding]))
        if every_key:
            names += [app.get_key_display(dataclasses.replace(key, key_display=None)) for key in keys]
        elif keys:
            names.append(app.get_key_display(keys[0]))
    return list(dict.fromkeys(names))


class Localized:
    """Mixin for screens: ``Screen.localized(msgs)`` is the class with translated bindings."""

    BINDINGS: ClassVar[list[BindingType]] = []

    @classmethod
    def localized(cls, msgs: Messages) -> type[Self]:
        return cast(type[Self], type(cls.__name__, (cls,), {"BINDINGS": localize(cls.BINDINGS, msgs)}))
