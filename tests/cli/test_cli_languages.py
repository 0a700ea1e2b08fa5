"""Every kind of command-line error, under a Chinese and an English locale: one line on stderr in
that language (argparse's own errors and help included), exit status 2, never a traceback."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from tests.helpers.cli import run_weiquan
from tests.helpers.languages import language_problem

LOCALES = {"zh-CN": "zh_CN.UTF-8", "en": "en_US.UTF-8"}


def _with_case(tmp: Path) -> Path:
    db = tmp / "weiquan.json"
    store = CaseStore.open(db)
    case = store.create_case({"title": "Kettle"})
    store.add_contact(case.id, {"at": "2026-11-20T10:00:00+08:00", "channel": "hotline"})
    return db


def _not_utf8(tmp: Path) -> Path:
    path = tmp / "order.txt"
    path.write_bytes(b"\xff\xfe order")
    return path


def _holiday_file(tmp: Path) -> Path:
    db = _with_case(tmp)
    (tmp / "holidays.toml").write_text('[2030]\nholidays = ["someday"]\n', encoding="utf-8")
    return db


def _link(tmp: Path) -> Path:
    link = tmp / "out.md"
    link.symlink_to(tmp / "elsewhere.md")
    return link


# (name, the arguments for a folder to work in, the values that come from the user)
CALLS: list[tuple[str, Callable[[Path], list[str]]]] = [
    ("within", lambda t: ["due", "--within", "-4", "--db", str(_with_case(t))]),
    ("no database", lambda t: ["list", "--db", str(t / "none.json")]),
    ("no case", lambda t: ["export", "99", "--db", str(_with_case(t))]),
    ("output is a folder", lambda t: ["export", "1", "-o", str(t), "--db", str(_with_case(t))]),
    ("output is a link", lambda t: ["backup", "-o", str(_link(t)), "--db", str(_with_case(t))]),
    ("restore a missing file", lambda t: ["restore", str(t / "nope.json"), "--db", str(t / "db.json")]),
    ("restore not json", lambda t: ["restore", str(_not_utf8(t)), "--db", str(t / "db.json")]),
    ("holiday file", lambda t: ["holidays", "--db", str(_holiday_file(t))]),
    ("unknown verb", lambda t: ["nosuchverb"]),
    ("missing argument", lambda t: ["export"]),
    ("not a number", lambda t: ["due", "--within", "x"]),
    ("unknown option", lambda t: ["list", "--colour"]),
    ("unknown language", lambda t: ["--lang", "fr", "list"]),
    ("no terminal", lambda t: ["--db", str(t / "db.json")]),
    ("new without title", lambda t: ["new", "--title", "", "--db", str(t / "db.json")]),
    (
        "new from bad text",
        lambda t: ["new", "--title", "x", "--from-text", str(_not_utf8(t)), "--db", str(t / "d.json")],
    ),
    ("log bad channel", lambda t: ["log", "1", "--channel", "fax", "--db", str(_with_case(t))]),
    ("log bad date", lambda t: ["log", "1", "--at", "someday", "--db", str(_with_case(t))]),
    ("mark not a case", lambda t: ["mark", "abc", "1", "kept", "--db", str(_with_case(t))]),
    ("mark no promise", lambda t: ["mark", "1", "last", "kept", "--db", str(_with_case(t))]),
    ("empty note", lambda t: ["note", "1", " ", "--db", str(_with_case(t))]),
    ("attach a missing file", lambda t: ["attach", "1", "chat_log", str(t / "nope.png"), "--db", str(_with_case(t))]),
    ("bad status", lambda t: ["status", "1", "lost", "--db", str(_with_case(t))]),
]


@pytest.mark.parametrize("lang", list(LOCALES))
@pytest.mark.parametrize(("name", "arguments"), CALLS, ids=[name for name, _ in CALLS])
def test_an_error_is_one_line_in_the_locales_language(tmp_path: Path, name: str, arguments, lang: str) -> None:
    args = arguments(tmp_path)
    env = {"LANG": LOCALES[lang], "LC_ALL": LOCALES[lang]}
    result = run_weiquan(*args, env=env)
    assert result.returncode == 2, (name, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    message = next(line for line in reversed(lines) if "weiquan" in line)  # argparse puts its usage first
    user_text = [a for a in args if os.sep in a or a in ("fax", "someday", "abc", "lost", "nosuchverb", "x", "fr")]
    user_text += ["--colour", "case", "weiquan", "VERB"]  # argparse names the argument as it is spelled
    assert language_problem(message, lang, user_text) == "", name


DESCRIPTION = re.compile(r"^ {2,}\S.*? {2,}(\S.*)$|^ {20,}(\S.*)$")


@pytest.mark.parametrize("verb", [[], ["due"], ["export"], ["new"], ["log"], ["restore"]])
def test_help_is_in_chinese_under_a_chinese_locale(verb: list[str]) -> None:
    """No description of the English help is left in the Chinese one, and argparse's words are Chinese."""
    zh = run_weiquan(*verb, "--help", env={"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"})
    en = run_weiquan(*verb, "--help", env={"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"})
    assert zh.returncode == 0 and en.returncode == 0
    assert zh.stdout.startswith("用法：") and "显示此帮助并退出" in zh.stdout and "options" not in zh.stdout
    english = [m.group(1) or m.group(2) for line in en.stdout.splitlines() if (m := DESCRIPTION.match(line))]
    assert len(english) >= 2
    english = [text for text in english if "[" not in text]  # usage lines wrapped under "usage:"
    left = [text for text in english if len(text.split()) >= 3 and text in zh.stdout]
    assert left == []


def test_a_chinese_error_line_uses_chinese_punctuation(tmp_path: Path) -> None:
    result = run_weiquan(
        "list", "--db", str(tmp_path / "none.json"), env={"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    )
    line = result.stderr.strip()
    assert line.startswith("weiquan: ") and "：" in line and ": " not in line.removeprefix("weiquan: ")
