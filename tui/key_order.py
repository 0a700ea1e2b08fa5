"""Keys typed ahead land where the user meant them: one key is handled before the next is routed.

Textual routes each key the terminal sends to the widget focused *when the app reads it* by
posting it to that widget's queue; the key then bubbles up, queue by queue, to the screen and the
app, where bindings such as Tab (next field) or ``n`` (new case) run. When a burst arrives at once
(a paste, a fast typist over SSH), the app reads and routes every key of it before the first
one's Tab has moved the focus or its ``n`` has opened the form: "ABC⇥DEF⇥GHI" all went into the
first field. Here the app routes a key only once the previous one has been fully handled: a
marker message sent after it has come back up the same path, again while the key has left work
queued on that path (Enter in a field posts Submitted, whose handler moves the focus), and the
screen it opened has mounted and taken its focus.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.app import App
from textual.dom import DOMNode, NoScreen
from textual.message import Message
from textual.message_pump import MessagePump
from textual.timer import Timer

CHECK_SECONDS = 0.02  # while keys wait: how often to look for a screen that went away mid-key
GIVE_UP_SECONDS = 1.0  # a key whose marker never comes back no longer holds the others
MAX_ROUNDS = 8  # marker trips while the key's path still has messages queued


class KeyHandled(Message):
    """Sent to the widget a key went to, right after it: arrives at the app once the key has."""

    def __init__(self, serial: int, rounds: int = 1) -> None:
        super().__init__()
        self.serial = serial
        self.rounds = rounds


class OrderedKeys(App[None]):
    """App base: keys (and pastes) from the terminal are handled strictly one after another."""

    def __init__(self) -> None:
        super().__init__()
        self._held_keys: deque[events.Key | events.Paste] = deque()
        self._key_target: MessagePump | None = None  # where the key being handled went
        self._key_serial = 0
        self._key_waited = 0.0
        self._key_timer: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key | events.Paste) or event.is_forwarded:
            await super().on_event(event)
        elif self._key_target is not None or self._held_keys or not self._screen_ready():
            self._held_keys.append(event)
            self._watch_held_keys()
        else:
            await self._route_key(event)

    async def _route_key(self, event: events.Key | events.Paste) -> None:
        target: MessagePump = self.focused or self.screen
        self._key_serial += 1
        self._key_target, self._key_waited = target, 0.0
        await super().on_event(event)  # priority bindings, else posted to the target
        target.post_message(KeyHandled(self._key_serial))

    async def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        target = self._key_target
        if message.serial != self._key_serial or target is None:
            return
        if message.rounds < MAX_ROUNDS and _work_queued(target):
            target.post_message(KeyHandled(message.serial, message.rounds + 1))  # behind that work
            return
        self._key_target = None
        await self._route_held_keys()

    def _screen_ready(self) -> bool:
        """A screen just pushed takes keys once it is mounted (and so has its first focus)."""
        return bool(self.screen_stack) and self.screen.is_mounted

    async def _route_held_keys(self) -> None:
        while self._held_keys and self._key_target is None and self._screen_ready():
            await self._route_key(self._held_keys.popleft())

    def _watch_held_keys(self) -> None:
        if self._key_timer is None:
            self._key_timer = self.set_interval(CHECK_SECONDS, self._check_held_keys)

    async def _check_held_keys(self) -> None:
        """The marker is lost when the key closed the screen it went to; carry on without it."""
        target = self._key_target
        if target is not None:
            self._key_waited += CHECK_SECONDS
            gone = not target.is_attached or _screen_of(target) not in self.screen_stack
            if gone or self._key_waited >= GIVE_UP_SECONDS:
                self._key_target = None
        await self._route_held_keys()
        if not self._held_keys and self._key_timer is not None:
            self._key_timer.stop()
            self._key_timer = None


def _work_queued(target: MessagePump) -> bool:
    """Messages waiting anywhere from the key's widget up to its screen."""
    node: MessagePump | None = target
    while node is not None and not isinstance(node, App):
        if node.message_queue_size:
            return True
        node = node.parent if isinstance(node, DOMNode) else None
    return False


def _screen_of(node: MessagePump) -> object:
    if not isinstance(node, DOMNode):
        return None
    try:
        return node.screen
    except NoScreen:  # removed with its screen
        return None
