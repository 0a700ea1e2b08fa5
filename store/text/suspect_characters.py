"""The characters the control-character policy (store.text.controls) may change, as patterns:
a text none of them is in goes out as it is. Apart, so a command that only needs to know whether
there is any loads nothing else."""

from __future__ import annotations

import re

# Every character the policy may change. Python 3.11's Unicode 14 format characters (category Cf)
# are all here; tests/store/test_controls.py checks the list against unicodedata.
SUSPECT = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160"
    "\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufdd0-\ufdef"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff"
    "\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
# Less the line breaks and tabs JSON holds only as layout (an encoder escapes them inside strings).
SUSPECT_IN_JSON = re.compile(SUSPECT.pattern.replace("\x00-\x1f", "\x00-\x08\x0b\x0c\x0e-\x1f", 1))
