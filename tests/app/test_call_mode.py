"""Call mode: single keys note the agent, promise, deadline, reference and what was said while a
timer runs; ending the call logs one contact with its length; the draft survives a stopped session."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest
from textual.pilot import Pilot

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.persistence.call_drafts import DraftFile, drafts_dir, left_drafts, new_draft
from store.records.models import Channel, PromiseState
from tests.conftest import FakeClock
from tests.helpers.app_driver import FIXED_NOW, screen_text, type_text
from tui.app import WeiquanApp
from tui.dialogs.call_draft_offer import CallDraftOffer
from tui.dialogs.confirm import ChoiceDialog, ConfirmDialog
from tui.screens.call import CallScreen
from tui.screens.main import MainScreen
from tui.textual_compat import shown_notifications


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(FIXED_NOW)


@pytest.fixture
def case_id(app_store: CaseStore) -> int:
    return app_store.create_case({"title": "耳机左耳无声", "order_no": "P7788123"}).id


def an_app(store: CaseStore, clock: FakeClock, lang: str = "zh-CN") -> WeiquanApp:
    return WeiquanApp(store, lang=lang, clock=clock, watch_seconds=0)


async def note(pilot: Pilot, key: str, text: str) -> None:
    """Press a field's key, type into it, leave it with Enter."""
    await pilot.press(key)
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


def draft_files(db_path: Path) -> list[Path]:
    return sorted(drafts_dir(db_path).glob("call-*.json"))


async def until(pilot: Pilot, condition, tries: int = 200) -> None:  # type: ignore[no-untyped-def]
    """Only for the draft's timed save (DRAFT_DELAY after the last key): a timer, with no event to
    wait for. What messages bring about is waited for with pilot.pause()."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the condition was not met")


@pytest.mark.slow
async def test_a_whole_call_by_single_keys(app_store: CaseStore, case_id: int, clock: FakeClock, db_path: Path) -> None:
    app = an_app(app_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, CallScreen)
        text = screen_text(pilot)
        assert "通话中  0:00" in text and "先报订单号：P7788123" in text and "问清客服工号" in text
        await note(pilot, "a", "8821")
        await note(pilot, "p", "3个工作日内退款")
        await pilot.press("d")
        await type_text(pilot, "3个工作日")
        assert "→ 2026-12-01 23:59:59" in screen_text(pilot)  # Thursday 26th + 3 working days, shown live
        await pilot.press("enter")
        await note(pilot, "r", "AS2026112600123")
        await pilot.press("s")
        await type_text(pilot, "客服说已登记")
        await pilot.press("escape")  # leaves the notes box; the call goes on
        await pilot.press("1", "3")  # tick two checklist items
        assert isinstance(app.screen, CallScreen) and app.screen.draft.checked == [1, 3]
        clock.advance(minutes=12, seconds=30)
        app.screen.tick_timer()
        await pilot.pause()
        assert "通话中  12:30" in screen_text(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        [contact] = app_store.get(case_id).contacts
        assert contact.at == FIXED_NOW and contact.channel is Channel.HOTLINE and contact.duration == 750
        assert (contact.agent_id, contact.promise, contact.reference_no) == (
            "8821",
            "3个工作日内退款",
            "AS2026112600123",
        )
        assert contact.summary == "客服说已登记" and contact.promise_state is PromiseState.PENDING
        assert contact.deadline == dt.datetime(2026, 12, 1, 23, 59, 59, tzinfo=CHINA_TZ)
        text = screen_text(pilot)
        assert "2026-11-26 20:00 · 12分30秒" in text  # the timeline shows the call's length
        assert draft_files(db_path) == []  # the draft went once the call was logged


async def test_the_draft_is_saved_as_it_is_typed(
    app_store: CaseStore, case_id: int, clock: FakeClock, db_path: Path
) -> None:
    app = an_app(app_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.press("a")
        await type_text(pilot, "8821")  # not yet left with Enter: typing alone is saved

        def saved() -> dict:
            files = draft_files(db_path)
            return json.loads(files[0].read_text()) if files else {}

        await until(pilot, lambda: saved().get("agent_id") == "8821")
        [path] = draft_files(db_path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        body = saved()
        assert body["case_id"] == case_id and body["database"] == str(db_path.resolve())
        assert body["started"] == "2026-11-26T20:00:00+08:00"
        assert left_drafts(db_path) == []  # held by this session: not offered to another one


def a_left_draft(db_path: Path, case_id: int, **typed: str) -> Path:
    """A draft as a session that was killed mid-call leaves it: on disk, its lock free."""
    started = FIXED_NOW - dt.timedelta(minutes=5)
    draft_file = DraftFile.create(db_path, case_id)
    draft = new_draft(db_path, case_id, "耳机左耳无声", "hotline", started)
    import msgspec

    draft_file.save(msgspec.structs.replace(draft, **typed))
    draft_file.release()
    return draft_file.path


async def test_a_left_call_is_offered_and_resumed(
    app_store: CaseStore, case_id: int, clock: FakeClock, db_path: Path
) -> None:
    a_left_draft(db_path, case_id, agent_id="8821", promise="退款", deadline="48h")
    app = an_app(app_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CallDraftOffer)
        text = screen_text(pilot)
        assert "有一次通话没有记录完" in text and "8821" in text and "48h" in text
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        assert app.screen.value("agent_id") == "8821" and app.screen.value("promise") == "退款"
        assert "通话中  5:00" in screen_text(pilot)  # the timer counts from the call's start
        await pilot.press("e")
        await pilot.pause()
        [contact] = app_store.get(case_id).contacts
        assert contact.at == FIXED_NOW - dt.timedelta(minutes=5) and contact.duration == 300
        assert contact.deadline == contact.at + dt.timedelta(hours=48)
        assert draft_files(db_path) == []


async def test_a_left_call_can_wait_or_be_discarded(
    app_store: CaseStore, case_id: int, clock: FakeClock, db_path: Path
) -> None:
    path = a_left_draft(db_path, case_id, agent_id="8821")
    async with an_app(app_store, clock).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, CallDraftOffer)
        await pilot.press("2")  # later
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen) and path.exists()
    async with an_app(app_store, clock).run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # offered again
        assert isinstance(pilot.app.screen, CallDraftOffer)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert not path.exists() and app_store.get(case_id).contacts == []


async def test_drafts_of_a_live_session_or_another_database_are_not_offered(
    app_store: CaseStore, case_id: int, clock: FakeClock, db_path: Path, tmp_path: Path
) -> None:
    live = DraftFile.create(db_path, case_id)  # a call going on in another session
    live.save(new_draft(db_path, case_id, "耳机左耳无声", "hotline", FIXED_NOW))
    other_db = tmp_path / "elsewhere" / "weiquan.json"
    copied = a_left_draft(other_db, case_id, agent_id="1234")
    (drafts_dir(db_path) / copied.name).write_bytes(copied.read_bytes())  # a drafts folder copied over
    app = an_app(app_store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the drafts were looked at
        assert app._left_calls_offered
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    live.release()
    assert [d.path for d in left_drafts(db_path)] == [live.path]  # free now: offered next time


async def test_a_bad_deadline_keeps_the_call_open(
    app_store: CaseStore, case_id: int, clock: FakeClock, db_path: Path
) -> None:
    async with an_app(app_store, clock).run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await note(pilot, "d", "30-02")
        assert "日期或时间“30-02”不存在" in screen_text(pilot)  # said at once, in the hint
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CallScreen)
        assert pilot.app.screen.query_one("#field-deadline").has_class("-invalid")
        assert app_store.get(case_id).contacts == [] and len(draft_files(db_path)) == 1


async def test_escape_asks_before_discarding_the_call(
    app_store: CaseStore, case_id: int, clock: FakeClock, db_path: Path
) -> None:
    async with an_app(app_store, clock, lang="en").run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await note(pilot, "a", "8821")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")  # keep the call
        await pilot.pause()
        assert isinstance(pilot.app.screen, CallScreen) and pilot.app.screen.value("agent_id") == "8821"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)
        assert app_store.get(case_id).contacts == [] and draft_files(db_path) == []


async def test_changing_the_channel_changes_the_checklist(app_store: CaseStore, case_id: int, clock: FakeClock) -> None:
    async with an_app(app_store, clock, lang="en").run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        assert "Ask for the agent's ID (工号)" in screen_text(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceDialog)
        await pilot.press("4")  # 12315, fourth on the ladder
        await pilot.pause()
        text = screen_text(pilot)
        assert "Note the complaint's ticket number" in text and "On the call  0:00  ·  12315" in text
        await pilot.press("e")
        await pilot.pause()
        assert app_store.get(case_id).contacts[0].channel is Channel.C12315


async def test_a_typed_length_wins_over_the_timer(app_store: CaseStore, case_id: int, clock: FakeClock) -> None:
    async with an_app(app_store, clock, lang="en").run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        clock.advance(minutes=3)
        await note(pilot, "t", "1h5m")
        assert "Call length set to 1:05:00" in screen_text(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app_store.get(case_id).contacts[0].duration == 3900


async def test_a_draft_is_shown_literally(app_store: CaseStore, case_id: int, clock: FakeClock, db_path: Path) -> None:
    a_left_draft(db_path, case_id, summary="[bold]承诺[/bold]\x1b[31m", agent_id="[red]8821")
    async with an_app(app_store, clock).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, CallDraftOffer)
        text = screen_text(pilot)
        assert "[bold]承诺[/bold]␛[31m" in text and "[red]8821" in text


async def test_an_unreadable_draft_is_reported_and_kept(
    app_store: CaseStore, case_id: int, clock: FakeClock, db_path: Path
) -> None:
    path = a_left_draft(db_path, case_id)
    path.write_text("{ half written")
    app = an_app(app_store, clock, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("cannot be read" in n.message for n in shown_notifications(app))
        assert isinstance(app.screen, MainScreen) and path.exists()


@pytest.mark.parametrize(("lang", "says"), [("en", "Esc outside a field discards the call"), ("zh-CN", "按 Esc 放弃")])
async def test_the_call_screen_says_how_to_leave_without_logging(
    app_store: CaseStore, case_id: int, clock: FakeClock, lang: str, says: str
) -> None:
    """The footer lists e (end and log); how to give a call up (Esc on the bare screen) is said too."""
    async with an_app(app_store, clock, lang=lang).run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CallScreen)
        lines = [line.strip() for line in screen_text(pilot).splitlines()]
        shown = (" " if lang == "en" else "").join(lines)  # the hint wraps over two lines at 80 columns
        shown = " ".join(shown.split()) if lang == "en" else shown
        assert says in shown, shown
