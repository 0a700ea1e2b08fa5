"""Drive a program in a real terminal: tmux runs it, send-keys types, capture-pane reads."""

from __future__ import annotations

import shlex
import subprocess
import time
import uuid

from tests.helpers.system_tools import require_tool


class TmuxSession:
    def __init__(self, command: list[str], *, env: dict[str, str], width: int = 120, height: int = 40) -> None:
        require_tool("tmux")
        self.name = f"wq-{uuid.uuid4().hex[:8]}"
        self.socket = f"weiquan-test-{self.name}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        shell = f"env {exports} {shlex.join(command)}; echo WEIQUAN-EXITED-$?; sleep 60"
        self._tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), shell)
        # The size asked for, kept: tmux otherwise recalculates a window's size from its clients and
        # its default-size, and a run that failed showed the program drawn at tmux's 80x24.
        self._tmux("set-option", "-w", "-t", self.name, "window-size", "manual")
        self.size = f"{width}x{height}"

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True)
        return result.stdout

    def send(self, *keys: str) -> None:
        """tmux key names (Enter, Tab, C-s, Escape) or plain characters."""
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Literal text, CJK included."""
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def burst(self, *parts: str) -> None:
        """Send ``parts`` in one tmux command, so they reach the program as one burst (as a paste
        without bracketed-paste mode, or a fast typist over SSH, delivers them). Each part is text,
        sent literally (a "\\t" in it is the Tab key), or a tmux key name in angle brackets: "<C-s>"."""
        args: list[str] = []
        for part in parts:
            if args:
                args.append(";")
            if part.startswith("<") and part.endswith(">") and len(part) > 2:
                args += ["send-keys", "-t", self.name, part[1:-1]]
            else:
                args += ["send-keys", "-t", self.name, "-l", part]
        self._tmux(*args)

    def paste(self, text: str) -> None:
        """A terminal paste: the text in bracketed-paste mode if the program asked for it."""
        self._tmux("set-buffer", "-b", self.name, "--", text)
        self._tmux("paste-buffer", "-p", "-d", "-b", self.name, "-t", self.name)

    def screen(self) -> str:
        return self.capture()

    def capture(self, *, escapes: bool = False) -> str:
        """The pane's contents; with escapes=True including colour and style escape sequences."""
        return self._tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.name)

    def settled(self, *, escapes: bool = False, quiet: float = 0.5, timeout: float = 15.0) -> str:
        """The screen once it has stopped changing for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        last, since = self.capture(escapes=escapes), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.capture(escapes=escapes)
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
        raise AssertionError(f"the screen kept changing for {timeout} s")

    def wait_for(self, needle: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if needle in text:
                return text
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{needle!r} did not appear on screen within {timeout} s; the pane is {self.pane_size()} "
                    f"(asked for {self.size}); screen was:\n{text}"
                )
            time.sleep(0.1)

    def pane_size(self) -> str:
        return self._tmux("display-message", "-p", "-t", self.name, "#{pane_width}x#{pane_height}").strip()

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)
