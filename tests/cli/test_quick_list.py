"""`weiquan list --json` answered from the case index: the very output of the full command (hostile
titles, the trash, finished cases, --all), taken only when the index names the database file there
and only for the command lines the full parser would read the same way."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import platformdirs
import pytest

from store.calendar.china_time import CHINA_TZ
from store.calendar.workdays import WorkCalendar
from store.cases.case_index import file_identity, index_path
from store.cases.case_index_writer import CaseIndexKeeper
from store.cases.case_store import CaseStore
from store.errors import InvalidInput
from store.persistence.schema import SCHEMA_VERSION
from store.records.models import Status
from tests.helpers.cli import run_main, weiquan_command
from tests.helpers.hostile_text import CORPUS
from tui import quick_list as quick
from tui.cli import main
from tui.launch_options import LaunchOptions, launch_options

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)


def _database(folder: Path, titles: list[str]) -> Path:
    """Cases titled ``titles`` (those a title may be), the second finished, the third in the trash."""
    db = folder / "weiquan.json"
    store = CaseStore.open(db, backups=False)
    for title in titles:
        with contextlib.suppress(InvalidInput):
            store.create_case({"title": title, "platform": "小红书", "order_no": "P1", "amount_paid_fen": 1990})
    store.update_case(2, {"status": Status.RESOLVED})
    store.delete_case(3)
    return db


def _index(db: Path) -> None:
    store = CaseStore.open(db, backups=False, create=False)
    assert CaseIndexKeeper(db, WorkCalendar()).write(*store.index_state(), NOW)


def _quick(*args: str) -> tuple[int | None, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = quick.quick_list(list(args))
    return code, out.getvalue()


def _full(*args: str) -> str:
    result = run_main(*args, clock=lambda: NOW)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("every", [False, True], ids=["list --json", "list --json --all"])
def test_the_answer_from_the_index_is_the_full_commands_byte_for_byte(tmp_path: Path, every: bool) -> None:
    titles = ["耳机左耳无声", "已解决的那件", "在回收站里", *CORPUS]
    db = _database(tmp_path, titles)
    args = ["list", "--json", *(["--all"] if every else []), "--db", str(db)]
    full = _full(*args)
    _index(db)
    code, answered = _quick(*args)
    assert code == 0
    assert answered == full
    assert ("在回收站里" in answered) == every and ("已解决的那件" in answered) == every


def test_an_index_of_another_version_of_the_database_is_not_used(tmp_path: Path) -> None:
    db = _database(tmp_path, ["一", "二", "三", "四"])
    _index(db)
    CaseStore.open(db, backups=False).update_case(1, {"title": "改了"})
    assert _quick("list", "--json", "--db", str(db)) == (None, "")
    assert '"改了"' in _full("list", "--json", "--db", str(db))


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--json", "--db", "{db}"],
        ["--db", "{db}", "list", "--json"],
        ["--db={db}", "--lang", "zh", "list", "--all", "--json"],
        ["list", "--json", "--lang=en", "--db", "{db}"],
    ],
)
def test_the_command_lines_it_answers(tmp_path: Path, args: list[str]) -> None:
    db = _database(tmp_path, ["一", "二", "三"])
    _index(db)
    filled = [a.replace("{db}", str(db)) for a in args]
    assert _quick(*filled)[0] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--db", "{db}"],  # the table: words in the user's language
        ["list", "--json", "--json", "--db", "{db}"],
        ["list", "--json", "--db", "{db}", "--db", "{db}"],
        ["list", "--json", "--bogus", "--db", "{db}"],
        ["list", "--json", "--lang", "xx", "--db", "{db}"],
        ["list", "--js", "--db", "{db}"],  # argparse's abbreviation
        ["--json", "list", "--db", "{db}"],
        ["list", "--json", "--db"],
        ["list", "--json", "--db", "-x"],
        ["due", "--json", "--db", "{db}"],
        ["list", "--json", "--db", "~nosuchuser_weiquan/weiquan.json"],
    ],
)
def test_every_other_command_line_is_left_to_the_parser(tmp_path: Path, args: list[str]) -> None:
    db = _database(tmp_path, ["一", "二", "三"])
    _index(db)
    assert _quick(*(a.replace("{db}", str(db)) for a in args)) == (None, "")


def test_a_linked_database_is_answered_from_the_index_beside_the_real_file(tmp_path: Path) -> None:
    real = _database(tmp_path / "real", ["一", "二", "三"])
    _index(real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert not Path(index_path(link)).exists()
    assert _quick("list", "--json", "--db", str(link)) == (0, _full("list", "--json", "--db", str(link)))


@pytest.mark.parametrize(
    "environ",
    [{}, {"XDG_DATA_HOME": "/srv/data"}, {"XDG_DATA_HOME": ""}, {"XDG_DATA_HOME": "   "}, {"HOME": "/home/someone"}],
    ids=["unset", "set", "empty", "blank", "other home"],
)
def test_the_default_database_is_where_platformdirs_puts_it(
    environ: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    expected = platformdirs.user_data_path("weiquan", appauthor=False) / "weiquan.json"
    assert quick.default_path() == str(expected)


def test_the_default_database_is_answered_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("WEIQUAN_DB", raising=False)
    (tmp_path / "data" / "weiquan").mkdir(parents=True)
    db = _database(tmp_path / "data" / "weiquan", ["一", "二", "三"])
    _index(db)
    assert _quick("list", "--json") == (0, _full("list", "--json"))


@pytest.mark.parametrize(
    ("args", "options"),
    [
        ([], LaunchOptions(None, "en")),
        (["--db", "x.json", "--lang", "zh"], LaunchOptions("x.json", "zh-CN")),
        (["--db=x.json", "--demo", "--no-mouse"], LaunchOptions("x.json", "en", demo=True, no_mouse=True)),
        (["--db", "a", "--db", "b"], LaunchOptions("b", "en")),  # argparse keeps the last
        (["--db="], LaunchOptions("", "en")),
    ],
)
def test_the_app_opens_without_the_parser(
    args: list[str], options: LaunchOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert launch_options(args) == options


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["--help"],
        ["-h"],
        ["--db"],
        ["--db", "-x"],
        ["--lang", "xx"],
        ["--no-m"],
        ["--demo", "extra"],
        ["--version"],
        ["--lang", "xx", "--lang", "zh"],  # argparse refuses the first, though the last is known
        ["--lang=xx", "--lang=en"],
    ],
)
def test_anything_else_goes_to_the_parser(args: list[str]) -> None:
    assert launch_options(args) is None


def test_the_parser_says_what_is_wrong_with_what_the_short_way_left(tmp_path: Path) -> None:
    result = run_main("--lang", "xx", "--db", str(tmp_path / "x.json"), clock=lambda: NOW)
    assert result.returncode == 2 and "xx" in result.stderr and "Traceback" not in result.stderr


def test_a_change_from_the_shell_keeps_the_index_up_to_date(tmp_path: Path) -> None:
    db = _database(tmp_path, ["一", "二", "三", "四"])
    _index(db)
    result = run_main(
        "log", "4", "--channel", "hotline", "--at", "2026-11-20 14:05", "--db", str(db), clock=lambda: NOW
    )
    assert result.returncode == 0, result.stderr
    code, answered = _quick("list", "--json", "--db", str(db))
    assert code == 0 and answered == _full("list", "--json", "--db", str(db))
    assert '"contacts": 1' in answered


def test_a_change_from_the_shell_makes_no_index_where_there_was_none(tmp_path: Path) -> None:
    db = _database(tmp_path, ["一", "二", "三", "四"])
    result = run_main("log", "4", "--channel", "hotline", "--db", str(db), clock=lambda: NOW)
    assert result.returncode == 0, result.stderr
    assert not Path(index_path(db)).exists()


@pytest.mark.parametrize("step", ["quick_list", "launch_options"])
def test_ctrl_c_while_the_short_ways_load_ends_quietly(step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C in the first moments (modules still loading, before any verb runs) is exit 130, never
    a traceback."""
    import tui.launch_options

    def interrupted(arguments: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(quick if step == "quick_list" else tui.launch_options, step, interrupted)
    assert main([]) == 130


def test_a_holiday_file_beside_the_database_is_left_to_the_full_command(tmp_path: Path) -> None:
    """The full command reads the holiday file and says on stderr what is wrong with it; the index
    cannot say it, so the command runs as always."""
    db = _database(tmp_path, ["一", "二", "三"])
    (tmp_path / "holidays.toml").write_text("this is [not toml\n")
    _index(db)
    assert _quick("list", "--json", "--db", str(db)) == (None, "")
    result = run_main("list", "--json", "--db", str(db), clock=lambda: NOW)
    assert result.returncode == 0 and "holidays.toml" in result.stderr and '"一"' in result.stdout


GOOD_HOLIDAYS = (
    '[2027]\nholidays = ["2027-10-01..2027-10-07"]\nworkdays = ["2027-09-26"]\nsource = "国务院办公厅通知"\n'
)


def test_a_clean_holiday_file_the_index_was_made_with_keeps_the_short_way(tmp_path: Path) -> None:
    db = _database(tmp_path, ["一", "二", "三"])
    (tmp_path / "holidays.toml").write_text(GOOD_HOLIDAYS)
    full = run_main("list", "--json", "--db", str(db), clock=lambda: NOW)
    assert full.returncode == 0 and full.stderr == ""  # nothing to say about it
    _index(db)
    assert _quick("list", "--json", "--db", str(db)) == (0, full.stdout)


def test_a_holiday_file_changed_since_the_index_is_left_to_the_full_command(tmp_path: Path) -> None:
    db = _database(tmp_path, ["一", "二", "三"])
    _index(db)  # made before there was a holiday file
    (tmp_path / "holidays.toml").write_text(GOOD_HOLIDAYS)
    assert _quick("list", "--json", "--db", str(db)) == (None, "")
    _index(db)
    assert _quick("list", "--json", "--db", str(db))[0] == 0
    (tmp_path / "holidays.toml").write_text(GOOD_HOLIDAYS.replace("09-26", "09-25"))
    assert _quick("list", "--json", "--db", str(db)) == (None, "")


def test_an_index_another_version_wrote_is_left_to_the_full_command(tmp_path: Path) -> None:
    """A newer weiquan saved the database (a schema this one cannot read) and wrote its index: this
    version says so, as the full command does, rather than list from the index."""
    db = _database(tmp_path, ["一", "二", "三"])
    _index(db)
    text = db.read_text()
    newer = text.replace(f'"schema_version":{SCHEMA_VERSION}', '"schema_version":99')
    assert newer != text
    db.write_text(newer)
    path = Path(index_path(db))
    data = json.loads(path.read_bytes())
    data["database"], data["calendar"][0] = file_identity(db), "99.0.0"
    path.write_text(json.dumps(data))
    assert _quick("list", "--json", "--db", str(db)) == (None, "")
    result = run_main("list", "--json", "--db", str(db), clock=lambda: NOW)
    assert result.returncode == 2 and "99" in result.stderr and result.stdout == ""


def test_a_database_this_user_cannot_read_is_not_listed_from_its_index(tmp_path: Path) -> None:
    """The index stays readable when the database is made unreadable: the full command's error is
    the answer, not the cases the index still names."""
    db = _database(tmp_path, ["一", "二", "三"])
    _index(db)
    db.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root reads anything: run the command without that power
        prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"]
        if shutil.which("setpriv") is None:
            pytest.skip("running as root, and setpriv is not there to drop root's power to read anything")
    result = subprocess.run(
        [*prefix, *weiquan_command(), "list", "--json", "--db", str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C.UTF-8"},
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (2, "") and "permission" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here to stand for a full disk")
def test_an_answer_that_cannot_be_written_is_said_as_the_full_command_says_it(tmp_path: Path) -> None:
    db = _database(tmp_path, ["一", "二", "三"])
    _index(db)
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*weiquan_command(), "list", "--json", "--db", str(db)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "LANG": "C.UTF-8"},
            check=False,
            timeout=60,
        )
    assert result.returncode == 2 and "the disk is full" in result.stderr and "Traceback" not in result.stderr
