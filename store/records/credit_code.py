"""统一社会信用代码 (unified social credit code) format and check digit, per GB 32100-2015."""

from __future__ import annotations

from store.rules.messages import Msg

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_problem(code: str) -> Msg | None:
    """None when the code is empty or valid; otherwise what is wrong with it."""
    if not code:
        return None
    if len(code) != 18:
        return Msg.of("input.credit_code_length", count=len(code))
    bad = [ch for ch in code if ch not in _ALPHABET]
    if bad:
        return Msg.of("input.credit_code_char", char=bad[0])
    total = sum(_ALPHABET.index(ch) * w for ch, w in zip(code[:17], _WEIGHTS, strict=True))
    expected = _ALPHABET[(31 - total % 31) % 31]
    if code[17] != expected:
        return Msg.of("input.credit_code_check")
    return None
