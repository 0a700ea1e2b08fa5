"""Key-to-screen latency read from the terminal byte stream itself (a pty, no tmux in between).

Used by ssh_bench: the same measurement for the app run locally and through `ssh -tt`.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import termios
import threading
import time


class PtyApp:
    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 120, rows: int = 40) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # child
            os.execvpe(argv[0], argv, {**os.environ, **env})
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.pid, self.fd = pid, fd
        self.buffer = bytearray()
        self.arrivals: list[tuple[float, int]] = []  # (when, buffer length after the chunk)
        self.lock = threading.Lock()
        self._stop = False
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while not self._stop:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    return
                with self.lock:
                    self.buffer += chunk
                    self.arrivals.append((time.perf_counter(), len(self.buffer)))

    def mark(self) -> int:
        with self.lock:
            return len(self.buffer)

    def wait_for(self, pattern: bytes, since: int = 0, timeout: float = 30.0) -> float:
        """Seconds until ``pattern`` (a regex) appears in the output written after ``since``."""
        start = time.perf_counter()
        regex = re.compile(pattern)
        while time.perf_counter() - start < timeout:
            with self.lock:
                if regex.search(self.buffer, since):
                    return time.perf_counter() - start
            time.sleep(0.001)
        raise TimeoutError(f"{pattern!r} did not appear")

    def quiet_after(self, since: int, start: float, quiet: float = 0.5, timeout: float = 30.0) -> float:
        """Once nothing has been written for ``quiet`` seconds: seconds from ``start`` to the last
        byte written after buffer offset ``since``."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self.lock:
                last = next((t for t, end in reversed(self.arrivals) if end > since), None)
            if last is not None and time.perf_counter() - last >= quiet:
                return last - start
            time.sleep(0.01)
        raise TimeoutError("the output did not settle")

    def send(self, data: str) -> None:
        os.write(self.fd, data.encode())

    def close(self) -> None:
        self._stop = True
        try:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)
