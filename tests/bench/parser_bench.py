"""Parser benchmark: every input parser and the redactor on adversarial inputs of 10k, 30k and 100k
characters, with the growth between sizes.

Linear work grows about 3.0× from 10k to 30k and 3.3× from 30k to 100k; a growth above twice
that is flagged SUPER-LINEAR (quadratic work grows 9× and 11×). Each figure is the fastest of a
few runs (at least RUNS, and for quick cases as many as fit in MIN_SECONDS), which is the least
disturbed by other work on a shared machine. The peer is one plain pass over the same text
(``str.split``): every parser has to look at its input at least once, so "x the peer" says how many
such passes it costs at 100k characters.
A case that takes longer than SLOW_SECONDS at one size is not run at the larger ones (it is
already far from linear), so the section always finishes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from store.calendar.china_time import CHINA_TZ
from store.calendar.holiday_file import read_holiday_file
from store.errors import InvalidInput
from store.export.redaction import Redactor
from store.export.wording import find_risky
from store.records.case_input import parse_references, parse_tags
from store.records.credit_code import credit_code_problem
from store.records.date_input import DATE_PATTERN, parse_date, parse_datetime
from store.records.deadline_input import parse_deadline
from store.records.money import parse_yuan
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

SIZES = (10_000, 30_000, 100_000)
RUNS = 5
MIN_SECONDS = 0.2
SLOW_SECONDS = 1.0
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=CHINA_TZ)
TODAY = NOW.date()


def _quietly(parse: Callable[[str], object]) -> Callable[[str], object]:
    def run(text: str) -> object:
        try:
            return parse(text)
        except InvalidInput:
            return None

    return run


def _holiday_file(folder: Path) -> Callable[[str], object]:
    path = folder / "holidays.toml"

    def run(text: str) -> object:
        path.write_text(text, encoding="utf-8")
        try:
            return read_holiday_file(path, CAL)
        except InvalidInput:
            return None

    return run


REDACT = Redactor({"P7788123456"}, {"王小明"})


def WORDING(text: str) -> object:  # upper case like REDACT, the other whole-text check in CASES
    return list(find_risky(text))


# name, adversarial input of n characters, the parser
CASES: list[tuple[str, str, Callable[[int], str], Callable[[str], object]]] = [
    (
        "date",
        "'1-1' + n spaces + 'x'",
        lambda n: "1-1" + " " * n + "x",
        _quietly(lambda t: parse_date(t, "d", today=TODAY)),
    ),
    (
        "date and time",
        "'1-1' + n spaces + 'x'",
        lambda n: "1-1" + " " * n + "x",
        _quietly(lambda t: parse_datetime(t, "at", now=NOW)),
    ),
    (
        "deadline",
        "'1-1' + n spaces + 'x'",
        lambda n: "1-1" + " " * n + "x",
        _quietly(lambda t: parse_deadline(t, NOW, CAL)),
    ),
    ("deadline", "n digits", lambda n: "1" * n, _quietly(lambda t: parse_deadline(t, NOW, CAL))),
    (
        "date pattern alone",
        "'1-1' + n spaces + 'x', no length check",
        lambda n: "1-1" + " " * n + "x",
        DATE_PATTERN.fullmatch,
    ),
    ("amount", "n spaces + '1x'", lambda n: " " * n + "1x", _quietly(parse_yuan)),
    ("amount", "'1e' + n digits", lambda n: "1e" + "9" * n, _quietly(parse_yuan)),
    ("reference lines", "one line of n letters, no colon", lambda n: "a" * n, _quietly(parse_references)),
    ("reference lines", "n/2 lines 'a:'", lambda n: "a:\n" * (n // 3), _quietly(parse_references)),
    ("tags", "n separators", lambda n: ",，、" * (n // 3), _quietly(parse_tags)),
    ("credit code", "n characters", lambda n: "9" * n, credit_code_problem),
    ("redactor", "n letters + '@' (e-mail)", lambda n: "a" * n + "@", REDACT),
    ("redactor", "n digits", lambda n: "1" * n, REDACT),
    ("redactor", "n/2 times '1 ' (phones, addresses)", lambda n: "1 " * (n // 2), REDACT),
    ("redactor", "n letters + '路' (street)", lambda n: "a" * n + "路", REDACT),
    ("redactor", "n CJK characters", lambda n: "投诉" * (n // 2), REDACT),
    ("redactor", "n/2 times '1-' (separated numbers)", lambda n: "1-" * (n // 2), REDACT),
    ("redactor", "n/2 times 'a.' + '@x.cn' (dotted e-mail)", lambda n: "a." * (n // 2) + "@x.cn", REDACT),
    ("wording check", "n letters, no space (file names)", lambda n: "a" * n, WORDING),
    ("wording check", "n letters + '.jpg'", lambda n: "a" * n + ".jpg", WORDING),
    ("wording check", "n/2 times '垃圾'", lambda n: "垃圾" * (n // 2), WORDING),
    ("wording check", "n/4 times 'liar'", lambda n: "liar" * (n // 4), WORDING),
    ("wording check", "n/9 times '垃圾 a.jpg ' (phrases and file names)", lambda n: "垃圾 a.jpg " * (n // 9), WORDING),
    ("wording check", "n/3 times '干垃圾' (every phrase excused)", lambda n: "干垃圾" * (n // 3), WORDING),
    ("wording check", "n/2 times '“法'", lambda n: "“法" * (n // 2), WORDING),
]


def _fastest_seconds(work: Callable[[str], object], text: str) -> float:
    samples: list[float] = []
    began = time.perf_counter()
    while len(samples) < RUNS or time.perf_counter() - began < MIN_SECONDS:
        start = time.perf_counter()
        work(text)
        samples.append(time.perf_counter() - start)
        if samples[-1] > SLOW_SECONDS:
            break
    return min(samples)


def _figure(seconds: float) -> str:
    return f"{seconds * 1000:9.3f} ms"


def run() -> None:
    print("== parsers and redactor on adversarial input ==")
    with tempfile.TemporaryDirectory() as folder:
        cases = [
            *CASES,
            (
                "holiday file",
                "a date of n digits",
                lambda n: f'[2027]\nholidays = ["{"2" * n}"]\n',
                _holiday_file(Path(folder)),
            ),
        ]
        for name, shape, make, parse in cases:
            timings: list[float] = []
            for size in SIZES:
                text = make(size)
                timings.append(_fastest_seconds(parse, text))
                if timings[-1] > SLOW_SECONDS:
                    break
            peer = _fastest_seconds(str.split, make(SIZES[-1]))
            cells = "  ".join(f"{size // 1000:>3}k {_figure(t)}" for size, t in zip(SIZES, timings))
            if len(timings) < len(SIZES):
                verdict = f"SUPER-LINEAR: over {SLOW_SECONDS:.0f} s at {SIZES[len(timings) - 1] // 1000}k, stopped"
                print(f"{name:18} {shape:40} {cells}  -> {verdict} (target: linear, missed)")
                continue
            growth = [later / max(earlier, 1e-9) for earlier, later in itertools.pairwise(timings)]
            linear = [later / earlier for earlier, later in itertools.pairwise(SIZES)]
            super_linear = any(g > 2 * lin and t > 0.001 for g, lin, t in zip(growth, linear, timings[1:]))
            verdict = "SUPER-LINEAR, missed" if super_linear else "met"
            print(
                f"{name:18} {shape:40} {cells}  growth {growth[0]:.1f}x / {growth[1]:.1f}x "
                f"(linear {linear[0]:.1f}x / {linear[1]:.1f}x); peer str.split {_figure(peer).strip()}, "
                f"{timings[-1] / max(peer, 1e-9):.1f}x the peer at 100k (target: linear, {verdict})"
            )


if __name__ == "__main__":
    run()
