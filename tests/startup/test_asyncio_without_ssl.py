"""The fence around `room.asyncio_without_ssl.import_asyncio_without_ssl` (issue 24, point 7).

The room and the desk import asyncio with `ssl` left out: OpenSSL is ~10 MiB resident that an offline console
never uses.
The price is that asyncio cannot speak TLS for the whole process ("stdlib ssl module not available"). That is
only fine while nothing in the program needs TLS: the day something does (an HTTPS client, a secure websocket, an
`ssl=` context for the room), the second test here fails and says to drop the trick first.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import fishbowl_desktop

SOURCE = Path(fishbowl_desktop.__file__).parent
TLS_USE = re.compile(
    r"^\s*(import ssl|from ssl )|\bssl\s*=|create_default_context|wss://|\bClientSession\b|urllib\.request|http\.client"
    r"|\bHTTPSConnection\b",
    re.MULTILINE,
)


def test_asyncio_imported_the_console_s_way_has_no_tls() -> None:
    code = (
        "from fishbowl_desktop.room.asyncio_without_ssl import import_asyncio_without_ssl\n"
        "asyncio = import_asyncio_without_ssl()\n"
        "import asyncio.sslproto, asyncio.base_events\n"
        "print(asyncio.base_events.ssl is None, asyncio.sslproto.ssl is None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["True", "True"], "the trick no longer leaves TLS out: drop it, or measure again"


PLAIN_HTTP_ONLY = {
    "room/ontime_bridge.py": "ontime on the venue's network, http:// only (url_problem refuses https)",
}
"""Modules that use an HTTP client but never TLS, each with the reason (checked below)."""


def test_nothing_in_the_program_needs_tls() -> None:
    users = [
        f"{path.relative_to(SOURCE)}: {match.group(0).strip()}"
        for path in sorted(SOURCE.rglob("*.py"))
        if path.name != "asyncio_without_ssl.py" and path.relative_to(SOURCE).as_posix() not in PLAIN_HTTP_ONLY
        for match in TLS_USE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert users == [], (
        "TLS is used here, but the console imports asyncio without ssl (room/asyncio_without_ssl.py): "
        f"drop that trick before using TLS: {users}"
    )


def test_the_ontime_bridge_refuses_https() -> None:
    """What lets room/ontime_bridge.py use urllib without TLS: an https:// address is refused before any request."""
    from fishbowl_desktop.room.ontime_bridge import url_problem

    assert url_problem("https://192.168.1.5:4001") is not None
    assert url_problem("http://192.168.1.5:4001") is None
