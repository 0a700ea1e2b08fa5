"""Every CLI verb and output format, run as a user would, over a database whose every text field
holds hostile text: the bytes on stdout and stderr carry no raw control, C1, DEL or bidi
character, and JSON gives back exactly the text stored."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import orjson
import pytest

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.cli import weiquan_command
from tests.helpers.hostile_store import fill_case, fill_corpus
from tests.helpers.hostile_text import CORPUS, SAMPLER, injected

FAR = 3000  # days: deadlines stay ahead of the real clock the command line runs on
OSC52 = "\x1b]52;c;cHduZWQ=\x07"


def run(*args: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full_env = {k: v for k, v in os.environ.items() if k != "WEIQUAN_DB"}
    full_env.update({"LANG": "C.UTF-8", **(env or {})})
    return subprocess.run([*weiquan_command(), *args], capture_output=True, env=full_env, timeout=60, check=False)


def clean(data: bytes, *, allow_cr: bool = False) -> str:
    """The output as text, checked: valid UTF-8 (a raw 8-bit C1 byte is not) and nothing injected."""
    text = data.decode("utf-8")
    assert injected(text, allow_cr=allow_cr) == [], text[:300]
    assert "Traceback" not in text
    return text


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "weiquan.json"
    store = CaseStore.open(path, clock=lambda: FIXED_NOW, backups=False)
    fill_case(store, [SAMPLER], deadline_days=FAR)
    fill_corpus(store, CORPUS, deadline_days=FAR)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--all"],
        ["due", "--within", "3660"],
        ["export", "1"],
        ["export", "1", "--format", "dossier"],
        ["export", "1", "--format", "complaint", "--redact"],
        ["export", "1", "--format", "timeline", "--lang", "en"],
    ],
    ids=lambda a: " ".join(a),
)
def test_text_output(db: Path, args: list[str]) -> None:
    result = run(*args, "--db", str(db))
    assert result.returncode in (0, 1), result.stderr
    out = clean(result.stdout)
    clean(result.stderr)
    assert out.strip()


def test_list_json_escapes_and_round_trips(db: Path) -> None:
    result = run("list", "--all", "--json", "--db", str(db))
    rows = orjson.loads(clean(result.stdout))
    assert {r["id"]: r["title"] for r in rows} == {c.id: c.title for c in CaseStore.open(db).cases()}
    assert "\\u001b]52" in result.stdout.decode() and "\\u009b" in result.stdout.decode()


def test_due_json_escapes_and_round_trips(db: Path) -> None:
    result = run("due", "--within", "3660", "--json", "--db", str(db))
    body = orjson.loads(clean(result.stdout))
    titles = {c.id: c.title for c in CaseStore.open(db).cases()}
    assert body["items"] and all(item["case_title"] == titles[item["case_id"]] for item in body["items"])


def test_export_json(db: Path) -> None:
    for redact in ([], ["--redact"]):
        result = run("export", "1", "--json", *redact, "--db", str(db))
        body = orjson.loads(clean(result.stdout))
        assert "␛" in body["markdown"]
        clean(result.stderr)


def test_ics(db: Path) -> None:
    result = run("ics", "--within", "3660", "--db", str(db))
    text = clean(result.stdout, allow_cr=True)
    assert "BEGIN:VEVENT" in text and "␛]52" in text


def test_backup_to_stdout(db: Path) -> None:
    result = run("backup", "-o", "-", "--db", str(db))
    body = orjson.loads(clean(result.stdout))
    assert body["cases"][0]["title"].startswith("TT" + OSC52)


def test_messages_quoting_a_crafted_file(tmp_path: Path) -> None:
    """msgspec's "Object contains unknown field `…`" quotes a key from the file."""
    source = CaseStore.open(tmp_path / "good.json", clock=lambda: FIXED_NOW, backups=False)
    source.create_case({"title": "x"})
    backup = tmp_path / "crafted.json"
    run("backup", "-o", str(backup), "--db", str(tmp_path / "good.json"))
    body = orjson.loads(backup.read_bytes())
    body["cases"][0][OSC52 + "\x9b2J\u202e"] = 1
    backup.write_bytes(orjson.dumps(body))
    restored = run("restore", str(backup), "--db", str(tmp_path / "target.json"))
    assert restored.returncode == 2
    message = clean(restored.stderr)
    assert "␛]52" in message

    db = tmp_path / "crafted-db.json"
    raw = orjson.loads((tmp_path / "good.json").read_bytes())
    first = next(iter(raw["cases"].values()))
    first[OSC52 + "\x9b2J"] = 1
    db.write_bytes(orjson.dumps(raw))
    listed = run("list", "--db", str(db))
    assert listed.returncode == 2
    assert "␛]52" in clean(listed.stderr)


def test_holiday_file_text(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    CaseStore.open(db, clock=lambda: FIXED_NOW, backups=False)
    (tmp_path / "holidays.toml").write_text(  # a year no built-in calendar will have for decades
        '[2090]\nsource = "\\u001b]0;pwned\\u0007 \\u009b2J \\u202e"\nholidays = ["2090-01-01"]\nworkdays = []\n',
        encoding="utf-8",
    )
    result = run("holidays", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "␛]0;pwned" in clean(result.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ["list", OSC52],
        ["export", "\x1b[2J"],
        ["--lang", "\x9b2J\u202e", "list"],
        ["restore", "/nonexistent/\x1b]0;pwned\x07.json"],
        ["restore", b"/nonexistent/\xff\x9b2J.json"],  # not UTF-8: a lone surrogate in Python
    ],
    ids=["unrecognized", "invalid-int", "language", "restore-name", "undecodable-name"],
)
def test_arguments_quoted_in_errors(tmp_path: Path, args: list[str | bytes]) -> None:
    result = run(*args, "--db", str(tmp_path / "weiquan.json"))
    assert result.returncode == 2
    clean(result.stdout)
    clean(result.stderr)
