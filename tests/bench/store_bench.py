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
from tinydb import TinyDB

from store.calendar.china_time import china_now
from store.cases.case_store import CaseStore
from store.records.models import Channel, Contact
from tests.bench.dataset import write_database

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
import resource, sys, time
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
print(opened, adds[2], searches[2], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
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


def reload_after_outside_change(cases: int, per_case: int) -> tuple[float, float]:
    """Median ms for a session to pick up one case changed by another session: (weiquan, decoding
    every record again as a first open does), alternating A B A B, the collector settled as in the app."""
    import gc

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "db.json"
        write_database(path, cases, per_case)
        reader, writer = CaseStore.open(path, backups=False), CaseStore.open(path, backups=False)
        reader.cases()
        kept_t, full_t = [], []
        for n in range(6):
            for bucket in (kept_t, full_t):
                writer.add_contact(1 + (n * 37) % cases, _contact_fields(n))
                if bucket is full_t:
                    reader._sources.clear()  # nothing to compare with: every record is decoded
                gc.freeze()
                t0 = time.perf_counter()
                assert reader.refresh()
                bucket.append(time.perf_counter() - t0)
        gc.unfreeze()
        return _median_ms(kept_t), _median_ms(full_t)


def run() -> None:
    print("== store ==")
    ours, stock = add_contact_vs_stock(1_000, 10)
    print(
        f"add one contact, 1,000 cases / 10,000 contacts: weiquan {ours:.1f} ms (atomic, fsync'd), "
        f"stock TinyDB {stock:.1f} ms (neither)  -> weiquan is {stock / ours:.1f}x faster (target >= 5x)"
    )
    figures = large_database_figures(10_000, 10)
    print(f"10,000 cases / 100,000 contacts ({figures['file_mb']:.0f} MB file):")
    print(f"  open database          {figures['open_ms']:7.1f} ms   (target < 1000 ms)")
    print(f"  add one contact        {figures['add_ms']:7.1f} ms   (target < 300 ms)")
    print(f"  search cases by text   {figures['search_ms']:7.1f} ms   (target < 50 ms)")
    print(f"  peak memory            {figures['peak_mb']:7.1f} MB   (target < 300 MB)")
    kept, full = reload_after_outside_change(10_000, 10)
    print(
        f"  another session's change picked up: {kept:.0f} ms, {full:.0f} ms when every record is decoded "
        f"again -> {full / kept:.1f}x faster"
    )


if __name__ == "__main__":
    run()
