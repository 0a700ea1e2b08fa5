"""Redaction for public posts: personal data found in every form people write it, ordinary text left.

``Redactor.for_case(case)`` masks each piece of text of a case's export; ``find`` lists the spans it
masks so that a person can review them (store.export.redaction.review). Detection by module:
numbers (phones, IDs, cards), shapes (e-mail, couriers, passports, plates, links), labels (values
after 微信/订单号/收件人 …), addresses, names; keep finds what must stay verbatim.
"""

from store.export.redaction.redactor import Redacted, Redactor
from store.export.redaction.spans import MASK, Kind, Span, mask

__all__ = ["MASK", "Kind", "Redacted", "Redactor", "Span", "mask"]
