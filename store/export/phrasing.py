"""Punctuation and units as each language writes them: full-width in Chinese, ASCII in English."""

from __future__ import annotations

from dataclasses import dataclass

_KIB, _MIB = 1024, 1024 * 1024


@dataclass(frozen=True)
class Phrasing:
    zh: bool

    @classmethod
    def for_lang(cls, lang: str) -> Phrasing:
        return cls(lang.startswith("zh"))

    @property
    def colon(self) -> str:
        return "：" if self.zh else ": "

    @property
    def comma(self) -> str:
        return "，" if self.zh else ", "

    @property
    def enumeration(self) -> str:
        """Between the items of a short list: 、 in Chinese."""
        return "、" if self.zh else ", "

    def paren(self, text: str) -> str:
        """An aside after a word: （…） in Chinese (no space before it), " (…)" in English."""
        return f"（{text}）" if self.zh else f" ({text})"

    def flag(self, text: str) -> str:
        """A mark such as unverified or estimated: 【…】 in Chinese, […] in English."""
        return f"【{text}】" if self.zh else f"[{text}]"

    def quoted(self, text: str) -> str:
        return f"“{text}”"

    def sentences(self, parts: list[str]) -> str:
        """Sentences run together in Chinese, separated by a space in English."""
        return ("" if self.zh else " ").join(p for p in parts if p)

    def size(self, size: int) -> str:
        """A file size, exact in bytes, with KB or MB beside it once it is that large (1 KB = 1,024 bytes)."""
        exact = f"{size:,} 字节" if self.zh else f"{size:,} byte{'' if size == 1 else 's'}"
        if size < _KIB:
            return exact
        scaled = f"{size / _MIB:.1f} MB" if size >= _MIB else f"{size / _KIB:.1f} KB"
        return exact + self.paren(scaled)
