"""The hall for the room benchmarks, in a process of its own (as real phones would be): N WebSocket clients,
a burst of HTTP requests, or a headless Chromium on the timer page. Loopback (127.0.0.1) only.

Talks to the scenario over stdin/stdout lines: prints READY once connected, obeys BURST / DONE, and prints
one `RESULT {json}` line at the end. Times are CLOCK_MONOTONIC (`time.monotonic()`), which both processes
share on Linux, or wall-clock epoch ms where a browser is involved.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

import aiohttp


async def _lines() -> asyncio.Queue[str]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    loop = asyncio.get_running_loop()

    def read() -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(queue.put_nowait, line.strip())
        loop.call_soon_threadsafe(queue.put_nowait, "DONE")

    loop.run_in_executor(None, read)
    return queue


async def sockets(base: str, token: str, count: int) -> None:
    received: list[list[float]] = [[] for _ in range(count)]
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:

        async def client(i: int, ready: asyncio.Event) -> aiohttp.ClientWebSocketResponse:
            ws = await session.ws_connect(f"{base}/{token}/ws?phone=benchphone{i:010d}", origin=base)
            await ws.receive_str()  # the state on connecting
            return ws

        conns = []
        for start in range(0, count, 50):
            conns += await asyncio.gather(*(client(i, asyncio.Event()) for i in range(start, min(count, start + 50))))

        async def listen(i: int, ws: aiohttp.ClientWebSocketResponse) -> None:
            async for msg in ws:
                if msg.type == aiohttp.WSMsgType.TEXT and msg.data.startswith('{"t":"state"'):
                    received[i].append(time.monotonic())

        listeners = [asyncio.ensure_future(listen(i, ws)) for i, ws in enumerate(conns)]
        print("READY", flush=True)
        lines = await _lines()
        burst: dict[str, Any] = {}
        while True:
            line = await lines.get()
            if line == "BURST":
                burst = await _burst(session, base, token, 1000)
                print("BURSTED " + json.dumps(burst), flush=True)
            elif line == "DONE":
                break
        for ws in conns:
            await ws.close()
        for task in listeners:
            task.cancel()
    print("RESULT " + json.dumps({"received": received, "burst": burst}), flush=True)


async def _burst(session: aiohttp.ClientSession, base: str, token: str, n: int) -> dict[str, Any]:
    """Half page loads with the right token, half guesses; 100 at a time, as a crowd of phones might."""
    limit = asyncio.Semaphore(100)
    statuses: list[int] = []

    async def one(i: int) -> None:
        async with limit, session.get(f"{base}/{token}" if i % 2 else f"{base}/guess{i}") as r:
            await r.read()
            statuses.append(r.status)

    start = time.monotonic()
    await asyncio.gather(*(one(i) for i in range(n)))
    return {
        "seconds": time.monotonic() - start,
        "ok": statuses.count(200),
        "refused": statuses.count(403),
        "start": start,
        "end": time.monotonic(),
    }


def browser(url: str) -> None:
    """Record, in the page, the epoch time of every change of the shown time."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = b.new_page(viewport={"width": 390, "height": 844})
        page.goto(url)
        page.wait_for_function("() => document.body.className.indexOf('mode-timer') >= 0")
        page.evaluate("""() => {
            window.__log = [];
            var el = document.getElementById('time');
            new MutationObserver(function () {
                window.__log.push([performance.timeOrigin + performance.now(), el.textContent]);
            }).observe(el, {childList: true, characterData: true, subtree: true});
        }""")
        print("READY", flush=True)
        sys.stdin.readline()
        log = page.evaluate("() => window.__log")
        b.close()
    print("RESULT " + json.dumps({"log": log}), flush=True)


if __name__ == "__main__":
    import os

    os.nice(10)  # the hall stands in for other people's phones, which never take the laptop's CPU
    mode = sys.argv[1]
    if mode == "sockets":
        asyncio.run(sockets(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    elif mode == "browser":
        browser(sys.argv[2])
