"""A hostile hall (issue 22): the real app in its own process (tests/helpers/hall_app.py), strangers on the same
Wi-Fi on 127.0.0.1 (tests/helpers/hall_clients.py, shared with tests/room/test_room_hostile_hall.py).

    python -m benchmarks.scenario_hall saves [CHANGES]     # room_saves_under_fd_flood
    python -m benchmarks.scenario_hall stall [PHONES]      # room_stall_under_request_flood_ms

saves: the app at a file limit of 256 (a macOS GUI app's), 320 connections held without a byte and re-opened as
soon as the server closes one; a co-moderator's control link changes the projector message once a second;
each change's time until the session file on disk has it (polled every 10 ms).

stall: the app at 4,096, room window open; PHONES invented phones over 30 loopback addresses (127.0.2.x) ask for
the free chair within 5 s; the console's longest gap between two 5 ms timer ticks meanwhile.

This process holds the hall; the app is a child of it, so the app's CPU and the hall's share the machine.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers.hall_clients import (  # the tests' helpers, found through the line above
    AppChild,
    IdleFlood,
    open_link,
    raise_own_limit,
    request_flood,
    tracebacks,
)

WITHIN_S = 2.0


async def _saves(app: AppChild, changes: int, flood_size: int) -> dict[str, Any]:
    flood = IdleFlood(app.port, flood_size)
    flood.start()
    await asyncio.sleep(2.0)
    import aiohttp

    delays: list[float | None] = []
    async with aiohttp.ClientSession() as s:
        ws, first = await open_link(s, app.base, app.info["control"], "benchControlPhone001", app.info["pin"])
        if ws is None:
            await flood.stop()
            return {"control_refused": first}
        for k in range(changes):
            text = f"Benchmark change {k}"
            t0 = time.monotonic()
            await ws.send_json({"t": "do", "a": "message", "text": text})
            reached = None
            while time.monotonic() - t0 < 5.0:
                try:
                    if app.saved()["stage"]["message"] == text:
                        reached = time.monotonic() - t0
                        break
                except (OSError, ValueError, KeyError):
                    pass
                await asyncio.sleep(0.01)
            delays.append(reached)
            await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - t0)))
        await ws.close()
    state = await app.ask_async("state")
    await flood.stop()
    done = [d for d in delays if d is not None]
    return {
        "changes": changes,
        "on_disk_within_2s": sum(d <= WITHIN_S for d in done),
        "on_disk_at_all": len(done),
        "delay_s_max": max(done, default=float("nan")),
        "delays_s": [None if d is None else round(d, 3) for d in delays],
        "flood_held": flood_size,
        "flood_opened": flood.opened,
        "flood_closed_by_server": flood.closed_by_server,
        "refused": state["refused"],
        "save_error": state["save_error"],
        "app_fds_at_end": state["fds"],
        "tracebacks": tracebacks(app.stderr()),
    }


async def _stall(app: AppChild, phones: int) -> dict[str, Any]:
    await app.ask_async("probe-start")
    await asyncio.sleep(3.0)
    idle = await app.ask_async("probe-stop")  # the same console with nobody asking: what the machine costs
    await app.ask_async("probe-start")
    result = await request_flood(app.base, app.info["audience"], phones, 30, 5.0)
    await asyncio.sleep(1.0)
    probe = await app.ask_async("probe-stop")
    state = await app.ask_async("state")
    declined = await app.ask_async("decline-all")
    return {
        "phones": phones,
        "stall_ms_max": probe["stall_ms_max"],
        "idle_stall_ms_max": idle["stall_ms_max"],
        "stall_cpu_ms_max": probe["stall_cpu_ms_max"],  # the UI thread's own CPU in one gap: the work, not the load
        "idle_stall_cpu_ms_max": idle["stall_cpu_ms_max"],
        "flood_ui_cpu_ms": probe["ui_cpu_ms"],
        "ticks": probe["ticks"],
        "list_updates": probe["rebuilds"],
        "batches": probe["batches"],
        "batch_ms_max": probe["batch_ms_max"],
        "batch_cpu_ms_max": probe["batch_cpu_ms_max"],
        "requests_sent": result.sent,
        "requests_in_the_list": state["pending"],
        "refusals": result.refusals,
        "flood_seconds": result.seconds,
        "after_decline_all": declined["pending"],
    }


def main(argv: list[str]) -> int:
    raise_own_limit()
    mode = argv[0]
    if mode == "saves":
        app = AppChild(256)
        try:
            out = asyncio.run(_saves(app, int(argv[1]) if len(argv) > 1 else 10, 320))
        finally:
            app.stop()
    else:
        app = AppChild(4096, window=True)
        try:
            out = asyncio.run(_stall(app, int(argv[1]) if len(argv) > 1 else 300))
        finally:
            app.stop()
    print("BENCH " + json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
