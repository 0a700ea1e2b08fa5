"""A path as the user typed it, ``~`` and ``~name`` expanded. pathlib raises RuntimeError for a
``~name`` that is no user on this system (and for ``~`` without a home): a traceback from every
verb given such a path, and the end of the app typed into its save dialog. It is one clear line
instead, in the user's language."""

from __future__ import annotations

from pathlib import Path

from store.errors import InvalidInput
from store.rules.messages import Msg


def typed_path(text: str, field: str = "path") -> Path:
    """``text`` as a path; InvalidInput for ``field`` (the form field to mark) when ~name is no user."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        raise InvalidInput(Msg.of("input.unknown_home", path=text), field) from None
