"""The database file is damaged while the app runs: no crash, the damaged-file screen, and back."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from store.cases.case_store import CaseStore
from store.errors import StoreDamaged
from store.persistence.backup_format import read_backup
from store.rules.messages import Messages, Msg
from tests.helpers.app_driver import screen_text
from tui.screens.damaged import DamagedScreen
from tui.screens.main import MainScreen


def _break_a_record(db: Path) -> None:
    body = orjson.loads(db.read_bytes())
    body["cases"]["1"]["amount_paid_fen"] = "a lot"
    db.write_bytes(orjson.dumps(body))


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
async def test_damage_while_open_is_shown_and_goes_once_the_file_is_fixed(
    make_app, app_store: CaseStore, db_path: Path, lang: str
) -> None:
    app_store.create_case({"title": "耳机左耳无声"})
    app_store.create_case({"title": "物流停滞"})
    good = db_path.read_bytes()
    app = make_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        _break_a_record(db_path)
        await pilot.press("down", "up")  # reading the cases: the last good ones, no crash
        await pilot.pause()
        assert app.screen is main and "耳机左耳无声" in screen_text(pilot)
        app.check_outside_changes()  # the poll
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen) and app.screen_stack[-2] is main
        text = screen_text(pilot)
        assert "amount_paid_fen" in text
        assert ("恢复最新的备份" if lang == "zh-CN" else "Restore the newest backup") in text  # keys in the UI language
        app.check_outside_changes()
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, DamagedScreen)]) == 1  # not stacked again
        db_path.write_bytes(good.replace("物流停滞".encode(), "物流停滞（已修复）".encode()))
        app.check_outside_changes()
        await pilot.pause()
        assert app.screen is main and "物流停滞（已修复）" in screen_text(pilot)


async def test_a_change_refused_on_a_damaged_file_brings_up_the_damaged_screen(
    make_app, app_store: CaseStore, db_path: Path
) -> None:
    app_store.create_case({"title": "耳机左耳无声"})
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _break_a_record(db_path)
        await pilot.press("d", "y")  # delete the case, yes
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        assert isinstance(app.screen_stack[-2], MainScreen)
        assert b"deleted_at" not in db_path.read_bytes()  # nothing was written to the damaged file


async def test_over_an_open_form_esc_keeps_the_app_and_a_restore_brings_the_cases_back(
    make_app, app_store: CaseStore, db_path: Path
) -> None:
    app_store.create_case({"title": "耳机左耳无声"})  # the day's first change keeps a backup first
    app_store.create_case({"title": "物流停滞"})
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")  # the contact form, over the cases
        await pilot.pause()
        form = app.screen
        _break_a_record(db_path)
        app.check_outside_changes()
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen) and app.screen.error.newest_backup is not None
        in_backup = sorted(c.title for c in read_backup(app.screen.error.newest_backup).cases if c.deleted_at is None)
        await pilot.press("escape")  # would lose the form's typing if it quit
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, DamagedScreen)
        await pilot.press("r")  # restore the newest backup
        await pilot.pause()
        assert app.screen is form
        assert sorted(c.title for c in app.store.cases()) == in_backup
        assert b"a lot" not in db_path.read_bytes()  # the damaged file was replaced (and kept as a backup)


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("with_backup", [False, True])
async def test_the_damaged_screen_says_what_to_do_once_in_its_own_keys(
    make_app, db_path: Path, tmp_path: Path, lang: str, with_backup: bool
) -> None:
    """The command line's next step (run `weiquan restore`, or "no backup found") is not repeated
    under the screen's own: press r with the backup named, or q."""
    backup = tmp_path / "weiquan-backups" / "weiquan-20261126.json" if with_backup else None
    problem = StoreDamaged(db_path, Msg.of("store.problem_not_json", line=2, column=1), backup)
    app = make_app(lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.show_error(problem)
        await pilot.pause()
        assert isinstance(app.screen, DamagedScreen)
        text = " ".join(" ".join(screen_text(pilot).split("█")).split())
        msgs = Messages(lang)
        assert "weiquan restore" not in text and msgs("store.damaged_no_backup") not in text, text
        if with_backup:
            assert str(backup) in text.replace(" ", "") or str(backup) in text, text
        else:
            assert msgs("damaged.no_backup_hint").split("。")[0].split(".")[0] in text, text
