"""weiquan over a real OpenSSH server on 127.0.0.1: an interactive login in tmux, `ssh … weiquan
export` into a file, and two logins on one database at once."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from tests.helpers.sshd import SshServer, remote_env, start_sshd, weiquan_path
from tests.helpers.system_tools import require_tool
from tests.helpers.tmux import TmuxSession

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    require_tool("sshd", "ssh", "tmux")  # skipped with the reason locally, required under CI
    server = start_sshd(tmp_path_factory.mktemp("sshd"))
    yield server
    server.stop()


@pytest.fixture
def login(sshd: SshServer, tmp_path: Path):
    sessions: list[TmuxSession] = []

    def open_login(db: Path, lang: str = "zh_CN.UTF-8", width: int = 110, height: int = 36) -> TmuxSession:
        remote = [*remote_env(LANG=lang, WEIQUAN_DB=str(db), TEXTUAL_ANIMATIONS="none"), weiquan_path()]
        # TERM is what the login's terminal (tmux) says; COLORTERM is not forwarded, as over real SSH
        session = TmuxSession(
            sshd.ssh_command(*remote, tty=True), env={"TERM": "tmux-256color"}, width=width, height=height
        )
        sessions.append(session)
        return session

    yield open_login
    for session in sessions:
        session.close()


def _wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def _add_case(tty: TmuxSession, title: str) -> None:
    tty.send("n")
    tty.wait_for("例如：耳机左耳无声")
    tty.type(title)
    tty.wait_for(title)
    tty.send("C-s")
    tty.wait_for("已创建案件")


def test_a_burst_over_ssh_lands_in_the_fields_it_was_typed_for(sshd: SshServer, login, tmp_path: Path) -> None:
    """A fast typist's keys arrive together over SSH: a new case and a contact, each typed as one
    burst with Tabs (and the key that opens the form), land in their fields."""
    db = tmp_path / "weiquan.json"
    tty = login(db, width=80, height=24)
    tty.wait_for("还没有案件", timeout=30)
    tty.burst("n耳机没声音\t淘宝\t数码旗舰店", "<C-s>")
    _wait_until(lambda: db.exists() and len(CaseStore.open(db, backups=False).cases()) == 1)
    tty.burst("c\t\t\tKF-77\t\t" + "客服说要等仓库验货，" * 6 + "\t七天内退款\t7天", "<C-s>")
    _wait_until(lambda: bool(CaseStore.open(db, backups=False).cases()[0].contacts))
    [case] = CaseStore.open(db).cases()
    assert (case.title, case.platform, case.shop) == ("耳机没声音", "淘宝", "数码旗舰店")
    [contact] = case.contacts
    assert (contact.agent_id, contact.summary, contact.promise) == ("KF-77", "客服说要等仓库验货，" * 6, "七天内退款")
    assert contact.deadline is not None
    tty.send("q")
    tty.wait_for("WEIQUAN-EXITED-0", timeout=20)


def test_interactive_login_then_export_over_ssh(sshd: SshServer, login, tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    tty = login(db)
    tty.wait_for("还没有案件", timeout=30)
    _add_case(tty, "远程登录：面霜过敏")
    tty.send("c")
    tty.wait_for("承诺的处理方案")
    tty.send("Tab", "Tab", "Tab")
    tty.wait_for("▸ 客服工号")
    tty.type("KF-2048")
    tty.send("Tab", "Tab", "Tab")
    tty.wait_for("▸ 承诺的处理方案")
    tty.type("48小时内回电")
    tty.send("Tab")
    tty.wait_for("▸ 承诺期限")
    tty.type("48h")
    tty.wait_for("→ ")
    tty.send("C-s")
    screen = tty.wait_for("已记录联系")
    assert "KF-2048" in screen
    tty.send("q")
    tty.wait_for("WEIQUAN-EXITED-0", timeout=20)

    [case] = CaseStore.open(db).cases()
    assert case.title == "远程登录：面霜过敏" and case.contacts[0].agent_id == "KF-2048"

    exported = tmp_path / "case.md"
    command = sshd.ssh_command(
        *remote_env(LANG="zh_CN.UTF-8"), weiquan_path(), "export", str(case.id), "--db", str(db), "--lang", "zh-CN"
    )
    with open(exported, "wb") as out:
        result = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()
    text = exported.read_text(encoding="utf-8")
    assert text.startswith("# 维权时间线：远程登录：面霜过敏")
    assert "KF-2048" in text and "48小时内回电" in text and "\x1b" not in text and "\r" not in text

    missing = subprocess.run(
        sshd.ssh_command(weiquan_path(), "export", "42", "--db", str(db)),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2 and "There is no case 42" in missing.stderr


def test_two_logins_on_one_database(login, tmp_path: Path) -> None:
    db = tmp_path / "shared.json"
    first, second = login(db), login(db)
    first.wait_for("还没有案件", timeout=30)
    second.wait_for("还没有案件", timeout=30)

    _add_case(first, "甲的案件")
    second.wait_for("甲的案件", timeout=8)  # the other login shows it without a restart
    _add_case(second, "乙的案件")
    first.wait_for("乙的案件", timeout=8)

    # different cases edited at the same time: both changes kept
    first.send("e")
    first.wait_for("编辑案件")
    second.send("e")
    second.wait_for("编辑案件")
    first.type("甲改过的标题")
    second.type("乙改过的标题")
    first.wait_for("甲改过的标题")
    second.wait_for("乙改过的标题")
    first.send("C-s")
    second.send("C-s")
    first.wait_for("乙改过的标题", timeout=8)
    second.wait_for("甲改过的标题", timeout=8)
    assert sorted(c.title for c in CaseStore.open(db).cases()) == ["乙改过的标题", "甲改过的标题"]

    # the same case edited in both: the later save warns before overwriting, nothing is lost silently
    for tty in (first, second):
        tty.type("/")
        tty.wait_for("▸ /")
        tty.type("乙改过")
        tty.send("Enter")
    first.send("e")
    first.wait_for("编辑案件 2")
    second.send("e")
    second.wait_for("编辑案件 2")
    second.type("乙第二次修改")
    second.wait_for("乙第二次修改")
    second.send("C-s")
    _wait_until(lambda: CaseStore.open(db).get(2).title == "乙第二次修改")
    first.type("甲也想改")
    first.wait_for("甲也想改")
    first.send("C-s")
    first.wait_for("另一个会话修改了这个案件", timeout=8)
    first.send("n")  # keep theirs
    titles = sorted(c.title for c in CaseStore.open(db).cases())
    assert titles == ["乙第二次修改", "甲改过的标题"], titles
