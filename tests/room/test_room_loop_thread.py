"""The room's servers' thread (`room/loop_thread.py`): a failed listen is the caller's OSError and leaves nothing
running; what is handed over runs on the loop's own thread; stop closes on that thread and ends it."""

from __future__ import annotations

import asyncio
import socket
import threading

import pytest

from fishbowl_desktop.room.links import RoomLinks
from fishbowl_desktop.room.loop_thread import LoopThread
from fishbowl_desktop.room.osc_server import OscServer
from fishbowl_desktop.room.osc_settings import OscSettings
from fishbowl_desktop.room.server import RoomServer


def test_a_listen_that_fails_is_raised_in_the_caller_and_leaves_no_loop() -> None:
    async def taken() -> None:
        raise OSError(98, "Address already in use")

    async def close() -> None:
        raise AssertionError("nothing was opened, nothing to close")

    runs = LoopThread("fishbowl-test-loop")
    with pytest.raises(OSError, match="already in use"):
        runs.start(taken, close)
    assert runs.loop is None and runs.thread is None and not runs.running
    assert runs.call(print, "never") is False
    runs.stop()  # nothing to do


def test_calls_run_on_the_loops_thread_and_stop_closes_there() -> None:
    seen: list[tuple[str, str]] = []
    closed = threading.Event()

    async def listen() -> None:
        seen.append(("listen", threading.current_thread().name))

    async def close() -> None:
        seen.append(("close", threading.current_thread().name))
        closed.set()

    runs = LoopThread("fishbowl-test-loop")
    runs.start(listen, close, on_thread=lambda: seen.append(("first", threading.current_thread().name)))
    assert runs.running and isinstance(runs.loop, asyncio.AbstractEventLoop)
    called = threading.Event()

    def handed_over() -> None:
        seen.append(("call", threading.current_thread().name))
        called.set()

    assert runs.call(handed_over)
    assert called.wait(10)
    thread = runs.thread
    runs.stop()
    assert closed.is_set() and thread is not None and not thread.is_alive()
    assert seen == [(what, "fishbowl-test-loop") for what in ("first", "listen", "call", "close")]
    assert runs.loop is None and not runs.running


def test_both_servers_refuse_a_taken_port_and_take_nothing_after() -> None:
    with socket.socket() as tcp, socket.socket(type=socket.SOCK_DGRAM) as udp:
        tcp.bind(("127.0.0.1", 0))
        tcp.listen()
        udp.bind(("127.0.0.1", 0))
        room = RoomServer(RoomLinks(), lambda *_a: None, lambda _c: None)
        with pytest.raises(OSError):
            room.start("127.0.0.1", tcp.getsockname()[1])
        assert not room.running
        room.publish({"mode": "timer"}, {}, set())  # nothing listens: nothing to hand over, and no error
        osc = OscServer(OscSettings(port=udp.getsockname()[1]), lambda *_a: None, lambda _s: None)
        with pytest.raises(OSError):
            osc.start("127.0.0.1")
        assert not osc.running
        osc.publish({"mode": "timer"}, 0.0)
