"""Every Markdown export, read by three independent renderers, has one structure, and it says what
the user wrote: markdown-it-py, cmark-gfm and pandoc (-f gfm) over every format × language ×
private/redacted, for the demo cases and a case full of Markdown breakers."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.calendar.china_time import CHINA_TZ
from store.cases.case_store import CaseStore
from store.export.documents import MARKDOWN_FORMATS, render_export
from store.records.models import Case, EvidenceFile
from store.records.sample_cases import fill_demo
from store.rules.messages import Messages
from store.text.controls import for_plain_text
from tests.helpers.calendars import calendar_to_2026
from tests.helpers.markdown_breakers import MARKDOWN_BREAKERS
from tests.helpers.markdown_renderers import Block, cmark_gfm_html, markdown_it_html, pandoc_html, structure
from tests.helpers.system_tools import require_tool

CAL = calendar_to_2026()

NOW = dt.datetime(2026, 11, 26, 20, 0, tzinfo=CHINA_TZ)
NBSP = "\u00a0"
CHANNELS = ["after_sales", "online_cs", "hotline", "12315", "market_bureau", "public_post", "lawyer_court", "other"]
URL = re.compile(r"(?:https?|ftp)://[A-Za-z0-9][^\s<>`|，]*[^\s<>`|，.,:;!?*_~'\")\]]")


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


def _file_name(text: str) -> str:
    return text.replace("/", "_").replace("\n", " ") or "x"


def hostile_case(store: CaseStore) -> Case:
    multi = [b for b in MARKDOWN_BREAKERS if "\n" in b]
    case = store.create_case(
        {
            "title": "耳机 `x` *y* _z_ https://a.example/a_b 3~5天 | # [t](u) <b> #",
            "category": "quality",
            "order_no": "P_1|2*3",
            "product": "**Pro** <x> _v2_",
            "shop": "店_铺 | *自营*",
            "respondent_name": "上海_某某 [公司]",
            "respondent_address": "上海市*黄浦区* `路` 1号 | 2室",
            "amount_paid_fen": 89_900,
            "deceived": True,
            "demand_detail": multi[0],
            "notes": "\n".join(multi),
            "references": [{"label": "单号 | *a*", "value": "AS_2026|1"}],
        }
    )
    for n, text in enumerate(MARKDOWN_BREAKERS):
        store.add_contact(
            case.id,
            {
                "at": NOW - dt.timedelta(hours=len(MARKDOWN_BREAKERS) - n),
                "channel": CHANNELS[n % len(CHANNELS)],
                "agent_id": _one_line(text),
                "reference_no": _one_line(text[::-1]),
                "summary": text,
                "promise": text if n % 3 == 0 else "",
                "deadline": NOW + dt.timedelta(days=1) if n % 3 == 0 else None,
            },
        )
    current = store.get(case.id)
    for n, item in enumerate(current.evidence):
        store.update_evidence(case.id, item.id, {"state": "collected", "note": MARKDOWN_BREAKERS[n]})
        for k, text in enumerate(MARKDOWN_BREAKERS[n :: len(current.evidence)]):
            store.attach_file(
                case.id,
                item.id,
                EvidenceFile(
                    path=f"/home/me/证据/{_file_name(text)}",
                    size=n * 1_000_003 + k,
                    sha256=f"{n}{k}".ljust(64, "a")[:64],
                    attached=NOW,
                ),
            )
    return store.get(case.id)


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, Case, str, str, bool]]:
    """(label, case, format, language, redacted) and the text, for every export of every case."""
    store = CaseStore.open(None, clock=lambda: NOW)
    fill_demo(store, NOW.date(), CAL)
    hostile_case(store)
    out = []
    for case in store.cases():
        for fmt in MARKDOWN_FORMATS:
            for lang in ("zh-CN", "en"):
                for redact in (False, True):
                    text = render_export(case, fmt, Messages(lang), NOW, redact=redact, calendar=CAL).text
                    out.append(
                        (f"case {case.id} {fmt} {lang}{' redacted' if redact else ''}", case, fmt, lang, redact, text)
                    )
    return out


def _keys(blocks: list[Block]) -> list[tuple[object, ...]]:
    return [b.key() for b in blocks]


def _first_difference(a: list[Block], b: list[Block]) -> str:
    for x, y in zip(a, b):
        if x.key() != y.key():
            return f"{x.key()!r}\n  vs\n{y.key()!r}"
    return f"{len(a)} blocks vs {len(b)}"


def test_markdown_it_and_cmark_gfm_read_the_same_structure(documents) -> None:
    assert len(documents) >= 72
    for label, *_, text in documents:
        mine, github = structure(markdown_it_html(text)), structure(cmark_gfm_html(text))
        assert _keys(mine) == _keys(github), f"{label}: {_first_difference(mine, github)}"


@pytest.mark.slow
def test_pandoc_reads_the_same_structure(documents) -> None:
    require_tool("pandoc")
    for label, *_, text in documents:
        github, pandoc = structure(cmark_gfm_html(text)), structure(pandoc_html(text))
        assert _keys(pandoc) == _keys(github), f"{label}: {_first_difference(pandoc, github)}"


# -- against what the user wrote -------------------------------------------------------------------
def expected_lines(text: str) -> str:
    """The user's lines as a reader sees them: control characters made visible, trailing spaces
    dropped, leading spaces (and tabs, as four) as no-break spaces, a blank line as a no-break space;
    a run of spaces inside a line shows as one, as HTML shows it."""
    lines = [line.rstrip().replace("\t", "    ") for line in for_plain_text(text, keep_newlines=True).split("\n")]
    lines = [line[: len(line) - len(line.lstrip(" "))] + re.sub(" +", " ", line.lstrip(" ")) for line in lines]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    shown = [NBSP * (len(line) - len(line.lstrip(" "))) + line.lstrip(" ") if line.strip() else NBSP for line in lines]
    return "\n".join(shown)


def _hostile(documents, fmt: str, lang: str = "en", redact: bool = False) -> tuple[Case, str]:
    for _, case, f, la, r, text in documents:
        if case.title.startswith("耳机 `x`") and (f, la, r) == (fmt, lang, redact):
            return case, text
    raise AssertionError("no hostile document")


def test_file_names_are_exactly_as_on_disk(documents) -> None:
    for lang in ("zh-CN", "en"):
        case, text = _hostile(documents, "dossier", lang)
        # a name is one line: control characters made visible, a tab or line break as a space
        names = [for_plain_text(f.path.rsplit("/", 1)[1]) for item in case.evidence for f in item.files]
        for html in (markdown_it_html(text), cmark_gfm_html(text)):
            spans = [code for b in structure(html) for code in b.code if not re.fullmatch(r"[0-9a]{64}", code)]
            assert spans == names
        assert "- `IMG_20261112_201500.jpg` —" in text  # the raw file reads as the name too


def test_every_note_and_summary_keeps_its_lines(documents) -> None:
    case, text = _hostile(documents, "dossier", "zh-CN")
    blocks = structure(cmark_gfm_html(text))
    notes_at = next(i for i, b in enumerate(blocks) if b.kind == "h3" and b.text == "备注")
    assert blocks[notes_at + 1].text == expected_lines(case.notes)
    said = []
    for i, block in enumerate(blocks):
        if block.kind == "h3" and re.match(r"\d+\. ", block.text):
            quote = next(b for b in blocks[i + 1 :] if ">" in b.kind or b.kind == "h3")
            said.append(quote.text if ">" in quote.kind else "")
    assert said == [expected_lines(c.summary) for c in case.timeline()]


def test_addresses_are_links_that_end_where_the_address_ends(documents) -> None:
    case, text = _hostile(documents, "dossier")
    links = {link for b in structure(cmark_gfm_html(text)) for link in b.links}
    for contact in case.contacts:
        for url in URL.findall(contact.summary):
            if re.search(r"&#?\w+;", url):  # an entity name would be decoded in any link: not linked
                assert not any(url in text for text, _ in links), url
            else:
                assert (url, url) in links, url
    assert ("zhang.san@example.com", "mailto:zhang.san@example.com") in links  # not "…请回复"
    assert ("li_si@example.com.cn", "mailto:li_si@example.com.cn") in links
    assert not any("www.example.com" in href or "cdn.example" in href for _, href in links)


def test_one_title_and_the_tables_have_a_row_per_contact(documents) -> None:
    for label, case, fmt, _, _, text in documents:
        blocks = structure(cmark_gfm_html(text))
        assert [b.kind for b in blocks].count("h1") == 1, label
        if fmt == "timeline" and case.contacts:
            rows = [b for b in blocks if b.kind == "tr" and len(b.cells) == 9]
            assert len(rows) == len(case.contacts) + 1, label  # and the header row


BREAKER_PIECES = st.sampled_from(
    list("|`*_#<>[]()!\\-+=~&;:.@/ \n\t aZ9耳机，。")
    + ["http://", "https://a.example/", "www.", "@b.example", "mailto:", "<!--", "```", "1. ", "# ", "> ", "- "]
    + ["&amp;", ":smile:", "__", "**", "  \n", "\n\n", "\u00a0", "x@y.cn", "a_b", "[x](y)", "%E4%B8%AD", "xn--"]
)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(
    notes=st.lists(BREAKER_PIECES, max_size=40).map("".join), said=st.lists(BREAKER_PIECES, max_size=40).map("".join)
)
def test_random_breakers_read_alike_and_keep_their_lines(notes: str, said: str) -> None:
    """markdown-it-py and cmark-gfm (in process, so many texts can be tried) agree on every block,
    and the note and what was said come out line for line."""
    store = CaseStore.open(None, clock=lambda: NOW)
    case = store.create_case({"title": "x", "notes": notes})
    store.add_contact(case.id, {"at": NOW - dt.timedelta(hours=1), "channel": "hotline", "summary": said})
    text = render_export(store.get(case.id), "dossier", Messages("en"), NOW, calendar=CAL).text
    mine, github = structure(markdown_it_html(text)), structure(cmark_gfm_html(text))
    assert _keys(mine) == _keys(github), f"{text}\n{_first_difference(mine, github)}"
    if notes.strip():
        at = next(i for i, b in enumerate(github) if b.kind == "h3" and b.text == "Notes")
        assert github[at + 1].text == expected_lines(notes), text
    if said.strip():
        quote = next(b for b in github if ">" in b.kind and b.kind.startswith("li"))
        assert quote.text == expected_lines(said), text
