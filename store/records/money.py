"""Money as integer fen (1/100 yuan): exact, never float.

Linear and bounded on any input: text longer than MAX_AMOUNT_CHARS is refused at once, and the
size is checked before the Decimal is turned into an integer (``1e999999`` would otherwise build
a million-digit number, or overflow).
"""

from __future__ import annotations

import re
from decimal import Decimal, DecimalException

from store.errors import InvalidInput
from store.rules.messages import Msg

_CLEAN = re.compile(r"[\s,，_]|^(?:¥|￥|RMB|CNY)|(?:元|块|rmb|RMB|CNY)$")
MAX_FEN = 10**12  # ten billion yuan: anything above is a typo
MAX_AMOUNT_CHARS = 40  # "¥ 10,000,000,000.00 元" has 21
_MAX_YUAN = Decimal(MAX_FEN) / 100


def parse_yuan(text: str) -> int | None:
    """Parse what a user typed as an amount in yuan ("1,299.5", "¥88", "88元") into fen.

    Empty input means "not known" and gives None. Anything else that is not a plain non-negative
    amount with at most two decimals raises InvalidInput with a message saying what works.
    """
    raw = text.strip()
    if not raw:
        return None
    if len(raw) > MAX_AMOUNT_CHARS:
        raise InvalidInput(Msg.of("input.amount_too_long", most=MAX_AMOUNT_CHARS), "amount")
    cleaned = raw
    for _ in range(3):  # prefixes and suffixes may stack: "¥ 1,299.00 元"
        cleaned = _CLEAN.sub("", cleaned)
    try:
        value = Decimal(cleaned)
    except DecimalException:
        raise InvalidInput(Msg.of("input.not_an_amount", text=raw), "amount") from None
    if not value.is_finite() or value < 0:
        raise InvalidInput(Msg.of("input.negative_amount", text=raw), "amount")
    if value > _MAX_YUAN:
        raise InvalidInput(Msg.of("input.amount_too_large", text=raw), "amount")
    if value != value.quantize(Decimal("0.01")):
        raise InvalidInput(Msg.of("input.too_many_decimals", text=raw), "amount")
    return int(value * 100)


def format_yuan(fen: int | None, symbol: str = "¥") -> str:
    """1299950 -> '¥12,999.50'; None -> ''."""
    if fen is None:
        return ""
    yuan, rest = divmod(fen, 100)
    return f"{symbol}{yuan:,}.{rest:02d}"
