"""Street addresses by their shape, in Chinese and in English.

A Chinese address needs a real address shape: a road, lane or estate name directly followed by a
house or building number (漕溪北路123号, 阳光花园12幢, 天通苑东一区3号楼), or two building parts in a
row (3栋2单元501). A date never qualifies: ``11月12号`` has no road before it, and ``道`` in 知道 or
渠道 is not a road. From that anchor the span runs left over the place names (上海市徐汇区…) and right
over further parts (4楼, SOHO现代城5号楼1单元1203室). After a label (地址, 寄到, ship to) the
address starts right after the label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from store.export.redaction.spans import ADDRESS, Candidate, Kind
from store.export.redaction.text_forms import Forms
from store.export.redaction.words import LazyPattern as lazy

_ROAD = "大街|大道|胡同|路|街|道|巷|弄|里|段"
_PLACE = (
    "小区|花园|公寓|家园|新村|大厦|大楼|广场|中心|写字楼|产业园|科技园|工业园|园区|社区|大院|宿舍|公馆|山庄|"
    "大学|学院|苑|园|府|城|庭|湾|郡|坊|院|村|区|座"
)
_UNIT = "号院|号楼|号门|号|支弄|弄|巷|栋|幢|座|单元|室|楼|层|舍|户|门|排|期|区"
# A house, building, unit or room number: 123号, 5号楼, B座, 1单元, 1203室, 12-3号, 18F
_NUMBER = r"\s?[东西南北中]?(?:\d{1,5}|[A-Za-z]{1,2}\d{0,4}|\d{1,4}[A-Za-z])(?:-\d{1,4})?\s?"
_NUMBER += rf"(?:{_UNIT}|#|F(?![A-Za-z]))"
# Place-name characters: anything but punctuation, spaces and the particles and verbs around an
# address in a sentence (寄到, 住在, 的, 我 …), which end it on the left. Characters of place names
# (成都, 和平区, 从化, 来宾, 向阳, 于都, 会理) are not among them.
_NOT_PLACE = set("的了在到去往是为与及把给被让将要也就还又不没寄送住搬放至由对说我你他她它们这那有请已")
_NAME = r"[\u4e00-\u9fffA-Za-z0-9]"
_ANCHOR = lazy(rf"(?P<suffix>{_ROAD}|{_PLACE})(?={_NUMBER})")
# Two building parts in a row with no estate name before them: 3栋2单元501, 5号楼1单元
_BUILDING = lazy(r"\d(?<![\dA-Za-z]\d)\d{0,3}[A-Za-z]?(?:号楼|栋|幢|座)\s?\d{1,3}(?:单元|门|层|楼)")
_PART = lazy(_NUMBER)
_PLACE_HINT = lazy(r"[\d省市区县镇乡路街道巷弄村园苑]")
_PLACES = frozenset(_PLACE.split("|"))
_DAY = lazy(r"\s?\d{1,2}号")
_ADMIN = lazy(rf"{_NAME}{{2,20}}?(?:省|市|区|县|镇|乡|街道)(?:{_NAME}{{1,20}}?(?:{_ROAD}|{_PLACE}))?")
_ROOM = lazy(r"\s?-?\d{2,5}(?:室|房|号)?(?!\d)")
_NAMED = lazy(rf"{_NAME}{{1,12}}?(?:{_ROAD}|{_PLACE})")
# Characters before 道/里/街/路 that make an ordinary word (知道, 渠道, 这里, 逛街, 一路), not a road.
_NOT_ROAD = {
    "道": set("知渠频通味难报轨管车跑隧说一顺霸公人地古赤王打交航食铁引河坡水街"),
    "里": set("这那哪家店心手城夜公千万屋仓箱包袋盒柜车群嘴眼梦区院村"),
    "街": set("逛上满扫"),
    "路": set("一上走线思出半网电回来去让带赶迷套铁水"),
    "段": set("阶手时片地分身号中上下前后一这那该此路"),
}
_WEAK_PART = lazy(r"[\dA-Za-z]\s?(?:号门|楼|层|区|期|门|排|户|F|#)$")
_AFTER_DAY = lazy(r"(?:之前|以前|之后|以后|前|后|当天|那天|上午|下午|晚上|早上|中午|左右|截止|发货|到货|下单|开始)")
_UNIT_AFTER_ROOM = ("单元", "栋", "幢", "座", "号楼", "楼", "层", "门", "#")
_MAX_LEFT = 20


def address_candidates(f: Forms) -> Iterator[Candidate]:
    """Chinese addresses in the text (English ones: english_addresses)."""
    t = f.t
    if not f.has_digit:
        return
    last_end = 0
    for m in _ANCHOR.finditer(t):
        if m.start() < last_end or not _real_suffix(t, m):
            continue
        stop = _extend_right(t, m.end(), m["suffix"])
        if stop is not None:
            yield Candidate(_extend_left(t, m.start()), stop, ADDRESS, Kind.ADDRESS)
            last_end = stop
    last_end = 0
    for m in _BUILDING.finditer(t):
        if m.start() >= last_end and (stop := _extend_right(t, m.start())) is not None:
            yield Candidate(m.start(), stop, ADDRESS, Kind.ADDRESS)
            last_end = stop


def _is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum())


def _real_suffix(t: str, m: re.Match[str]) -> bool:
    suffix = m["suffix"]
    before = t[m.start() - 1 : m.start()]
    if not before or before in _NOT_PLACE or not _is_name_char(before):
        return False  # a suffix alone (在小区3号门, 区12号) is not a place
    return before not in _NOT_ROAD.get(suffix, ())


def _extend_left(t: str, pos: int) -> int:
    start = pos
    while start > 0 and pos - start < _MAX_LEFT:
        ch = t[start - 1]
        if ch in _NOT_PLACE or not _is_name_char(ch):
            break
        start -= 1
    return start


def _extend_right(t: str, pos: int, suffix: str | None = None) -> int | None:
    """The end of the parts after an anchor; None when the only part is a day (小区12号前 …)."""
    end, parts, last = pos, 0, ""
    while True:
        part = _PART.match(t, end)
        if part is not None:
            end, last, parts = part.end(), part[0], parts + 1
            continue
        if last.endswith(_UNIT_AFTER_ROOM) and (room := _ROOM.match(t, end)):
            end, last, parts = room.end(), room[0], parts + 1
            continue
        named = _named_then_number(t, end) if parts else None
        if named is not None:
            end = named
            continue
        break
    if parts == 0:
        return None
    if parts == 1 and _DAY.fullmatch(last) and (suffix in _PLACES or _AFTER_DAY.match(t, end)):
        return None  # 小区12号停水, 中山路12号前: a day of the month
    if parts == 1 and suffix in _PLACES and _WEAK_PART.search(last):
        return None  # 万达广场3楼, 医院3楼, 工业园区2号门: a floor or gate of a public place, not a home
    return end


def _named_then_number(t: str, pos: int) -> int | None:
    """One or two building names followed by a number (华中科技大学东区12舍): where they end."""
    end = pos
    for _ in range(2):
        named = _NAMED.match(t, end)
        if named is None:
            return None
        end = named.end()
        if _PART.match(t, end):
            return end
    return None


def labelled_address_end(t: str, start: int) -> int | None:
    """After 地址/寄到/ship to: the end of the address that starts at start, or None."""
    window = t[start : start + 40]
    if _PLACE_HINT.search(window) is None:
        return None
    for m in _ANCHOR.finditer(window):
        if not _real_suffix(window, m):
            continue
        end = _extend_right(window, m.end(), m["suffix"])
        if end is not None and all(ch not in _NOT_PLACE and _is_name_char(ch) for ch in window[: m.start()]):
            return start + _extend_named(window, end)
    building = _BUILDING.match(window)
    if building is not None:
        return start + (_extend_right(window, 0) or building.end())
    admin = _ADMIN.match(window)
    if admin is not None and all(ch not in _NOT_PLACE for ch in admin[0]):
        return start + admin.end()
    return None


def _extend_named(t: str, end: int) -> int:
    """A building name right after the number (…1266号恒隆广场) belongs to the address."""
    named = _NAMED.match(t, end)
    return named.end() if named is not None else end


_EN_UNIT = (
    r"(?:Room|Rm\.?|Flat|Apt\.?|Apartment|Unit|Suite|Building|Bldg\.?|Block|Blk\.?|Floor|Tower)\s?#?\d{1,5}[A-Z]?\b"
)
_EN_STREET = (
    r"(?:No\.?\s?)?\d{1,5}[A-Z]?,?\s(?:[A-Z][a-z]+\s){1,4}"
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Way|Alley|Hutong|Highway|Hwy)\b\.?"
)
_EN_ESTATE = (
    r"(?:[A-Z][a-z]+\s){1,3}(?:Garden|Gardens|Estate|Residence|Residences|Community|Village|Mansion|Plaza|Court|"
    r"Apartments|Towers)\b"
)
_EN_PART = lazy(rf"(?<![A-Za-z0-9])(?:(?P<street>{_EN_STREET})|{_EN_UNIT}|{_EN_ESTATE})")
_EN_JOIN = lazy(r",?\s?")
_EN_WORD = lazy(
    r"Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Way|Alley|Hutong|Highway|Hwy|Room|Rm|Flat|Apt|"
    r"Apartment|Unit|Suite|Building|Bldg|Block|Blk|Floor|Tower|Garden|Estate|Residence|Community|Village|Mansion|"
    r"Plaza|Court"
)


def english_addresses(f: Forms) -> Iterator[Candidate]:
    """Room 1203, Unit 1, Building 5, 88 Jianguo Road: a street, or two unit or estate parts in a row.

    Only the stretch around each address word (Road, Room, Garden …) is searched, so a long English
    text without one costs a single scan.
    """
    if not (f.has_alpha and f.has_digit):
        return
    t, pos = f.t, 0
    for word in _EN_WORD.finditer(t):
        if word.end() <= pos:
            continue
        for m in _EN_PART.finditer(t, max(pos, word.start() - 60), word.end() + 80):
            if m.start() >= word.end() or m.start() < pos:
                break
            begin, end, parts, street = m.start(), m.end(), 1, m["street"] is not None
            while (join := _EN_JOIN.match(t, end)) and (more := _EN_PART.match(t, join.end())):
                end, parts, street = more.end(), parts + 1, street or more["street"] is not None
            if street or parts >= 2:
                yield Candidate(begin, end, ADDRESS, Kind.ADDRESS)
                pos = end
                break
