"""The writing verbs' command lines (new, log, mark, note, attach, status), help in the user's language.

Only argparse here, so building the parser stays cheap; the verbs themselves are in
tui.capture_verbs. Values are checked there, not by argparse, so a bad one gets the same message,
in the same language, as in the app's forms.
"""

from __future__ import annotations

import argparse
from enum import StrEnum
from typing import Any

from store.records.models import Category, Channel, Demand, Direction, EvidenceKind, PromiseState, Status
from store.rules.messages import Messages, Msg

CAPTURE_VERBS = ("new", "log", "mark", "note", "attach", "status")


def add_capture_verbs(verbs: argparse._SubParsersAction[Any], common: argparse.ArgumentParser, msgs: Messages) -> None:
    """Register the writing verbs on ``verbs`` (the parser's sub-commands)."""
    for name, add_arguments in (
        ("new", _new),
        ("log", _log),
        ("mark", _mark),
        ("note", _note),
        ("attach", _attach),
        ("status", _status),
    ):
        parser = verbs.add_parser(
            name,
            parents=[common],
            help=msgs(f"cli_help.{name}"),
            description=msgs(f"cli_help.{name}"),
            epilog=msgs("cli_help.examples") + "\n" + msgs(f"cli_help.{name}_examples"),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        add_arguments(parser, msgs)
        parser.add_argument("--json", action="store_true", help=msgs("cli_help.json"))


def _h(msgs: Messages, key: str) -> str:
    # argparse reads % as a format character in help texts
    return msgs(f"cli_help.{key}").replace("%", "%%")


def _choices(msgs: Messages, group: str, members: tuple[StrEnum, ...] | type[StrEnum], default: str = "") -> str:
    """The help for a choice, listed from the enum and the catalogs (so it never drifts from them)."""
    items = tuple(Msg.of("input.choice_item", label=Msg.of(f"{group}.{m.value}"), value=m.value) for m in members)
    text = msgs("cli_help.choice_list", choices=items)
    if default:
        text += " " + msgs("cli_help.default", value=Msg.of(f"{group}.{default}"))
    return text.replace("%", "%%")


def _case(parser: argparse.ArgumentParser, msgs: Messages) -> None:
    parser.add_argument("case", metavar="CASE", help=_h(msgs, "case"))


def _new(parser: argparse.ArgumentParser, msgs: Messages) -> None:
    for flag, dest, key in (
        ("--title", "title", "title"),
        ("--platform", "platform", "platform"),
        ("--shop", "shop", "shop"),
        ("--order", "order_no", "order"),
        ("--product", "product", "product"),
        ("--amount", "amount_paid", "amount"),
        ("--order-date", "order_date", "order_date"),
        ("--delivery-date", "delivery_date", "delivery_date"),
        ("--demand-detail", "demand_detail", "demand_detail"),
        ("--respondent", "respondent_name", "respondent"),
        ("--credit-code", "respondent_credit_code", "credit_code"),
    ):
        parser.add_argument(flag, dest=dest, metavar=key.upper(), default=None, help=_h(msgs, key))
    parser.add_argument("--category", default=None, help=_choices(msgs, "category", Category))
    parser.add_argument("--demand", default=None, help=_choices(msgs, "demand", Demand))
    parser.add_argument("--from-text", metavar="FILE", default=None, help=_h(msgs, "from_text"))


def _log(parser: argparse.ArgumentParser, msgs: Messages) -> None:
    _case(parser, msgs)
    parser.add_argument("--channel", default="hotline", help=_choices(msgs, "channel", Channel, "hotline"))
    parser.add_argument("--at", default="", help=_h(msgs, "at"))
    parser.add_argument("--direction", default="outgoing", help=_choices(msgs, "direction", Direction, "outgoing"))
    parser.add_argument("--agent", default="", help=_h(msgs, "agent"))
    parser.add_argument("--ref", default="", help=_h(msgs, "ref"))
    parser.add_argument("--said", default="", help=_h(msgs, "said"))
    parser.add_argument("--promise", default="", help=_h(msgs, "promise"))
    parser.add_argument("--due", default="", help=_h(msgs, "due"))
    parser.add_argument("--duration", default="", help=_h(msgs, "duration"))


def _mark(parser: argparse.ArgumentParser, msgs: Messages) -> None:
    _case(parser, msgs)
    parser.add_argument("contact", metavar="CONTACT", help=_h(msgs, "contact"))
    states = (PromiseState.KEPT, PromiseState.BROKEN, PromiseState.PENDING)
    parser.add_argument("state", metavar="kept|broken", help=_choices(msgs, "promise", states))


def _note(parser: argparse.ArgumentParser, msgs: Messages) -> None:
    _case(parser, msgs)
    parser.add_argument("text", metavar="TEXT", help=_h(msgs, "note_text"))


def _attach(parser: argparse.ArgumentParser, msgs: Messages) -> None:
    _case(parser, msgs)
    parser.add_argument("kind", metavar="KIND", help=_choices(msgs, "evidence_kind", EvidenceKind))
    parser.add_argument("file", metavar="FILE", help=_h(msgs, "file"))
    parser.add_argument("--vault", action="store_true", help=_h(msgs, "vault"))


def _status(parser: argparse.ArgumentParser, msgs: Messages) -> None:
    _case(parser, msgs)
    parser.add_argument("state", metavar="waiting|escalated|resolved|closed", help=_choices(msgs, "status", Status))
    parser.add_argument("--recovered", default=None, help=_h(msgs, "recovered"))
    parser.add_argument("--outcome", default=None, help=_h(msgs, "outcome"))
