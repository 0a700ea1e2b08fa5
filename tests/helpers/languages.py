"""Is a message in the language it should be? Chinese holds Chinese and no English sentence;
English holds no Chinese beyond the proper names and examples the catalogs keep on purpose."""

from __future__ import annotations

import re
from collections.abc import Iterable

from store.rules.messages import Messages, Msg

CJK = re.compile(r"[\u3400-\u9fff]")
# three English words in a row: a sentence left untranslated (YYYY-MM-DD and `commands` aside)
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ '][A-Za-z]{2,}){2,}")
COMMAND = re.compile(r"`[^`]*`|weiquan [a-z]+(?: --?[a-z-]+(?: [A-Z]+)?)*")

# Chinese words the English catalog keeps on purpose: names of things a user meets in Chinese
# (工号, 统一社会信用代码, 申请售后, 三包 …) and examples of what they may type (3个工作日, 11月30日 …).
ENGLISH_KEEPS = (
    "三包", "上海市黄浦区", "个工作日", "个工作日内退款", "中文", "全额退款", "办法", "售后单号",
    "国家企业信用信息公示系统", "天", "小红书", "工号", "已兑现", "已关闭", "年", "快递员说包裹已退回仓库",
    "日", "月", "热线", "申请售后", "统一社会信用代码", "维权", "蓝牙耳机左耳无声", "质量", "通话录音",
    "鼠标双击", "点",
)  # fmt: skip


def _without(text: str, values: Iterable[str]) -> str:
    for value in sorted((v for v in values if v), key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def language_problem(text: str, lang: str, user_text: Iterable[str] = ()) -> str:
    """What is wrong with ``text`` as a message in ``lang`` ("" when nothing is). ``user_text``:
    values that came from the user or the file system (a path, a typed word), which may be in
    any language."""
    own = _without(text, user_text)
    if lang.startswith("zh"):
        if not CJK.search(own):
            return f"no Chinese in {text!r}"
        english = ENGLISH_RUN.search(COMMAND.sub(" ", own))
        return f"an English sentence ({english.group(0)!r}) in {text!r}" if english else ""
    stray = CJK.search(_without(own, ENGLISH_KEEPS))
    return f"Chinese ({stray.group(0)!r}) in {text!r}" if stray else ""


def message_keys(msg: Msg) -> set[str]:
    """The key of ``msg`` and of every message among its parameters (they are translated too)."""
    keys = {msg.key}
    for value in msg.params.values():
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Msg):
                keys |= message_keys(item)
    return keys


def user_values(msg: Msg) -> list[str]:
    """The parameter values of ``msg`` (and of its nested messages) that are not messages: what
    the user typed, a path, a number. A value that reads as an English sentence (and is no path) is
    not counted as such: it is a message left untranslated, passed on as a parameter."""
    found: list[str] = []
    for value in msg.params.values():
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Msg):
                found += user_values(item)
            elif "/" in str(item) or not ENGLISH_RUN.search(str(item)):
                found.append(str(item))
    return found


def both_languages(msg: Msg) -> dict[str, str]:
    return {lang: Messages(lang)(msg) for lang in ("en", "zh-CN")}
