"""Redaction and wording figures: the corpus scores with their misses, the field's libraries against
weiquan's rules, and the time to redact a 1,000-contact case and 100,000-character fields (hostile
ones included), with the growth from 50,000 to 100,000 characters to show it is linear. Times are
CPU time of this process (time.process_time), so other work on a shared machine does not inflate them."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from store.calendar.china_time import china_now
from store.export.documents import render_export
from store.export.redaction import Kind, Redactor
from store.export.wording import wording_warnings
from store.rules.messages import Messages
from tests.bench import redaction_libraries as libs
from tests.bench.dataset import make_case
from tests.export.corpus import read_redaction_corpus, read_wording_corpus
from tests.export.corpus.scoring import score
from tests.export.test_redaction_corpus import ALL, redactor_for
from tests.helpers.calendars import calendar_to_2026

CAL = calendar_to_2026()

ROUNDS = 5
RECORDS = "store.records.models"
FIELD = 100_000


def _ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    samples = []
    for _ in range(rounds):
        t0 = time.process_time()
        action()
        samples.append(time.process_time() - t0)
    return statistics.median(samples) * 1000


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def corpus_figures() -> None:
    sets = [(("personal_data.txt", "ordinary.txt"), "main corpus"), (("second_set.txt",), "second set")]
    for files, label in [*sets, (("third_set.txt",), "third set")]:
        corpus = read_redaction_corpus(*files)
        fig = score(redactor_for(corpus), corpus)
        print(
            f"{label}: personal data removed {fig.removed}/{fig.personal} = {fig.removed_share:.1%} "
            f"(target >= 97%: {_verdict(fig.removed_share >= 0.97)}); ordinary strings kept "
            f"{fig.kept}/{fig.ordinary} = {fig.kept_share:.1%} (target >= 97%: {_verdict(fig.kept_share >= 0.97)})"
        )
        for miss in fig.leaks + fig.damaged:
            print(f"  miss: {miss}")
    risky, harmless = read_wording_corpus("risky.txt"), read_wording_corpus("harmless.txt")
    missed = [
        s
        for s in risky
        if not any(
            p.casefold() in w.word.casefold() or w.word.casefold() in p.casefold()
            for p in s.phrases
            for w in wording_warnings(s.text, "en")
        )
    ]
    flagged = [s for s in harmless if wording_warnings(s.text, "en")]
    hit = 1 - len(missed) / len(risky)
    false = len(flagged) / len(harmless)
    print(
        f"wording: risky phrases flagged {len(risky) - len(missed)}/{len(risky)} = {hit:.1%} (target >= 95%: "
        f"{_verdict(hit >= 0.95)}); harmless sentences flagged {len(flagged)}/{len(harmless)} = {false:.1%} "
        f"(target <= 5%: {_verdict(false <= 0.05)})"
    )
    for s in missed + flagged:
        print(f"  miss: {s.where} {s.text}")


def library_figures() -> None:
    rows: list[tuple[str, libs.Finder | None, set[str], str]] = [
        ("phones: weiquan rules", libs.ours({Kind.MOBILE, Kind.LANDLINE}), {"mobile", "landline"}, ""),
        ("phones: phonenumbers (CN)", libs.phonenumbers_finder(), {"mobile", "landline"}, "phonenumbers"),
        ("ID numbers: weiquan rules", libs.ours({Kind.ID_CARD}), {"id_card"}, ""),
        ("ID numbers: stdnum.cn.ric alone", libs.stdnum_ids(), {"id_card"}, "stdnum.cn.ric"),
        ("cards: weiquan rules", libs.ours({Kind.BANK_CARD}), {"bank_card"}, ""),
        ("cards: stdnum.luhn alone", libs.stdnum_cards(), {"bank_card"}, "stdnum.luhn"),
    ]
    jionlp = libs.jionlp_finders()
    if jionlp is None:
        print("jionlp: not installed, left out (pip install jionlp into .venv to include it)")
    else:
        rows += [(f"{name}: jionlp", finder, kinds, "jionlp") for name, (finder, kinds) in jionlp.items()]
    for label, finder, kinds, module in rows:
        assert finder is not None
        s = libs.score(finder, kinds)
        startup = libs.import_ms(module) if module else libs.import_ms("store.export.redaction", baseline=RECORDS)
        cost = f"import {startup:.0f} ms" if startup is not None else "import n/a"
        print(f"  {label:34} recall {s.hit:3}/{s.total:<3} {s.recall:6.1%}  precision {s.precision:6.1%}  {cost}")


def _realistic_field(size: int) -> str:
    corpus = read_redaction_corpus(*ALL)
    text = "\n".join(s.text for s in corpus.sentences)
    return (text * (size // len(text) + 1))[:size]


HOSTILE: dict[str, Callable[[int], str]] = {
    "a…a@": lambda n: "a" * (n - 1) + "@",
    "digits": lambda n: "1" * n,
    "digits and spaces": lambda n: "1 " * (n // 2),
    "路 run": lambda n: "路" * n,
    "路1号 run": lambda n: "路1号" * (n // 3),
    "小区1栋 run": lambda n: "小区1栋" * (n // 4),
    "地址 labels": lambda n: "地址" * (n // 2),
    "x@x. run": lambda n: "x@x." * (n // 4),
    "Zhang Wei run": lambda n: "Zhang Wei " * (n // 10),
}


def timing_figures() -> None:
    case = make_case(1, 1_000, random.Random(3))
    now, msgs = china_now(), Messages("zh-CN")
    private = _ms(lambda: render_export(case, "dossier", msgs, now, calendar=CAL))
    public = _ms(lambda: render_export(case, "dossier", msgs, now, redact=True, calendar=CAL))
    cost = public - private
    print(
        f"redacting a 1,000-contact case (dossier): {cost:.1f} CPU ms on top of the {private:.1f} ms render "
        f"(whole redacted export {public:.1f} ms; target <= 200 ms: {_verdict(cost <= 200)})"
    )
    redactor = Redactor(["P778812345678901"], ["张伟", "Chen Jing"], agent_ids=["8821"])
    fields = {"realistic complaint text": _realistic_field} | HOSTILE
    for label, make in fields.items():
        full, half = make(FIELD), make(FIELD // 2)
        t_full, t_half = _ms(lambda full=full: redactor(full), 3), _ms(lambda half=half: redactor(half), 3)
        growth = t_full / t_half if t_half else 0.0
        print(
            f"  100,000-character field, {label:24} {t_full:7.1f} CPU ms "
            f"(target <= 100 ms: {_verdict(t_full <= 100)}); "
            f"50,000 chars {t_half:6.1f} ms, growth x{growth:.2f} (linear is x2; target <= x2.5: "
            f"{_verdict(growth <= 2.5)})"
        )


def run() -> None:
    print("== redaction ==")
    corpus_figures()
    library_figures()
    timing_figures()


if __name__ == "__main__":
    run()
