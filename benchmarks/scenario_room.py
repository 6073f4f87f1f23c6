"""The room (issue 15): fan-out to a full hall, the console's stalls under a burst, and how closely a phone's
shown second follows the projector's.

    python -m benchmarks.scenario_room fanout [CLIENTS] [ACTIONS]
    python -m benchmarks.scenario_room stall [CLIENTS]            # the room on its own thread (as shipped)
    python -m benchmarks.scenario_room sync [SECONDS]

The console is opened as `run_app` does and runs on Qt's own event loop, as `run_app` runs it (no asyncio loop
on the UI thread); the room is the console's own (built by its Room menu, its server on its own thread with its own
asyncio loop), bound to 127.0.0.1 only. The hall is another process (`room_clients.py`).
"""

from __future__ import annotations

import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from typing import Any

from fishbowl_desktop.model import SystemClock, TurnSettings

from .qtkit import StallProbe, make_app, open_console, open_projector, percentile, report, wait, wait_until
from .sessions import evening


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Hall:
    """The client process, its stdout read on a thread so the console's loop never waits on a pipe."""

    def __init__(self, *args: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.room_clients", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("EOF")

    def expect(self, prefix: str, timeout: float = 120) -> str:
        """Qt's loop runs (the console with it) until the hall says `prefix`; its line is checked every 10 ms."""
        said: list[str] = []

        def heard() -> bool:
            while not said:
                try:
                    line = self.lines.get_nowait()
                except queue.Empty:
                    return False
                if line.startswith(prefix):
                    said.append(line[len(prefix) :].strip())
                elif line == "EOF":
                    raise RuntimeError(f"the hall ended without saying {prefix}")
            return True

        try:
            wait_until(heard, timeout, f"the hall saying {prefix}")
        except TimeoutError:
            raise RuntimeError(f"the hall did not say {prefix}") from None
        return said[0]

    def say(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def finish(self) -> None:
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _console(seconds: int = 3600) -> Any:
    session = evening(
        SystemClock(), people=150, records=60, waiting=10, settings=TurnSettings(free_chair_seconds=min(3600, seconds))
    )
    console = open_console(session)
    room = console.window.room_menu.room
    room.set_port(free_port())
    return console, room


def fanout(clients: int, actions: int) -> dict[str, Any]:
    console, room = _console()
    room.start("127.0.0.1")
    base = f"http://127.0.0.1:{room.port}"
    hall = Hall("sockets", base, room.links.timer, str(clients))
    hall.expect("READY")
    wait(500)
    sent: list[float] = []
    server_thread = room._server._loop_thread.thread if room._server is not None else None
    assert server_thread is not None and server_thread.ident
    server_clock = time.pthread_getcpuclockid(server_thread.ident)
    server_cpu0 = time.clock_gettime(server_clock)
    ui_cpu: list[float] = []
    for _ in range(actions):
        sent.append(time.monotonic())
        before = time.thread_time()
        console.controller.toggle_timer()  # Space, as the moderator presses it
        ui_cpu.append((time.thread_time() - before) * 1000)
        wait(300)
    server_cpu_ms = (time.clock_gettime(server_clock) - server_cpu0) * 1000
    hall.say("DONE")
    result = json.loads(hall.expect("RESULT"))
    hall.finish()
    room.stop()
    per_action_max: list[float] = []
    all_ms: list[float] = []
    missing = 0
    for k, t in enumerate(sent):
        arrivals = []
        for times in result["received"]:
            later = [x for x in times if x >= t]
            if len(times) > k:
                arrivals.append((times[k] - t) * 1000)
            elif later:
                arrivals.append((later[0] - t) * 1000)
            else:
                missing += 1
        all_ms += arrivals
        per_action_max.append(max(arrivals, default=float("nan")))
    return {
        "clients": clients,
        "actions": actions,
        "fanout_ms_p95": percentile(per_action_max, 95),
        "fanout_ms_max": max(per_action_max),
        "client_ms_p95": percentile(all_ms, 95),
        "client_ms_p50": percentile(all_ms, 50),
        "missing": missing,
        # CPU time, which the machine's load does not inflate: the server thread over the whole action
        # loop (sending to every phone, plus their heartbeats), and the intent on the UI thread
        "server_cpu_ms_per_action": server_cpu_ms / max(1, actions),
        "ui_cpu_ms_per_action_median": percentile(ui_cpu, 50),
    }


def stall(clients: int) -> dict[str, Any]:
    console, room = _console()
    room.start("127.0.0.1")
    base = f"http://127.0.0.1:{room.port}"
    hall = Hall("sockets", base, room.links.timer, str(clients))
    hall.expect("READY")
    probe = StallProbe()
    probe.start()
    wait(2000)
    idle = probe.max_gap_ms()
    t0 = time.perf_counter()
    hall.say("BURST")
    burst = json.loads(hall.expect("BURSTED"))
    wait(300)
    t1 = time.perf_counter()
    probe.stop()
    hall.say("DONE")
    hall.expect("RESULT")
    hall.finish()
    room.stop()
    during = [(b - a) * 1000 for a, b in probe.gaps() if b >= t0 and a <= t1]
    return {
        "clients": clients,
        "stall_ms_max": probe.max_gap_ms(t0, t1),
        "stall_ms_p99": percentile(during, 99),
        "gaps_over_16ms": sum(g > 16 for g in during),
        "idle_stall_ms_max": idle,
        "burst": burst,
    }


def sync(seconds: int) -> dict[str, Any]:
    console, room = _console(seconds + 120)
    open_projector(console)
    ticker = console.ticker
    shown: list[tuple[float, str]] = []
    ticker.displayChanged.connect(lambda: shown.append((time.time() * 1000, ticker.view().text)))
    room.start("127.0.0.1")
    hall = Hall("browser", f"http://127.0.0.1:{room.port}/{room.links.timer}")
    hall.expect("READY")
    start = time.time() * 1000
    wait(seconds * 1000)
    hall.say("DONE")
    log = json.loads(hall.expect("RESULT"))["log"]
    hall.finish()
    room.stop()
    projector = {text: t for t, text in shown if t >= start}
    diffs = [abs(t - projector[text]) for t, text in log if text in projector and t >= start]
    return {
        "seconds": seconds,
        "compared": len(diffs),
        "sync_ms_max": max(diffs, default=float("nan")),
        "sync_ms_p95": percentile(diffs, 95),
        "page_changes": len(log),
    }


def main(argv: list[str]) -> int:
    make_app()  # Qt's own event loop, as in run_app: no asyncio loop on the UI thread
    mode = argv[0]
    if mode == "fanout":
        result = fanout(int(argv[1]) if len(argv) > 1 else 300, int(argv[2]) if len(argv) > 2 else 30)
    elif mode == "stall":
        result = stall(int(argv[1]) if len(argv) > 1 else 300)
    else:
        result = sync(int(argv[1]) if len(argv) > 1 else 300)
    report(**result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
