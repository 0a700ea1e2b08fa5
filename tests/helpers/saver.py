"""Child process for crash and concurrency tests: add contacts in a loop, report each one saved.

    python -m tests.helpers.saver DB_PATH CASE_ID COUNT LABEL

Prints "saved <contact id> <label>-<n>" after each add_contact has returned (the write is durable
by then), flushing at once so a parent that kills us knows exactly what was reported done.
"""

from __future__ import annotations

import sys
from pathlib import Path

from store.calendar.china_time import china_now
from store.cases.case_store import CaseStore
from store.records.models import Channel


def main() -> None:
    db_path, case_id, count, label = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    store = CaseStore.open(db_path)
    for n in range(count):
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
