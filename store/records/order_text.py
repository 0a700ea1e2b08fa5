"""Case fields from order text pasted out of a shopping app (order page or share text).

Recognises labelled lines — 订单编号 / 订单号, 实付款 / 实付金额, 下单时间, 商品名称, 店铺, 签收时间 (the
sign-off's date and time),
their common variants and English labels (Order ID, Total …) — written ``label：value``,
``label value`` or with the value on the next line; full-width characters, ¥ and thousands commas
are understood. A date without a year (``11月25日 18:20``, ``11-25``) is the latest such day not
after today, when today is given; an order number shown in groups (``3912 8877 6655 4433``) is
read whole. The platform is taken from a share text's 【淘宝】 mark or link. Lines it does not
recognise are left alone. Every pattern is a plain alternation or a bounded run, applied line by
line, so the time is linear in the text's length.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from store.errors import InvalidInput
from store.records.money import format_yuan, parse_yuan

MAX_TEXT = 100_000  # characters read; an order page is a few hundred
MAX_LINE = 2_000
MAX_VALUE = 200  # the case's short fields hold 200 characters


def _labels(words: str) -> tuple[str, ...]:
    return tuple(words.split("|"))


# form field -> labels, best first (实付款 is what was paid; 合计 may be before discounts).
LABELS: dict[str, tuple[str, ...]] = {
    "order_no": _labels("订单编号|订单号码|订单号|订单id|order id|order no.|order no|order number|order #"),
    "amount_paid": _labels(
        "实付款|实付金额|实际付款|实际支付|实付|付款金额|支付金额|"
        "amount paid|order total|grand total|total|合计|订单金额|总计"
    ),
    "order_date": _labels(
        "下单时间|下单日期|订单创建时间|创建时间|成交时间|"
        "order time|order date|ordered on|order placed|placed on|付款时间|支付时间"
    ),
    "product": _labels("商品名称|商品标题|宝贝名称|商品名|产品名称|product name|item name|商品|product|item"),
    "shop": _labels("店铺名称|商家名称|店铺|店名|商家|卖家|store|shop|seller|sold by"),
    # The courier's sign-off only: 确认收货 (confirming receipt in the app) comes later, and counting
    # the return window from it would promise the consumer more time than they may have.
    "delivery_date": _labels("签收时间|签收日期|送达时间|妥投时间|delivered on|delivery date|delivered"),
}
# Labels common enough as ordinary words that they count only with a colon or alone on a line.
WEAK = frozenset(_labels("实付|total|合计|总计|商品|product|item|店铺|店名|商家|卖家|store|shop|seller|delivered"))

_BY_LABEL = {label: (name, rank) for name, labels in LABELS.items() for rank, label in enumerate(labels)}
_LABEL = re.compile(
    r"^(?P<label>" + "|".join(re.escape(x) for x in sorted(_BY_LABEL, key=len, reverse=True)) + r")"
    r"(?P<sep>\s*[:=]|\s+|(?=[¥$\d])|$)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_SEGMENTS = re.compile(r"\t|\s{2,}|[|丨]")  # "订单号：1  下单时间：…" on one line
_BULLET = re.compile(r"^[•·\-*>\s]+")
_ORDER_NO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{3,63}")
_DIGIT_GROUPS = re.compile(r"\d{3,8}(?: \d{3,8}){1,7}(?![^\s])")  # as an app shows a long number
_AMOUNT = re.compile(r"\d[\d,]{0,15}(?:\.\d{1,2})?")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_MONTH_DAY = re.compile(r"(?<![\d.:/-])(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\s*[-/.]\s*\d)\s*日?")
_TIME = re.compile(r"^\s*日?\s*(\d{1,2})[:点](\d{2})(?::(\d{2}))?")
_SHOP_TAIL = re.compile(r"(?:\s*(?:进店|进入店铺|>|›|〉))+$")
_COPY_TAIL = re.compile(r"\s*(?:复制|copy)$", re.IGNORECASE)
_TITLE_STOP = re.compile(r"[」\n]")
TITLE_CHARS = (2, 200)  # a share text's 「product」: at least 2 characters, at most a short field
_PLATFORMS = (  # a share text's mark or a link names the platform
    (re.compile(r"【天猫】|tmall\.com"), "天猫"),
    (re.compile(r"【淘宝】|taobao\.com|m\.tb\.cn"), "淘宝"),
    (re.compile(r"【京东】|jd\.com|\b3\.cn/"), "京东"),
    (re.compile(r"【拼多多】|yangkeduo\.com|pinduoduo\.com"), "拼多多"),
    (re.compile(r"【小红书】|xiaohongshu\.com|xhslink\.com"), "小红书"),
)


@dataclass
class OrderText:
    """What was recognised: form field -> text for the form, and the label it was found under."""

    fields: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    _ranks: dict[str, int] = field(default_factory=dict, repr=False)

    def offer(self, name: str, value: str, label: str, rank: int) -> None:
        if name not in self._ranks or rank < self._ranks[name]:
            self.fields[name], self.labels[name], self._ranks[name] = value, label, rank


def parse_order_text(text: str, today: dt.date | None = None) -> OrderText:
    """The fields ``text`` names (see the module docstring); those it does not name are absent.
    ``today`` (China's date) places a date written without its year; without it such dates are
    not read."""
    found = OrderText()
    normal = unicodedata.normalize("NFKC", text[:MAX_TEXT]).replace("\r", "\n")
    lines = [_BULLET.sub("", line).strip() for line in normal.split("\n")]
    for index, line in enumerate(lines):
        if len(line) <= MAX_LINE:
            _read_line(line, lines[index + 1 : index + 3], found, today)
    lowered = normal.casefold()
    for pattern, platform in _PLATFORMS:
        if pattern.search(lowered):
            found.offer("platform", platform, platform, 0)
            break
    title = _share_title(normal)
    if title:
        found.offer("product", title.strip()[:MAX_VALUE], "「」", 99)
    return found


def _share_title(text: str) -> str | None:
    """The first 「…」 holding 2 to 200 characters and no line break, as the pattern
    「([^」\\n]{2,200})」 finds it, in one pass: the pattern tried up to 200 characters after every
    「, so a paste of 「「「… took 0.3 s per 100,000 characters."""
    least, most = TITLE_CHARS
    start = 0
    for stop in _TITLE_STOP.finditer(text):
        end = stop.start()
        first, last = max(start, end - most - 1), end - least  # where its 「 may be (last excluded)
        if stop[0] == "」" and first < last:  # the leftmost 「 there
            opening = text.find("「", first, last)
            if opening >= 0:
                return text[opening + 1 : end]
        start = end + 1
    return None


def _read_line(line: str, following: list[str], found: OrderText, today: dt.date | None) -> None:
    """One line, which may hold several "label: value" pieces; a label standing alone takes the
    next piece, or the next line, as its value."""
    segments = [s.strip() for s in _SEGMENTS.split(line) if s.strip()]
    for position, segment in enumerate(segments):
        match = _LABEL.match(segment)
        if match is None:
            continue
        label, sep, value = match["label"], match["sep"], match["value"].strip()
        name, rank = _BY_LABEL[label.casefold()]
        if not value:
            rest = segments[position + 1 : position + 2] or [next((x for x in following if x), "")]
            value = "" if _LABEL.match(rest[0]) else rest[0]
        elif label.casefold() in WEAK and not _weak_ok(name, sep):
            continue  # "商品 评价" is not a product name
        cleaned = _clean(name, value, today) if value else None
        if cleaned:
            found.offer(name, cleaned, label, rank)


def _weak_ok(name: str, sep: str) -> bool:
    """A common word counts as a label before a colon, or (an amount) right before ¥: "合计¥199"."""
    return ":" in sep or "=" in sep or (name == "amount_paid" and not sep)


def _order_no(value: str) -> str | None:
    value = _COPY_TAIL.sub("", value)
    groups = _DIGIT_GROUPS.match(value)
    if groups:
        return groups[0].replace(" ", "")
    match = _ORDER_NO.search(value)
    return match[0] if match and any(ch.isdigit() for ch in match[0]) else None


def _amount(value: str) -> str | None:
    match = _AMOUNT.search(value)
    if match is None:
        return None
    try:
        fen = parse_yuan(match[0])
    except InvalidInput:
        return None
    return format_yuan(fen, symbol="").replace(",", "") if fen is not None else None


def _day(value: str, today: dt.date | None) -> tuple[dt.date, int] | None:
    """The date in ``value`` and where it ends; one without a year is the latest such day not
    after ``today`` (an order or a delivery is in the past)."""
    match = _DATE.search(value)
    if match is not None:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])), match.end()
        except ValueError:
            return None
    short = _MONTH_DAY.search(value) if today is not None else None
    if short is None or today is None:
        return None
    for year in range(today.year, today.year - 5, -1):  # 2-29 needs a leap year: within four back
        try:
            day = dt.date(year, int(short[1]), int(short[2]))
        except ValueError:
            if not (1 <= int(short[1]) <= 12 and 1 <= int(short[2]) <= 31):
                return None
            continue
        if day <= today:
            return day, short.end()
    return None


def _date(value: str, today: dt.date | None) -> str | None:
    found = _day(value, today)
    return found[0].isoformat() if found else None


def _sign_off(value: str, today: dt.date | None) -> str | None:
    """The sign-off date, with its time when the text gives one (the case form keeps both)."""
    found = _day(value, today)
    if found is None:
        return None
    day = found[0].isoformat()
    clock = _TIME.match(value[found[1] :])
    if clock is None:
        return day
    try:
        moment = dt.time(int(clock[1]), int(clock[2]), int(clock[3] or 0))
    except ValueError:
        return day
    return f"{day} {moment:%H:%M}" + (f":{moment.second:02d}" if moment.second else "")


_PAIRS = {"「": "」", "《": "》", "“": "”", '"': '"', "'": "'"}


def _words(value: str) -> str | None:
    text = _COPY_TAIL.sub("", value).strip()
    if len(text) > 1 and _PAIRS.get(text[0]) == text[-1]:  # 「…」 around the whole value
        text = text[1:-1].strip()
    return text[:MAX_VALUE] or None


def _shop(value: str) -> str | None:
    return _words(_SHOP_TAIL.sub("", value))


_CLEAN = {"order_no": _order_no, "amount_paid": _amount, "product": _words, "shop": _shop}
_DATED = {"order_date": _date, "delivery_date": _sign_off}


def _clean(name: str, value: str, today: dt.date | None) -> str | None:
    return _DATED[name](value, today) if name in _DATED else _CLEAN[name](value)


def read_order_text(text: str, today: dt.date | None = None) -> dict[str, str]:
    """Only the form values (for the command line's ``new --from-text``)."""
    return parse_order_text(text, today).fields
