"""The writing verbs (new, log, mark, note, attach, status): what they save, what they print, and
that a bad value is one line in the user's language, exit status 2, with nothing saved."""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from pathlib import Path

import orjson
import pytest

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.records.models import EvidenceKind, EvidenceState, PromiseState, Status
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.cli import run_weiquan
from tui.cli import main


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "weiquan.json"


def wq(db: Path, *args: str, lang: str = "en") -> int:
    """``weiquan ARGS`` in this process, at FIXED_NOW on a calendar built in up to 2026."""
    return main([*args, "--db", str(db), "--lang", lang], clock=lambda: FIXED_NOW, calendar=calendar_to_2026())


def out_json(capsys: pytest.CaptureFixture[str]) -> dict:
    return orjson.loads(capsys.readouterr().out)


def a_case(db: Path, **fields: object) -> int:
    return CaseStore.open(db).create_case({"title": "耳机左耳无声", **fields}).id


def refused(db: Path, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "zh-CN") -> str:
    """Run a verb that must fail: exit 2, one line on stderr, the database untouched."""
    before = db.read_bytes() if db.exists() else None
    assert wq(db, *args, lang=lang) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1, captured.err
    assert "Traceback" not in captured.err
    assert (db.read_bytes() if db.exists() else None) == before
    return captured.err


# -- new ------------------------------------------------------------------------------------------
def test_new_prints_the_id_and_saves_the_fields(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_case(db)
    args = ["new", "--title", "蓝牙耳机左耳无声", "--platform", "小红书", "--order", "P7788123", "--amount", "¥1,299.5"]
    assert wq(db, *args, "--category", "质量", "--demand", "仅退款", "--shop", "福利社") == 0
    captured = capsys.readouterr()
    assert captured.out == "2\n"  # only the id on stdout: id=$(weiquan new …)
    assert "蓝牙耳机左耳无声" in captured.err
    case = CaseStore.open(db).get(2)
    assert (case.platform, case.order_no, case.amount_paid_fen) == ("小红书", "P7788123", 129_950)
    assert (case.category.value, case.demand.value, case.shop) == ("quality", "refund_only", "福利社")


def test_new_json_and_english_values(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["new", "--title", "Mouse double-clicks", "--category", "quality", "--demand", "exchange", "--json"]
    args += ["--respondent", "行吟信息科技（上海）有限公司", "--order-date", "2026-11-02"]
    assert wq(db, *args) == 0
    body = out_json(capsys)["case"]
    assert body["id"] == 1 and body["title"] == "Mouse double-clicks"
    assert body["category"] == "quality" and body["demand"] == "exchange" and body["order_date"] == "2026-11-02"
    assert CaseStore.open(db).get(1).respondent_name == "行吟信息科技（上海）有限公司"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--title", "  "], "案件需要一个标题"),
        (["--title", "x", "--amount", "twelve"], "“twelve”不是金额"),
        (["--title", "x", "--order-date", "2026-02-30"], "日期“2026-02-30”不存在"),
        (["--title", "x", "--category", "鞋子"], "不认识的问题类型“鞋子”"),
        (["--title", "x", "--credit-code", "91310000MA1FL1234X"], "校验码"),
        (["--title", "x" * 201], "标题超过 200 个字符"),
    ],
)
def test_new_refuses_bad_values_and_creates_no_database(
    db: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    assert expected in refused(db, capsys, "new", *args)
    assert not db.exists()


def test_new_from_pasted_order_text(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "order.txt"
    text.write_text("订单编号：4012345678901234\n实付款：¥1,099.00\n店铺：小米之家\n下单时间：2026-11-03 10:00\n")
    assert wq(db, "new", "--title", "扫地机不充电", "--from-text", str(text), "--shop", "小米官方旗舰店", "--json") == 0
    body = out_json(capsys)["case"]
    assert body["order_no"] == "4012345678901234" and body["amount_paid_fen"] == 109_900
    assert body["order_date"] == "2026-11-03"
    assert body["shop"] == "小米官方旗舰店"  # an option given on the command line wins over the text


# -- log ------------------------------------------------------------------------------------------
def test_log_a_hotline_call_with_a_relative_deadline(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = a_case(db)
    args = ["log", str(case_id), "--channel", "热线", "--at", "2026-11-20 14:05", "--agent", "8821"]
    args += ["--promise", "3个工作日内退款", "--due", "3个工作日", "--ref", "AS2026112000123"]
    assert wq(db, *args, lang="zh-CN") == 0
    out = capsys.readouterr().out
    assert "客服热线" in out and "2026-11-25 23:59:59" in out and "3个工作日" in out  # Fri 20th + 3 working days
    [contact] = CaseStore.open(db).get(case_id).contacts
    assert contact.channel.value == "hotline" and contact.agent_id == "8821"
    assert contact.reference_no == "AS2026112000123" and contact.promise_state is PromiseState.PENDING
    assert contact.deadline == dt.datetime(2026, 11, 25, 23, 59, 59, tzinfo=CHINA_TZ)


def test_log_json_with_duration_and_what_was_said(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = a_case(db)
    args = ["log", f"#{case_id}", "--channel", "online_cs", "--at", "2026-11-20 09:00", "--duration", "12:30"]
    assert wq(db, *args, "--said", "客服说[bold]已核实[/bold]", "--due", "48h", "--json") == 0
    body = out_json(capsys)
    assert body["case_id"] == case_id and body["deadline_as_typed"] == "48h"
    contact = body["contact"]
    assert contact["channel"] == "online_cs" and contact["duration"] == 750
    assert contact["summary"] == "客服说[bold]已核实[/bold]" and contact["deadline"] == "2026-11-22T09:00:00+08:00"


def test_log_at_defaults_to_now(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = a_case(db)
    assert wq(db, "log", str(case_id), "--json") == 0
    assert dt.datetime.fromisoformat(out_json(capsys)["contact"]["at"]) == FIXED_NOW


@pytest.mark.parametrize(
    ("args", "lang", "expected"),
    [
        (["--channel", "phone"], "zh-CN", "不认识的渠道“phone”。可选：售后申请（after_sales）、"),
        (["--channel", "phone"], "en", "“phone” is not a choice for Channel. Choose one of: after_sales"),
        (["--due", "30-02"], "zh-CN", "日期或时间“30-02”不存在"),
        (["--due", "soon"], "en", "Cannot read the deadline “soon”"),
        (["--at", "02-30 10:00"], "zh-CN", "日期或时间“02-30 10:00”不存在"),
        (["--at", "2026-11-20 10:00", "--due", "2026-11-01"], "en", "The deadline is before the contact itself."),
        (["--duration", "forever"], "zh-CN", "看不懂时长“forever”"),
        (["--agent", "8" * 201], "zh-CN", "客服工号超过 200 个字符"),
    ],
)
def test_log_refuses_bad_values(
    db: Path, capsys: pytest.CaptureFixture[str], args: list[str], lang: str, expected: str
) -> None:
    case_id = a_case(db)
    assert expected in refused(db, capsys, "log", str(case_id), *args, lang=lang)
    assert CaseStore.open(db).get(case_id).contacts == []


def test_log_on_a_missing_case_or_database(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_case(db)
    assert "没有编号为 7 的案件" in refused(db, capsys, "log", "7")
    assert "“seven”不是案件编号" in refused(db, capsys, "log", "seven")
    nowhere = tmp_path / "none" / "weiquan.json"
    assert "没有编号为 1 的案件" in refused(nowhere, capsys, "log", "1")
    assert not nowhere.parent.exists()  # a verb that changes a case does not create a database


# -- mark -----------------------------------------------------------------------------------------
def _with_two_promises(db: Path) -> int:
    store = CaseStore.open(db)
    case_id = store.create_case({"title": "退款未到账"}).id
    for day, promise in ((18, "退款"), (20, "回电")):
        store.add_contact(case_id, {"at": f"2026-11-{day}T10:00:00+08:00", "channel": "hotline", "promise": promise})
    store.add_contact(case_id, {"at": "2026-11-21T10:00:00+08:00", "channel": "online_cs"})  # no promise
    return case_id


def test_mark_kept_and_broken_in_either_language(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = _with_two_promises(db)
    assert wq(db, "mark", str(case_id), "1", "未兑现", lang="zh-CN") == 0
    assert "未兑现" in capsys.readouterr().out
    assert wq(db, "mark", str(case_id), "last", "kept", "--json") == 0
    body = out_json(capsys)
    assert body["contact"]["id"] == 2 and body["contact"]["promise_state"] == "kept"
    states = [c.promise_state for c in CaseStore.open(db).get(case_id).timeline()]
    assert states == [PromiseState.BROKEN, PromiseState.KEPT, PromiseState.NONE]


def test_mark_refuses_what_it_cannot_mark(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = _with_two_promises(db)
    assert "没有承诺或期限" in refused(db, capsys, "mark", str(case_id), "3", "broken")
    assert "没有第 9 条联系记录" in refused(db, capsys, "mark", str(case_id), "9", "broken")
    assert "不认识的承诺状态“maybe”" in refused(db, capsys, "mark", str(case_id), "1", "maybe")
    empty = a_case(db)
    assert "没有带承诺的联系记录" in refused(db, capsys, "mark", str(empty), "last", "kept")


# -- note -----------------------------------------------------------------------------------------
def test_note_adds_a_dated_line_under_the_notes(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = a_case(db, notes="第一次联系前的备注")
    assert wq(db, "note", str(case_id), "快递员说包裹已退回仓库") == 0
    assert "Note added to case" in capsys.readouterr().out
    assert wq(db, "note", str(case_id), "second", "--json") == 0
    body = out_json(capsys)
    lines = CaseStore.open(db).get(case_id).notes.splitlines()
    assert lines[0] == "第一次联系前的备注"
    assert lines[1].endswith(" 快递员说包裹已退回仓库") and lines[2].endswith(" second")
    dt.datetime.strptime(lines[1][:16], "%Y-%m-%d %H:%M")  # each line starts with when it was written
    assert body["note"] == lines[2] and body["notes"].splitlines() == lines


def test_note_from_standard_input_and_empty_note(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = a_case(db)
    result = run_weiquan_stdin(db, "note", str(case_id), "-", stdin="多行\n内容\n")
    assert result.returncode == 0, result.stderr
    assert CaseStore.open(db).get(case_id).notes.endswith(" 多行\n内容")
    assert "备注是空的" in refused(db, capsys, "note", str(case_id), "   ")


def run_weiquan_stdin(db: Path, *args: str, stdin: str):  # type: ignore[no-untyped-def]
    import os
    import subprocess

    from tests.helpers.cli import weiquan_command

    env = {k: v for k, v in os.environ.items() if k != "WEIQUAN_DB"} | {"LANG": "C.UTF-8"}
    return subprocess.run(
        [*weiquan_command(), *args, "--db", str(db)],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


# -- attach ---------------------------------------------------------------------------------------
def test_attach_records_size_and_sha256_and_copies_to_the_vault(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = a_case(db, category="quality")
    photo = tmp_path / "左耳.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg " * 1000)
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert wq(db, "attach", str(case_id), "照片", str(photo), "--vault", lang="zh-CN") == 0
    out = capsys.readouterr().out
    assert digest in out and f"{photo.stat().st_size:,}" in out
    item = next(e for e in CaseStore.open(db).get(case_id).evidence if e.kind is EvidenceKind.PHOTOS_VIDEO)
    assert item.state is EvidenceState.COLLECTED
    [attached] = item.files
    assert (attached.sha256, attached.size, attached.path) == (digest, photo.stat().st_size, str(photo.resolve()))
    copy = db.parent / "weiquan-vault" / attached.vault_name
    assert copy.read_bytes() == photo.read_bytes() and stat.S_IMODE(copy.stat().st_mode) == 0o600


def test_attach_a_kind_the_checklist_lacks_json(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = a_case(db, category="price")
    recording = tmp_path / "call.m4a"
    recording.write_bytes(b"audio")
    assert wq(db, "attach", str(case_id), "call_recording", str(recording), "--json") == 0
    body = out_json(capsys)
    assert body["evidence"]["kind"] == "call_recording" and body["evidence"]["state"] == "collected"
    assert body["file"]["sha256"] == hashlib.sha256(b"audio").hexdigest() and body["file"]["size"] == 5


def test_attach_refuses_a_missing_file_or_unknown_kind(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = a_case(db)
    assert "找不到文件" in refused(db, capsys, "attach", str(case_id), "订单截图", str(tmp_path / "nope.png"))
    assert "不是普通文件" in refused(db, capsys, "attach", str(case_id), "订单截图", str(tmp_path))
    real = tmp_path / "a.png"
    real.write_bytes(b"x")
    assert "不认识的证据类型“合同”" in refused(db, capsys, "attach", str(case_id), "合同", str(real))


# -- status ---------------------------------------------------------------------------------------
def test_status_with_amount_recovered(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = a_case(db)
    assert wq(db, "status", str(case_id), "已解决", "--recovered", "899", "--outcome", "全额退款", lang="zh-CN") == 0
    out = capsys.readouterr().out
    assert "已解决" in out and "¥899.00" in out
    case = CaseStore.open(db).get(case_id)
    assert (case.status, case.recovered_fen, case.outcome) == (Status.RESOLVED, 89_900, "全额退款")
    assert wq(db, "status", str(case_id), "waiting", "--json") == 0
    assert out_json(capsys)["case"]["status"] == "waiting"


def test_status_refuses_bad_values(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_id = a_case(db)
    assert "不认识的状态“done”" in refused(db, capsys, "status", str(case_id), "done")
    assert "“lots”不是金额" in refused(db, capsys, "status", str(case_id), "resolved", "--recovered", "lots")


# -- help -----------------------------------------------------------------------------------------
def test_log_help_shows_chinese_examples_in_the_users_language() -> None:
    zh = run_weiquan("log", "--help", env={"LANG": "zh_CN.UTF-8"})
    assert zh.returncode == 0
    assert "示例：" in zh.stdout and "--channel 热线" in zh.stdout and "--due 3个工作日" in zh.stdout
    assert "承诺期限" in zh.stdout  # the options explained in Chinese
    assert "客服热线（hotline）" in zh.stdout  # the choices listed from the channels and the catalog
    en = run_weiquan("log", "--help", "--lang", "en")
    assert "examples:" in en.stdout and "--due 3个工作日" in en.stdout and "by when" in en.stdout


# -- user text reaches the terminal only as text ---------------------------------------------------
def test_control_characters_never_reach_the_terminal(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = "耳机\x1b[31m红色\x07[bold]x[/bold]"
    assert wq(db, "new", "--title", title) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "耳机␛[31m红色␇[bold]x[/bold]" in err  # shown as visible pictures, markup as typed
    assert wq(db, "log", "1", "--said", title, "--json") == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\u001b" in out  # JSON escapes it
    assert orjson.loads(out)["contact"]["summary"] == title  # and the text is saved exactly


# -- arguments a terminal in another encoding sends ------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["new", "--title", "耳机\udcb6\udcfa"],
        ["new", "--title", "t", "--shop", "\udcff"],
        ["log", "CASE", "--said", "退款\udcb6"],
        ["note", "CASE", "\udcff\udcfe"],
        ["status", "CASE", "resolved", "--outcome", "\udcc0"],
        ["attach", "CASE", "photo", "FILE"],
    ],
)
@pytest.mark.parametrize(("lang", "expected"), [("zh-CN", "不是 UTF-8 编码的文字"), ("en", "is not UTF-8 text")])
def test_an_argument_that_is_not_utf8_is_refused_naming_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], lang: str, expected: str
) -> None:
    """Python passes such bytes on as lone surrogates; the save then failed with the JSON
    encoder's English ("str is not valid UTF-8: surrogates not allowed")."""
    case_id = a_case(db)
    photo = tmp_path / b"\xb6\xfa.jpg".decode("utf-8", "surrogateescape")  # 耳机 in GBK
    photo.write_bytes(b"jpeg")
    args = [{"CASE": str(case_id), "FILE": str(photo)}.get(arg, arg) for arg in args]
    error = refused(db, capsys, *args, lang=lang)
    assert expected in error and "\\x" in error  # the bytes shown, not the surrogates


def test_a_case_number_of_thousands_of_digits_is_not_a_case_number(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_case(db)
    huge = "9" * 5000  # int() refuses more than 4300 digits (ValueError)
    assert "不是案件编号" in refused(db, capsys, "note", huge, "x")
    assert "不是联系记录编号" in refused(db, capsys, "mark", "1", huge, "kept")
    assert "不是案件编号" in refused(db, capsys, "log", "#" + "0" * 5000 + "1" + "0" * 10)


@pytest.mark.parametrize(
    "args",
    [
        ["new", "--title", "t", "--order-date", "9999-12-31"],
        ["new", "--title", "t", "--delivery-date", "1800-01-01"],
        ["log", "CASE", "--at", "9999-12-31 10:00", "--due", "3d"],
        ["log", "CASE", "--at", "0001-01-01 00:00"],
        ["log", "CASE", "--due", "2300-01-01"],
    ],
)
def test_a_typed_year_no_case_can_have_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    """Year 9999 was saved, and every later `due`, `export` and `ics` ended in a traceback;
    year 1 and a relative deadline from year 9999 raised OverflowError at once."""
    case_id = a_case(db)
    args = [str(case_id) if arg == "CASE" else arg for arg in args]
    assert "年份超出了范围（只能是 1970 年至 2199 年）" in refused(db, capsys, *args)
    assert wq(db, "due") == 0


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_dates_that_cannot_be_right_are_saved_with_a_warning(
    db: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """The form asks first; a command saves what was typed (a pre-order is real) and says what to check."""
    future = (FIXED_NOW + dt.timedelta(days=25)).date().isoformat()
    capsys.readouterr()
    assert wq(db, "new", "--title", "t", "--order-date", future, "--delivery-date", "2026-11-01", lang=lang) == 0
    err = capsys.readouterr().err
    assert err.count("weiquan: ") == 2 and future in err and "2026-11-01" in err
    assert ("请核对" in err) == (lang == "zh-CN")
    case_id = CaseStore.open(db).cases()[0].id
    at = (FIXED_NOW + dt.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    assert wq(db, "log", str(case_id), "--channel", "hotline", "--at", at, "--json", lang=lang) == 0
    captured = capsys.readouterr()
    assert len(orjson.loads(captured.out)["date_warnings"]) == 1 and captured.err.count("weiquan: ") == 1
    assert len(CaseStore.open(db).get(case_id).contacts) == 1  # saved all the same
    assert wq(db, "log", str(case_id), "--channel", "hotline", lang=lang) == 0
    assert "weiquan: " not in capsys.readouterr().err  # nothing to check, nothing said
