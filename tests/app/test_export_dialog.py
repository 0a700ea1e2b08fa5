"""The export dialog: the 12315 form box by box, copying only what a terminal takes, rendering off
the UI thread so keys answer while a big case is prepared, and the plain-text preview."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from store.cases.case_store import CaseStore
from tests.bench.dataset import write_database
from tests.helpers.app_driver import FIXED_NOW, screen_text, settle_export
from tests.helpers.complaint_case import thermos_case
from tui.app import WeiquanApp
from tui.clipboard import DEFAULT_LIMIT, copy_limit
from tui.textual_compat import shown_notifications
from tui.widgets.text_preview import wrap_lines


async def test_the_form_lists_its_boxes_and_c_copies_the_selected_one(make_app, app_store: CaseStore) -> None:
    from textual.widgets import OptionList

    thermos_case(app_store, respondent_credit_code="")
    app = make_app("zh-CN")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await settle_export(pilot)
        await pilot.press("4")
        await settle_export(pilot)
        listing = app.screen.query_one("#export-boxes", OptionList)
        assert listing.display and listing.option_count == 10
        shown = screen_text(pilot)
        assert "被投诉方名称" in shown and "投诉内容" in shown and "证据清单" in shown
        for _ in range(2):  # to 被投诉方地址
            await pilot.press("down")
        await pilot.pause()
        assert "上海市黄浦区马当路 388 号" in screen_text(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == "上海市黄浦区马当路 388 号"  # that box alone
        for _ in range(6):  # to 诉求
            await pilot.press("down")
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("1. 请求退货退款，退还货款 ¥899.00。\n2. 除退还价款外，依法另行主张赔偿")
        await pilot.press(*["up"] * 7)  # 统一社会信用代码: empty
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("1. 请求退货退款")  # nothing copied from an empty box
        assert any("是空的" in n.message for n in shown_notifications(app))


async def test_a_text_over_the_limit_is_not_copied_and_the_way_out_is_offered(
    make_app, app_store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    thermos_case(app_store)
    monkeypatch.setenv("WEIQUAN_COPY_LIMIT", "1K")
    app = make_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.press("2")  # the dossier: more than 1 KB
        await settle_export(pilot)
        assert len(app.screen.text.encode()) > 1024
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == ""  # nothing sent, not even a part
        (note,) = [n.message for n in shown_notifications(app)]
        assert "Not copied" in note and "1,024 bytes (1.0 KB)" in note and "press s" in note.lower()
        assert "copied to" not in note.lower() and "Sent" not in note
        timeline = app.screen._cache[("timeline", False)].text  # rendered when the dialog opened
        monkeypatch.setenv("WEIQUAN_COPY_LIMIT", str(len(timeline.encode())))
        await pilot.press("c")
        await pilot.pause()
        assert (
            app.clipboard == "" and "press 1 then c to copy the timeline alone" in shown_notifications(app)[-1].message
        )
        await pilot.press("4")
        await settle_export(pilot)
        await pilot.press("c")  # one box is small enough
        await pilot.pause()
        assert app.clipboard == "行吟信息科技（上海）有限公司"


def test_copy_limit_setting() -> None:
    assert copy_limit({}).bytes == DEFAULT_LIMIT
    assert (DEFAULT_LIMIT + 2) // 3 * 4 <= 101_040  # about 100 KB once base64-encoded
    assert copy_limit({"WEIQUAN_COPY_LIMIT": "200K"}).bytes == 200 * 1024
    assert copy_limit({"WEIQUAN_COPY_LIMIT": "1m"}).bytes == 1024 * 1024
    assert copy_limit({"WEIQUAN_COPY_LIMIT": "5000"}).bytes == 5000
    assert copy_limit({"WEIQUAN_COPY_LIMIT": "0"}).bytes == 0
    bad = copy_limit({"WEIQUAN_COPY_LIMIT": "lots"})
    assert bad.bytes == DEFAULT_LIMIT and bad.unreadable == "lots"


@pytest.fixture
def big_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The app on a database of one case with 1,000 contacts."""
    db = tmp_path / "big.json"
    write_database(db, 1, 1_000)
    store = CaseStore.open(db, clock=lambda: FIXED_NOW, backups=False)
    return WeiquanApp(store, lang="en", clock=lambda: FIXED_NOW, watch_seconds=0)


@pytest.mark.slow
async def test_keys_answer_while_a_big_case_is_rendered(big_app, monkeypatch: pytest.MonkeyPatch) -> None:
    """The export is rendered off the UI thread: while it is still being prepared the dialog says
    so, format keys answer, and Esc closes it at once."""
    import tui.screens.export as export_screen

    release = threading.Event()
    real = export_screen.render_in_thread

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(export_screen, "render_in_thread", slow)
    app = big_app
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, export_screen.ExportScreen)
        assert "preparing" in screen_text(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert "Dossier" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, export_screen.ExportScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, export_screen.ExportScreen)


async def test_a_thousand_contacts_are_previewed_in_full(big_app) -> None:
    from tui.widgets.text_preview import TextPreview

    app = big_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await settle_export(pilot)
        preview = app.screen.query_one("#export-preview", TextPreview)
        assert app.screen.text.count("\n") > 10_000
        assert preview.complete and len(preview.rows) >= app.screen.text.count("\n")
        await pilot.press("end")
        await pilot.pause()
        assert "Exported by weiquan" in screen_text(pilot)  # the last line, scrolled to


def test_rows_fit_the_width_wide_characters_counted_twice_and_controls_shown() -> None:
    rows = wrap_lines(["a" * 25, "很" * 12, "", "x\x1by"], 10)
    assert rows == ["a" * 10, "a" * 10, "a" * 5, "很" * 5, "很" * 5, "很" * 2, "", "x␛y"]
