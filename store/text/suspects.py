"""The characters the control-character policy (store.text.controls) may change, and quick checks
whether a text holds any: apart from the policy itself, so `weiquan list --json` can ask without
loading it (patterns compiled when first used).
"""

from __future__ import annotations

import functools
import re

# Every character the policy may change. Python 3.11's Unicode 14 format characters (category Cf)
# are all here; tests/store/test_controls.py checks the list against unicodedata.
SUSPECT_BMP = (
    "\x00-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160"
    "\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufdd0-\ufdef"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff"
)
SUSPECT_ASTRAL = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff"
    "\U000ffffe\U000fffff\U0010fffe\U0010ffff"
)


class Suspects:
    """Whether a text holds any of the suspects, less some C0 controls, in a pass or two of C.

    One class holding both planes costs each ordinary character a test against every astral
    range (0.13 s over due's 6 MB at 10,000 cases); the Basic Multilingual Plane alone, then the
    astral suspects only in a text that has an astral character at all, cost 0.03 s.
    """

    def __init__(self, c0: str) -> None:
        self._class = f"[{SUSPECT_BMP.replace(chr(0) + '-' + chr(0x1F), c0, 1)}]"

    @functools.cached_property
    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        """Compiled when first used (`list --json` uses one check of the four)."""
        return re.compile(self._class), re.compile("[\U00010000-\U0010ffff]"), re.compile(f"[{SUSPECT_ASTRAL}]")

    def found_in(self, text: str) -> bool:
        bmp, any_astral, astral_suspect = self._patterns
        if bmp.search(text) is not None:
            return True
        return any_astral.search(text) is not None and astral_suspect.search(text) is not None


ANY_SUSPECT = Suspects("\x00-\x1f")
# Less the line breaks and tabs JSON holds only as layout (an encoder escapes them inside strings).
ANY_SUSPECT_IN_JSON = Suspects("\x00-\x08\x0b\x0c\x0e-\x1f")
# Less what multi-line text keeps as it is, whatever surrounds it: LF, and the tab where it stays
# a tab (CR is not here: CR LF becomes LF). A text with none of these is returned unchanged.
ANY_CHANGED_KEEPING_LINES = Suspects("\x00-\x09\x0b-\x1f")
ANY_CHANGED_KEEPING_LINES_AND_TABS = Suspects("\x00-\x08\x0b-\x1f")
