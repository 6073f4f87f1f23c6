"""A phone on the room's audience link, as the room's tests drive it: a real aiohttp WebSocket client against the
console's own server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from typing import Any

import aiohttp

from fishbowl_desktop.room.service import Room


async def audience_phone(room: Room, phone: str, messages: Sequence[dict[str, Any]] = (), read: int = 2) -> list[Any]:
    """A phone: connects as `phone`, reads `read` messages (the state, then its own status), sends `messages`,
    lets them go out, and hangs up. What it read."""
    url = f"http://127.0.0.1:{room.port}/{room.links.token('audience')}/ws?phone={phone}"
    got: list[Any] = []
    async with aiohttp.ClientSession() as c:
        ws = await c.ws_connect(url, origin=f"http://127.0.0.1:{room.port}")
        for _ in range(read):
            got.append(json.loads(await ws.receive_str(timeout=5)))
        for m in messages:
            await ws.send_json(m)
        await asyncio.sleep(0.05)
        await ws.close()
    return got


def mine_of(room: Room, phone: str) -> dict[str, Any]:
    """What the phone is told of its own request ("queued" with its place, "pending", "none", …)."""
    got = asyncio.run(audience_phone(room, phone))
    assert got[0]["t"] == "state" and got[1]["t"] == "mine"
    return dict(got[1]["m"])
