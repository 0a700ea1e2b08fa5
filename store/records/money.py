"""Money as integer fen (1/100 yuan): exact, never float."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from store.errors import InvalidInput
from store.rules.messages import Msg

_CLEAN = re.compile(r"[\s,，_]|^(?:¥|￥|RMB|CNY)|(?:元|块|rmb|RMB|CNY)$")
MAX_FEN = 10**12  # ten billion yuan: anything above is a typo


def parse_yuan(text: str) -> int | None:
    """Parse what a user typed as an amount in yuan ("1,299.5", "¥88", "88元") into fen.

    Empty input means "not known" and gives None. Anything else that is not a plain non-negative
    amount with at most two decimals raises InvalidInput with a message saying what works.
    """
    raw = text.strip()
    if not raw:
        return None
    cleaned = raw
    for _ in range(3):  # prefixes and suffixes may stack: "¥ 1,299.00 元"
        cleaned = _CLEAN.sub("", cleaned)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput(Msg.of("input.not_an_amount", text=raw), "amount") from None
    if not value.is_finite() or value < 0:
        raise InvalidInput(Msg.of("input.negative_amount", text=raw), "amount")
    exponent = value.as_tuple().exponent  # an int for finite values (checked above)
    if isinstance(exponent, int) and exponent < -2 and value != value.quantize(Decimal("0.01")):
        raise InvalidInput(Msg.of("input.too_many_decimals", text=raw), "amount")
    fen = int(value * 100)
    if fen > MAX_FEN:
        raise InvalidInput(Msg.of("input.amount_too_large", text=raw), "amount")
    return fen


def format_yuan(fen: int | None, symbol: str = "¥") -> str:
    """1299950 -> '¥12,999.50'; None -> ''."""
    if fen is None:
        return ""
    yuan, rest = divmod(fen, 100)
    return f"{symbol}{yuan:,}.{rest:02d}"
