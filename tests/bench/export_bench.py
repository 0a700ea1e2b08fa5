"""Export benchmark: a case with 1,000 contacts, every format, both languages, redacted or not."""

from __future__ import annotations

import random
import statistics
import time

from store.calendar.china_time import china_now
from store.export.documents import FORMATS, render_export
from store.rules.messages import Messages
from tests.bench.dataset import make_case
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

ROUNDS = 7


def run() -> None:
    print("== export ==")
    case = make_case(1, 1_000, random.Random(3))
    now = china_now()
    for fmt in FORMATS:
        figures = []
        for lang in ("zh-CN", "en"):
            for redact in (False, True):
                samples = []
                for _ in range(ROUNDS):
                    start = time.perf_counter()
                    render_export(case, fmt, Messages(lang), now, redact=redact, calendar=CAL)
                    samples.append(time.perf_counter() - start)
                figures.append(statistics.median(samples) * 1000)
        print(
            f"export {fmt:9} of a case with 1,000 contacts: {min(figures):.1f}-{max(figures):.1f} ms "
            f"(zh-CN/en, private/redacted; target < 100 ms)"
        )


if __name__ == "__main__":
    run()
