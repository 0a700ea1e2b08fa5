"""One line per figure: the value, its peer, the ratio, the target and whether it was met.

Every performance claim in `make bench` is printed through ``show``, so the lines read alike:

    until listed, 10,000 cases: 812 ms | bare Textual app 560 ms | ratio 1.45 | target <= 2.00x | met
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable, Sequence


def show(
    what: str,
    value: float,
    peer: str = "",
    peer_value: float | None = None,
    *,
    unit: str = "ms",
    ratio: float | None = None,
    most_ratio: float | None = None,
    most: float | None = None,
) -> None:
    """Print a figure. ``most_ratio``: the target as a ratio to the peer; ``most``: an absolute
    target in ``unit``. ``ratio`` defaults to value / peer_value (a median of pairwise ratios is
    better when the runs alternated; pass it)."""
    parts = [f"{what}: {_amount(value, unit)}"]
    if peer:
        parts.append(f"{peer} {_amount(peer_value, unit)}" if peer_value is not None else peer)
    if ratio is None and peer_value:
        ratio = value / peer_value
    if ratio is not None:
        parts.append(f"ratio {ratio:.2f}")
    if most_ratio is not None and ratio is not None:
        parts.append(f"target <= {most_ratio:.2f}x")
        parts.append("met" if ratio <= most_ratio else "MISSED")
    elif most is not None:
        parts.append(f"target <= {_amount(most, unit)}")
        parts.append("met" if value <= most else "MISSED")
    else:
        parts.append("no target")
    print(" | ".join(parts), flush=True)


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    return f"{value:.1f} {unit}"


def alternate(runs: int, ours: Callable[[], float], peer: Callable[[], float]) -> tuple[float, float, float]:
    """Run A B A B ``runs`` times: (median ours, median peer, median of the pairwise ratios)."""
    a, b, ratios = [], [], []
    for _ in range(runs):
        x, y = ours(), peer()
        a.append(x)
        b.append(y)
        ratios.append(x / y)
    return statistics.median(a), statistics.median(b), statistics.median(ratios)


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def machine_load() -> str:
    """The load averages, printed with the figures (2 cores shared: a busy machine slows everything)."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"
