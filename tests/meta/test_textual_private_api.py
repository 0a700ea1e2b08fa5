"""Textual's private API is used in tui/textual_compat/ and nowhere else (tui/ and tests/).

Three ways code can depend on it, each checked from the source:
* importing a private module (``textual.widgets._markdown``) or a private name;
* reading or calling a private attribute Textual defines (``app._register``, ``block._blocks``);
* a subclass of a Textual class defining a private name one of its Textual bases defines (an
  override of ``_on_mount``, or an attribute that would silently replace Textual's own).

Textual's private names are read from its installed source, so a new one is known after an upgrade.
A private name our own code defines as well (``_rows`` on the main screen) is taken to be ours
where it is read; defining it on a Textual subclass that has it is the third check.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
import textual

ROOT = Path(__file__).resolve().parents[2]
COMPAT = ROOT / "tui" / "textual_compat"
TEXTUAL = Path(textual.__file__).parent


def _private(name: str) -> bool:
    """``_name``: not a dunder, and not ``_`` (a value thrown away)."""
    return name.startswith("_") and not name.startswith("__") and name.strip("_") != ""


def _sources() -> list[Path]:
    return sorted(p for folder in ("tui", "tests") for p in (ROOT / folder).rglob("*.py") if COMPAT not in p.parents)


def _defined(tree: ast.AST, *, own_attributes_only: bool = False) -> set[str]:
    """Private names a piece of source defines: functions, classes, variables and attributes it
    sets (with ``own_attributes_only``, only attributes of ``self`` and ``cls``: setting another
    object's private attribute uses it, it does not make it ours)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            if not own_attributes_only or (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return {name for name in names if _private(name)}


@cache
def textual_private_names() -> frozenset[str]:
    names: set[str] = set()
    for path in TEXTUAL.rglob("*.py"):
        names |= _defined(ast.parse(path.read_text(encoding="utf-8")))
    return frozenset(names)


@cache
def our_private_names() -> frozenset[str]:
    names: set[str] = set()
    for path in _sources():
        names |= _defined(ast.parse(path.read_text(encoding="utf-8")), own_attributes_only=True)
    return frozenset(names)


def private_imports(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "textual":
            if any(_private(part) for part in node.module.split(".")):
                yield node.lineno, f"from {node.module} import …"
            for alias in node.names:
                if _private(alias.name):
                    yield node.lineno, f"from {node.module} import {alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "textual" and any(_private(part) for part in parts):
                    yield node.lineno, f"import {alias.name}"


def private_reads(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Private attributes of Textual's read anywhere (not of a module such as ``os._exit``)."""
    modules = {
        (alias.asname or alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name.split(".")[0] != "textual"
    }
    theirs, ours = textual_private_names(), our_private_names()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not _private(node.attr):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in modules:
            continue
        if node.attr not in theirs:
            continue
        # ``Widget._on_mount(...)``: named through a Textual class, it is Textual's even if we
        # happen to use the name too
        through_textual = isinstance(node.value, ast.Name) and _is_textual_class(node.value.id, tree)
        if node.attr not in ours or through_textual:
            yield node.lineno, f".{node.attr}"


def _is_textual_class(name: str, tree: ast.AST) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and (node.module or "").split(".")[0] == "textual"
        and any((alias.asname or alias.name) == name for alias in node.names)
        for node in ast.walk(tree)
    )


@cache
def _class_privates(cls: type) -> frozenset[str]:
    """Private names a class's own source gives its instances: methods and class attributes of its
    body, and attributes it sets on ``self`` (not local variables, nor what Textual's metaclass
    sets on every class)."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return frozenset()
    body = ast.parse(source).body[0]
    assert isinstance(body, ast.ClassDef)
    names: set[str] = set()
    for node in body.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    for node in ast.walk(body):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
        ):
            names.add(node.attr)
    return frozenset(name for name in names if _private(name))


def shadowed_privates(module: ModuleType) -> Iterator[tuple[int, str]]:
    """Private names our Textual subclasses define that a Textual base class defines too."""
    for cls in vars(module).values():
        if not inspect.isclass(cls) or cls.__module__ != module.__name__:
            continue
        bases = [base for base in cls.__mro__ if base.__module__.split(".")[0] == "textual"]
        if not bases:
            continue
        theirs = set().union(*(_class_privates(base) for base in bases))
        for name in sorted(_class_privates(cls) & theirs):
            yield inspect.getsourcelines(cls)[1], f"{cls.__name__}.{name}"


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _in_sources(check: Callable[[ast.AST], Iterator[tuple[int, str]]]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in _sources()
        for line, what in check(ast.parse(path.read_text(encoding="utf-8")))
    ]


def test_nothing_but_the_compat_module_imports_private_textual_names() -> None:
    found = _in_sources(private_imports)
    assert not found, "private Textual imports outside tui/textual_compat/:\n" + "\n".join(found)


def test_nothing_but_the_compat_module_reads_private_textual_attributes() -> None:
    found = _in_sources(private_reads)
    assert not found, "private Textual attributes used outside tui/textual_compat/:\n" + "\n".join(found)


def test_no_widget_overrides_a_private_textual_member() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in sorted((ROOT / "tui").rglob("*.py"))
        if COMPAT not in path.parents
        for line, what in shadowed_privates(importlib.import_module(_module_name(path)))
    ]
    assert not found, "Textual's private members overridden outside tui/textual_compat/:\n" + "\n".join(found)


def test_the_checks_see_each_kind_of_private_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each check finds what it is there to find (a check that cannot fail proves nothing)."""
    sample = ast.parse(
        textwrap.dedent(
            """
            import os
            from textual.widgets._markdown import MarkdownBullet
            from textual.widget import Widget
            from textual import _compat
            def f(app, block, event):
                app._register(app, block)
                Widget._on_mount(block, event)
                os._exit(0)
            """
        )
    )
    assert [what for _, what in private_imports(sample)] == [
        "from textual.widgets._markdown import …",
        "from textual import _compat",
    ]
    assert [what for _, what in private_reads(sample)] == ["._register", "._on_mount"]
    (tmp_path / "shadowing_sample.py").write_text(
        "from textual.widgets import Markdown\n"
        "from textual.widgets.markdown import MarkdownBlock\n"
        "class Document(Markdown):\n"
        "    async def _on_mount(self, event):\n"
        "        pass\n"
        "class Block(MarkdownBlock):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self._content = 'mine'\n"
        "        self._mine = 1\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    sample_module = importlib.import_module("shadowing_sample")
    assert [what for _, what in shadowed_privates(sample_module)] == ["Document._on_mount", "Block._content"]
