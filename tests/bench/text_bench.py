"""Text policy benchmark: store.text.controls on every drawn row, and on long hostile input.

The case list and the tables pass every visible cell through ``for_screen`` on each frame, so a
row must cost microseconds; the peer is the character loop the app used before (its ``visible``,
kept here as it was). Long inputs show the policy's time growing linearly with the length.
"""

from __future__ import annotations

import statistics
import time
import unicodedata
from collections.abc import Callable

from store.text.controls import for_json, for_screen
from tests.helpers.hostile_text import SAMPLER

ROUNDS = 7
ROW = "蓝牙耳机左耳无声，客服承诺３个工作日内退款 P778899001122334"
_PICTURES = {i: chr(0x2400 + i) for i in range(0x20)} | {0x7F: "\u2421"}


def previous_visible(text: str) -> str:
    """The app's earlier per-character loop (C0 and C1 only), the peer."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\n\r\t":
            out.append(" ")
        elif code in _PICTURES:
            out.append(_PICTURES[code])
        elif unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _median(work: Callable[[], object], repeat: int = 1) -> float:
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(repeat):
            work()
        samples.append((time.perf_counter() - start) / repeat)
    return statistics.median(samples)


def run() -> None:
    print("== text policy ==")
    for name, text in (("a plain row", ROW), ("a hostile row", SAMPLER)):
        new = _median(lambda text=text: for_screen(text), 2_000) * 1e6
        old = _median(lambda text=text: previous_visible(text), 2_000) * 1e6
        met = "met" if new < 20 else "missed"
        print(
            f"for_screen, {name} ({len(text)} chars): {new:.1f} µs; peer: the earlier loop {old:.1f} µs; "
            f"ratio {new / old:.2f}; target < 20 µs (a 60-row screen in 1.2 ms): {met}"
        )
    base = None
    for size in (10_000, 30_000, 100_000):
        text = (SAMPLER * (size // len(SAMPLER) + 1))[:size]
        seconds = _median(lambda text=text: for_json(text))
        base = base or seconds / size
        growth = (seconds / size) / base
        met = "met" if growth < 2 else "missed"
        print(
            f"for_json of {size:,} hostile chars: {seconds * 1000:.1f} ms; per char {growth:.2f}x the 10k figure; "
            f"target: linear (< 2x): {met}"
        )


if __name__ == "__main__":
    run()
