"""`make stress`: the crash and concurrency guarantees at full size, printed as figures.

* 200 SIGKILLs at random moments of a saver → corrupt files, acknowledged saves lost, temp files
  left after the next start: target 0 / 0 / 0;
* 2 and 4 writers adding 200 contacts each to one case at once → saves lost: target 0.

The test suite runs the same code with fewer kills (tests/store/test_crash_and_concurrency.py).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.helpers.crash import kill_at_random_moments, writers_side_by_side

KILLS = 200
SAVES_PER_WRITER = 200


def _verdict(value: int) -> str:
    return "met" if value == 0 else "MISSED"


def run() -> int:
    print("== stress ==")
    misses = 0
    with tempfile.TemporaryDirectory(prefix="weiquan-stress-") as folder:
        start = time.perf_counter()
        report = kill_at_random_moments(Path(folder), rounds=KILLS)
        seconds = time.perf_counter() - start
    worst = report.corrupt + len(report.lost) + report.leftovers
    misses += worst != 0
    print(
        f"SIGKILL at random moments: {report.kills} kills ({report.left_a_temp_file} during a save), "
        f"{len(report.reported)} saves acknowledged -> {report.corrupt} corrupt files / "
        f"{len(report.lost)} acknowledged saves lost / {report.leftovers} temp files left after the next start "
        f"(target 0/0/0: {_verdict(worst)}; {seconds:.0f} s)"
    )
    for writers in (2, 4):
        with tempfile.TemporaryDirectory(prefix="weiquan-stress-") as folder:
            start = time.perf_counter()
            said, stored, lost = writers_side_by_side(Path(folder), writers, SAVES_PER_WRITER)
            seconds = time.perf_counter() - start
        misses += lost != 0
        print(
            f"{writers} writers x {SAVES_PER_WRITER} saves at once: {said} acknowledged, {stored} stored -> "
            f"{lost} lost (target 0: {_verdict(lost)}; {seconds:.0f} s)"
        )
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(run())
