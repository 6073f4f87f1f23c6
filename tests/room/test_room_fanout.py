"""One state update to many phones: framed once, written to each connection, slow phones the timed way."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import aiohttp
import pytest

from fishbowl_desktop.room import fanout
from fishbowl_desktop.room.fanout import text_frame, write_frame
from fishbowl_desktop.room.links import RoomLinks
from fishbowl_desktop.room.server import RoomServer


class FakeTransport(asyncio.WriteTransport):
    def __init__(self, buffered: int = 0, closing: bool = False) -> None:
        super().__init__()
        self.written: list[bytes] = []
        self.buffered = buffered
        self.closing = closing

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written.append(bytes(data))

    def is_closing(self) -> bool:
        return self.closing

    def get_write_buffer_size(self) -> int:
        return self.buffered


@pytest.mark.parametrize("size", [0, 125, 126, 65535, 65536])
def test_text_frame_is_a_final_unmasked_text_frame(size: int) -> None:
    text = "ü" * (size // 2) + "a" * (size % 2)  # two bytes each in UTF-8
    frame = text_frame(text)
    data = text.encode("utf-8")
    assert frame[0] == 0x81  # FIN, text
    assert frame[1] & 0x80 == 0  # a server never masks
    length = frame[1] & 0x7F
    if length == 126:
        length, start = int.from_bytes(frame[2:4], "big"), 4
    elif length == 127:
        length, start = int.from_bytes(frame[2:10], "big"), 10
    else:
        start = 2
    assert length == len(data) and frame[start:] == data


def test_write_frame_only_to_a_connection_that_keeps_up() -> None:
    ok, behind, closing = (
        FakeTransport(),
        FakeTransport(buffered=fanout.SEND_BUFFER_LIMIT + 1),
        FakeTransport(closing=True),
    )
    frame = text_frame("{}")
    assert write_frame(ok, frame) and ok.written == [frame]
    assert not write_frame(behind, frame) and behind.written == []
    assert not write_frame(closing, frame) and closing.written == []
    assert not write_frame(None, frame)


@pytest.fixture
def server() -> Iterator[tuple[RoomServer, RoomLinks]]:
    links = RoomLinks()
    s = RoomServer(links, lambda *a: None, lambda c: None)
    s.start("127.0.0.1", 0)
    s.publish({"mode": "idle", "lang": "en", "title": "Integration", "at": 0}, {}, set())
    yield s, links
    s.stop()


def test_every_phone_gets_each_new_state_once_and_in_order(server: tuple[RoomServer, RoomLinks]) -> None:
    s, links = server
    base = f"http://127.0.0.1:{s.port}"

    async def hall() -> list[list[str]]:
        async with aiohttp.ClientSession() as session:
            sockets = [
                await session.ws_connect(
                    f"{base}/{links.timer}/ws?phone=fanoutphone{i:08d}", origin=base, compress=15
                )  # as a browser: asks for deflate, gets none
                for i in range(20)
            ]
            for ws in sockets:
                assert json.loads(await ws.receive_str())["s"]["title"] == "Integration"
            for n in range(3):
                s.publish({"mode": "idle", "lang": "en", "title": f"Runde {n}", "at": n}, {}, set())
            s.publish({"mode": "idle", "lang": "en", "title": "Runde 2", "at": 2}, {}, set())  # unchanged: not sent
            s.publish({"mode": "idle", "lang": "en", "title": "Schluss", "at": 3}, {}, set())
            seen = []
            for ws in sockets:
                titles = [json.loads(await asyncio.wait_for(ws.receive_str(), 5))["s"]["title"] for _ in range(4)]
                seen.append(titles)
                assert ws.compress == 0
            for ws in sockets:
                await ws.close()
            return seen

    seen = asyncio.run(hall())
    assert seen == [["Runde 0", "Runde 1", "Runde 2", "Schluss"]] * 20
