"""Sends the ontime bridge's requests (`ontime_bridge.requests_between`) to ontime, in order, on its own thread.

A plain HTTP/1.1 GET over a socket, read up to the status line: ontime's integration API answers every request with
a status and a small JSON body we do not need. Not urllib: it loads TLS, which the console keeps out (it imports
asyncio without ssl, see asyncio_without_ssl.py), and this module is loaded only when the bridge is switched on.
"""

from __future__ import annotations

import queue
import socket
import threading
import urllib.parse
from collections.abc import Callable

TIMEOUT_S = 2.0


def get(base_url: str, path: str, timeout: float = TIMEOUT_S) -> int:
    """The HTTP status of GET base_url + path; OSError when ontime cannot be reached or answers no HTTP."""
    parts = urllib.parse.urlsplit(base_url)
    host, port = parts.hostname or "", parts.port or 80
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(request.encode("ascii"))
        data = b""
        while b"\r\n" not in data and len(data) < 4096:
            chunk = sock.recv(1024)
            if not chunk:
                break
            data += chunk
    words = data.split(b"\r\n", 1)[0].split()
    if len(words) < 2 or not words[0].startswith(b"HTTP/") or not words[1].isdigit():
        raise OSError("no HTTP answer")
    return int(words[1])


class OntimeLink:
    """Sends request paths to ontime in order, on its own thread; `on_result(ok, detail)` after each (that thread)."""

    def __init__(self, base_url: str, on_result: Callable[[bool, str], None]):
        self._base = base_url.strip().rstrip("/")
        self._on_result = on_result
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="fishbowl-ontime", daemon=True)
        self._thread.start()

    def send(self, paths: list[str]) -> None:
        for path in paths:
            self._queue.put(path)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(TIMEOUT_S + 1)

    def _run(self) -> None:
        while (path := self._queue.get()) is not None:
            try:
                status = get(self._base, path)
            except (OSError, ValueError, UnicodeError) as exc:
                detail = str(exc) or type(exc).__name__
            else:
                if 200 <= status < 300:
                    self._on_result(True, path)
                    continue
                detail = f"{path}: HTTP {status}"
            if not self._drop_waiting():
                return
            self._on_result(False, detail)  # the caller sets ontime up afresh with the next change

    def _drop_waiting(self) -> bool:
        """After a failure the rest of the burst is stale; False when the link was closed meanwhile."""
        while True:
            try:
                if self._queue.get_nowait() is None:
                    return False
            except queue.Empty:
                return True
