"""Issue 23, point 1: a damaged support file never stops the program from starting.

Each hostile settings.json, state.json, crash marker (running-PID.json) and room.json goes through a real
start of the program in a child process (tests/startup/start_server.py: the entry point, a fresh
QApplication, the console window). For each: the window appears (a child that hangs is ended by its
watchdog and reported as a hang), the file is set aside beside itself (never deleted), and the window says
which file and what was reset. A BOM from Notepad and a UTF-16 file from Windows are read, not refused.

Before the guarded reader, 14 of the 42 crashed before any window (RecursionError, MemoryError,
OverflowError, OSError), the FIFOs hung forever, and BOM, newer version, folder and NaN reset silently.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import save_session

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="the start server forks (POSIX)"),
    pytest.mark.slow,  # one of the few slow modules: `pytest -m "not slow"` leaves it out
]

SERVER = Path(__file__).with_name("start_server.py")
PARALLEL = 3
"""Children at a time: enough to keep two cores busy while one waits for its window."""
DEADLINE_SECONDS = 600
"""For the whole set; each child also has its own watchdog (start_server.WATCHDOG_SECONDS)."""
DEAD_PID = 4_194_000  # above Linux's default pid_max (2^22 = 4,194,304 is the ceiling): nobody has it
TITLE = "Neue Hannoveraner"

Maker = Callable[[Path], object]


def _text(content: str) -> Maker:
    return lambda path: path.write_text(content, encoding="utf-8")


def _bytes(content: bytes) -> Maker:
    return lambda path: path.write_bytes(content)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _sparse(path: Path) -> None:
    with open(path, "wb") as f:
        f.truncate(2 * 1024**3)


def _deep(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    make: Maker
    refused: bool = True
    words: str = ""
    """What the window must say besides the file's name (a phrase of its reason)."""


def _valid(file: str, home: Path) -> str:
    """A good file of each kind, as JSON text: German settings, a state naming the evening, a crash marker."""
    session = str(home / "sessions" / "evening.fishbowl.json")
    if file == "settings.json":
        return json.dumps({"version": 2, "language": "de"})
    if file == "state.json":
        return json.dumps({"recent": [session], "last_session": session})
    return json.dumps({"session": session, "pid": DEAD_PID, "since": "2026-12-03T19:00:00+01:00"})


def _generic(file: str) -> list[Case]:
    """Fourteen hostile versions of one support file: twelve refused, two (BOM, UTF-16) read."""

    def valid_with(change: Callable[[str], str]) -> Maker:
        return lambda path: path.write_text(change(_valid(file, path.parent)), encoding="utf-8")

    return [
        Case("deep-nesting", file, _deep, words="nested"),
        Case("dev-zero", file, _dev_zero, words="device"),
        Case("sparse-2GB", file, _sparse, words="too big"),
        Case("fifo", file, _fifo, words="named pipe"),
        Case("folder", file, _folder, words="folder"),
        Case("nan", file, valid_with(lambda t: t[:-1] + ', "x": NaN}'), words="NaN"),
        Case("1e400", file, valid_with(lambda t: t[:-1] + ', "x": 1e400}'), words="1e400"),
        Case("duplicate-key", file, valid_with(lambda t: t[:-1] + ', "x": 1, "x": 2}'), words="“x” twice"),
        Case("truncated", file, valid_with(lambda t: t[: len(t) // 2]), words="damaged"),
        Case("empty", file, _text(""), words="damaged"),
        Case("not-utf8", file, _bytes(b'{"x": "\xff\xfe\xfa"}'), words="not text"),
        Case("20-digits", file, valid_with(lambda t: t[:-1] + ', "x": 12345678901234567890}'), words="20 digits"),
        Case("bom", file, lambda p: p.write_bytes(b"\xef\xbb\xbf" + _valid(file, p.parent).encode()), refused=False),
        Case("utf-16", file, lambda p: p.write_bytes(_valid(file, p.parent).encode("utf-16")), refused=False),
    ]


def _specific(home_relative: Callable[[Path], dict[str, Any]], file: str, name: str, words: str) -> Case:
    return Case(name, file, lambda path: path.write_text(json.dumps(home_relative(path.parent))), words=words)


SUPPORT_CASES: list[Case] = [
    *_generic("settings.json"),
    *_generic("state.json"),
    *_generic("running-4242.json"),
]
MORE_CASES: list[Case] = [
    _specific(lambda h: {"version": 7, "language": "de"}, "settings.json", "newer-version", "newer"),
    _specific(lambda h: {"version": "2"}, "settings.json", "version-text", "version"),
    _specific(lambda h: {"version": 2, "x": 10**30}, "settings.json", "huge-number", "31 digits"),
    _specific(lambda h: {"last_session": "/x" * 50_000}, "state.json", "100k-path", "last_session"),
    _specific(lambda h: {"recent": "not a list"}, "state.json", "recent-not-list", "recent"),
    _specific(
        lambda h: {"session": str(h / "sessions" / "evening.fishbowl.json"), "pid": 10**18 - 1},
        "running-4242.json",
        "pid-overflow",
        "pid",
    ),
    _specific(lambda h: {"session": "/x" * 50_000, "pid": DEAD_PID}, "running-4242.json", "100k-path", "session"),
]

GOOD_LINKS = {
    "timer": "T" * 22,
    "audience": "A" * 22,
    "control": "C" * 22,
    "pin": "123456",
    "port": 8765,
    "accept_directly": False,
}


def _links(**changes: object) -> Maker:
    return _text(json.dumps({**GOOD_LINKS, **changes}, ensure_ascii=False))


ROOM_CASES: list[Case] = [
    Case("truncated", "room.json", _text(json.dumps(GOOD_LINKS)[:40]), words="damaged"),
    Case("weak-token", "room.json", _links(audience="short"), words="links"),
    Case("equal-tokens", "room.json", _links(control="T" * 22), words="links"),
    Case("one-digit-pin", "room.json", _links(pin="7"), words="pin"),
    Case("arabic-indic-pin", "room.json", _links(pin="٣٤٥٦٧٨"), words="pin"),
    Case("pin-number", "room.json", _links(pin=123456), words="pin"),
    Case("accept-false-text", "room.json", _links(accept_directly="false"), words="accept_directly"),
    Case("port-text", "room.json", _links(port="8765"), words="port"),
    Case(
        "missing-pin", "room.json", _text(json.dumps({k: v for k, v in GOOD_LINKS.items() if k != "pin"})), words="pin"
    ),
    Case("deep-nesting", "room.json", _deep, words="nested"),
    Case("fifo", "room.json", _fifo, words="named pipe"),
    Case("bom", "room.json", lambda p: p.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD_LINKS).encode()), refused=False),
]

ALL_CASES = (
    [(f"{c.file}:{c.name}", c) for c in SUPPORT_CASES]
    + [(f"{c.file}:{c.name}", c) for c in MORE_CASES]
    + [(f"{c.file}:{c.name}", c) for c in ROOM_CASES]
)


def _prepare(home: Path, case: Case) -> None:
    """A data folder with one saved evening (the last session) and the hostile file."""
    (home / "sessions").mkdir(parents=True, mode=0o700)
    home.chmod(0o700)
    evening = home / "sessions" / "evening.fishbowl.json"
    save_session(demo_session(FakeClock()), evening)
    if case.file != "state.json":
        (home / "state.json").write_text(json.dumps({"recent": [str(evening)], "last_session": str(evening)}))
    case.make(home / case.file)


def _run_all(tmp_path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FISHBOWL_DESKTOP_HOME", None)
    server = subprocess.Popen(
        [sys.executable, str(SERVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=tmp_path
    )
    assert server.stdin is not None and server.stdout is not None
    results: dict[str, dict[str, Any]] = {}
    ended: dict[str, str] = {}
    waiting = list(ALL_CASES)
    running = 0
    buffer = b""
    deadline = time.monotonic() + DEADLINE_SECONDS
    try:
        while (waiting or running) and time.monotonic() < deadline:
            while waiting and running < PARALLEL:
                key, case = waiting.pop(0)
                home = tmp_path / key.replace(":", "--")
                _prepare(home, case)
                server.stdin.write(f"start\t{key}\t{home}\n".encode())
                server.stdin.flush()
                running += 1
            ready, _, _ = select.select([server.stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(server.stdout.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
            while b"\n" in buffer:
                raw, buffer = buffer.split(b"\n", 1)
                words = raw.decode("utf-8").split("\t")
                if words[0] == "RESULT":
                    results[words[1]] = json.loads(words[2])
                elif words[0] == "DONE":
                    ended[words[1]] = words[2]
                    running -= 1
        server.stdin.write(b"quit\n")
        server.stdin.flush()
        server.wait(timeout=120)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    return results, ended


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]], dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile-support")
    results, ended = _run_all(folder)
    return folder, results, ended


def test_the_set_is_what_the_issue_counted() -> None:
    assert len(SUPPORT_CASES) == 42


@pytest.mark.parametrize(("key", "case"), ALL_CASES, ids=[key for key, _ in ALL_CASES])
def test_a_hostile_support_file_still_opens_the_window_and_says_so(
    started: tuple[Path, dict[str, dict[str, Any]], dict[str, str]], key: str, case: Case
) -> None:
    folder, results, ended = started
    home = folder / key.replace(":", "--")
    assert key in results, f"no window: the start ended with {ended.get(key, 'no end (a hang)')}"
    assert ended.get(key) == "exit 0", f"the start ended with {ended.get(key)}"
    shown = results[key]
    aside = home / (case.file + ".broken")
    if not case.refused:
        assert not os.path.lexists(aside), "a good file was set aside"
        assert "set aside" not in shown["message"]
        if case.file == "settings.json":
            assert shown["language"] == "de", "the settings were not read"
        elif case.file.startswith("running-"):
            assert "did not close properly" in shown["message"] or "nicht ordnungsgemäß" in shown["message"]
        if case.file != "room.json":
            assert shown["path"].endswith("evening.fishbowl.json"), "the evening was not reopened"
        else:
            assert json.loads((home / "room.json").read_bytes().decode("utf-8-sig"))["pin"] == "123456"
        return
    assert os.path.lexists(aside), f"{case.file} was not set aside"
    assert not os.path.lexists(home / case.file) or case.file in ("settings.json", "state.json"), (
        "the refused file is still in the way"
    )
    message = shown["message"]
    assert f"{case.file} was set aside as {case.file}.broken" in message, message
    assert case.words in message, message
    assert shown["action"] and case.file in shown["details"] and str(aside) in shown["details"]
    if case.file == "room.json":
        assert "QR codes" in message
        if case.make is not _fifo:
            kept = aside.read_bytes()
            assert kept, "the old links are kept in the file set aside"
    if case.file == "settings.json":
        assert "Every preference is back to its default" in message
