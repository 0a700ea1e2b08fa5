"""Kill savers at random moments and run writers side by side; count what was lost.

Shared by the test suite (a few dozen kills) and ``make stress`` (200 kills and more writers).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from store.cases.case_store import CaseStore
from store.errors import StoreDamaged
from store.persistence.daily_backups import backup_dir

ROOT = Path(__file__).resolve().parents[2]


def start_saver(
    db: Path, case_id: int, count: int, label: str, stop_before_rename_at: int = -1
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helpers.saver",
            str(db),
            str(case_id),
            str(count),
            label,
            str(stop_before_rename_at),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def reported(output: str) -> list[str]:
    """The labels the saver said were saved ("saved <id> <label>")."""
    return [line.split()[2] for line in output.splitlines() if line.startswith("saved ") and len(line.split()) == 3]


def temp_files(db: Path) -> list[Path]:
    """Temporary files of this database and its backup copies, wherever a killed save left them."""
    found = list(db.parent.glob(f".{db.name}.*.tmp"))
    if backup_dir(db).is_dir():
        found += list(backup_dir(db).glob(".*.tmp"))
    return found


@dataclass
class KillReport:
    kills: int = 0
    left_a_temp_file: int = 0  # kills that landed while a temp file was being written or renamed
    corrupt: int = 0  # opens after a kill that found the file damaged
    reported: set[str] = field(default_factory=set)
    lost: set[str] = field(default_factory=set)  # reported saved, missing after the next start
    leftovers: int = 0  # temp files still there after the next start


def kill_at_random_moments(folder: Path, rounds: int, seed: int = 20261126) -> KillReport:
    """Each round: a saver adds contacts in a loop and is SIGKILLed 0–80 ms after its first save;
    then the database is opened as the next start would, and checked."""
    db = folder / "weiquan.json"
    case_id = CaseStore.open(db).create_case({"title": "崩溃测试", "notes": "x" * 20_000}).id
    rng = random.Random(seed)
    report = KillReport()
    for round_no in range(rounds):
        child = start_saver(db, case_id, 10_000, f"r{round_no}")
        assert child.stdout is not None
        first = child.stdout.readline()  # it has started saving
        time.sleep(rng.uniform(0, 0.08))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        report.kills += child.returncode == -signal.SIGKILL
        report.reported.update(reported(first + rest))
        report.left_a_temp_file += bool(temp_files(db))
        try:
            case = CaseStore.open(db).get(case_id)  # the next start: opens and validates every record
        except StoreDamaged:
            report.corrupt += 1
            continue
        report.lost |= report.reported - {c.agent_id for c in case.contacts}
        report.leftovers += len(temp_files(db))
    return report


def writers_side_by_side(folder: Path, writers: int, saves: int) -> tuple[int, int, int]:
    """``writers`` processes each add ``saves`` contacts to one case at once: (reported, stored, lost)."""
    db = folder / "weiquan.json"
    shared = CaseStore.open(db).create_case({"title": "共享案件"}).id
    children = [start_saver(db, shared, saves, f"w{n}") for n in range(writers)]
    said: set[str] = set()
    for child in children:
        out, err = child.communicate(timeout=900)
        if child.returncode != 0:
            raise RuntimeError(err)
        said.update(reported(out))
    contacts = CaseStore.open(db).get(shared).contacts
    stored = {c.agent_id for c in contacts}
    assert len({c.id for c in contacts}) == len(contacts), "two contacts got one id"
    return len(said), len(stored), len(said - stored)
