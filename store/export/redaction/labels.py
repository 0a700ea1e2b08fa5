"""Values people announce with a label: 微信/vx/QQ ids, order and courier numbers, phone and ID
numbers written oddly, handles on 小红书/抖音/微博, and names after 收件人, 快递员, "courier" …

A label is only half the evidence: each kind checks that what follows looks like its value (a QQ
number is 5–11 digits, an order number has digits in it, a name starts with a surname), so
``订单已取消`` or ``微信支付`` mask nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from store.export.redaction.addresses import labelled_address_end
from store.export.redaction.lexicon import (
    COURIERS,
    LABELS,
    LABELS_ADDRESS_EN,
    LABELS_ADDRESS_ZH,
    LABELS_NAME_EN,
    LABELS_NAME_ZH,
)
from store.export.redaction.names import chinese_name_at, latin_name_at
from store.export.redaction.numbers import classify, is_mobile, landline_digits
from store.export.redaction.spans import LABELLED, Candidate, Kind
from store.export.redaction.text_forms import Forms
from store.export.redaction.words import LazyPattern as lazy
from store.export.redaction.words import latin_word_at, latin_words, other_words

_LABELS: dict[str, str] = {}
for _kind, _words in LABELS.items():
    _LABELS |= dict.fromkeys(_words, _kind)
_LABELS |= dict.fromkeys(COURIERS, "tracking")
_LABELS |= dict.fromkeys((*LABELS_NAME_ZH, *LABELS_NAME_EN), "name")
_LABELS |= dict.fromkeys((*LABELS_ADDRESS_ZH, *LABELS_ADDRESS_EN), "address")
_LABELS["单号"] = "order"
_KIND_OF = {(word.lower() if word.isascii() else word): kind for word, kind in _LABELS.items()}
_LABEL_ZH = lazy(other_words(_LABELS))
_NAME_LABEL = lazy(f"{other_words(LABELS_NAME_ZH)}|(?i:{latin_words(LABELS_NAME_EN)})")
_LABEL_EN = lazy(latin_words(_LABELS))
# Between a label and its value: a colon, 是/为/叫/is, a courier's 单号, brackets, a few spaces.
_FILLER = lazy(
    r"\.?[ \t#]{0,3}(?:(?:快递|速递|物流|快运)?(?:运单号|快递单号|单号|运单))?"
    r"(?:号码|编号|账号|帐号|号|(?i:u?id)(?![a-z]))?[ \t]{0,2}"  # 小红书 ID：…
    r"(?P<said>[:：,，]|是|为|叫|(?i:is|was))?[ \t]{0,3}(?:[(（][^)）]{0,8}[)）])?[:：]?[ \t]{0,3}"
)
_VALUE = lazy(
    r"(?:[A-Za-z]{1,5}[ \-]?)?[A-Za-z0-9@](?:[A-Za-z0-9_@.]|[\-/](?=[A-Za-z0-9])|(?<=\d) (?=\d)){0,60}(?:\([\dA]\))?"
)
_URL_OR_HANDLE = lazy(r"https?://[!-~]+|@[^\s，。,；;、）)]{2,30}|[A-Za-z0-9_\-.]{3,40}")
_DIGITS = lazy(r"\d")
_WECHAT_ID = lazy(r"[A-Za-z][A-Za-z0-9_\-]{4,29}|\d{5,11}")
_QQ = lazy(r"\d{5,11}")
_ID_NUMBER = lazy(r"\d{15}|\d{17}[\dXx]|[A-Za-z]{1,2}\d{6,9}")  # and Hong Kong, Macau, Taiwan IDs
_DOCUMENT = lazy(r"[A-Za-z]{0,2}\d{7,10}")
# A number followed by one of these is a date, amount or count, not an id (订单2026年…, 订单599元).
_UNIT_AFTER = tuple("年月日号元块个件次天时分秒条张位楼层")


def may_name_someone(text: str) -> bool:
    """Whether the text has a label a name can follow (收件人, courier …): a quick test first."""
    return _NAME_LABEL.search(text) is not None


def label_candidates(f: Forms) -> Iterator[Candidate]:
    """Labelled values in the text."""
    t = f.t
    labels = [(m.start(), m.end(), m[0]) for m in _LABEL_ZH.finditer(t)]
    if f.has_alpha:
        low = f.low
        labels += [
            (m.start(), m.end(), m[0]) for m in _LABEL_EN.finditer(low) if latin_word_at(low, m.start(), m.end())
        ]
        labels.sort()
    covered = 0
    starts = {begin for begin, _, _ in labels}
    for begin, end, label in labels:
        if begin < covered:  # part of the label before it (EMS单号: 单号 belongs to EMS)
            continue
        filler = _FILLER.match(t, end)
        start = covered = filler.end() if filler else end
        if start == end and end in starts:  # another label right after it (地址地址…): no value of its own
            continue
        found = _value(t, start, _KIND_OF[label], bool(filler and filler["said"]))
        if found is not None:
            covered = found[1]  # a label word inside the value (抖音号：douyin_123) is the value's
            yield Candidate(found[0], found[1], LABELLED, found[2])


def _value(t: str, start: int, kind: str, said: bool) -> tuple[int, int, Kind] | None:
    if kind == "name":
        return _name(t, start)
    if kind == "address":
        end = labelled_address_end(t, start)
        return (start, end, Kind.ADDRESS) if end else None
    if kind == "profile":
        m = _URL_OR_HANDLE.match(t, start)
        if m is None or not (said or m[0].startswith(("http", "@")) or _has_id_marks(m[0])):
            return None
        if t[m.end() : m.end() + 2].lstrip().startswith(_UNIT_AFTER):
            return None  # 抖音 2026 年货节: a year, not an account
        if is_mobile(m[0]):
            return start, m.end(), Kind.MOBILE  # 支付宝账号：13900001111 is a phone number
        return (start, m.end(), Kind.PROFILE) if len(m[0].lstrip("@")) >= 4 else None
    m = _VALUE.match(t, start)
    if m is None or t.startswith(_UNIT_AFTER, m.end()):
        return None
    value = m[0].rstrip(".")
    end = start + len(value)
    digits = "".join(_DIGITS.findall(value))
    found = _typed(kind, value, digits, said)
    return (start, end, found) if found else None


def _typed(kind: str, value: str, digits: str, said: bool) -> Kind | None:
    """The kind of a labelled value, if the value looks like one."""
    compact = value.replace(" ", "").replace("-", "").replace("(", "").replace(")", "")
    if kind == "wechat":
        ok = _WECHAT_ID.fullmatch(compact) and (said or _has_id_marks(compact))
        return Kind.WECHAT if ok else None
    if kind == "qq":
        return Kind.QQ if _QQ.fullmatch(compact) else None
    if kind == "phone":
        if is_mobile(digits[-11:]) and len(digits) in (11, 13, 15):
            return Kind.MOBILE
        return Kind.LANDLINE if landline_digits(digits) and digits == compact.lstrip("+") else None
    if kind == "id_card":
        return Kind.ID_CARD if _ID_NUMBER.fullmatch(compact) else None
    if kind in ("passport", "permit"):
        ok = _DOCUMENT.fullmatch(compact) and (kind == "permit" or compact[:1].isalpha())
        return (Kind.PASSPORT if kind == "passport" else Kind.PERMIT) if ok else None
    if kind == "bank_card":
        return Kind.BANK_CARD if 12 <= len(digits) <= 19 and digits == compact else None
    if kind == "tracking":
        return Kind.TRACKING if len(digits) >= 9 else None
    if kind == "order":
        if len(digits) >= 4 and len(compact) >= 6:
            return Kind.ORDER
        return None
    return classify(digits) if digits else None


def _has_id_marks(value: str) -> bool:
    """An account id, not an English word: it has a digit, an underscore or a dash."""
    return any(ch.isdigit() or ch in "_-" for ch in value)


def _name(t: str, start: int) -> tuple[int, int, Kind] | None:
    end = chinese_name_at(t, start)
    if end is not None:
        return start, end, Kind.NAME
    found = latin_name_at(t, start)
    return (found[0], found[1], Kind.NAME) if found else None
