"""Every bad file, path or disk condition gives one clear line on stderr, in the user's language,
exit status 2 — never a traceback, a hang or a raw library message — and changes nothing.

Real files where the condition can be made (folders, files as parents, FIFOs, links, /proc,
/dev/zero, a real full or read-only tmpfs where mounting is allowed). These tests run as root,
which ignores permission bits, so a permission refused (EACCES), a used-up quota (EDQUOT) or a
read-only mount without mounting is made by patching the one system call to raise that errno,
in process, through ``tui.cli.main`` exactly as the command line runs it.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from store.cases.case_store import CaseStore
from store.persistence.daily_backups import backup_dir
from tests.helpers.cli import run_weiquan
from tests.helpers.small_fs import fill_up, make_read_only, refuse_lock_files, small_tmpfs
from tui.cli import main

ZH = {"LANG": "zh_CN.UTF-8"}


def _clear_line(stderr: str) -> str:
    """The single line weiquan printed; fails on a traceback, several lines or raw OS text."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    line = lines[0]
    assert line.startswith("weiquan: ") and "Traceback" not in stderr, stderr
    assert "[Errno" not in line and "Errno" not in line, line
    return line


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return run_weiquan(*args, env=env, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"weiquan {' '.join(args)} hung")


def _populated(db: Path) -> bytes:
    CaseStore.open(db).create_case({"title": "耳机左耳无声"})
    return db.read_bytes()


def _backup_file(tmp_path: Path) -> Path:
    source = tmp_path / "source" / "weiquan.json"
    _populated(source)
    out = tmp_path / "backup.json"
    assert run_weiquan("backup", "-o", str(out), "--db", str(source)).returncode == 0
    return out


def _symlink_loop(tmp_path: Path) -> Path:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    return tmp_path / "a.json"


def _under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "plain").write_text("x")
    return tmp_path / "plain" / "weiquan.json"


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "fifo.json")
    return tmp_path / "fifo.json"


BAD_DATABASES: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # name: (make the --db path, English words, Chinese words)
    "a folder": (lambda t: t, "is a folder", "文件夹"),
    "a file as its parent": (_under_a_file, "part of the path is a file", "路径中有一段是文件"),
    "a FIFO": (_fifo, "pipe (FIFO)", "管道"),
    "/dev/zero": (lambda t: Path("/dev/zero"), "is a device", "设备文件"),
    "a link loop": (_symlink_loop, "too many levels of symbolic links", "符号链接层数太多"),
    "a name too long": (lambda t: t / ("长" * 200 + ".json"), "the name is too long", "名字太长"),
    "under /proc": (lambda t: Path("/proc/self/status"), "Cannot create the lock file", "无法创建锁文件"),
}
# Reading takes no lock: where the lock file cannot be made, a command that only reads goes on to
# read the file (/proc/self/status is text, not a database).
READ_WITHOUT_LOCK = {"under /proc": ("not valid JSON", "不是有效的 JSON")}


@pytest.mark.parametrize("name", sorted(BAD_DATABASES))
def test_a_bad_database_path_is_one_clear_line_in_each_language(tmp_path: Path, name: str) -> None:
    make, english, chinese = BAD_DATABASES[name]
    db = make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    for verb in (["list"], ["due"], ["restore", str(_backup_file(tmp_path / "b"))]):
        en, zh = READ_WITHOUT_LOCK.get(name, (english, chinese)) if verb[0] != "restore" else (english, chinese)
        result = _run(*verb, "--db", str(db), "--lang", "en")
        assert result.returncode == 2 and en in _clear_line(result.stderr), (verb, result.stderr)
        result = _run(*verb, "--db", str(db), env=ZH)
        assert result.returncode == 2 and zh in _clear_line(result.stderr), (verb, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "b") == before


@pytest.mark.parametrize(
    ("name", "make", "english"),
    [
        ("a FIFO", lambda t: (os.mkfifo(t / "backup.json"), t / "backup.json")[1], "pipe (FIFO)"),
        ("/dev/zero", lambda t: Path("/dev/zero"), "is a device"),
        ("a folder", lambda t: t, "is a folder"),
        ("missing", lambda t: t / "nope.json", "does not exist"),
        ("too large", lambda t: (os.truncate(_sized(t), 600 * 2**20), t / "big.json")[1], "at most 256 MB"),
    ],
)
def test_restore_reads_only_a_regular_file_of_bounded_size(tmp_path: Path, name: str, make, english: str) -> None:
    db = tmp_path / "db" / "weiquan.json"
    before = _populated(db)
    source = make(tmp_path)
    result = _run("restore", str(source), "--db", str(db), "--lang", "en")
    assert result.returncode == 2 and english in _clear_line(result.stderr), result.stderr
    assert db.read_bytes() == before


def _sized(folder: Path) -> Path:
    path = folder / "big.json"
    path.write_bytes(b"{}")
    return path


@pytest.mark.parametrize("verb", [["list"], ["due"], ["export", "1"], ["ics"], ["backup"], ["holidays"]])
def test_commands_that_read_never_create_a_database(tmp_path: Path, verb: list[str]) -> None:
    typo = tmp_path / "typo" / "path" / "weiquan.json"
    result = _run(*verb, "--db", str(typo), "--lang", "en")
    line = _clear_line(result.stderr)
    assert result.returncode == 2 and str(typo) in line
    assert line.lower().count("no database") == 1  # the title says it; the sentence does not again
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []  # no folder, no file, no lock
    zh = _run(*verb, "--db", str(typo), env=ZH)
    assert _clear_line(zh.stderr).count("没有数据库") == 1


@pytest.mark.parametrize("verb", [["list"], ["list", "--json"], ["due"], ["ics"], ["export", "1"]])
@pytest.mark.parametrize("content", [b"{}", b""])
def test_commands_that_read_leave_an_empty_database_as_it_is(tmp_path: Path, verb: list[str], content: bytes) -> None:
    db = tmp_path / "weiquan.json"
    db.write_bytes(content)
    result = _run(*verb, "--db", str(db), "--lang", "en")
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["weiquan.json"]  # no backups folder, no lock


def test_restore_and_the_example_still_work_without_a_database(tmp_path: Path) -> None:
    assert _run("holidays", "--example").returncode == 0
    fresh = tmp_path / "new" / "weiquan.json"
    result = _run("restore", str(_backup_file(tmp_path)), "--db", str(fresh))
    assert result.returncode == 0, result.stderr
    assert [c.title for c in CaseStore.open(fresh).cases()] == ["耳机左耳无声"]


@pytest.mark.parametrize(
    ("key", "shown"),
    [("²", "'²'"), ("01", "'01'"), ("١", "'١'"), (" 1", "' 1'"), ("+1", "'+1'"), ("1.0", "'1.0'"), ("0", "'0'")]
    + [("1" * 30, "'111111111111111111111111111111'"), ("-1", "'-1'")],
)
def test_a_case_key_that_is_not_a_canonical_id_is_refused_naming_it(tmp_path: Path, key: str, shown: str) -> None:
    db = tmp_path / "weiquan.json"
    data = orjson.loads(_populated(db))
    data["cases"][key] = data["cases"]["1"]
    db.write_bytes(orjson.dumps(data))
    before = db.read_bytes()
    for verb in (["list"], ["due"], ["export", "1"], ["backup", "-o", str(tmp_path / "b.json")]):
        result = _run(*verb, "--db", str(db), "--lang", "en")
        line = _clear_line(result.stderr) if "\n" not in result.stderr.strip() else result.stderr
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "not a case number" in result.stderr and shown[:20] in result.stderr, line
    assert db.read_bytes() == before


@pytest.mark.parametrize("counter", [2**64 - 1, 10**9 + 1, "7", 1.5, True, 0, -3, [1]])
def test_a_counter_out_of_range_is_refused_on_load_and_on_restore(tmp_path: Path, counter: object) -> None:
    db = tmp_path / "weiquan.json"
    data = orjson.loads(_populated(db))
    data["meta"]["1"]["next_case_id"] = counter
    bad = orjson.dumps(data)
    db.write_bytes(bad)
    result = _run("list", "--db", str(db), "--lang", "en")
    assert result.returncode == 2 and "next_case_id" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == bad
    good = tmp_path / "good.json"
    before = _populated(good)
    backup = orjson.loads(_backup_file(tmp_path / "b").read_bytes())
    backup["next_case_id"] = counter
    for source in (bad, orjson.dumps(backup)):
        (tmp_path / "restore-me.json").write_bytes(source)
        result = _run("restore", str(tmp_path / "restore-me.json"), "--db", str(good), "--lang", "en")
        assert result.returncode == 2 and "next_case_id" in _clear_line(result.stderr)
        assert good.read_bytes() == before


def test_a_meta_table_that_is_a_list_is_refused_on_load_and_on_restore(tmp_path: Path) -> None:
    bad = tmp_path / "copy.json"
    data = orjson.loads(_populated(tmp_path / "x.json"))
    data["meta"] = [data["meta"]["1"]]
    bad.write_bytes(orjson.dumps(data))
    result = _run("list", "--db", str(bad), "--lang", "en")
    assert result.returncode == 2 and "meta" in _clear_line(result.stderr)
    good = tmp_path / "good.json"
    before = _populated(good)
    result = _run("restore", str(bad), "--db", str(good), "--lang", "en")
    assert result.returncode == 2 and "meta" in _clear_line(result.stderr)
    assert good.read_bytes() == before


def _raise(code: int) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("code", "english", "chinese"),
    [
        (errno.EACCES, "permission denied", "没有权限"),
        (errno.EROFS, "the file system is read-only", "文件系统是只读的"),
        (errno.ENOSPC, "the disk is full", "磁盘已满"),
        (errno.EDQUOT, "the disk quota is used up", "磁盘配额已用完"),
        (errno.EIO, "input/output error", "读写出错"),
        (errno.EXDEV, "system error EXDEV", "系统错误 EXDEV"),
    ],
)
def test_a_save_the_system_refuses_is_one_translated_line_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], code: int, english, chinese
) -> None:
    """As root these cannot be made for real: the temp file's creation is patched to raise the errno."""
    db = tmp_path / "weiquan.json"
    before = _populated(db)
    backup = _backup_file(tmp_path / "b")
    monkeypatch.setattr("tempfile.mkstemp", _raise(code))
    for lang, words in (("en", english), ("zh-CN", chinese)):
        assert main(["restore", str(backup), "--db", str(tmp_path / "new.json"), "--lang", lang]) == 2
        line = _clear_line(capsys.readouterr().err)
        assert words in line and str(tmp_path / "new.json") in line
        assert main(["restore", str(backup), "--db", str(db), "--lang", lang]) == 2  # the safety copy fails first
        line = _clear_line(capsys.readouterr().err)
        assert words in line and str(backup_dir(db)) in line
    assert db.read_bytes() == before and not (tmp_path / "new.json").exists()


def test_a_lock_file_that_cannot_be_made_is_one_line_at_once_and_reading_needs_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A read-only mount refuses the lock file: patched os.open raises EROFS for it (filelock would
    otherwise retry that for 15 seconds and call the database busy). Commands that only read do
    not take the lock, so they still work."""
    db = tmp_path / "weiquan.json"
    _populated(db)
    Path(str(db) + ".lock").unlink()
    refuse_lock_files(monkeypatch, errno.EROFS)
    assert main(["list", "--db", str(db), "--lang", "en"]) == 0
    assert "耳机左耳无声" in capsys.readouterr().out
    assert main(["note", "1", "more", "--db", str(db), "--lang", "en"]) == 2
    line = _clear_line(capsys.readouterr().err)
    assert "lock file" in line and "read-only" in line and "busy" not in line


def test_a_full_disk_during_the_safety_copy_restores_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "weiquan.json"
    before = _populated(db)
    backup = _backup_file(tmp_path / "b")
    monkeypatch.setattr("store.persistence.daily_backups.atomic_write", _raise(errno.ENOSPC))
    assert main(["restore", str(backup), "--db", str(db), "--lang", "en"]) == 2
    line = _clear_line(capsys.readouterr().err)
    assert "Nothing was restored" in line and "the disk is full" in line
    assert db.read_bytes() == before


def test_a_backups_folder_that_cannot_be_created_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """mkdir is patched to raise EACCES (root may create folders anywhere)."""
    db = tmp_path / "weiquan.json"
    _populated(db)
    import shutil

    shutil.rmtree(backup_dir(db), ignore_errors=True)
    monkeypatch.setattr(os, "mkdir", _raise(errno.EACCES))
    assert main(["backup", "--db", str(db), "--lang", "zh-CN"]) == 2
    line = _clear_line(capsys.readouterr().err)
    assert "无法创建文件夹" in line and "没有权限" in line and str(backup_dir(db)) in line


def test_a_backups_path_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    _populated(db)
    import shutil

    shutil.rmtree(backup_dir(db), ignore_errors=True)
    backup_dir(db).write_text("not a folder")
    result = _run("backup", "--db", str(db), "--lang", "en")
    assert result.returncode == 2 and "is not a folder" in _clear_line(result.stderr)


def test_on_a_real_full_disk_a_save_is_one_line_and_ics_keeps_the_old_file(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "small", size="64k") as disk:
        db = disk / "weiquan.json"
        CaseStore.open(db, backups=False).create_case({"title": "t"})
        old_calendar = disk / "deadlines.ics"
        old_calendar.write_text("BEGIN:VCALENDAR\nold\nEND:VCALENDAR\n")
        before = db.read_bytes()
        fill_up(disk)
        result = _run("ics", "-o", str(old_calendar), "--db", str(db), "--lang", "en")
        assert result.returncode == 2 and "the disk is full" in _clear_line(result.stderr)
        assert old_calendar.read_text() == "BEGIN:VCALENDAR\nold\nEND:VCALENDAR\n"
        result = _run("restore", str(_backup_file(tmp_path / "b")), "--db", str(db), "--lang", "en")
        assert result.returncode == 2 and "the disk is full" in _clear_line(result.stderr)
        assert db.read_bytes() == before
        assert not [p for p in disk.iterdir() if p.name.endswith(".tmp")]


def test_on_a_disk_without_free_inodes_a_save_is_one_line(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "small", size="4m", inodes=16) as disk:
        db = disk / "weiquan.json"
        CaseStore.open(db, backups=False).create_case({"title": "t"})
        before = db.read_bytes()
        fill_up(disk)
        result = _run("restore", str(_backup_file(tmp_path / "b")), "--db", str(db), "--lang", "zh-CN")
        assert result.returncode == 2 and "磁盘已满" in _clear_line(result.stderr)
        assert db.read_bytes() == before


def test_on_a_real_read_only_mount_reading_works_and_a_change_is_one_line(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "small") as disk:
        db = disk / "weiquan.json"
        CaseStore.open(db, backups=False).create_case({"title": "on a read-only disk"})
        Path(str(db) + ".lock").unlink()
        make_read_only(disk)
        for verb in (["list"], ["due"], ["export", "1"]):
            result = _run(*verb, "--db", str(db), "--lang", "en")
            assert result.returncode in (0, 1) and not result.stderr, (verb, result.stderr)
        assert "on a read-only disk" in _run("list", "--db", str(db)).stdout
        for verb in (["note", "1", "more"], ["restore", str(_backup_file(tmp_path / "b"))]):
            result = _run(*verb, "--db", str(db), "--lang", "en")
            assert result.returncode == 2 and "read-only" in _clear_line(result.stderr), result.stderr


def _with_two_contacts(db: Path) -> dict:
    store = CaseStore.open(db)
    case = store.create_case({"title": "两条联系"})
    for agent in ("8821", "9931"):
        store.add_contact(case.id, {"at": "2026-11-20T10:00:00+08:00", "channel": "hotline", "agent_id": agent})
    return orjson.loads(db.read_bytes())


@pytest.mark.parametrize("records", ["contacts", "evidence"])
def test_two_records_with_one_id_in_a_case_are_refused_on_load_and_restore(tmp_path: Path, records: str) -> None:
    """Editing or deleting one of them would change both."""
    db = tmp_path / "weiquan.json"
    data = _with_two_contacts(db)
    for record in data["cases"]["1"][records]:
        record["id"] = 1
    db.write_bytes(orjson.dumps(data))
    before = db.read_bytes()
    result = _run("list", "--db", str(db), "--lang", "en")
    line = _clear_line(result.stderr)
    assert result.returncode == 2 and "case 1 ('两条联系')" in line and "id 1 appears twice" in line
    assert db.read_bytes() == before
    good = tmp_path / "good.json"
    kept = _populated(good)
    result = _run("restore", str(db), "--db", str(good), env=ZH)
    assert result.returncode == 2 and "编号 1 出现了两次" in _clear_line(result.stderr)
    assert good.read_bytes() == kept


def test_a_vault_name_that_is_a_path_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    data = orjson.loads(_populated(db))
    data["cases"]["1"]["evidence"][0]["files"] = [
        {"path": "/x.png", "size": 1, "sha256": "a" * 64, "attached": "2026-11-20T10:00:00+08:00"}
        | {"vault_name": "../../../etc/cron.d/x"}
    ]
    db.write_bytes(orjson.dumps(data))
    result = _run("list", "--db", str(db), "--lang", "en")
    assert result.returncode == 2 and "vault_name" in _clear_line(result.stderr)


def test_a_backup_with_a_key_twice_in_one_object_is_refused(tmp_path: Path) -> None:
    """JSON readers keep one of the two silently: a case would vanish in the restore."""
    db = tmp_path / "weiquan.json"
    before = _populated(db)
    copy = tmp_path / "b" / "source" / "weiquan.json"
    _populated(copy)
    raw = copy.read_bytes().replace(b'"cases":{"1":', b'"cases":{"1":{"title":"hidden"},"1":', 1)
    assert raw != copy.read_bytes()
    bad = tmp_path / "twice.json"
    bad.write_bytes(raw)
    result = _run("restore", str(bad), "--db", str(db), "--lang", "en")
    assert result.returncode == 2 and "the key '1' twice" in _clear_line(result.stderr)
    assert db.read_bytes() == before


def test_new_starts_a_database_where_there_is_none(tmp_path: Path) -> None:
    fresh = tmp_path / "new" / "weiquan.json"
    result = _run("new", "--title", "耳机左耳无声", "--db", str(fresh), "--lang", "en")
    assert result.returncode == 0 and result.stdout.strip() == "1", result.stderr
    assert [c.title for c in CaseStore.open(fresh).cases()] == ["耳机左耳无声"]
    assert (fresh.parent.stat().st_mode & 0o777) == 0o700


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_order_text_from_a_fifo_or_a_device_is_refused_not_read(tmp_path: Path, kind: str) -> None:
    source = _fifo(tmp_path) if kind == "fifo" else Path("/dev/zero")
    db = tmp_path / "weiquan.json"
    result = _run("new", "--title", "t", "--from-text", str(source), "--db", str(db), "--lang", "en")
    assert result.returncode == 2 and "is not a regular file" in _clear_line(result.stderr)
    assert not db.exists()


def _with_dates(db: Path, where: str, value: str) -> bytes:
    """A database whose case (or its one contact) has ``value`` in the field ``where``."""
    store = CaseStore.open(db)
    case_id = store.create_case({"title": "耳机左耳无声", "order_date": "2026-11-01"}).id
    store.add_contact(case_id, {"at": "2026-11-20T10:00:00+08:00", "channel": "hotline", "promise": "退款"})
    data = orjson.loads(db.read_bytes())
    record = data["cases"][str(case_id)]
    if where.startswith("contact "):
        record = record["contacts"][0]
        where = where.removeprefix("contact ")
    record[where] = value
    return orjson.dumps(data)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("order_date", "9999-12-31"),  # a statutory clock three years on: year 10002, ValueError
        ("delivery_date", "9999-12-31"),  # OverflowError
        ("created", "9999-12-31T23:59:59-12:00"),
        ("contact at", "0001-01-01T00:00:00+14:00"),  # OverflowError in China time, and on load
        ("contact deadline", "9999-12-31T23:59:59-12:00"),
    ],
)
def test_a_date_no_case_can_have_is_refused_on_load_and_on_restore(tmp_path: Path, where: str, value: str) -> None:
    """Such a year passed msgspec's checks and then raised a traceback in every verb that looks at
    deadlines (due, export, ics; list and restore too for year 1)."""
    db = tmp_path / "weiquan.json"
    bad = _with_dates(db, where, value)
    db.write_bytes(bad)
    for verb in (["list"], ["due"], ["export", "1"], ["ics", "-o", str(tmp_path / "o.ics")], ["note", "1", "x"]):
        result = _run(*verb, "--db", str(db), "--lang", "en")
        assert result.returncode == 2, result.stderr
        line = _clear_line(result.stderr)
        assert "dates run from 1970 to 2199" in line and value in line, line
    assert db.read_bytes() == bad
    good = tmp_path / "good.json"
    before = _populated(good)
    (tmp_path / "restore-me.json").write_bytes(bad)
    result = _run("restore", str(tmp_path / "restore-me.json"), "--db", str(good), "--lang", "zh-CN")
    assert result.returncode == 2 and "年份超出了范围" in _clear_line(result.stderr)
    assert good.read_bytes() == before


@pytest.mark.parametrize("verb", [["export", "1", "-o"], ["ics", "-o"], ["backup", "-o"]])
@pytest.mark.parametrize(
    "own", ["weiquan.json", "weiquan.json.lock", "weiquan.json.index", "weiquan-backups/x.md", "weiquan-vault/x.md"]
)
def test_output_over_weiquans_own_files_is_refused(tmp_path: Path, verb: list[str], own: str) -> None:
    """`export 1 -o weiquan.json` replaced every case with Markdown (and a lock file another session
    holds with a new one, so two sessions could write at once)."""
    db = tmp_path / "weiquan.json"
    before = _populated(db)
    (tmp_path / "weiquan-backups").mkdir(exist_ok=True)
    (tmp_path / "weiquan-vault").mkdir(exist_ok=True)
    lock_before = (tmp_path / "weiquan.json.lock").read_bytes()
    result = _run(*verb, str(tmp_path / ".." / tmp_path.name / own), "--db", str(db), "--lang", "zh-CN")
    assert result.returncode == 2 and "是 weiquan 自己的文件" in _clear_line(result.stderr)
    assert db.read_bytes() == before and (tmp_path / "weiquan.json.lock").read_bytes() == lock_before
    assert not (tmp_path / own).exists() or own.startswith("weiquan.json")


@pytest.mark.parametrize(
    "args",
    [
        ["export", "1", "-o", "~nobody-here/case.md"],
        ["ics", "-o", "~nobody-here/due.ics"],
        ["backup", "-o", "~nobody-here/b.json"],
        ["restore", "~nobody-here/b.json"],
        ["attach", "1", "photo", "~nobody-here/p.png"],
        ["new", "--title", "t", "--from-text", "~nobody-here/order.txt"],
        ["list", "--db", "~nobody-here/weiquan.json"],
    ],
    ids=lambda a: a[0],
)
def test_a_path_starting_with_the_home_of_no_user_is_one_line(tmp_path: Path, args: list[str]) -> None:
    """pathlib raises RuntimeError ("Could not determine home directory") for ~name of no user."""
    db = tmp_path / "weiquan.json"
    before = _populated(db)
    result = _run(*args, *([] if "--db" in args else ["--db", str(db)]), "--lang", "en")
    assert result.returncode == 2
    assert "“~nobody-here/" in _clear_line(result.stderr) and "names no user on this system" in result.stderr
    assert db.read_bytes() == before


def test_a_weiquan_db_setting_starting_with_the_home_of_no_user_is_one_line() -> None:
    result = _run("list", "--lang", "en", env={"WEIQUAN_DB": "~nobody-here/weiquan.json"})
    assert result.returncode == 2 and "names no user on this system" in _clear_line(result.stderr)
