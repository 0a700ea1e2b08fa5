"""A checkbox's state is a mark on screen, not only a colour (NO_COLOR, 16 colours, screen readers)."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox

from tests.helpers.app_driver import screen_text


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_an_empty_box_and_a_ticked_one_look_different(make_app, lang: str) -> None:
    app = make_app(lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # the case form: its yes/no facts start unticked
        for _ in range(3):
            await pilot.pause()
        boxes = list(app.screen.query(Checkbox))
        assert boxes and not any(box.value for box in boxes)
        assert [drawn(box) for box in boxes] == ["▐ ▌"] * len(boxes)
        boxes[0].focus()
        await pilot.pause()
        await pilot.press("space")  # tick the first
        for _ in range(3):
            await pilot.pause()
        assert boxes[0].value
        assert [drawn(box) for box in boxes] == ["▐X▌"] + ["▐ ▌"] * (len(boxes) - 1)
        assert "▐X▌" in screen_text(pilot)  # and on screen


def drawn(box: Checkbox) -> str:
    """The box as drawn, without its label."""
    return str(box.render())[:3]
