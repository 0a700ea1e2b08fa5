"""`weiquan due`, `weiquan ics` and `weiquan list` as scripts use them: output and exit codes.

What depends on the date runs main() with a fixed clock and a calendar built in up to 2026 (run_main),
so these tests mean the same in any year and with any chinesecalendar release.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import orjson
import pytest

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.records.models import PromiseState
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.cli import run_main, run_weiquan
from tests.helpers.languages import language_problem


def due(*args: str):  # type: ignore[no-untyped-def]
    return run_main("due", *args, clock=lambda: FIXED_NOW, calendar=calendar_to_2026())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "weiquan.json"


def _with_promise(db: Path, deadline: dt.datetime) -> int:
    store = CaseStore.open(db, clock=lambda: FIXED_NOW)
    case = store.create_case({"title": "耳机左耳无声"})
    store.add_contact(
        case.id,
        {
            "at": deadline - dt.timedelta(days=3),
            "channel": "hotline",
            "agent_id": "8821",
            "promise": "退款",
            "deadline": deadline,
        },
    )
    return case.id


def test_due_exit_0_when_nothing_is_overdue(db: Path) -> None:
    _with_promise(db, FIXED_NOW + dt.timedelta(days=2))
    result = due("--db", str(db), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "耳机左耳无声" in result.stdout and "8821" in result.stdout


def test_due_exit_1_when_something_is_overdue(db: Path) -> None:
    _with_promise(db, FIXED_NOW - dt.timedelta(days=1))
    result = due("--db", str(db), "--lang", "zh-CN")
    assert result.returncode == 1
    assert "逾期" in result.stdout


def test_due_exit_1_when_a_promise_was_broken_in_an_open_case(db: Path) -> None:
    """Three broken promises and nothing overdue: that needs attention (exit 1), and says what."""
    for n in range(3):
        case_id = _with_promise(db, FIXED_NOW + dt.timedelta(days=20 + n))
        store = CaseStore.open(db, clock=lambda: FIXED_NOW)
        contact = store.get(case_id).contacts[0]
        store.set_promise_state(case_id, contact.id, PromiseState.BROKEN)
    result = due("--db", str(db), "--lang", "en")
    assert result.returncode == 1, result.stdout
    assert result.stdout.count("BROKEN") == 3 and "8821" in result.stdout
    body = orjson.loads(due("--json", "--db", str(db)).stdout)
    assert body["broken"] is True and body["overdue"] is False
    assert [item["kind"] for item in body["broken_promises"]] == ["broken"] * 3
    zh = due("--db", str(db), "--lang", "zh-CN")
    assert zh.returncode == 1 and zh.stdout.count("未兑现") == 3


def test_due_exit_0_when_the_case_with_the_broken_promise_is_resolved(db: Path) -> None:
    case_id = _with_promise(db, FIXED_NOW + dt.timedelta(days=20))
    store = CaseStore.open(db, clock=lambda: FIXED_NOW)
    store.set_promise_state(case_id, store.get(case_id).contacts[0].id, PromiseState.BROKEN)
    store.update_case(case_id, {"status": "resolved"})
    result = due("--db", str(db), "--lang", "en")
    assert result.returncode == 0 and "BROKEN" not in result.stdout


def test_due_help_documents_the_exit_codes() -> None:
    text = run_weiquan("due", "--help").stdout
    assert "exit status" in text and "0 nothing needs attention" in text and "broken" in text


def test_due_json(db: Path) -> None:
    case_id = _with_promise(db, FIXED_NOW - dt.timedelta(hours=5))
    result = due("--json", "--db", str(db))
    body = orjson.loads(result.stdout)
    assert result.returncode == 1 and body["overdue"] is True
    first = body["items"][0]
    assert first["case_id"] == case_id and first["kind"] == "promise" and first["overdue"] is True
    assert {"verified", "estimated", "estimate_reason", "when"} <= set(first)
    assert body["now"] == FIXED_NOW.isoformat()


def test_due_with_nothing(db: Path) -> None:
    CaseStore.open(db, clock=lambda: FIXED_NOW).create_case({"title": "calm"})
    result = due("--within", "3", "--db", str(db), "--lang", "en")
    assert result.returncode == 0 and "Nothing overdue" in result.stdout


def test_due_exit_2_on_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("nope")
    result = run_weiquan("due", "--db", str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = run_weiquan("due", "--within", "-4", "--db", str(tmp_path / "ok.json"))
    assert result.returncode == 2 and "--within" in result.stderr


def test_ics_lists_upcoming_deadlines(db: Path, tmp_path: Path) -> None:
    _with_promise(db, FIXED_NOW + dt.timedelta(days=2))
    out = tmp_path / "due.ics"
    result = run_main("ics", "-o", str(out), "--db", str(db), clock=lambda: FIXED_NOW, calendar=calendar_to_2026())
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") >= 1 and "退款" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_list_plain_and_json(db: Path) -> None:
    store = CaseStore.open(db)
    store.create_case({"title": "耳机左耳无声", "order_no": "P1"})
    store.create_case({"title": "done", "status": "closed"})
    plain = run_weiquan("list", "--db", str(db), "--lang", "en")
    assert plain.returncode == 0 and "耳机左耳无声" in plain.stdout and "done" not in plain.stdout
    rows = orjson.loads(run_weiquan("list", "--all", "--json", "--db", str(db)).stdout)
    assert {r["title"] for r in rows} == {"耳机左耳无声", "done"}


def test_version_and_help() -> None:
    assert run_weiquan("--version").stdout == f"weiquan {metadata.version('weiquan')}\n"
    assert run_weiquan("--lang", "en", "--version").stdout == f"weiquan {metadata.version('weiquan')}\n"
    assert "due" in run_weiquan("--help").stdout


def test_the_version_is_said_without_loading_the_store() -> None:
    """`weiquan --version` answers from store.version alone: no database code, no package metadata."""
    probe = (
        "import sys\nfrom tui.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert "'tui.cli'" in loaded  # the probe ran to its end
    for heavy in (
        "tinydb",
        "msgspec",
        "filelock",
        "importlib.metadata",
        "store.cases.case_store",
        "store.rules.messages",
    ):
        assert f"'{heavy}'" not in loaded, heavy


def test_app_without_a_terminal_says_so(tmp_path: Path) -> None:
    result = run_weiquan("--db", str(tmp_path / "x.json"))
    assert result.returncode == 2 and "needs a terminal" in result.stderr


HOLIDAYS_2027 = '[2027]\nsource = "test notice"\nholidays = ["2027-02-06..2027-02-13"]\nworkdays = ["2027-02-20"]\n'


def _filed_with_12315(db: Path) -> None:
    store = CaseStore.open(db, clock=lambda: FIXED_NOW)
    case = store.create_case({"title": "耳机左耳无声"})
    store.add_contact(case.id, {"at": "2027-02-04T10:00:00+08:00", "channel": "12315"})


def _acceptance_clock(result) -> dict:  # type: ignore[no-untyped-def]
    return next(
        i for i in orjson.loads(result.stdout)["items"] if i["kind"] != "promise" and i["when"].startswith("2027-02")
    )


def test_due_counts_a_later_year_with_the_holiday_file(db: Path) -> None:
    _filed_with_12315(db)
    guessed = _acceptance_clock(due("--json", "--within", "400", "--db", str(db), "--lang", "en"))
    assert guessed["estimated"] and "Monday to Friday" in guessed["estimate_reason"]
    (db.parent / "holidays.toml").write_text(HOLIDAYS_2027, encoding="utf-8")
    result = due("--json", "--within", "400", "--db", str(db))
    assert result.returncode == 0 and result.stderr == ""
    exact = _acceptance_clock(result)
    assert not exact["estimated"] and exact["when"] > guessed["when"]  # the Spring Festival week is not counted


def test_a_broken_holiday_file_is_reported_and_the_command_still_works(db: Path) -> None:
    _filed_with_12315(db)
    (db.parent / "holidays.toml").write_text("[2027]\nholidays = ['2027-02-30']\n", encoding="utf-8")
    result = due("--json", "--within", "400", "--db", str(db), "--lang", "en")
    assert result.returncode == 0
    assert "'2027-02-30' is not a date" in result.stderr and "not used" in result.stderr
    assert _acceptance_clock(result)["estimated"]


def test_holidays_verb_says_which_years_are_known(db: Path) -> None:
    CaseStore.open(db)

    def holidays(*args: str):  # type: ignore[no-untyped-def]
        return run_main("holidays", *args, clock=lambda: FIXED_NOW, calendar=calendar_to_2026())

    result = holidays("--db", str(db), "--lang", "en")
    assert result.returncode == 0 and "2004–2026" in result.stdout and "No holiday file" in result.stdout
    example = run_weiquan("holidays", "--example", "--lang", "en").stdout
    assert example.startswith("# China's statutory holidays")
    (db.parent / "holidays.toml").write_text(HOLIDAYS_2027 + '\n[2026]\nholidays = ["2026-11-25"]\n', encoding="utf-8")
    result = holidays("--db", str(db), "--lang", "zh-CN")
    assert result.returncode == 0
    assert "2027 年：8 天假日，1 个调休上班日（来源：test notice）" in result.stdout
    assert "2026 年：未使用" in result.stdout
    (db.parent / "holidays.toml").write_text("[2027\n", encoding="utf-8")
    result = holidays("--db", str(db), "--lang", "en")
    assert result.returncode == 2 and "not valid TOML" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("lang", "tag", "plain"), [("zh-CN", "估算逾期", "逾期 "), ("en", "overdue?", "overdue ")])
def test_due_never_calls_an_estimated_end_overdue_without_saying_so(db: Path, lang: str, tag: str, plain: str) -> None:
    later = dt.datetime(2027, 1, 8, 10, tzinfo=CHINA_TZ)  # the 12315 clock's estimated end was 2027-01-07
    store = CaseStore.open(db, clock=lambda: later)
    case = store.create_case({"title": "耳机左耳无声"})
    store.add_contact(case.id, {"at": "2026-12-28T10:00:00+08:00", "channel": "12315"})

    def due_later(*args: str):  # type: ignore[no-untyped-def]
        return run_main("due", "--db", str(db), "--lang", lang, *args, clock=lambda: later, calendar=calendar_to_2026())

    out = due_later().stdout
    line = next(x for x in out.splitlines() if "2027-01-07" in x)
    assert line.startswith(tag) and not line.startswith(plain)
    assert ("周一至周五" if lang == "zh-CN" else "Monday to Friday") in out
    item = next(i for i in orjson.loads(due_later("--json").stdout)["items"] if i["when"].startswith("2027-01-07"))
    assert item["overdue"] and not item["certainly_overdue"] and item["estimated"]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_holiday_file_example_is_written_in_the_interface_language(lang: str) -> None:
    example = run_weiquan("holidays", "--example", "--lang", lang).stdout
    comments = [line.removeprefix("#").strip() for line in example.splitlines() if line.startswith("#")]
    prose = "\n".join(c for c in comments if c and "=" not in c and not c.startswith("["))
    assert prose and not language_problem(prose, lang), prose
    assert "[2027]" in example and "# holidays = " in example  # the section to fill in, commented out
