"""aiohttp, told to say less: no "Server: Python/3.x aiohttp/3.y" banner on any answer, and a request that is no
HTTP at all gets a bare 400 with nothing logged.

The app's own answers lose the banner through `on_response_prepare` (public API). The 400 that aiohttp's
protocol writes for a request it cannot parse bypasses the application, names the parser's complaint and, for
most malformed requests, logs a traceback: a stranger could fill stderr with them and learn what to attack.
That answer is made here instead, by a request handler whose only change is `handle_error`. This leans on two
internals of aiohttp 3.x (`RequestHandler`, `StreamResponse._prepare_headers`), pinned in constraints.txt and
checked by tests/room/test_room_server.py::test_no_server_banner_on_any_answer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from aiohttp import hdrs, web
from aiohttp.web_protocol import RequestHandler


async def drop_banner(_request: web.Request, response: web.StreamResponse) -> None:
    response.headers.popall(hdrs.SERVER, None)


class _Bare(web.Response):
    async def _prepare_headers(self) -> None:
        await super()._prepare_headers()
        self.headers.popall(hdrs.SERVER, None)


class _QuietHandler(RequestHandler):
    def handle_error(
        self, request: Any, status: int = 500, exc: BaseException | None = None, message: str | None = None
    ) -> web.StreamResponse:
        if request.writer.output_size > 0:
            raise ConnectionError("response already started")
        response = _Bare(status=status, text="Bad Request" if status < 500 else "Error")
        response.force_close()
        return response


def quiet_handlers(server: web.Server, loop: asyncio.AbstractEventLoop) -> Callable[[], asyncio.Protocol]:
    """A protocol factory like `server` itself, whose handlers answer errors quietly."""
    kwargs = getattr(server, "_kwargs", None)
    if not isinstance(kwargs, dict):
        return server  # another aiohttp: its own handlers (the test above says so)
    return lambda: _QuietHandler(server, loop=loop, **kwargs)
