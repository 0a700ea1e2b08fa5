"""`weiquan due` and `weiquan ics` over a large, varied database print exactly what they printed
before they were made faster: the outputs' SHA-256 digests, recorded from the code before.

The database is the benchmark's (tests.bench.dataset, a fixed seed) with facts added that start
every kind of clock: sign-off times, deliveries, returns received, accepted complaints, 三包
goods, deleted and finished cases, controls in user text. If an output changes on purpose, print
the new digests with ``python -m tests.cli.test_due_output_unchanged`` and explain the change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path

import msgspec
import orjson
import pytest

from store.persistence.schema import CASES_TABLE, META_DOC_ID, META_TABLE, SCHEMA_VERSION
from store.records.models import Case, PromiseState, encode_case
from tests.bench.dataset import make_case
from tests.helpers.app_driver import FIXED_NOW
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.cli import run_main

CASES = 600
RUNS: dict[str, tuple[str, ...]] = {
    "due_en": ("due", "--lang", "en"),
    "due_zh": ("due", "--lang", "zh-CN"),
    "due_within_60_zh": ("due", "--lang", "zh-CN", "--within", "60"),
    "due_within_400_en": ("due", "--lang", "en", "--within", "400"),
    "due_json": ("due", "--json", "--lang", "en", "--within", "30"),
    "ics_en": ("ics", "--lang", "en", "--within", "400"),
    "ics_zh": ("ics", "--lang", "zh-CN", "--within", "30"),
}
DIGESTS = {
    "due_en": "23842ed87a467d2cb8e3df4317d2563da9331b452c9094e3bfee4d94c81cf569",
    "due_zh": "096286f927921e1ed50ede4260958c9f38c578b7934e0e81407d68e49e2b9f56",
    "due_within_60_zh": "731ed65a3a272547a626e763ee4816687bdd31b98a2f40001ae5bd8caa349e5f",
    "due_within_400_en": "d501ddf739dff49c4a5f40538d252cd5cf311fd0b57305f66360b024633819cb",
    "due_json": "e2b7fd05f5917e4f59d83bf70e69c34592cb6b9e7a85f98d5cb31d5d92cdabfe",
    "ics_en": "1fa3bd5e66612baf051ad3b7df0026ce5daa45c2ebeea224ae00a270b15ed6c0",
    "ics_zh": "ae570bc814329a69b172a40c184769386e5d6e9244f7a64d98f7ca272afb3079",
}


def _varied(case: Case, rng: random.Random) -> Case:
    """The benchmark's case with the facts that start the other clocks, some of the time."""
    start = case.order_date or case.created.date()
    changes: dict[str, object] = {}
    if rng.random() < 0.6:
        changes["delivery_date"] = start + dt.timedelta(days=rng.randrange(1, 6))
        if rng.random() < 0.5:
            changes["delivery_time"] = dt.time(rng.randrange(24), rng.randrange(60))
    if rng.random() < 0.3:
        changes["sanbao_covered"] = True
    if rng.random() < 0.2:
        changes["return_received_date"] = start + dt.timedelta(days=rng.randrange(5, 40))
    if rng.random() < 0.2:
        changes["complaint_accepted_date"] = start + dt.timedelta(days=rng.randrange(5, 40))
    if rng.random() < 0.05:
        changes["deleted_at"] = case.updated
    if rng.random() < 0.1:
        changes["title"] = case.title + "\x1b[2J\u202e\n第二行\t制表"
    contacts = []
    for contact in case.contacts:
        if contact.promise and rng.random() < 0.3:
            state = rng.choice([PromiseState.KEPT, PromiseState.BROKEN])
            contact = msgspec.structs.replace(contact, promise_state=state)
        if rng.random() < 0.05:
            contact = msgspec.structs.replace(contact, agent_id=contact.agent_id + "\x9b\r\n")
        contacts.append(contact)
    changes["contacts"] = contacts
    return msgspec.structs.replace(case, **changes)


def write_varied_database(path: Path) -> None:
    rng = random.Random(7)
    facts = random.Random(11)
    table = {}
    for case_id in range(1, CASES + 1):
        case = _varied(make_case(case_id, 10, rng), facts)
        table[str(case_id)] = encode_case(case)
    data = {
        META_TABLE: {META_DOC_ID: {"schema_version": SCHEMA_VERSION, "next_case_id": CASES + 1}},
        CASES_TABLE: table,
    }
    path.write_bytes(orjson.dumps(data))
    path.chmod(0o600)


def _digest(db: Path, args: tuple[str, ...]) -> str:
    result = run_main(*args, "--db", str(db), clock=lambda: FIXED_NOW, calendar=calendar_to_2026())
    assert result.returncode in (0, 1), result.stderr
    return hashlib.sha256(f"{result.returncode}\n{result.stdout}".encode()).hexdigest()


@pytest.fixture(scope="module")
def varied_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("varied") / "weiquan.json"
    write_varied_database(db)
    return db


@pytest.mark.parametrize("name", sorted(RUNS))
def test_output_is_byte_for_byte_what_it_was(varied_db: Path, name: str) -> None:
    assert _digest(varied_db, RUNS[name]) == DIGESTS[name]


def test_the_database_has_what_the_digests_cover(varied_db: Path) -> None:
    """The outputs hold every kind of line: so an unchanged digest means something."""
    args = (*RUNS["due_within_400_en"], "--db", str(varied_db))
    due = run_main(*args, clock=lambda: FIXED_NOW, calendar=calendar_to_2026())
    for words in ("LATE", "BROKEN", "[estimated]", "[UNVERIFIED", "\\x9b", "␛[2J", "\\u202e"):
        assert words in due.stdout, words


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "weiquan.json"
        write_varied_database(db)
        for name, args in RUNS.items():
            print(f'    "{name}": "{_digest(db, args)}",')
