"""Bindings whose descriptions come from the message catalog (Footer, help screen, palette)."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from store.rules.messages import Messages


def localize(bindings: list[Any], msgs: Messages) -> list[Binding]:
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
        for b in bindings
    ]


class Localized:
    """Mixin for screens: ``Screen.localized(msgs)`` is the class with translated bindings."""

    BINDINGS: list[Any] = []

    @classmethod
    def localized(cls, msgs: Messages) -> Any:
        return type(cls.__name__, (cls,), {"BINDINGS": localize(cls.BINDINGS, msgs)})
