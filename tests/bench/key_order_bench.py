"""Keys in order: what handling each key before routing the next (tui.key_order) costs.

A burst of keys (a paste, a fast typist over SSH) is queued at once into a one-field app, with the
ordering and with Textual's own routing (which would put keys after a Tab in the wrong field, so
the burst here has no Tab: both must end with the same text). Figures: the time until the whole
burst is in the field, per key, and the ratio; and for single keys typed one at a time (the usual
case), the time from a key to its character being in the field.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from tui.key_order import OrderedKeys

BURST = 200
RUNS = 7
SINGLE_KEYS = 50


def _compose() -> ComposeResult:
    yield Input(id="field")


class Plain(App[None]):
    def compose(self) -> ComposeResult:
        yield from _compose()


class Ordered(OrderedKeys):
    def compose(self) -> ComposeResult:
        yield from _compose()


async def _until(app: App[None], length: int) -> None:
    field = app.query_one(Input)
    while len(field.value) < length:
        await asyncio.sleep(0)


async def _burst(app_class: type[App[None]]) -> float:
    app = app_class()
    async with app.run_test() as pilot:
        await pilot.pause()
        start = time.perf_counter()
        for n in range(BURST):
            ch = "abcdefghij"[n % 10]
            app.post_message(events.Key(ch, ch))
        await _until(app, BURST)
        return time.perf_counter() - start


async def _single(app_class: type[App[None]]) -> float:
    """Median seconds from posting one key to its character in the field, keys one at a time."""
    app = app_class()
    times = []
    async with app.run_test() as pilot:
        await pilot.pause()
        for n in range(SINGLE_KEYS):
            start = time.perf_counter()
            app.post_message(events.Key("x", "x"))
            await _until(app, n + 1)
            times.append(time.perf_counter() - start)
            await pilot.pause()
    return statistics.median(times)


def run() -> None:
    print("== keys in order ==")
    ours = statistics.median(asyncio.run(_burst(Ordered)) for _ in range(RUNS))
    plain = statistics.median(asyncio.run(_burst(Plain)) for _ in range(RUNS))
    ratio = ours / plain
    met = "met" if ours / BURST <= 0.002 else "missed"
    print(
        f"burst of {BURST} keys into a field: {ours * 1000:.0f} ms ({ours / BURST * 1000:.2f} ms a key) in order; "
        f"Textual's routing {plain * 1000:.0f} ms ({plain / BURST * 1000:.2f} ms a key); ratio {ratio:.2f} "
        f"(target: at most 2 ms a key, so a 200-key paste is in within 0.4 s: {met})"
    )
    ours_one = asyncio.run(_single(Ordered))
    plain_one = asyncio.run(_single(Plain))
    ratio_one = ours_one / plain_one
    met_one = "met" if ratio_one <= 1.5 else "missed"
    print(
        f"one key typed alone, to its character in the field: {ours_one * 1000:.2f} ms in order; Textual's "
        f"routing {plain_one * 1000:.2f} ms; ratio {ratio_one:.2f} (target: at most 1.5x: {met_one})"
    )


if __name__ == "__main__":
    run()
