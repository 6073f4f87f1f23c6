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

from fishbowl_desktop.room.file_limit import ServerBudget
from fishbowl_desktop.room.links import RoomLinks, load_links, save_links
from fishbowl_desktop.room.server import RoomServer
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


def ws_url(server: RoomServer, token: str, phone: str = PHONE) -> str:
    return f"{base(server)}/{token}/ws?phone={phone}"


async def _control(server: RoomServer, links: RoomLinks, pin: str | None, phone: str = PHONE) -> int | str:
    """Open the control link as the page does (the PIN as the socket's first message), send a toggle; "open",
    or the close code and the error the server sent before closing."""
    async with aiohttp.ClientSession() as c:
        ws = await c.ws_connect(ws_url(server, links.control, phone), origin=base(server))
        if pin is not None:
            await ws.send_json({"t": "pin", "pin": pin})
        first = await ws.receive(timeout=15)
        if first.type != aiohttp.WSMsgType.TEXT or json.loads(first.data)["t"] != "state":
            error = json.loads(first.data)["e"] if first.type == aiohttp.WSMsgType.TEXT else None
            await ws.receive(timeout=5)
            return f"{ws.close_code}:{error}"
        await ws.send_json({"t": "do", "a": "toggle"})
        await ws.close()
        return "open"


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


def test_no_server_banner_on_any_answer(server: RoomServer, links: RoomLinks) -> None:
    """No "Server: Python/3.x aiohttp/3.y": a page, a refusal, a socket's handshake, a request that is no HTTP."""

    async def main() -> list[str]:
        banners = []
        async with aiohttp.ClientSession() as c:
            for path in (f"/{links.audience}", "/nope", f"/{links.audience}/room.js"):
                async with c.get(base(server) + path) as r:
                    banners.append(r.headers.get("Server", ""))
            ws = await c.ws_connect(ws_url(server, links.timer), origin=base(server))
            banners.append(ws._response.headers.get("Server", ""))
            await ws.close()
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"NOT HTTP AT ALL\r\n\r\n")
        raw = await asyncio.wait_for(reader.read(), 10)
        writer.close()
        banners.append("aiohttp" if b"aiohttp" in raw.lower() or b"python" in raw.lower() else "")
        return banners

    assert run(main()) == [""] * 5


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
    wrong = "000000" if links.pin != "000000" else "111111"
    assert run(_control(server, links, "")) == "4003:pin"
    assert run(_control(server, links, wrong)) == "4003:pin"
    assert run(_control(server, links, links.pin)) == "open"
    for _ in range(5):
        run(_control(server, links, wrong))
    assert run(_control(server, links, links.pin)) == "4003:wait", "after five wrong PINs even the right one waits"
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and not recorder.intents:
        time.sleep(0.01)
    assert recorder.intents == [("control", PHONE, {"do": "toggle"})]


def test_the_pin_in_the_url_opens_nothing(server: RoomServer, links: RoomLinks, recorder: Recorder) -> None:
    """The PIN travels as the first message only: a URL with it (a phone's history, a proxy's log) is no key."""

    async def main() -> int | str:
        async with aiohttp.ClientSession() as c:
            ws = await c.ws_connect(f"{ws_url(server, links.control)}&pin={links.pin}", origin=base(server))
            msg = await ws.receive(timeout=20)
            return json.loads(msg.data)["e"] if msg.type == aiohttp.WSMsgType.TEXT else str(msg.type)

    assert run(main()) == "pin"
    assert recorder.intents == []


def test_pin_guessing_is_limited_per_control_link_from_any_address(
    links: RoomLinks, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many addresses (127.0.3.x here) each under the per-address limit: the link itself stops the guessing."""
    import fishbowl_desktop.room.pin_guard as guard

    monkeypatch.setattr(guard, "TOKEN_PIN_FAILURES", 8)
    s = RoomServer(links, recorder.intent, recorder.count)
    s.start("127.0.0.1", 0)
    wrong = "000000" if links.pin != "000000" else "111111"

    async def attempt(address: str, pin: str) -> str:
        conn = aiohttp.TCPConnector(local_addr=(address, 0))
        async with aiohttp.ClientSession(connector=conn) as c:
            ws = await c.ws_connect(ws_url(s, links.control), origin=base(s))
            await ws.send_json({"t": "pin", "pin": pin})
            msg = await ws.receive(timeout=15)
            await ws.close()
            data = json.loads(msg.data)
            return "open" if data["t"] == "state" else str(data["e"])

    try:
        answers = [run(attempt(f"127.0.3.{i + 1}", wrong)) for i in range(8)]
        assert answers == ["pin"] * 8
        assert run(attempt("127.0.3.100", links.pin)) == "wait", "a fresh address is no way round the link's limit"
    finally:
        s.stop()


def test_timer_and_audience_tokens_can_never_control(server: RoomServer, links: RoomLinks, recorder: Recorder) -> None:
    async def try_control(token: str) -> bool:
        async with aiohttp.ClientSession() as c:
            ws = await c.ws_connect(ws_url(server, token), origin=base(server))
            await ws.send_json({"t": "pin", "pin": links.pin})
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
        (
            "audience",
            PHONE,
            {"do": "request", "name": "<img src=x onerror=alert(1)>", "group": "", "consent": True, "seq": 1},
        )
    ]


def test_clean_name_keeps_scripts_and_joiners_but_not_controls() -> None:
    assert clean_name(" Şule  Öztürk ") == "Şule Öztürk"
    assert clean_name("نور\u200cالهدى") == "نور\u200cالهدى"
    assert clean_name("Nguyễn Văn An") == "Nguyễn Văn An"
    assert clean_name("a\nb") == "a b"  # whitespace collapses, nothing hidden survives
    assert clean_name("a\u0000b") is None
    assert clean_name(42) is None


def test_a_burst_of_1000_requests_is_survived(server: RoomServer, links: RoomLinks) -> None:
    async def main() -> list[int]:
        conn = aiohttp.TCPConnector(limit=100)
        async with aiohttp.ClientSession(connector=conn) as c:

            async def one(i: int) -> int:
                path = f"/{links.timer}" if i % 2 else f"/guess{i}"
                async with c.get(base(server) + path) as r:
                    await r.read()
                    return r.status

            # A generous bound against a hang; how quick it is (≤ 30 s) is measured by `python -m benchmarks.run`
            # (room_burst_1000_s): a timed assertion here fails on a busy machine for no defect.
            return list(await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(1000))), timeout=300))

    statuses = run(main())
    assert statuses.count(200) == 500 and statuses.count(403) == 500
    assert run(_status(f"{base(server)}/{links.timer}")) == 200


def test_500_slow_connections_do_not_lock_out_a_real_phone(server: RoomServer, links: RoomLinks) -> None:
    async def main() -> int:
        writers = []
        for _ in range(500):
            _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            writer.write(b"GET /" + links.timer.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            writers.append(writer)
        await asyncio.sleep(0.2)
        # Locked out means no answer: a generous timeout catches that. How quick the answer is (≤ 2 s) is measured
        # by the benchmarks (room_phone_amid_500_slow_s), not asserted on a machine that may be busy.
        status = await asyncio.wait_for(_status(f"{base(server)}/{links.timer}"), timeout=60)
        for w in writers:
            w.close()
        return status

    status = run(main())
    assert status == 200


def test_each_kind_of_link_has_its_own_budget_and_control_always_has_room(
    links: RoomLinks, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full timer link refuses the sixth tablet with "busy" (1013, never a 403 or a PIN error); a full
    audience link does the same; the co-moderator's control link still opens."""
    import fishbowl_desktop.room.gate as gate

    monkeypatch.setattr(gate, "server_budget", lambda *_a: ServerBudget(total=40, audience=5, timer=5, control=2))
    s = RoomServer(links, recorder.intent, recorder.count)
    s.start("127.0.0.1", 0)
    try:

        async def main() -> tuple[list[int | str], list[int | str], int | str]:
            async with aiohttp.ClientSession() as c:
                held = []

                async def fill(token: str) -> list[int | str]:
                    out: list[int | str] = []
                    for i in range(7):
                        ws = await c.ws_connect(ws_url(s, token, phone=f"{PHONE}{i}"), origin=base(s))
                        data = json.loads(await ws.receive_str())
                        if data["t"] == "state":
                            held.append(ws)
                            out.append("open")
                        else:
                            await ws.receive(timeout=5)
                            out.append(f"{ws.close_code}:{data['e']}")
                    return out

                timers = await fill(links.timer)
                audience = await fill(links.audience)
                control = await _control(s, links, links.pin)
                for ws in held:
                    await ws.close()
            return timers, audience, control

        timers, audience, control = run(main())
        assert timers == ["open"] * 5 + ["1013:busy"] * 2
        assert audience == ["open"] * 5 + ["1013:busy"] * 2
        assert control == "open"
    finally:
        s.stop()


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


def test_one_address_cannot_fill_the_audience_link(
    links: RoomLinks, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fishbowl_desktop.room.gate as gate

    monkeypatch.setattr(gate, "server_budget", lambda *_a: ServerBudget(total=100, audience=50, timer=10, control=2))
    s = RoomServer(links, recorder.intent, recorder.count)
    s.start("127.0.0.1", 0)

    async def main() -> tuple[list[str], str]:
        held = []

        async def one(c: aiohttp.ClientSession, i: int) -> str:
            ws = await c.ws_connect(ws_url(s, links.audience, phone=f"{PHONE}{i:03d}"), origin=base(s))
            data = json.loads(await ws.receive_str())
            held.append(ws)
            return "open" if data["t"] == "state" else str(data["e"])

        async with aiohttp.ClientSession() as stranger:
            answers = [await one(stranger, i) for i in range(gate.AUDIENCE_PER_ADDRESS + 2)]
            other = aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=("127.0.4.1", 0)))
            async with other:
                neighbour = await one(other, 999)
                for ws in held:
                    await ws.close()
        return answers, neighbour

    try:
        answers, neighbour = run(main())
    finally:
        s.stop()
    assert answers == ["open"] * gate.AUDIENCE_PER_ADDRESS + ["busy"] * 2
    assert neighbour == "open", "another phone in the hall still gets in"
