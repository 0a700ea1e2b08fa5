"""Dates that cannot be right, as warnings for the user to confirm (not refusals): an order in the
future, goods signed for before they were ordered, a contact that has not happened yet.

A typo in a date moves every deadline counted from it, so the form asks before saving; but the
user may know better (a pre-order, a clock set wrong), so they can save anyway.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from store.rules.messages import Msg

FUTURE_SLACK = dt.timedelta(minutes=10)  # a contact logged a few minutes early is not a mistake


@dataclass(frozen=True)
class DateWarning:
    field: str
    msg: Msg


def case_date_warnings(fields: dict[str, Any], today: dt.date) -> list[DateWarning]:
    """Warnings for a case's typed fields (dates as parsed by case_fields_from_form)."""
    order = fields.get("order_date")
    delivery = fields.get("delivery_date")
    returned = fields.get("return_received_date")
    accepted = fields.get("complaint_accepted_date")
    found = []
    for name, day in (
        ("order_date", order),
        ("delivery_date", delivery),
        ("return_received_date", returned),
        ("complaint_accepted_date", accepted),
    ):
        if day is not None and day > today:
            found.append(DateWarning(name, Msg.of("warn.date_in_future", field=Msg.of(f"field.{name}"), date=day)))
    if order is not None and delivery is not None and delivery < order:
        found.append(DateWarning("delivery_date", Msg.of("warn.delivery_before_order", delivery=delivery, order=order)))
    if delivery is not None and returned is not None and returned < delivery:
        found.append(
            DateWarning(
                "return_received_date", Msg.of("warn.return_before_delivery", returned=returned, delivery=delivery)
            )
        )
    return found


def contact_date_warnings(fields: dict[str, Any], now: dt.datetime) -> list[DateWarning]:
    """Warnings for a contact's typed fields: one logged as happening later than now."""
    at = fields.get("at")
    if at is not None and at > now + FUTURE_SLACK:
        return [DateWarning("at", Msg.of("warn.contact_in_future", at=f"{at:%Y-%m-%d %H:%M}"))]
    return []
