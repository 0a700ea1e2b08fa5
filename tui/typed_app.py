"""``self.app`` typed as the WeiquanApp it is, for the screens that only ever run inside it.

Textual types ``self.app`` as any App, so its store, messages and clock would be ``Any`` to a type
checker. A screen lists this mixin first among its bases; Textual's ``getters.app`` descriptor
checks the running app's type when it is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import getters
from textual.screen import Screen

from tui.app import WeiquanApp

# A plain class at run time (nothing of Screen's ahead of the screen's own bases); a Screen to the
# type checker, so that it accepts the descriptor in place of Textual's own ``app``.
if TYPE_CHECKING:
    _ScreenMixin = Screen[Any]
else:
    _ScreenMixin = object


class TypedApp(_ScreenMixin):
    app = getters.app(WeiquanApp)
