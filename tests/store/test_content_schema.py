"""Content TOML is described once (msgspec schemas, store.rules.content_schema): every shipped file
fits its schema, a broken one is refused with the file and the place named in the user's language,
the catalogs have the same keys and placeholders, and no code acts on a rule's id."""

from __future__ import annotations

import ast
from enum import Enum
from pathlib import Path

import pytest

from store.deadlines.damages import DamagesFile, bases
from store.errors import ContentInvalid
from store.export.wording import WordingFile
from store.records.models import Category, Demand, EvidenceKind
from store.rules.content_files import read_text
from store.rules.content_schema import load_content, parse_toml, schema_problem
from store.rules.evidence_needs import ByCategory, ByDemand, EvidenceFile, Kinds, evidence_rules
from store.rules.guide_structure import Section, section, section_keys
from store.rules.messages import LANGUAGES, Catalog, Messages, catalog
from store.rules.rulebook import LadderFile, RulesFile, ladder, rules

ROOT = Path(__file__).resolve().parents[2]
EN, ZH = Messages("en"), Messages("zh-CN")

SCHEMAS = [
    ("rules/rules.toml", RulesFile),
    ("rules/ladder.toml", LadderFile),
    ("rules/damages.toml", DamagesFile),
    ("rules/evidence.toml", EvidenceFile),
    ("rules/wording.toml", WordingFile),
    ("guide/sections.toml", dict[str, Section]),
    ("i18n/en.toml", Catalog),
    ("i18n/zh-CN.toml", Catalog),
]


@pytest.mark.parametrize(("relative", "schema"), SCHEMAS, ids=[r for r, _ in SCHEMAS])
def test_every_shipped_file_fits_its_schema(relative: str, schema: type) -> None:
    assert load_content(relative, schema)


def test_what_the_rules_say_is_read_through_the_schemas() -> None:
    assert rules() and ladder() and bases() and evidence_rules()
    assert all(section(key, lang) for key in section_keys() for lang in LANGUAGES)


def _broken(relative: str, old: str, new: str, schema: type) -> ContentInvalid:
    text = read_text(relative)
    assert old in text, old
    with pytest.raises(ContentInvalid) as raised:
        parse_toml(text.replace(old, new, 1), schema, source=f"content/{relative}")
    return raised.value


@pytest.mark.parametrize(
    ("relative", "schema", "old", "new", "english", "chinese"),
    [
        (
            "rules/rules.toml",
            RulesFile,
            "length = 168",
            'length = "168"',
            "content/rules/rules.toml: rule[0].length should be a whole number, not text.",
            "content/rules/rules.toml：rule[0].length 应当是整数，而不是文字。",
        ),
        (
            "rules/rules.toml",
            RulesFile,
            "length = 168",
            "lenght = 168",
            "content/rules/rules.toml: rule[0] has a field “lenght” that does not belong there.",
            "content/rules/rules.toml：rule[0] 里有不该出现的字段“lenght”。",
        ),
        (
            "rules/rules.toml",
            RulesFile,
            'trigger = "sign_off"',
            'trigger = "signed"',
            "content/rules/rules.toml: rule[0].trigger cannot be 'signed'.",
            "content/rules/rules.toml：rule[0].trigger 不能是 'signed'。",
        ),
        (
            "rules/rules.toml",
            RulesFile,
            'party = "consumer"\n',
            "",
            "content/rules/rules.toml: rule[0] lacks the field “party”.",
            "content/rules/rules.toml：rule[0] 缺少字段“party”。",
        ),
        (
            "rules/rules.toml",
            RulesFile,
            'as_of = "2026-11-30"\n\n[[rule]]',
            'as_of = "2026-11-31"\n\n[[rule]]',
            "content/rules/rules.toml: as_of is not a date like 2027-10-01.",
            "content/rules/rules.toml：as_of 不是 2027-10-01 这样的日期。",
        ),
        (
            "rules/ladder.toml",
            LadderFile,
            'starts = "complaint_filed"',
            'starts = "complaint"',
            "content/rules/ladder.toml: step[3].starts cannot be 'complaint'.",
            "content/rules/ladder.toml：step[3].starts 不能是 'complaint'。",
        ),
        (
            "rules/evidence.toml",
            EvidenceFile,
            'required = ["order_screenshot", "photos_video", "chat_log"]',
            'required = ["order_screenshot", "photos", "chat_log"]',
            "content/rules/evidence.toml: categories.quality.required[1] cannot be 'photos'.",
            "content/rules/evidence.toml：categories.quality.required[1] 不能是 'photos'。",
        ),
        (
            "rules/damages.toml",
            DamagesFile,
            'requires = ["seller_knew"]',
            'requires = ["seller_knows"]',
            "content/rules/damages.toml: basis[0].requires[0] cannot be 'seller_knows'.",
            "content/rules/damages.toml：basis[0].requires[0] 不能是 'seller_knows'。",
        ),
        (
            "rules/rules.toml",
            RulesFile,
            "[[rule]]",
            "[[rule]",
            "content/rules/rules.toml is not valid TOML (line 31, column 7).",
            "content/rules/rules.toml 不是有效的 TOML（第 31 行第 7 列）。",
        ),
    ],
    ids=[
        "wrong-type",
        "unknown-field",
        "not-a-choice",
        "missing-field",
        "not-a-date",
        "ladder",
        "evidence",
        "damages",
        "syntax",
    ],
)
def test_a_broken_file_is_refused_naming_the_file_and_the_place(
    relative: str, schema: type, old: str, new: str, english: str, chinese: str
) -> None:
    problem = _broken(relative, old, new, schema)
    assert EN(problem.msg) == english
    assert ZH(problem.msg) == chinese


def test_a_category_without_an_evidence_entry_is_an_error_not_an_empty_checklist() -> None:
    problem = _broken("rules/evidence.toml", "[categories.price]", "[categories.prices]", EvidenceFile)
    assert EN(problem.msg) == "content/rules/evidence.toml: categories has a field “prices” that does not belong there."
    text = read_text("rules/evidence.toml")
    price = '[categories.price]\nrequired = ["order_screenshot", "chat_log"]\nrecommended = ["other_proof"]\n'
    without_price = text.replace(price, "", 1)
    assert without_price != text
    with pytest.raises(ContentInvalid) as raised:
        parse_toml(without_price, EvidenceFile, source="content/rules/evidence.toml")
    assert EN(raised.value.msg).startswith("content/rules/evidence.toml: categories lacks the field “price”")


@pytest.mark.parametrize(
    ("table", "enum"),
    [(Kinds, EvidenceKind), (ByCategory, Category), (ByDemand, Demand)],
    ids=["kinds", "categories", "demands"],
)
def test_the_evidence_schema_has_a_field_for_every_member(table: type, enum: type[Enum]) -> None:
    assert list(table.__struct_fields__) == [member.value for member in enum]


@pytest.mark.parametrize(
    ("message", "english", "chinese"),
    [
        (
            "Expected `array`, got `str` - at `$.step[2].call_en`",
            "f: step[2].call_en should be a list, not text.",
            "f：step[2].call_en 应当是列表，而不是文字。",
        ),
        (
            "Expected `bool`, got `int` - at `$.rule[1].verified`",
            "f: rule[1].verified should be true or false, not a whole number.",
            "f：rule[1].verified 应当是true 或 false，而不是整数。",
        ),
        (
            "Expected `int` >= 1 - at `$.rule[0].length`",
            "f: rule[0].length should be a whole number >= 1.",
            "f：rule[0].length 应当是 >= 1 的整数。",
        ),
        (
            "Object missing required field `rule`",
            "f: the top level lacks the field “rule”.",
            "f：最外层 缺少字段“rule”。",
        ),
        (
            "Something new msgspec says - at `$.x`",
            "f: x: Something new msgspec says",
            "f：x：Something new msgspec says",
        ),
    ],
)
def test_each_kind_of_problem_is_said_in_words(message: str, english: str, chinese: str) -> None:
    assert EN(schema_problem(message, "f")) == english
    assert ZH(schema_problem(message, "f")) == chinese


def test_every_wording_rule_names_messages_that_exist() -> None:
    for rule in load_content("rules/wording.toml", WordingFile).rule:
        for lang in LANGUAGES:
            keys = catalog(lang)
            assert {f"wording.instead.{rule.instead}", f"wording.why.{rule.reason}"} <= set(keys), (lang, rule)


CONTENT_IDS_ALLOWED_IN = {
    # a migration turns the values stored by earlier versions into today's fields: it must name them
    ROOT / "store" / "persistence" / "schema.py",
}


def test_no_code_acts_on_a_rule_id() -> None:
    """What a rule does comes from its flags in rules.toml (requires, done_when, chase_when_overdue,
    limitation; a step's starts and regulator), never from comparing its id in code."""
    ids = {rule.id for rule in rules()} | {basis.id for basis in bases()}
    found = []
    for path in sorted([*(ROOT / "store").rglob("*.py"), *(ROOT / "tui").rglob("*.py")]):
        if path in CONTENT_IDS_ALLOWED_IN:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in ids:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
            elif isinstance(node, ast.Compare) and any(
                isinstance(side, ast.Attribute)
                and side.attr == "id"
                and isinstance(side.value, ast.Attribute)
                and side.value.attr in ("rule", "basis")
                for side in (node.left, *node.comparators)
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: compares a rule's id")
    assert found == []
