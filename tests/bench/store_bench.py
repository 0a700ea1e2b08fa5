"""Store benchmarks: weiquan's storage against stock TinyDB, side by side in one run."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import msgspec
import orjson
from tinydb import TinyDB

from store.calendar.china_time import china_now
from store.cases.case_store import CaseStore
from store.persistence.atomic_files import atomic_write
from store.records.models import Channel, Contact
from tests.bench.dataset import write_database
from tests.bench.figures import alternate, show

ROUNDS = 15


def _contact_fields(n: int) -> dict[str, object]:
    return {
        "at": china_now(),
        "channel": Channel.HOTLINE,
        "agent_id": f"B{n}",
        "summary": "客服答应三个工作日内退款。",
        "promise": "退款",
        "deadline": "2026-12-05T18:00:00+08:00",
    }


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def add_contact_vs_stock(cases: int, per_case: int) -> tuple[float, float]:
    """Median ms to add one contact: (weiquan, stock TinyDB), alternating A B A B."""
    with tempfile.TemporaryDirectory() as folder:
        ours_path, stock_path = Path(folder) / "ours.json", Path(folder) / "stock.json"
        write_database(ours_path, cases, per_case)
        data = json.loads(ours_path.read_text(encoding="utf-8"))
        with open(stock_path, "w") as handle:  # what stock JSONStorage writes: json, ASCII-escaped
            json.dump(data, handle)
        store = CaseStore.open(ours_path, backups=False)
        stock = TinyDB(stock_path)  # JSONStorage, default settings
        stock_cases = stock.table("cases")
        ours_t, stock_t = [], []
        for n in range(ROUNDS):
            case_id = 1 + (n * 37) % cases
            t0 = time.perf_counter()
            store.add_contact(case_id, _contact_fields(n))
            ours_t.append(time.perf_counter() - t0)

            raw = msgspec.to_builtins(
                Contact(
                    id=10_000 + n,
                    at=china_now(),
                    channel=Channel.HOTLINE,
                    agent_id=f"B{n}",
                    summary="客服答应三个工作日内退款。",
                    promise="退款",
                )
            )
            t0 = time.perf_counter()
            stock_cases.update(lambda d, raw=raw: d["contacts"].append(raw), doc_ids=[case_id])
            stock_t.append(time.perf_counter() - t0)
        stock.close()
        return _median_ms(ours_t), _median_ms(stock_t)


_CHILD = """
import sys, time
t0 = time.perf_counter()
from store.cases.case_store import CaseStore
from store.calendar.china_time import china_now
store = CaseStore.open(__import__('pathlib').Path(sys.argv[1]), backups=False)
opened = time.perf_counter() - t0
adds = []
for n in range(5):
    t1 = time.perf_counter()
    store.add_contact(1 + n * 101, {"at": china_now(), "channel": "hotline", "agent_id": f"X{n}"})
    adds.append(time.perf_counter() - t1)
t2 = time.perf_counter()
hits = None
searches = []
for word in ["耳机", "p12", "99", "退款", "sneakers"]:
    t3 = time.perf_counter()
    hits = store.search(word)
    searches.append(time.perf_counter() - t3)
adds.sort(); searches.sort()
# VmHWM, not ru_maxrss: the peak of this program only, not of the benchmark it was forked from
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(opened, adds[2], searches[2], peak / 1024)
"""


def large_database_figures(cases: int, per_case: int) -> dict[str, float]:
    """Open, add-contact, search and peak memory, measured in a fresh process (so open is cold)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        write_database(path, cases, per_case)
        size_mb = path.stat().st_size / 1e6
        runs = []
        for _ in range(3):
            out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True)
            runs.append([float(x) for x in out.stdout.split()])
        opened, add, search, rss = (statistics.median(col) for col in zip(*runs, strict=True))
        return {
            "file_mb": size_mb,
            "open_ms": opened * 1000,
            "add_ms": add * 1000,
            "search_ms": search * 1000,
            "peak_mb": rss,
        }


def save_vs_floor(cases: int, per_case: int, rounds: int = 9) -> tuple[float, float, float]:
    """Median ms to add one contact (a whole save: lock, check, validate, write, fsync, rename)
    and median ms of the full-rewrite floor for the same file (orjson.dumps of the parsed data,
    then the same atomic write: temp file, write, fsync, rename, fsync the folder), alternating
    A B A B; and the median of the pairwise ratios."""
    with tempfile.TemporaryDirectory() as folder:
        path, floor_path = Path(folder) / "db.json", Path(folder) / "floor.json"
        write_database(path, cases, per_case)
        data = orjson.loads(path.read_bytes())
        store = CaseStore.open(path, backups=False)
        store.cases()

        def ours(n: list[int] = [0]) -> float:  # noqa: B006  (a counter across calls)
            n[0] += 1
            t0 = time.perf_counter()
            store.add_contact(1 + (n[0] * 37) % cases, _contact_fields(n[0]))
            return time.perf_counter() - t0

        def floor() -> float:
            t0 = time.perf_counter()
            atomic_write(floor_path, orjson.dumps(data))
            return time.perf_counter() - t0

        ours(), floor()
        a, b, ratio = alternate(rounds, ours, floor)
        return a * 1000, b * 1000, ratio


def run() -> None:
    print("== store ==")
    for cases, per_case in ((1_000, 10), (10_000, 10), (100_000, 9)):
        ours, floor, ratio = save_vs_floor(cases, per_case, 9 if cases < 100_000 else 5)
        show(
            f"save one contact, {cases:,} cases / {cases * per_case:,} contacts",
            ours,
            "full-rewrite floor (dumps + write + fsync + rename)",
            floor,
            ratio=ratio,
            most_ratio=1.2,
        )
    ours, stock = add_contact_vs_stock(1_000, 10)
    show(
        "add one contact, 1,000 cases (atomic, fsync'd)",
        ours,
        "stock TinyDB JSONStorage (neither)",
        stock,
        ratio=ours / stock,
        most_ratio=0.2,
    )
    figures = large_database_figures(10_000, 10)
    print(f"10,000 cases / 100,000 contacts ({figures['file_mb']:.0f} MB file), in a fresh process:")
    show("  open the database", figures["open_ms"], most=1000)
    show("  add one contact", figures["add_ms"], most=300)
    show("  search cases by text", figures["search_ms"], most=50)
    show("  peak memory", figures["peak_mb"], unit="MB", most=300)


if __name__ == "__main__":
    run()
