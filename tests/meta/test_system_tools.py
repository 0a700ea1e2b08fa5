"""Tests needing a system program skip with a reason locally and fail under CI."""

from __future__ import annotations

import pytest

from tests.helpers.system_tools import CI_VARIABLE, require_tool


def test_a_missing_program_skips_with_its_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CI_VARIABLE, raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(pytest.skip.Exception, match=r"needs pandoc.*apt-get install pandoc"):
        require_tool("pandoc")


def test_a_missing_program_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CI_VARIABLE, "1")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(pytest.fail.Exception, match="required"):
        require_tool("pandoc")


def test_an_installed_program_runs_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CI_VARIABLE, "1")
    require_tool("sh")
