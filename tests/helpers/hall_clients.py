"""A hostile hall and a few honest phones, against `hall_app.py` in its child process. Loopback only: every
target is 127.0.0.1; sources may be other loopback addresses (127.0.2.x), standing in for many phones.

Shared by tests/room/test_room_hostile_hall.py and benchmarks/scenario_hall.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

HALL_APP = Path(__file__).with_name("hall_app.py")
PIN_WAIT_S = 10.0


def raise_own_limit(n: int = 8192) -> None:
    """This process holds the flood: give it room first (the child's own limit is what is being tested)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = n if hard == resource.RLIM_INFINITY else min(n, hard)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


class AppChild:
    """The real app in its child process; its stderr goes to a file (counted for tracebacks afterwards)."""

    def __init__(self, nofile: int, window: bool = False, home: Path | None = None):
        self._tmp = tempfile.TemporaryDirectory(prefix="hall-")
        self.home = home or Path(self._tmp.name)
        self.stderr_path = Path(self._tmp.name) / "stderr.txt"
        env = dict(os.environ, FISHBOWL_DESKTOP_HOME=str(self.home))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        args = [sys.executable, str(HALL_APP), str(nofile)] + (["--window"] if window else [])
        self._err = open(self.stderr_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._err, text=True, env=env
        )
        self._lines: list[str] = []
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self.info: dict[str, Any] = json.loads(self._expect("READY ", 90))
        self.port = int(self.info["port"])
        self.base = f"http://127.0.0.1:{self.port}"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                self._lines.append(line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._lines.append("EOF")
            self._cond.notify_all()

    def _expect(self, prefix: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for i, line in enumerate(self._lines):
                    if line.startswith(prefix):
                        del self._lines[: i + 1]
                        return line[len(prefix) :]
                    if line == "EOF":
                        raise RuntimeError(f"the app ended: {self.stderr()[-3000:]}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"the app did not say {prefix.strip()}")
                self._cond.wait(left)

    def ask(self, command: str, timeout: float = 60) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        answer: dict[str, Any] = json.loads(self._expect("ANSWER ", timeout))
        return answer

    async def ask_async(self, command: str, timeout: float = 60) -> dict[str, Any]:
        return await asyncio.get_running_loop().run_in_executor(None, self.ask, command, timeout)

    def stderr(self) -> str:
        self._err.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def saved(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(Path(self.info["file"]).read_text(encoding="utf-8"))
        return data

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            assert self.proc.stdin is not None
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._err.close()
        self._tmp.cleanup()


# ---------------------------------------------------------------------- the hall
@dataclass
class IdleFlood:
    """`count` connections that never send a byte, each re-opened as soon as the server closes it."""

    port: int
    count: int
    opened: int = 0
    closed_by_server: int = 0
    failed: int = 0
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def _hold(self) -> None:
        while not self._stop.is_set():
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", self.port), 5)
            except (OSError, TimeoutError):
                self.failed += 1
                await asyncio.sleep(0.05)
                continue
            self.opened += 1
            stop = asyncio.ensure_future(self._stop.wait())
            eof = asyncio.ensure_future(reader.read())
            await asyncio.wait({stop, eof}, return_when=asyncio.FIRST_COMPLETED)
            if eof.done():
                self.closed_by_server += 1
            for t in (stop, eof):
                t.cancel()
            writer.close()

    def start(self) -> None:
        self._tasks = [asyncio.ensure_future(self._hold()) for _ in range(self.count)]

    async def stop(self) -> None:
        self._stop.set()
        await asyncio.gather(*self._tasks, return_exceptions=True)


async def open_link(
    session: aiohttp.ClientSession, base: str, token: str, phone: str, pin: str | None = None
) -> tuple[aiohttp.ClientWebSocketResponse | None, dict[str, Any]]:
    """A phone's link as the page opens it: the page first, then the socket (control: the PIN as the first
    message). Returns the socket and the first message, or None and why it was refused."""
    async with session.get(f"{base}/{token}") as r:
        await r.read()
        if r.status != 200:
            return None, {"page": r.status}
    try:
        ws = await session.ws_connect(f"{base}/{token}/ws?phone={phone}", origin=base)
    except aiohttp.WSServerHandshakeError as exc:
        return None, {"handshake": exc.status}
    if pin is not None:
        await ws.send_json({"t": "pin", "pin": pin})
    msg = await ws.receive(timeout=PIN_WAIT_S)
    if msg.type == aiohttp.WSMsgType.TEXT:
        first: dict[str, Any] = json.loads(msg.data)
        if first.get("t") == "state":
            return ws, first
        closing = await ws.receive(timeout=PIN_WAIT_S)
        await ws.close()
        return None, {**first, "code": ws.close_code, "close": str(closing.type)}
    await ws.close()
    return None, {"code": ws.close_code}


async def hold_audience(
    base: str, token: str, count: int, addresses: int = 100
) -> tuple[list[aiohttp.ClientWebSocketResponse], list[dict[str, Any]], list[aiohttp.ClientSession]]:
    """Try to open `count` audience sockets (50 at a time) from `addresses` loopback addresses (127.0.5.x), so
    the audience link's own budget is what holds, not the per-address one; keep those that open. The caller
    closes the sessions returned."""
    held: list[aiohttp.ClientWebSocketResponse] = []
    refused: list[dict[str, Any]] = []
    sessions = [
        aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(f"127.0.5.{a + 1}", 0), limit=0))
        for a in range(addresses)
    ]

    async def one(i: int) -> None:
        try:
            ws, first = await open_link(sessions[i % addresses], base, token, f"floodphone{i:012d}")
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            refused.append({"error": type(exc).__name__})
            return
        if ws is None:
            refused.append(first)
        else:
            held.append(ws)

    for start in range(0, count, 50):
        await asyncio.gather(*(one(i) for i in range(start, min(count, start + 50))))
    return held, refused, sessions


@dataclass
class FloodResult:
    sent: int = 0
    accepted: int = 0
    refusals: dict[str, int] = field(default_factory=dict)
    not_connected: int = 0
    seconds: float = 0.0


async def request_flood(base: str, token: str, phones: int, addresses: int, seconds: float) -> FloodResult:
    """`phones` invented phone ids, spread over `addresses` loopback source addresses, each asking for the free
    chair once within `seconds`: connect, ask, read the answer, hang up."""
    result = FloodResult()
    start = time.monotonic()
    limit = asyncio.Semaphore(40)
    sessions = [
        aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(f"127.0.2.{a + 1}", 0), limit=0))
        for a in range(addresses)
    ]

    async def one(i: int) -> None:
        await asyncio.sleep(seconds * i / phones)
        async with limit:
            session = sessions[i % addresses]
            try:
                ws = await session.ws_connect(f"{base}/{token}/ws?phone=askphone{i:012d}", origin=base)
            except (aiohttp.ClientError, OSError):
                result.not_connected += 1
                return
            try:
                first = json.loads((await ws.receive(timeout=10)).data)
                if first.get("t") != "state":
                    result.not_connected += 1
                    return
                await ws.send_json({"t": "request", "name": f"Gast {i}", "consent": True})
                result.sent += 1
                while True:
                    msg = await ws.receive(timeout=10)
                    if msg.type != aiohttp.WSMsgType.TEXT:
                        result.refusals["closed"] = result.refusals.get("closed", 0) + 1
                        return
                    data = json.loads(msg.data)
                    if data.get("t") == "error":
                        result.refusals[data["e"]] = result.refusals.get(data["e"], 0) + 1
                        return
                    if data.get("t") == "mine" and data["m"].get("st") not in ("none", "declined", "gone"):
                        result.accepted += 1  # "pending" (or "queued" straight away): the console has it
                        return
            except (aiohttp.ClientError, TimeoutError, OSError, ValueError, TypeError):
                result.refusals["lost"] = result.refusals.get("lost", 0) + 1
            finally:
                await ws.close()

    try:
        await asyncio.gather(*(one(i) for i in range(phones)))
    finally:
        for s in sessions:
            await s.close()
    result.seconds = time.monotonic() - start
    return result


def tracebacks(text: str) -> int:
    return text.count("Traceback (most recent call last)")
