"""The field's libraries measured against weiquan's rules on the same labelled corpus.

phonenumbers (PhoneNumberMatcher, region CN) for phones; python-stdnum alone (cn.ric on 18-character
runs, luhn on 16-19 digit runs) for ID numbers and cards; jionlp's extractors when it is installed
(it is not a dependency: ``pip install jionlp`` into the venv to include it). Recall is the share of
labelled values of the kinds found; precision the share of what was found that is such a value.
Start-up is the import time in a fresh interpreter, less the interpreter's own.
"""

from __future__ import annotations

import contextlib
import io
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from store.export.redaction import Kind, Redactor
from store.export.redaction.text_forms import compact
from tests.export.corpus import read_redaction_corpus
from tests.export.test_redaction_corpus import ALL, redactor_for

Finder = Callable[[str], Iterable[str]]


@dataclass
class Score:
    found: int = 0
    true: int = 0
    hit: int = 0
    total: int = 0

    @property
    def recall(self) -> float:
        return self.hit / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        return self.true / self.found if self.found else 1.0


def _same(found: str, value: str) -> bool:
    """The same number, however spaced or written (full-width, Chinese numerals)."""
    a, b = compact(found), compact(value)
    return bool(a) and len(min(a, b, key=len)) >= 5 and (a in b or b in a)


def score(finder: Finder, kinds: set[str]) -> Score:
    corpus = read_redaction_corpus(*ALL)
    result = Score()
    for sentence in corpus.sentences:
        wanted = [i.value for i in sentence.personal if i.kind in kinds]
        found = list(finder(sentence.text))
        result.found += len(found)
        result.true += sum(1 for f in found if any(_same(f, i.value) for i in sentence.personal))
        result.total += len(wanted)
        result.hit += sum(1 for v in wanted if any(_same(f, v) for f in found))
    return result


def ours(kinds: set[Kind]) -> Finder:
    corpus = read_redaction_corpus(*ALL)
    redactor: Redactor = redactor_for(corpus)
    return lambda text: [s.original for s in redactor.find(text) if s.kind in kinds]


def phonenumbers_finder() -> Finder:
    import phonenumbers

    return lambda text: [m.raw_string for m in phonenumbers.PhoneNumberMatcher(text, "CN")]


def stdnum_ids() -> Finder:
    from stdnum.cn import ric

    runs = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
    return lambda text: [m[0] for m in runs.finditer(text) if ric.is_valid(m[0])]


def stdnum_cards() -> Finder:
    from stdnum import luhn

    runs = re.compile(r"(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])")
    return lambda text: [m[0] for m in runs.finditer(text) if luhn.is_valid(m[0])]


def jionlp_finders() -> dict[str, tuple[Finder, set[str]]] | None:
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner when imported
            import jionlp as jio  # type: ignore[import-not-found]
    except ImportError:
        return None
    if not hasattr(jio, "extract_phone_number"):  # a leftover folder, not the package
        return None

    def wrap(extract: Callable[[str], list[object]]) -> Finder:
        def find(text: str) -> list[str]:
            with contextlib.redirect_stdout(io.StringIO()):
                found = extract(text)
            return [str(f["text"]) if isinstance(f, dict) else str(f) for f in found]

        return find

    return {
        "phones": (wrap(jio.extract_phone_number), {"mobile", "landline"}),
        "ID numbers": (wrap(jio.extract_id_card), {"id_card"}),
        "plates": (wrap(jio.extract_motor_vehicle_licence_plate), {"plate"}),
        "QQ": (wrap(jio.extract_qq), {"qq"}),
        "WeChat": (wrap(jio.extract_wechat_id), {"wechat"}),
    }


def import_ms(module: str, rounds: int = 5, baseline: str = "") -> float | None:
    """Median import time of a module in a fresh interpreter, less the start of one that imports only
    the baseline (for weiquan's rules: the records module every weiquan process has loaded anyway)."""

    def once(code: str) -> float:
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
        if done.returncode:
            raise ImportError(module)
        return time.perf_counter() - t0

    try:
        with_module = statistics.median(
            once(f"import {baseline}; import {module}" if baseline else f"import {module}") for _ in range(rounds)
        )
    except ImportError:
        return None
    empty = statistics.median(once(f"import {baseline}" if baseline else "pass") for _ in range(rounds))
    return max(0.0, with_module - empty) * 1000
