"""Read files shipped in the ``content`` package (works from a wheel and from a checkout). TOML is
read through store.rules.content_schema, which checks it against its schema."""

from __future__ import annotations

from importlib.resources import files


def read_text(relative: str) -> str:
    """Text of content/<relative>, e.g. 'rules/ladder.toml'."""
    resource = files("content")
    for part in relative.split("/"):
        resource = resource.joinpath(part)
    return resource.read_text(encoding="utf-8")


def list_dir(relative: str) -> list[str]:
    resource = files("content")
    for part in relative.split("/"):
        resource = resource.joinpath(part)
    return sorted(item.name for item in resource.iterdir())
