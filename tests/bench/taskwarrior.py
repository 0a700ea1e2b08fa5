"""Taskwarrior loaded with the same data as a weiquan database: the peer for the command line.

Each case becomes one task: its title the description, its platform the project, its created and
updated times the entry and modified dates, resolved and closed cases completed, the case's other
fields user-defined attributes (UDAs), its tags the task's tags, every contact an annotation (when,
channel, agent, reference, what was said and what was promised), and the soonest pending promise
the due date. The tasks go in with `task import` into a private TASKDATA and TASKRC.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import orjson

from store.persistence.schema import CASES_TABLE
from store.records.models import Case, PromiseState
from store.records.stored_cases import decode_case

UDAS = {
    "shop": "string",
    "order_no": "string",
    "product": "string",
    "amount_fen": "numeric",
    "category": "string",
    "demand": "string",
    "case_status": "string",
    "notes": "string",
}


def task_binary() -> str | None:
    return shutil.which("task")


def _when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def as_task(case: Case) -> dict[str, Any]:
    task: dict[str, Any] = {
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"weiquan-case-{case.id}")),
        "description": case.title,
        "entry": _when(case.created),
        "modified": _when(case.updated),
        "status": "pending" if case.status.is_active else "completed",
        "project": case.platform or "none",
        "shop": case.shop,
        "order_no": case.order_no,
        "product": case.product,
        "category": case.category.value,
        "demand": case.demand.value,
        "case_status": case.status.value,
        "notes": case.notes,
        "annotations": [
            {
                "entry": _when(c.at),
                "description": f"{c.channel.value} {c.agent_id} {c.reference_no}: {c.summary} {c.promise}".strip(),
            }
            for c in case.contacts
        ],
    }
    if case.amount_paid_fen is not None:
        task["amount_fen"] = case.amount_paid_fen
    if case.tags:
        task["tags"] = list(case.tags)
    if not case.status.is_active:
        task["end"] = _when(case.updated)
    pending = [c.deadline for c in case.contacts if c.deadline and c.promise_state is PromiseState.PENDING]
    if pending:
        task["due"] = _when(min(pending))
    return task


class Taskwarrior:
    """A private Taskwarrior (its own TASKRC and TASKDATA under ``folder``) holding a database's cases."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "taskdata"
        self.rc = folder / "taskrc"
        self.data.mkdir(parents=True, exist_ok=True)
        lines = [f"data.location={self.data}", "confirmation=off", "color=off", "hooks=off", "news.version=2.6.0"]
        for name, kind in UDAS.items():
            lines += [f"uda.{name}.type={kind}", f"uda.{name}.label={name}"]
        self.rc.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.env = {**os.environ, "TASKRC": str(self.rc), "TASKDATA": str(self.data)}

    def argv(self, *args: str) -> list[str]:
        binary = task_binary()
        assert binary is not None
        return [binary, *args]

    def load(self, db: Path) -> int:
        """Import the cases of the database file ``db``; returns how many tasks there are."""
        body = orjson.loads(db.read_bytes())
        tasks = [as_task(decode_case(doc, int(key))) for key, doc in body[CASES_TABLE].items()]
        source = self.folder / "tasks.json"
        source.write_bytes(orjson.dumps(tasks))
        subprocess.run(self.argv("import", str(source)), env=self.env, check=True, capture_output=True)
        return len(tasks)

    def run(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(self.argv(*args), env=self.env, check=False, capture_output=True)
