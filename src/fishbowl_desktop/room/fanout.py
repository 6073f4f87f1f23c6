"""One state update to a full hall: encoded and framed once, then the same bytes written to every phone.

A change used to cost each of 300 connections its own task, its own timeout, its own UTF-8 encoding and
frame header (and, with a browser that asks for it, its own deflate): GIL-holding work on the server thread
per update that grew with the hall (the figure is in benchmarks/README.md), and the console's UI thread may have
to wait that long for the GIL.
Here the frame is built once; a connection that is open and has taken the previous updates gets it written
straight to its transport (no await, no task). Only a phone that is behind (its send buffer is full) or
closing goes the slow, timed way, which drops it if it does not catch up.

Writing to the transport beside aiohttp's own writer is safe because the server never compresses
(`compress=False` on every socket): aiohttp writes an uncompressed frame in one synchronous call, so two
frames can never interleave on one connection.
"""

from __future__ import annotations

import asyncio

SEND_BUFFER_LIMIT = 64 * 1024
"""Bytes still waiting in a connection's send buffer beyond which it gets no direct write."""


def text_frame(text: str) -> bytes:
    """A final, unmasked, uncompressed WebSocket text frame (RFC 6455, 5.2), as a server sends it."""
    data = text.encode("utf-8")
    n = len(data)
    if n < 126:
        header = bytes((0x81, n))
    elif n < 1 << 16:
        header = bytes((0x81, 126)) + n.to_bytes(2, "big")
    else:
        header = bytes((0x81, 127)) + n.to_bytes(8, "big")
    return header + data


def write_frame(transport: asyncio.BaseTransport | None, frame: bytes) -> bool:
    """Write `frame` to a phone's connection now; False when the caller must send it the slow way."""
    if not isinstance(transport, asyncio.WriteTransport) or transport.is_closing():
        return False
    if transport.get_write_buffer_size() > SEND_BUFFER_LIMIT:
        return False
    transport.write(frame)
    return True
