"""Child process for crash and concurrency tests: add contacts in a loop, report each one saved.

    python -m tests.helpers.saver DB_PATH CASE_ID COUNT LABEL [STOP_BEFORE_RENAME_AT]

Prints "saved <contact id> <label>-<n>" after each add_contact has returned (the write is durable
by then), flushing at once so a parent that kills us knows exactly what was reported done.

With STOP_BEFORE_RENAME_AT = k, save number k (from 0) writes its temporary file completely and then,
instead of renaming it over the database, prints "renaming" and waits to be killed: a parent can
kill a save at exactly the worst moment.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from store.calendar.china_time import china_now
from store.cases.case_store import CaseStore
from store.persistence import atomic_files
from store.records.models import Channel


def _stop_before_renaming() -> None:
    def wait_to_be_killed(src: object, dst: object) -> None:
        print("renaming", flush=True)
        time.sleep(3600)

    atomic_files.os.replace = wait_to_be_killed  # type: ignore[assignment]


def main() -> None:
    db_path, case_id, count, label = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    stop_at = int(sys.argv[5]) if len(sys.argv) > 5 else -1
    store = CaseStore.open(db_path)
    for n in range(count):
        if n == stop_at:
            _stop_before_renaming()
        contact = store.add_contact(
            case_id,
            {
                "at": china_now(),
                "channel": Channel.HOTLINE,
                "agent_id": f"{label}-{n}",
                "summary": f"第{n}次联系 {label} " + "客服说会尽快处理。" * 5,
            },
        )
        print(f"saved {contact.id} {label}-{n}", flush=True)


if __name__ == "__main__":
    main()
