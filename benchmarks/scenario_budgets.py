"""The time budgets that used to be asserted inside the test suite, measured here instead (issue 24: a test that
asserts a wall-clock duration fails on a busy machine for no defect; the suite keeps what each of them checks).

- `csv_import_30000_s`: reading a 30,000-row CSV, importing it and adding 15,000 people one by one and the rest
  at once (the import was quadratic: 15,000 rows took 16 s; linear, about 1.5 s here).
- `room_burst_1000_s`: 1,000 requests at once to the room's server (half with a good link, half guessing).
- `room_phone_amid_500_slow_s`: one real phone's page while 500 connections never finish their request.

No Qt: the import and the room's server are Qt-free. Usage: python -m benchmarks.scenario_budgets RUNS
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.room.links import RoomLinks
from fishbowl_desktop.room.server import RoomServer
from fishbowl_desktop.spreadsheets import guess_mapping, import_rows, read_participants_csv

ROWS = 30_000


def report(**data: object) -> None:
    print("BENCH " + json.dumps(data), flush=True)


def csv_import() -> float:
    lines = ["Vorname;Nachname;Organisation"] + [f"Vor{i};Nach{i};Verein {i % 50}" for i in range(ROWS)]
    started = time.perf_counter()
    table = read_participants_csv("\n".join(lines).encode())
    result = import_rows(table, guess_mapping(table.headers), [])
    session = Session(FakeClock())
    for person in result.participants[: ROWS // 2]:
        session.add_participant(person)  # one by one, as quick entry does
    session.add_participants(result.participants[ROWS // 2 :])
    took = time.perf_counter() - started
    assert len(session.participants) == ROWS
    return took


async def _status(url: str) -> int:
    import aiohttp

    async with aiohttp.ClientSession() as c, c.get(url) as r:
        await r.read()
        return r.status


def room(server: RoomServer, links: RoomLinks) -> tuple[float, float]:
    import aiohttp

    base = f"http://127.0.0.1:{server.port}"

    async def burst() -> float:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100)) as c:

            async def one(i: int) -> int:
                async with c.get(base + (f"/{links.timer}" if i % 2 else f"/guess{i}")) as r:
                    await r.read()
                    return r.status

            start = time.perf_counter()
            statuses = await asyncio.gather(*(one(i) for i in range(1000)))
            took = time.perf_counter() - start
        assert statuses.count(200) == 500 and statuses.count(403) == 500
        return took

    async def amid_slow() -> float:
        writers = []
        for _ in range(500):
            _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            writer.write(b"GET /" + links.timer.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            writers.append(writer)
        await asyncio.sleep(0.2)
        start = time.perf_counter()
        status = await _status(f"{base}/{links.timer}")
        took = time.perf_counter() - start
        for w in writers:
            w.close()
        assert status == 200
        return took

    return asyncio.run(burst()), asyncio.run(amid_slow())


def main(runs: int) -> int:
    imports = [csv_import() for _ in range(runs)]
    bursts, slow = [], []
    for _ in range(runs):
        links = RoomLinks()
        server = RoomServer(links, lambda *_: None, lambda _counts: None)
        server.start("127.0.0.1", 0)
        server.publish({"mode": "idle", "lang": "en", "title": "Budgets", "at": 0}, {}, set())
        try:
            burst, amid = room(server, links)
        finally:
            server.stop()
        bursts.append(burst)
        slow.append(amid)
    report(
        csv_import_30000_s=statistics.median(imports),
        room_burst_1000_s=statistics.median(bursts),
        room_phone_amid_500_slow_s=statistics.median(slow),
        runs=runs,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
