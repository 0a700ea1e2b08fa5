"""One width model (rich.cells, as Textual draws) and one way to cut text to a width."""

from __future__ import annotations

import pytest
from rich.cells import cell_len as rich_cell_len

from store.text.cell_width import cell_len, clip, fit
from tests.helpers.hostile_text import CORPUS


@pytest.mark.parametrize(
    ("text", "width", "clipped"),
    [
        ("蓝牙耳机左耳无声", 8, "蓝牙耳…"),
        ("蓝牙耳机", 8, "蓝牙耳机"),
        ("abcd", 3, "ab…"),
        ("abc", 3, "abc"),
        ("中文字", 5, "中文…"),
        ("👨\u200d👩\u200d👧👨\u200d👩\u200d👧", 3, "👨\u200d👩\u200d👧…"),  # a family is one glyph, never split
        ("e\u0301e\u0301e\u0301", 2, "e\u0301…"),  # the accent stays with its letter
        ("x", 0, ""),
        ("中", 1, "…"),
    ],
)
def test_clip(text: str, width: int, clipped: str) -> None:
    assert clip(text, width) == clipped


def test_fit_pads_to_the_exact_width() -> None:
    for text in CORPUS:
        for width in (1, 5, 12, 40):
            shown = fit(text.replace("\n", " "), width)
            assert cell_len(shown) == width, repr(text[:40])


def test_the_width_is_the_one_textual_draws_with() -> None:
    assert cell_len is rich_cell_len
    assert cell_len("蓝牙") == 4 and cell_len("❤\ufe0f") == 2 and cell_len("e\u0301") == 1


def test_a_long_text_is_cut_from_its_start() -> None:
    assert clip("长" * 100_000, 10) == "长" * 4 + "…"
    assert clip("a" + "\u0301" * 100_000 + "bcd", 3) == "a" + "\u0301" * 100_000 + "b…"
