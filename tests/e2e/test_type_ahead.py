"""Keys typed ahead land in the field the user tabbed to, in every form: each test sends a whole
burst (text, Tab, more text, Ctrl+S) in one go to the installed program in tmux, as a paste or a
fast typist over SSH delivers it, and checks what the database holds afterwards."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from store.records.models import Case

pytestmark = pytest.mark.e2e


def saved(db: Path, condition: Callable[[list[Case]], bool], timeout: float = 20.0) -> list[Case]:
    """The cases in the database once ``condition`` holds for them (read afresh each time)."""
    deadline = time.monotonic() + timeout
    while True:
        cases = CaseStore.open(db, backups=False).cases() if db.exists() else []
        if condition(cases):
            return cases
        assert time.monotonic() < deadline, f"the database never got there; it holds {cases!r}"
        time.sleep(0.1)


def one_case(db: Path, title: str = "Earbuds") -> Case:
    store = CaseStore.open(db)
    return store.create_case({"title": title})


def test_new_case_burst_lands_in_three_fields(terminal, tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    tty = terminal(lang="en_US.UTF-8", width=80, height=24, db=db)
    tty.wait_for("No cases yet")
    # The key that opens the form is part of the burst: nothing may be read before the form is up.
    tty.burst("nABC\tDEF\tGHI", "<C-s>")
    [case] = saved(db, lambda cases: len(cases) == 1)
    assert (case.title, case.platform, case.shop) == ("ABC", "DEF", "GHI")


def test_contact_burst_after_a_long_summary(terminal, tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    one_case(db)
    tty = terminal(lang="zh_CN.UTF-8", width=80, height=24, db=db)
    tty.wait_for("Earbuds")
    summary = "客服说仓库还没收到退货，" * 12  # longer than the field is wide: it wraps
    # when, channel, direction (Tab past them), agent ID, reference no., what was said, promise, deadline
    tty.burst("c\t\t\t8821\tAS2026\t" + summary + "\t3个工作日内退款\t3个工作日", "<C-s>")
    [case] = saved(db, lambda cases: bool(cases and cases[0].contacts))
    [contact] = case.contacts
    assert contact.agent_id == "8821"
    assert contact.reference_no == "AS2026"
    assert contact.summary == summary
    assert contact.promise == "3个工作日内退款"
    assert contact.deadline is not None and contact.deadline > contact.at


def test_evidence_burst_note_then_file(terminal, tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    case = one_case(db)
    proof = tmp_path / "order.png"
    proof.write_bytes(b"\x89PNG not really")
    tty = terminal(lang="en_US.UTF-8", width=80, height=24, db=db)
    tty.wait_for("Earbuds")
    # v edits the checklist's first item: state, then Tab to the note, then Tab to the file's path
    tty.burst("v\tScreenshot of the order page\t" + str(proof), "<C-s>")
    [after] = saved(db, lambda cases: bool(cases and cases[0].evidence[0].files))
    item = after.evidence[0]
    assert item.id == case.evidence[0].id
    assert item.note == "Screenshot of the order page"
    assert [f.path for f in item.files] == [str(proof)]


def test_filter_burst_then_open_the_match(terminal, tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db)
    blender = [store.create_case({"title": title}) for title in ("Air fryer", "Blender", "Cashmere scarf")][1]
    tty = terminal(lang="en_US.UTF-8", width=80, height=24, db=db)
    tty.wait_for("Cashmere")
    # the filter, Enter back to the list, e to edit the one case left, a new title, save: one burst
    tty.burst("/blend\re", "<C-u>", "Blender, motor burnt", "<C-s>")
    cases = saved(db, lambda cases: any(c.title.startswith("Blender,") for c in cases))
    assert {c.id: c.title for c in cases} == {1: "Air fryer", blender.id: "Blender, motor burnt", 3: "Cashmere scarf"}


def test_pasted_row_fills_successive_fields(terminal, tmp_path: Path) -> None:
    """A paste (bracketed) with tabs in it, such as a row copied from a spreadsheet, goes field by
    field like the same text typed."""
    db = tmp_path / "weiquan.json"
    tty = terminal(lang="en_US.UTF-8", width=80, height=24, db=db)
    tty.wait_for("No cases yet")
    tty.send("n")
    tty.paste("Kettle leaks\tTaobao\tHome shop")
    tty.wait_for("Home shop")
    tty.send("C-s")
    [case] = saved(db, lambda cases: len(cases) == 1)
    assert (case.title, case.platform, case.shop) == ("Kettle leaks", "Taobao", "Home shop")


def test_call_mode_burst_of_single_keys_and_notes(terminal, tmp_path: Path) -> None:
    """p starts a call; a, p, d pick a field, Enter leaves it, e ends the call: all in one burst."""
    db = tmp_path / "weiquan.json"
    one_case(db)
    tty = terminal(lang="zh_CN.UTF-8", width=80, height=24, db=db)
    tty.wait_for("Earbuds")
    tty.burst("pa8821\rp3个工作日内退款\rd3个工作日\rr" + "AS-77\re")
    [case] = saved(db, lambda cases: bool(cases and cases[0].contacts))
    [contact] = case.contacts
    assert (contact.agent_id, contact.promise, contact.reference_no) == ("8821", "3个工作日内退款", "AS-77")
    assert contact.deadline is not None and contact.duration is not None


def test_paste_intake_burst_fills_the_case_form(terminal, tmp_path: Path) -> None:
    """The title, Ctrl+O, the order's text typed into the paste box, Ctrl+S to fill the form and
    Ctrl+S to save, as one burst."""
    db = tmp_path / "weiquan.json"
    tty = terminal(lang="zh_CN.UTF-8", width=80, height=24, db=db)
    tty.wait_for("还没有案件")
    tty.burst("n电热水壶漏水", "<C-o>", "订单编号：5566778899\r实付款：¥88.00", "<C-s>", "<C-s>")
    [case] = saved(db, lambda cases: len(cases) == 1)
    assert (case.title, case.order_no, case.amount_paid_fen) == ("电热水壶漏水", "5566778899", 8_800)


def test_review_burst_masks_typed_text(terminal, tmp_path: Path) -> None:
    """Export, redact, review, m and the text to mask with Enter, as one burst: the review lists it."""
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db)
    store.create_case({"title": "Blender burnt at Zhang Wei's flat"})
    tty = terminal(lang="en_US.UTF-8", width=100, height=30, db=db)
    tty.wait_for("Blender burnt")
    tty.burst("xrpmZhang Wei\r")
    screen = tty.wait_for("text you marked")
    assert "Zhang Wei" in screen and "Review before posting" in screen


def test_export_save_path_burst_writes_the_file(terminal, tmp_path: Path) -> None:
    """x, s, the path, Enter, as one burst: the export is written where the path says."""
    db = tmp_path / "weiquan.json"
    one_case(db, "Blender burnt")
    target = tmp_path / "blender.md"
    tty = terminal(lang="en_US.UTF-8", width=80, height=24, db=db)
    tty.wait_for("Blender burnt")
    tty.burst("xs", "<C-u>", f"{target}\r")
    deadline = time.monotonic() + 20
    while not target.exists():
        assert time.monotonic() < deadline, tty.screen()
        time.sleep(0.1)
    assert "Blender burnt" in target.read_text(encoding="utf-8")


def test_guide_find_burst_goes_through_the_hits(terminal, tmp_path: Path) -> None:
    """g, /, the words, Enter, n, as one burst: the find bar is on its second hit across chapters."""
    db = tmp_path / "weiquan.json"
    one_case(db, "耳机")
    tty = terminal(lang="zh_CN.UTF-8", width=100, height=30, db=db)
    tty.wait_for("耳机")
    tty.burst("g/三倍\rn")
    tty.wait_for("第 2 处，共")
