"""The room's server against a real aiohttp client on 127.0.0.1: the hostile cases first.

Only loopback is used: the server binds 127.0.0.1 and every client connects there.
"""

from __future__ import annotations

import asyncio
import json
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest

from fishbowl_desktop.room.links import RoomLinks, load_links, save_links
from fishbowl_desktop.room.server import MAX_CONNECTIONS, RoomServer
from fishbowl_desktop.room.validate import clean_name

PHONE = "phone-abcdefghijklmnop"


class Recorder:
    def __init__(self) -> None:
        self.intents: list[tuple[str, str, dict[str, Any]]] = []
        self.counts: dict[str, int] = {}

    def intent(self, kind: str, phone: str, intent: dict[str, Any]) -> None:
        self.intents.append((kind, phone, intent))

    def count(self, counts: dict[str, int]) -> None:
        self.counts = counts


@pytest.fixture
def links() -> RoomLinks:
    return RoomLinks()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def server(links: RoomLinks, recorder: Recorder) -> Iterator[RoomServer]:
    s = RoomServer(links, recorder.intent, recorder.count)
    s.start("127.0.0.1", 0)
    s.publish({"mode": "idle", "lang": "en", "title": "Integration", "at": 0}, {}, set())
    yield s
    s.stop()


def base(server: RoomServer) -> str:
    return f"http://127.0.0.1:{server.port}"


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def ws_url(server: RoomServer, token: str, phone: str = PHONE, pin: str | None = None) -> str:
    url = f"{base(server)}/{token}/ws?phone={phone}"
    return url + (f"&pin={pin}" if pin is not None else "")


async def _status(url: str, **kw: Any) -> int:
    async with aiohttp.ClientSession() as c, c.get(url, **kw) as r:
        await r.read()
        return r.status


def test_no_valid_token_no_page_and_the_same_bare_403(server: RoomServer, links: RoomLinks) -> None:
    async def main() -> list[tuple[int, str]]:
        out = []
        async with aiohttp.ClientSession() as c:
            for path in (
                "/",
                "/nope",
                f"/{links.timer[:-1]}",
                f"/{links.timer}x",
                "/room.js",
                "/x/room.js",
                f"/{links.timer}/secret.txt",
                f"/{links.timer}/../room.json",
                "/x/ws",
            ):
                async with c.get(base(server) + path) as r:
                    out.append((r.status, await r.text()))
            async with c.post(f"{base(server)}/{links.timer}", data=b"x") as r:
                out.append((r.status, await r.text()))
        return out

    results = run(main())
    assert set(results) == {(403, "Forbidden")}


def test_valid_tokens_serve_the_page_with_strict_headers(server: RoomServer, links: RoomLinks) -> None:
    async def main() -> tuple[int, str, dict[str, str]]:
        async with aiohttp.ClientSession() as c, c.get(f"{base(server)}/{links.audience}") as r:
            return r.status, await r.text(), dict(r.headers)

    status, html, headers = run(main())
    assert status == 200
    assert 'data-kind="audience"' in html and f"/{links.audience}/room.js" in html
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_websocket_needs_token_origin_and_phone_id(server: RoomServer, links: RoomLinks) -> None:
    async def attempt(url: str, origin: str | None) -> int | str:
        async with aiohttp.ClientSession() as c:
            headers = {"Origin": origin} if origin else {}
            try:
                ws = await c.ws_connect(url, headers=headers)
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status
            await ws.close()
            return "open"

    good = base(server)
    assert run(attempt(ws_url(server, links.timer), good)) == "open"
    assert run(attempt(ws_url(server, links.timer), "http://evil.example")) == 403
    assert run(attempt(ws_url(server, links.timer), None)) == 403
    assert run(attempt(ws_url(server, "wrong-token-wrong-token"), good)) == 403
    assert run(attempt(ws_url(server, links.timer, phone="short"), good)) == 403


def test_control_needs_the_pin_and_blocks_guessing(server: RoomServer, links: RoomLinks, recorder: Recorder) -> None:
    async def attempt(pin: str | None) -> int | str:
        async with aiohttp.ClientSession() as c:
            try:
                ws = await c.ws_connect(ws_url(server, links.control, pin=pin), origin=base(server))
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status
            await ws.receive_str()
            await ws.send_json({"t": "do", "a": "toggle"})
            await ws.close()
            return "open"

    assert run(attempt(None)) == 403
    wrong = "000000" if links.pin != "000000" else "111111"
    assert run(attempt(wrong)) == 403
    assert run(attempt(links.pin)) == "open"
    for _ in range(5):
        run(attempt(wrong))
    assert run(attempt(links.pin)) == 403, "after five wrong PINs even the right one waits a minute"
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and not recorder.intents:
        time.sleep(0.01)
    assert recorder.intents == [("control", PHONE, {"do": "toggle"})]


def test_timer_and_audience_tokens_can_never_control(server: RoomServer, links: RoomLinks, recorder: Recorder) -> None:
    async def try_control(token: str) -> bool:
        async with aiohttp.ClientSession() as c:
            ws = await c.ws_connect(ws_url(server, token, pin=links.pin), origin=base(server))
            await ws.receive_str()
            if token == links.audience:
                await ws.receive_str()  # its own status comes right after the state
            await ws.send_json({"t": "do", "a": "next"})
            msg = await ws.receive(timeout=2)
            return msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)

    assert run(try_control(links.timer))
    assert run(try_control(links.audience))
    assert recorder.intents == []


def test_oversized_and_malformed_messages_close_the_socket(
    server: RoomServer, links: RoomLinks, recorder: Recorder
) -> None:
    async def send(payload: str) -> bool:
        async with aiohttp.ClientSession() as c:
            ws = await c.ws_connect(ws_url(server, links.audience), origin=base(server))
            await ws.receive_str()
            assert json.loads(await ws.receive_str()) == {"t": "mine", "m": {"st": "none"}}
            await ws.send_str(payload)
            msg = await ws.receive(timeout=2)
            return msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)

    big = json.dumps({"t": "request", "name": "x" * 10_000})
    assert run(send(big))
    assert run(send("not json"))
    assert run(send("[1, 2]"))
    assert recorder.intents == []


def test_names_are_validated_and_one_request_per_phone_per_ten_seconds(
    server: RoomServer, links: RoomLinks, recorder: Recorder
) -> None:
    async def main() -> list[Any]:
        replies = []
        async with aiohttp.ClientSession() as c:
            ws = await c.ws_connect(ws_url(server, links.audience), origin=base(server))
            await ws.receive_str()
            assert json.loads(await ws.receive_str()) == {"t": "mine", "m": {"st": "none"}}
            for name in ("", "   ", "a" * 81, "bad\x00name", "bell\x07"):
                await ws.send_json({"t": "request", "name": name})
                replies.append(json.loads(await ws.receive_str()))
            await ws.send_json({"t": "request", "name": "  <img src=x onerror=alert(1)>  ", "consent": True})
            await ws.send_json({"t": "request", "name": "Again"})
            replies.append(json.loads(await ws.receive_str()))
            await ws.close()
        return replies

    replies = run(main())
    assert [r["e"] for r in replies] == ["name"] * 5 + ["open"]
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and not recorder.intents:
        time.sleep(0.01)
    assert recorder.intents == [
        ("audience", PHONE, {"do": "request", "name": "<img src=x onerror=alert(1)>", "group": "", "consent": True})
    ]


def test_clean_name_keeps_scripts_and_joiners_but_not_controls() -> None:
    assert clean_name(" Şule  Öztürk ") == "Şule Öztürk"
    assert clean_name("نور\u200cالهدى") == "نور\u200cالهدى"
    assert clean_name("Nguyễn Văn An") == "Nguyễn Văn An"
    assert clean_name("a\nb") == "a b"  # whitespace collapses, nothing hidden survives
    assert clean_name("a\u0000b") is None
    assert clean_name(42) is None


def test_a_burst_of_1000_requests_is_survived(server: RoomServer, links: RoomLinks) -> None:
    async def main() -> tuple[list[int], float]:
        conn = aiohttp.TCPConnector(limit=100)
        async with aiohttp.ClientSession(connector=conn) as c:

            async def one(i: int) -> int:
                path = f"/{links.timer}" if i % 2 else f"/guess{i}"
                async with c.get(base(server) + path) as r:
                    await r.read()
                    return r.status

            start = time.perf_counter()
            statuses = await asyncio.gather(*(one(i) for i in range(1000)))
            return list(statuses), time.perf_counter() - start

    statuses, seconds = run(main())
    assert statuses.count(200) == 500 and statuses.count(403) == 500
    assert seconds < 30
    assert run(_status(f"{base(server)}/{links.timer}")) == 200


def test_500_slow_connections_do_not_lock_out_a_real_phone(server: RoomServer, links: RoomLinks) -> None:
    async def main() -> tuple[int, float]:
        writers = []
        for _ in range(500):
            _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            writer.write(b"GET /" + links.timer.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            writers.append(writer)
        await asyncio.sleep(0.2)
        start = time.perf_counter()
        status = await _status(f"{base(server)}/{links.timer}")
        took = time.perf_counter() - start
        for w in writers:
            w.close()
        return status, took

    status, took = run(main())
    assert status == 200
    assert took < 2.0


def test_connection_limit_refuses_more_sockets(
    links: RoomLinks, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fishbowl_desktop.room.server as srv

    monkeypatch.setattr(srv, "MAX_CONNECTIONS", 5)
    s = RoomServer(links, recorder.intent, recorder.count)
    s.start("127.0.0.1", 0)
    try:

        async def main() -> list[int | str]:
            out: list[int | str] = []
            async with aiohttp.ClientSession() as c:
                sockets = []
                for i in range(7):
                    try:
                        ws = await c.ws_connect(ws_url(s, links.timer, phone=f"{PHONE}{i}"), origin=base(s))
                        sockets.append(ws)
                        out.append("open")
                    except aiohttp.WSServerHandshakeError as exc:
                        out.append(exc.status)
                for ws in sockets:
                    await ws.close()
            return out

        assert run(main()) == ["open"] * 5 + [503, 503]
    finally:
        s.stop()
    assert MAX_CONNECTIONS == 500


def test_new_links_drop_every_phone_and_old_tokens_stop(server: RoomServer, links: RoomLinks) -> None:
    async def main() -> tuple[int | None, int]:
        async with aiohttp.ClientSession() as c:
            ws = await c.ws_connect(ws_url(server, links.timer), origin=base(server))
            await ws.receive_str()
            server.set_links(links.renewed())
            msg = await ws.receive(timeout=2)
            async with c.get(f"{base(server)}/{links.timer}") as r:
                return (msg.data if msg.type == aiohttp.WSMsgType.CLOSE else None), r.status

    code, status = run(main())
    assert code == 4001 and status == 403


def test_pings_answer_with_the_server_clock(links: RoomLinks, recorder: Recorder) -> None:
    s = RoomServer(links, recorder.intent, recorder.count, now_ms=lambda: 123456.0)
    s.start("127.0.0.1", 0)
    try:

        async def main() -> dict[str, Any]:
            async with aiohttp.ClientSession() as c:
                ws = await c.ws_connect(ws_url(s, links.timer), origin=base(s))
                await ws.receive_str()
                await ws.send_json({"t": "ping", "c": 42.5})
                message: dict[str, Any] = json.loads(await ws.receive_str())
                return message

        assert run(main()) == {"t": "pong", "c": 42.5, "s": 123456.0}
    finally:
        s.stop()


def test_links_are_kept_owner_only_and_survive_a_restart(tmp_path: Path) -> None:
    first = load_links(tmp_path)
    path = tmp_path / "room.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_links(tmp_path) == first
    renewed = first.renewed().with_port(9000)
    save_links(renewed, tmp_path)
    again = load_links(tmp_path)
    assert again == renewed and again.timer != first.timer and again.pin != "" and again.port == 9000
    assert len({again.timer, again.audience, again.control}) == 3
    path.write_text("{garbage", encoding="utf-8")
    fresh = load_links(tmp_path)
    assert fresh.timer != renewed.timer and stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_taken_port_is_a_clear_oserror(server: RoomServer, links: RoomLinks, recorder: Recorder) -> None:
    other = RoomServer(links, recorder.intent, recorder.count)
    with pytest.raises(OSError):
        other.start("127.0.0.1", server.port)
    assert not other.running


def test_half_open_clients_are_closed_after_the_idle_timeout(
    links: RoomLinks, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fishbowl_desktop.room.server as srv

    monkeypatch.setattr(srv, "IDLE_S", 0.3)
    s = RoomServer(links, recorder.intent, recorder.count)
    s.start("127.0.0.1", 0)
    try:

        async def main() -> list[bytes]:
            pairs = []
            for _ in range(20):
                reader, writer = await asyncio.open_connection("127.0.0.1", s.port)
                writer.write(b"GET /" + links.timer.encode() + b" HTTP/1.1\r\nHost: 127.0.0")  # and then nothing
                pairs.append((reader, writer))
            # the server hangs up on its own: read() returns b"" (EOF) well before the 5 s bound
            ends = await asyncio.wait_for(asyncio.gather(*(r.read() for r, _ in pairs)), 5)
            for _, w in pairs:
                w.close()
            return list(ends)

        assert run(main()) == [b""] * 20
    finally:
        s.stop()


def _adapter(name: str, *ips: str | tuple[str, int, int], nice: str = "") -> SimpleNamespace:
    return SimpleNamespace(name=name, nice_name=nice or name, ips=[SimpleNamespace(ip=ip) for ip in ips])


def test_laptop_addresses_put_the_wifi_first_and_loopback_last() -> None:
    """The first address is the one the QR codes print: the Wi-Fi's, not a container bridge's or the laptop's own."""
    from fishbowl_desktop.room.addresses import laptop_addresses

    adapters = [
        _adapter("lo", "127.0.0.1", ("::1", 0, 0)),
        _adapter("docker0", "172.17.0.1"),
        _adapter("{5E1A…}", "172.29.80.1", nice="vEthernet (WSL)"),  # Windows names adapters by GUID
        _adapter("wlan0", "169.254.7.7", ("fe80::1", 0, 3), "192.168.43.17", ("fd00::2", 0, 0)),
    ]
    assert laptop_addresses(lambda: adapters) == [
        "192.168.43.17",
        "fd00::2",
        "172.17.0.1",
        "172.29.80.1",
        "127.0.0.1",
        "::1",
    ]


def test_laptop_addresses_are_never_empty() -> None:
    from fishbowl_desktop.room.addresses import laptop_addresses

    def refused() -> list[SimpleNamespace]:
        raise OSError("no interface table")

    assert laptop_addresses(refused) == ["127.0.0.1"]
    assert laptop_addresses(list) == ["127.0.0.1"]


def test_laptop_addresses_name_this_machines_lan_address() -> None:
    """Through the operating system's own table (ifaddr), as on Windows and macOS: every address an interface
    reports that is not loopback or link-local is offered, and the first one is one of them."""
    import ipaddress

    import ifaddr

    from fishbowl_desktop.room.addresses import laptop_addresses

    reported = {
        (ip.ip if isinstance(ip.ip, str) else ip.ip[0]) for adapter in ifaddr.get_adapters() for ip in adapter.ips
    }
    lan = {a for a in reported if not (ipaddress.ip_address(a).is_loopback or ipaddress.ip_address(a).is_link_local)}
    if not lan:
        pytest.skip("this machine has no network interface besides loopback")
    found = laptop_addresses()
    assert lan <= set(found)
    assert found[0] in lan
