"""``weiquan list --json`` answered from the case index (store/cases/case_index.py) beside the
database, loading nothing but the standard library: what a script or a status bar calls often.

Taken only when the index was made from the database file there now and everything in it is as
written; otherwise (no index, another version of the file, anything unexpected, any other option,
a holiday file the index was not made with or that had something to say, which the full command
says) the command runs as always (tui.verbs.cmd_list), and that is also what says what is wrong. The
output is the same, byte for byte (tests/cli/test_quick_list.py).
"""

from __future__ import annotations

import os
import stat
import sys

from store.calendar import HOLIDAY_FILE_NAME
from store.cases.case_index import FIELDS, FORMAT, LISTED, file_identity, read_index_bytes
from store.version import __version__

TYPE_CHECKING = False  # typing and pathlib are not loaded here either
if TYPE_CHECKING:
    from collections.abc import Sequence

_OPTIONS = ("--db", "--lang")  # --lang changes nothing in JSON
_LISTED_TYPES: tuple[type | tuple[type, ...], ...] = (int, str, str, str, str, (int, type(None)), int, bool, str)
_UPDATED_US, _ACTIVE = FIELDS.index("updated_us"), FIELDS.index("active")
_IN_TRASH = FIELDS.index("in_trash")


def quick_list(arguments: Sequence[str]) -> int | None:
    """The exit status of ``weiquan list --json`` answered from the index, or None: not such a
    command, or not answerable from the index."""
    chosen = _chosen(arguments)
    if chosen is None:
        return None
    db_text, every = chosen
    db = _database_path(db_text)
    rows = _listed(db, every) if db is not None else None
    if rows is None:
        return None
    import json

    text = json.dumps(rows, ensure_ascii=False, indent=2)
    if _has_suspect(text):  # a control character or the like in a title: escaped as the policy says
        from store.text.controls import for_json

        text = for_json(rows)
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    return 0


def _chosen(arguments: Sequence[str]) -> tuple[str | None, bool] | None:
    """(--db value or None, --all) for ``[--db P] [--lang L] list --json [--all] [--db P] [--lang L]``
    with each option at most once; None for any other command line."""
    if "list" not in arguments or "--json" not in arguments:
        return None
    values: dict[str, str] = {}
    seen: set[str] = set()
    verb = False
    index = 0
    while index < len(arguments):
        arg = arguments[index]
        name, equals, value = arg.partition("=")
        if arg == "list" and not verb:
            verb = True
        elif verb and arg in ("--json", "--all") and arg not in seen:
            seen.add(arg)
        elif name in _OPTIONS and name not in values and equals:
            values[name] = value
        elif arg in _OPTIONS and arg not in values and index + 1 < len(arguments):
            index += 1
            if arguments[index].startswith("-"):
                return None
            values[arg] = arguments[index]
        else:
            return None
        index += 1
    if not verb or "--json" not in seen or not _known_language(values.get("--lang")):
        return None
    return values.get("--db"), "--all" in seen


def _known_language(value: str | None) -> bool:
    if value is None:
        return True
    from store.rules.messages import normalise_language

    try:
        normalise_language(value)
    except ValueError:
        return False
    return True


def _database_path(db_text: str | None) -> str | None:
    """The database file as the command would choose it (--db, $WEIQUAN_DB, the platform's data
    folder), a link followed; None where only the full command can say (a ~name, another platform)."""
    chosen = db_text or os.environ.get("WEIQUAN_DB") or None
    path = os.path.expanduser(chosen) if chosen else default_path()
    if path is None or path.startswith("~"):  # a ~name that is no user: the full command says so
        return None
    return os.path.realpath(path) if os.path.islink(path) else path


def default_path() -> str | None:
    """platformdirs' user data folder on Linux (XDG_DATA_HOME, else ~/.local/share), without
    importing it; elsewhere None. tests/cli/test_quick_list.py holds it to platformdirs' answer."""
    if not sys.platform.startswith("linux"):
        return None
    base = os.environ.get("XDG_DATA_HOME", "")
    folder = base if base.strip() else os.path.expanduser("~/.local/share")
    return os.path.join(folder, "weiquan", "weiquan.json")


def _listed(db: str, every: bool) -> list[dict[str, object]] | None:
    database = _readable_identity(db)
    raw = read_index_bytes(db) if database is not None else None
    if raw is None:
        return None
    import json  # only here: opening the app passes by this module

    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("database") != database:
        return None
    calendar = data.get("calendar")  # made by this very version (another may read another schema)
    if not isinstance(calendar, list) or len(calendar) < 3 or calendar[0] != __version__:
        return None
    holidays = os.path.join(os.path.dirname(db), HOLIDAY_FILE_NAME)
    if _holiday_file_there(holidays) and (
        calendar[2] != file_identity(holidays) or data.get("holidays_clean") is not True
    ):
        return None  # a holiday file the index was not made with, or with something to say: the full command says it
    cases = data.get("cases")
    if not isinstance(cases, list) or not all(_well_formed(item) for item in cases):
        return None
    chosen = cases if every else [item for item in cases if item[_ACTIVE] and not item[_IN_TRASH]]
    chosen.sort(key=lambda item: (item[_UPDATED_US], item[0]), reverse=True)  # as CaseStore.cases orders
    return [dict(zip(FIELDS[:LISTED], item[:LISTED], strict=True)) for item in chosen]


def _readable_identity(db: str) -> list[int] | None:
    """The database file's identity (case_index.file_identity) when this user can open it to read
    (the full command cannot list what it cannot read, and says so)."""
    try:
        fd = os.open(db, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
    finally:
        os.close(fd)
    return [info.st_ino, info.st_size, info.st_mtime_ns] if stat.S_ISREG(info.st_mode) else None


def _holiday_file_there(path: str) -> bool:
    """Whether anything is there by the holiday file's name (a link too): the full command reads
    it and may have something to say about it."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True


def _well_formed(item: object) -> bool:
    if not isinstance(item, list) or len(item) != len(FIELDS):
        return False
    for value, kind in zip(item, _LISTED_TYPES, strict=False):
        # bool is an int to isinstance: a number given as true/false is not a number here.
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            return False
    updated_us, active = item[_UPDATED_US], item[_ACTIVE]
    return type(updated_us) is int and type(active) is bool


def _has_suspect(text: str) -> bool:
    from store.text.suspects import ANY_SUSPECT_IN_JSON

    return ANY_SUSPECT_IN_JSON.found_in(text)
