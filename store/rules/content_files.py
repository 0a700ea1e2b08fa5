"""Read files shipped in the ``content`` package (works from a wheel and from a checkout)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


def read_text(relative: str) -> str:
    """Text of content/<relative>, e.g. 'rules/ladder.toml'."""
    resource = files("content")
    for part in relative.split("/"):
        resource = resource.joinpath(part)
    return resource.read_text(encoding="utf-8")


@cache
def read_toml(relative: str) -> dict[str, Any]:
    return tomllib.loads(read_text(relative))


def list_dir(relative: str) -> list[str]:
    resource = files("content")
    for part in relative.split("/"):
        resource = resource.joinpath(part)
    return sorted(item.name for item in resource.iterdir())
