"""Every error a user can meet, in both languages.

Statically, every place in store/ and tui/ that raises one of weiquan's errors gives it a catalog
message (never a sentence in code), whose key is in both catalogs and reads as Chinese in Chinese
and English in English. Then each error path is walked for real (parsers, record validation, the
store, damaged databases and backups, the holiday file, files that cannot be used), and the message
the user would read is checked in both languages; every key raised in code must be among those
walked, or in the short list of paths walked elsewhere (with the reason). The command line's
errors are walked in tests/cli/test_cli_languages.py.
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

import store.errors
from store.calendar.china_time import CHINA_TZ
from store.calendar.holiday_file import read_holiday_file
from store.cases.case_store import CaseStore
from store.errors import WeiquanError
from store.persistence.atomic_files import companion_folder
from store.persistence.backup_format import read_backup
from store.persistence.evidence_vault import check_attachable
from store.persistence.output_files import write_output
from store.persistence.regular_files import read_regular
from store.persistence.schema import SCHEMA_VERSION, SchemaProblem, migrate
from store.records.case_input import case_fields_from_form, contact_fields_from_form, parse_sign_off
from store.records.choice_input import parse_choice
from store.records.date_input import parse_date, parse_datetime
from store.records.deadline_input import parse_deadline
from store.records.duration_input import parse_duration
from store.records.models import Case, Channel, Contact, EvidenceFile, PromiseState, build
from store.records.money import parse_yuan
from store.rules.messages import Msg, catalog
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.languages import both_languages, language_problem, message_keys, user_values

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[^}]*\}|%\(\w+\)[sdr]|%[sdr]")
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=CHINA_TZ)
CAL = calendar_to_2026()
TODAY = NOW.date()
STAMP = "2026-11-20T10:00:00+08:00"
ERROR_CLASSES = {
    name
    for name in dir(store.errors)
    if isinstance(getattr(store.errors, name), type) and issubclass(getattr(store.errors, name), Exception)
} | {"SchemaProblem"}

# Keys raised in code whose path is walked by another test, and why not here.
WALKED_ELSEWHERE = {
    "files.busy": "a lock held past its timeout: tests/store/test_crash_and_concurrency.py",
    "files.encode_failed": "a database that cannot be encoded: only a bug could cause it",
    "files.changed_while_saving": "another program edits the file during a save: tests/store/test_stored_bytes.py",
    "files.save_failed": "a full disk or a refused write: tests/store/test_file_safety.py (patched errno)",
    "files.save_failed_because": "a write refused for a reason weiquan names: tests/store/test_file_safety.py",
    "backup.safety_copy_failed": "the copy before a restore fails: tests/cli/test_bad_paths.py",
    "capture.busy_case": "another session changes the case on every try: tests/cli/test_capture_verbs.py",
    "capture.not_utf8": "a verb's text file: tests/cli/test_cli_languages.py",
    "input.unknown_home": "~name of no user in a path: tests/cli/test_bad_paths.py, tests/app/test_failed_saves.py",
    "files.output_is_own_file": "export, ics or backup -o onto the database: tests/cli/test_bad_paths.py",
    "capture.argument_not_utf8": "an argument a GBK terminal sent: tests/cli/test_capture_verbs.py",
    "capture.no_promise_yet": "weiquan mark: tests/cli/test_cli_languages.py",
    "capture.empty_note": "weiquan note: tests/cli/test_cli_languages.py",
    "capture.not_a_{field}_number": "weiquan mark / log arguments: tests/cli/test_cli_languages.py",
    "cli.bad_within": "weiquan due --within: tests/cli/test_cli_languages.py",
    "backup.case_twice": "defensive, behind the key check: a file that passes that cannot reach it",
    "backup.empty_database": "defensive, behind the meta check: a file that passes that cannot reach it",
    "evidence.not_attached": "the evidence form: tests/app/test_failed_saves.py",
    "form.note_too_long": "the evidence form: tests/app/test_input_bounds.py",
    "call.set_length": "call mode: tests/app/test_call_mode.py",
}


# -- every raise site -------------------------------------------------------------------------------
def raise_sites() -> list[tuple[str, ast.expr | None]]:
    """(where, the message argument) of every construction of a weiquan error in store/ and tui/."""
    found = []
    for path in sorted((ROOT / "store").rglob("*.py")) + sorted((ROOT / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ERROR_CLASSES:
                index = 1 if node.func.id == "StoreDamaged" else 0
                arg = node.args[index] if len(node.args) > index else None
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", arg))
    return found


def site_key(arg: ast.expr | None) -> str | None:
    """The catalog key of a ``Msg.of("key", …)`` argument ("{…}" for a key built in an f-string)."""
    if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "of" and arg.args:
        key = arg.args[0]
        if isinstance(key, ast.Constant):
            return str(key.value)
        if isinstance(key, ast.JoinedStr):
            return "".join(
                v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}" for v in key.values
            )
    return None


SITES = raise_sites()
RAISED_KEYS = {key for _, arg in SITES if (key := site_key(arg)) is not None}


def test_no_error_is_raised_with_a_sentence_written_in_code() -> None:
    written = [
        where
        for where, arg in SITES
        if isinstance(arg, ast.Constant | ast.JoinedStr | ast.BinOp)
        or (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr in ("format", "join"))
    ]
    assert written == []
    assert len(SITES) > 80  # the scan found the raise sites


def test_an_error_refuses_a_plain_string() -> None:
    with pytest.raises(TypeError):
        store.errors.InvalidInput("The note is too long.")  # type: ignore[arg-type]


@pytest.mark.parametrize("key", sorted(RAISED_KEYS))
def test_every_raised_key_is_in_both_catalogs_and_in_its_language(key: str) -> None:
    if "{" in key:  # a key built in code: some key of that shape exists in both catalogs
        prefix = key.split("{")[0]
        assert any(k.startswith(prefix) for k in catalog("en")) and any(k.startswith(prefix) for k in catalog("zh-CN"))
        return
    texts = {lang: catalog(lang).get(key) or catalog(lang).get(f"{key}.plural") for lang in ("en", "zh-CN")}
    assert texts["en"] and texts["zh-CN"], f"{key} is missing from a catalog"
    for lang, text in texts.items():
        words = PLACEHOLDER.sub("", text)
        if any(ch.isalpha() for ch in words):  # not just the layout of other messages ("{path}：{problem}")
            assert language_problem(text, lang) == "", key


# -- every error path, walked -----------------------------------------------------------------------
def _db(tmp: Path, content: object) -> Path:
    path = tmp / "weiquan.json"
    path.write_bytes(content if isinstance(content, bytes) else orjson.dumps(content))
    return path


def _meta(version: object = 2, counter: object = 1) -> dict[str, object]:
    return {"1": {"schema_version": version, "next_case_id": counter}}


def _case(**fields: object) -> dict[str, object]:
    return {"title": "t", "created": STAMP, "updated": STAMP, **fields}


def _open(path: Path) -> None:
    CaseStore.open(path, backups=False).cases()


def _backup(tmp: Path, content: object) -> None:
    path = tmp / "backup.json"
    path.write_bytes(content if isinstance(content, bytes) else orjson.dumps(content))
    read_backup(path)


def _holidays(tmp: Path, text: str | bytes) -> None:
    path = tmp / "holidays.toml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    read_holiday_file(path, CAL)


def _store_with_contact(promise: str = "") -> tuple[CaseStore, int, int]:
    store_ = CaseStore.open(None, clock=lambda: NOW)
    case = store_.create_case({"title": "t"})
    contact = store_.add_contact(case.id, {"at": NOW, "channel": "hotline", "promise": promise})
    return store_, case.id, contact.id


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe"
    os.mkfifo(path)
    return path


def _link(tmp: Path, to: Path) -> Path:
    link = tmp / "link"
    link.symlink_to(to)
    return link


BACKUP_CASE = {"id": 1, "title": "t", "created": STAMP, "updated": STAMP}
WALKS: dict[str, Callable[[Path], object]] = {
    # what a user types
    "not a date": lambda t: parse_date("someday", "order_date", today=TODAY),
    "no such date": lambda t: parse_date("2026-02-30", "order_date", today=TODAY),
    "no time": lambda t: parse_datetime(" ", "at", now=NOW),
    "not a time": lambda t: parse_datetime("noon", "at", now=NOW),
    "no such time": lambda t: parse_datetime("2026-02-30 10:00", "at", now=NOW),
    "bad deadline": lambda t: parse_deadline("soon", NOW, CAL),
    "deadline too far": lambda t: parse_deadline("9999d", NOW, CAL),
    "not an amount": lambda t: parse_yuan("twelve"),
    "negative amount": lambda t: parse_yuan("-5"),
    "decimals": lambda t: parse_yuan("1.234"),
    "huge amount": lambda t: parse_yuan("99999999999999"),
    "long amount": lambda t: parse_yuan("1" * 60),
    "bad duration": lambda t: parse_duration("forever"),
    "long duration": lambda t: parse_duration("25h"),
    "not a choice": lambda t: parse_choice("phone", Channel, "channel", "channel"),
    "no title": lambda t: case_fields_from_form({"title": ""}, TODAY),
    "credit code length": lambda t: case_fields_from_form({"title": "x", "respondent_credit_code": "123"}, TODAY),
    "credit code character": lambda t: case_fields_from_form(
        {"title": "x", "respondent_credit_code": "91310000MA1FL1234I"}, TODAY
    ),
    "credit code check": lambda t: case_fields_from_form(
        {"title": "x", "respondent_credit_code": "91310000MA1FL1234X"}, TODAY
    ),
    "reference line": lambda t: case_fields_from_form({"title": "x", "references": "no colon"}, TODAY),
    "sign-off": lambda t: parse_sign_off("whenever", today=TODAY),
    "year out of range": lambda t: parse_date("9999-12-31", "order_date", today=TODAY),
    "deadline before contact": lambda t: contact_fields_from_form(
        {"at": "2026-11-20 10:00", "deadline": "2026-11-01"}, NOW, CAL
    ),
    # records as msgspec checks them
    "sign-off time without date": lambda t: build(Case, {"id": 1, **_case(delivery_time="10:00:00")}),
    "too long": lambda t: build(Contact, {"id": 1, "at": NOW, "channel": "hotline", "agent_id": "8" * 201}),
    "empty title": lambda t: build(Case, {"id": 1, **_case(title="")}),
    "blank title": lambda t: build(Case, {"id": 1, **_case(title="  ")}),
    "negative fen": lambda t: build(Case, {"id": 1, **_case(amount_paid_fen=-1)}),
    "huge fen": lambda t: build(Case, {"id": 1, **_case(amount_paid_fen=10**13)}),
    "bad hash": lambda t: build(EvidenceFile, {"path": "p", "size": 1, "sha256": "zz", "attached": STAMP}),
    "bad enum": lambda t: build(Case, {"id": 1, **_case(category="zzz")}),
    "naive time": lambda t: build(Case, {"id": 1, **_case(created="2026-11-20T10:00:00")}),
    "bad time": lambda t: build(Case, {"id": 1, **_case(created="yesterday")}),
    "wrong kind": lambda t: build(Case, {"id": 1, **_case(tags="x")}),
    "missing field": lambda t: build(Case, {"id": 1, "title": "t", "updated": STAMP}),
    "unknown field": lambda t: build(Case, {"id": 1, **_case(colour="red")}),
    "not a record": lambda t: build(Case, "notadict"),  # type: ignore[arg-type]
    # the store
    "no case": lambda t: CaseStore.open(None).get(99),
    "not in trash": lambda t: (s := CaseStore.open(None)).purge_case(s.create_case({"title": "t"}).id),
    "changed elsewhere": lambda t: (s := CaseStore.open(None)).update_case(
        s.create_case({"title": "t"}).id, {"title": "u"}, expected_revision=99
    ),
    "system fields": lambda t: CaseStore.open(None).create_case({"title": "t", "revision": 3}),
    "no promise to mark": lambda t: (w := _store_with_contact())[0].set_promise_state(w[1], w[2], PromiseState.KEPT),
    "no contact": lambda t: (w := _store_with_contact())[0].update_contact(w[1], 99, {"agent_id": "1"}),
    "no evidence": lambda t: (w := _store_with_contact())[0].update_evidence(w[1], 99, {"note": "x"}),
    # a damaged database
    "empty file": lambda t: _open(_db(t, b"")),
    "not json": lambda t: _open(_db(t, b"{ not json")),
    "not an object": lambda t: _open(_db(t, [])),
    "table not an object": lambda t: _open(_db(t, {"cases": [], "meta": _meta()})),
    "no meta": lambda t: _open(_db(t, {"cases": {}})),
    "bad schema version": lambda t: _open(_db(t, {"cases": {}, "meta": _meta("two")})),
    "newer schema": lambda t: _open(_db(t, {"cases": {}, "meta": _meta(99)})),
    "schema version zero": lambda t: _open(_db(t, {"cases": {}, "meta": _meta(0)})),
    "bad case key": lambda t: _open(_db(t, {"cases": {"x": _case()}, "meta": _meta()})),
    "case not an object": lambda t: _open(_db(t, {"cases": {"1": []}, "meta": _meta()})),
    "bad meta key": lambda t: _open(_db(t, {"cases": {}, "meta": {**_meta(), "x": {}}})),
    "meta not an object": lambda t: _open(_db(t, {"cases": {}, "meta": {**_meta(), "2": []}})),
    "no migration": lambda t: migrate({}, 1, current=SCHEMA_VERSION + 2),  # a schema added without one
    "bad counter": lambda t: _open(_db(t, {"cases": {}, "meta": _meta(2, "many")})),
    "record invalid": lambda t: _open(_db(t, {"cases": {"1": _case(amount_paid_fen=-1)}, "meta": _meta(2, 2)})),
    "record rule": lambda t: _open(_db(t, {"cases": {"1": _case(title=" ")}, "meta": _meta(2, 2)})),
    "contact id twice": lambda t: _open(
        _db(
            t,
            {
                "cases": {
                    "1": _case(contacts=[{"id": 1, "at": STAMP, "channel": "hotline"}] * 2),
                },
                "meta": _meta(2, 2),
            },
        )
    ),
    "evidence id twice": lambda t: _open(
        _db(t, {"cases": {"1": _case(evidence=[{"id": 1, "kind": "chat_log"}] * 2)}, "meta": _meta(2, 2)})
    ),
    "no database": lambda t: CaseStore.open(t / "none.json", create=False),
    "database is a pipe": lambda t: CaseStore.open(_fifo(t), create=False),
    # files the user names
    "output is a folder": lambda t: write_output(t, b"x"),
    "output is a link": lambda t: write_output(_link(t, t / "target.md"), b"x"),
    "output folder missing": lambda t: write_output(t / "no" / "out.md", b"x"),
    "companion is a link": lambda t: companion_folder(_link(t, t)),
    "companion is a file": lambda t: companion_folder(_db(t, b"x")),
    "cannot read": lambda t: read_regular(_db(t, b"x") / "inside"),
    "too large": lambda t: read_regular(_db(t, b"0123456789"), limit=4),
    "attach nothing": lambda t: check_attachable("  "),
    "attach long path": lambda t: check_attachable("x" * 5000),
    "attach missing": lambda t: check_attachable(str(t / "nope.jpg")),
    "attach folder": lambda t: check_attachable(str(t)),
    # backups
    "backup empty": lambda t: _backup(t, b""),
    "backup not json": lambda t: _backup(t, b"[1,"),
    "backup not object": lambda t: _backup(t, [1]),
    "backup key twice": lambda t: _backup(t, b'{"format": "weiquan-backup", "format": "weiquan-backup"}'),
    "backup version": lambda t: _backup(t, {"format": "weiquan-backup", "format_version": 99, "cases": []}),
    "backup no cases": lambda t: _backup(t, {"format": "weiquan-backup", "format_version": 1, "schema_version": 2}),
    "backup bad id": lambda t: _backup(
        t, {"format": "weiquan-backup", "format_version": 1, "schema_version": 2, "cases": [{**BACKUP_CASE, "id": "x"}]}
    ),
    "backup id twice": lambda t: _backup(
        t, {"format": "weiquan-backup", "format_version": 1, "schema_version": 2, "cases": [BACKUP_CASE] * 2}
    ),
    "backup invalid case": lambda t: _backup(
        t,
        {
            "format": "weiquan-backup",
            "format_version": 1,
            "schema_version": 2,
            "cases": [{**BACKUP_CASE, "amount_paid_fen": -1}],
        },
    ),
    "backup of an empty database": lambda t: _backup(t, {}),
    "backup neither": lambda t: _backup(t, {"hello": 1}),
    # the holiday file
    "holidays not utf-8": lambda t: _holidays(t, b"\xff\xfe["),
    "holidays not toml": lambda t: _holidays(t, "[2030\n"),
    "holidays not a year": lambda t: _holidays(t, "[soon]\nholidays = []\n"),
    "holidays unknown key": lambda t: _holidays(t, '[2030]\nholidays = ["2030-10-01"]\nfun = 1\n'),
    "holidays source": lambda t: _holidays(t, '[2030]\nsource = 5\nholidays = ["2030-10-01"]\n'),
    "holidays none": lambda t: _holidays(t, "[2030]\nholidays = []\n"),
    "holidays both": lambda t: _holidays(t, '[2030]\nholidays = ["2030-10-05"]\nworkdays = ["2030-10-05"]\n'),
    "holidays weekday": lambda t: _holidays(t, '[2030]\nholidays = ["2030-10-01"]\nworkdays = ["2030-10-08"]\n'),
    "holidays not a list": lambda t: _holidays(t, '[2030]\nholidays = "2030-10-01"\n'),
    "holidays backwards": lambda t: _holidays(t, '[2030]\nholidays = ["2030-10-07..2030-10-01"]\n'),
    "holidays other year": lambda t: _holidays(t, '[2030]\nholidays = ["2031-10-01"]\n'),
    "holidays not a date": lambda t: _holidays(t, '[2030]\nholidays = ["National Day"]\n'),
}

WALKED: set[str] = set()


@pytest.mark.parametrize("name", list(WALKS))
def test_each_error_path_speaks_both_languages(name: str, tmp_path: Path) -> None:
    with pytest.raises((WeiquanError, SchemaProblem)) as caught:  # SchemaProblem: said inside another error
        WALKS[name](tmp_path)
    error = caught.value
    WALKED.update(message_keys(error.msg))
    texts = both_languages(error.msg)
    assert texts["en"] != texts["zh-CN"]
    for lang, text in texts.items():
        assert "{" not in text.replace("{" + "}", ""), f"a placeholder left in {text!r}"
        assert language_problem(text, lang, user_values(error.msg)) == "", name


def test_every_key_raised_in_code_is_walked() -> None:
    """Runs after the walks above (pytest keeps a file's order): a new raise site needs a walk."""
    if len(WALKED) < 20:
        pytest.skip("run with the walks above (the whole file)")
    missing = []
    for key in RAISED_KEYS - set(WALKED_ELSEWHERE):
        prefix = key.split("{")[0]
        if not any(w == key or ("{" in key and w.startswith(prefix)) for w in WALKED):
            missing.append(key)
    assert sorted(missing) == []
    assert set(WALKED_ELSEWHERE) <= RAISED_KEYS, "a key listed as walked elsewhere is raised nowhere"


def test_a_message_built_in_the_core_is_a_msg() -> None:
    assert isinstance(Msg.of("input.not_a_date", text="x", forms="y"), Msg)
