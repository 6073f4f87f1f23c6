"""A hostile hall (issue 22): the real app in a child process with a macOS-sized file limit (256), strangers on
the same Wi-Fi holding connections, filling the audience link and inventing requests. Loopback only.

The outcomes are checked here (every change on disk, the co-moderator gets in, the caps hold, one click
clears the list); how fast is the benchmarks' business (`room_saves_under_fd_flood`,
`room_stall_under_request_flood_ms`), so a busy machine cannot fail these tests. Each waits with generous
timeouts; the whole file runs in well under a minute.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Iterator

import aiohttp
import pytest

from fishbowl_desktop.room.request_limits import MAX_OPEN, PER_ADDRESS
from helpers.hall_clients import (
    AppChild,
    IdleFlood,
    hold_audience,
    open_link,
    raise_own_limit,
    request_flood,
    tracebacks,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_NOFILE is POSIX")

NOFILE = 256
"""A macOS GUI app's default soft limit."""


@pytest.fixture
def hall() -> Iterator[AppChild]:
    raise_own_limit()
    app = AppChild(NOFILE)
    yield app
    app.stop()


@pytest.fixture
def hall_with_window() -> Iterator[AppChild]:
    raise_own_limit()
    app = AppChild(NOFILE, window=True)
    yield app
    app.stop()


async def _until(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except (OSError, ValueError, KeyError):
            pass  # the file between two saves, or not yet written
        await asyncio.sleep(0.05)
    return False


def test_held_idle_connections_never_stop_the_saving(hall: AppChild) -> None:
    """320 connections that send nothing, re-opened as soon as they are closed, while a co-moderator changes
    the message every second: every change reaches the disk, and a new timer tablet still loads its page."""

    async def main() -> tuple[list[str], dict[str, object], IdleFlood]:
        flood = IdleFlood(hall.port, 320)
        flood.start()
        await asyncio.sleep(1.5)  # the flood is in place
        missing: list[str] = []
        async with aiohttp.ClientSession() as s:
            ws, first = await open_link(s, hall.base, hall.info["control"], "coModeratorPhone0001", hall.info["pin"])
            assert ws is not None, f"the control link was refused during the flood: {first}"
            for k in range(6):
                text = f"Change {k} during the flood"
                await ws.send_json({"t": "do", "a": "message", "text": text})
                if not await _until(lambda text=text: hall.saved()["stage"]["message"] == text, 20):  # type: ignore[misc]
                    missing.append(text)
                await asyncio.sleep(1.0)
            timer, timer_first = await open_link(s, hall.base, hall.info["timer"], "timerTablet000000001")
            assert timer is not None, f"a new timer tablet could not connect during the flood: {timer_first}"
            assert timer_first["t"] == "state"
            await timer.close()
            await ws.close()
        state = await hall.ask_async("state")
        await flood.stop()
        return missing, state, flood

    missing, state, flood = asyncio.run(main())
    assert missing == [], f"changes that never reached the disk: {missing}"
    assert state["save_error"] is None
    assert state["message"] == "Change 5 during the flood"
    assert flood.closed_by_server > 0, "the server held every idle connection instead of closing some"
    assert isinstance(state["refused"], int) and state["refused"] > 0, "the room window has no refusals to show"
    assert tracebacks(hall.stderr()) <= 1, hall.stderr()[-3000:]


def test_a_full_audience_link_never_locks_out_control_or_timers(hall: AppChild) -> None:
    """500 audience sockets: the ones past the audience's budget are told "busy" (never a 403 or a PIN error),
    and the co-moderator's control link with the right PIN, and a new timer tablet, still get in."""

    async def main() -> tuple[int, list[dict[str, object]], dict[str, object], dict[str, object]]:
        held, refused, sessions = await hold_audience(hall.base, hall.info["audience"], 500)
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as s:
            ws, first = await open_link(s, hall.base, hall.info["control"], "coModeratorPhone0002", hall.info["pin"])
            assert ws is not None, f"control refused with the audience link full: {first}"
            await ws.send_json({"t": "do", "a": "message", "text": "Control still works"})
            timer, timer_first = await open_link(s, hall.base, hall.info["timer"], "timerTablet000000002")
            assert timer is not None, f"timer refused with the audience link full: {timer_first}"
            await _until(lambda: True, 0.5)
            state = await hall.ask_async("state")
            for w in [*held, ws, timer]:
                await w.close()
        for session in sessions:
            await session.close()
        return len(held), refused, first, state

    held, refused, _first, state = asyncio.run(main())
    assert held > 0 and refused, "the budget let all 500 in at a limit of 256, or none"
    assert held + len(refused) == 500
    assert all(r.get("e") == "busy" and r.get("code") == 1013 for r in refused), refused[:5]
    assert state["message"] == "Control still works"
    assert state["save_error"] is None


def test_a_request_flood_is_capped_batched_and_declined_in_one_click(hall_with_window: AppChild) -> None:
    """300 invented phones over 30 addresses ask within 5 s, the room window open: the caps hold (per address,
    the room's rate, the open requests), the list is rebuilt in batches, and "Decline all" empties it."""
    hall = hall_with_window

    async def main() -> tuple[object, dict[str, object], dict[str, object]]:
        await hall.ask_async("probe-start")
        result = await request_flood(hall.base, hall.info["audience"], 300, 30, 5.0)
        await asyncio.sleep(1.0)
        probe = await hall.ask_async("probe-stop")
        state = await hall.ask_async("state")
        return result, probe, state

    result, probe, state = asyncio.run(main())
    print(f"request flood: {result}; console: {probe}")
    pending = int(state["pending"])  # type: ignore[call-overload]
    assert result.accepted == pending, (result, state)  # type: ignore[attr-defined]
    assert 0 < pending <= min(MAX_OPEN, 30 * PER_ADDRESS)
    assert set(result.refusals) <= {"busy", "full"}, result.refusals  # type: ignore[attr-defined]
    assert sum(result.refusals.values()) + result.accepted == result.sent == 300  # type: ignore[attr-defined]
    assert int(probe["rebuilds"]) < pending, "the request list was rebuilt once per request"  # type: ignore[call-overload]
    declined = hall.ask("decline-all")
    assert declined == {"pending": 0, "enabled": False}
