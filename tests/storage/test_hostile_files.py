"""Each hostile file through the three doors a moderator opens it by: `check`, the start-up (as the last
session and as the crashed one) and File → Open. Each is refused in one line, with the usual reason, and
left exactly as it was; the start opens a new session and says which file it could not open and why."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import Autosaver, SessionController
from fishbowl_desktop.controller.session_files import SessionFiles
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import SessionFileError, Workspace, load_session, save_session
from helpers.bad_files import BadFile
from helpers.hostile_files import HOSTILE_FILES

IDS = [c[0] for c in HOSTILE_FILES]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "abend.fishbowl"
    save_session(demo_session(FakeClock()), path)
    return path.read_bytes()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace(tmp_path / "home")
    ws.ensure()
    return ws


def hostile(case: BadFile, good: bytes, folder: Path) -> tuple[Path, bytes]:
    path = folder / "abend.fishbowl"
    data = case[1](good)
    path.write_bytes(data)
    return path, data


@pytest.mark.parametrize("case", HOSTILE_FILES, ids=IDS)
def test_the_loader_refuses_in_one_line(case: BadFile, good: bytes, tmp_path: Path) -> None:
    path, data = hostile(case, good, tmp_path)
    with pytest.raises(SessionFileError) as caught:
        load_session(path)
    message = str(caught.value)
    assert caught.value.kind == case[2], message
    assert case[3] in message, message
    assert "\n" not in message and len(message) < 400, message
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF for c in message)
    assert path.read_bytes() == data


@pytest.mark.parametrize("case", HOSTILE_FILES, ids=IDS)
def test_check_says_why_in_one_clean_line(case: BadFile, good: bytes, tmp_path: Path) -> None:
    path, data = hostile(case, good, tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "fishbowl_desktop", "check", str(path)],
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1, err
    assert result.stdout == b""
    assert err.count("\n") == 1 and err.startswith("fishbowl-desktop: abend.fishbowl: "), err
    assert case[3] in err and "Traceback" not in err and "set_int_max_str_digits" not in err
    assert b"\x1b" not in result.stderr and b"\x9b" not in result.stderr.replace("…".encode(), b"")
    assert path.read_bytes() == data


def test_check_never_echoes_escape_sequences_from_a_file_name(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "\x1b]0;pwned\x07\x1b[2Jabend.fishbowl"
    path.write_bytes(good)
    for args in (["check", str(path)], ["check", str(tmp_path / "\x1b[31mfehlt.fishbowl")]):
        result = subprocess.run(
            [sys.executable, "-m", "fishbowl_desktop", *args],
            capture_output=True,
            timeout=120,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        out = result.stdout + result.stderr
        assert b"\x1b" not in out and b"\x07" not in out, out
        assert b"\\u001b" in out


def test_check_survives_a_file_name_that_is_not_utf8(good: bytes, tmp_path: Path) -> None:
    """Such a name reaches Python as a lone surrogate ("\udcff"); printing it used to raise."""
    raw = os.fsencode(tmp_path) + b"/Sitzung-\xff.fishbowl"
    with open(raw, "wb") as handle:
        handle.write(good)
    result = subprocess.run(
        [sys.executable, "-m", "fishbowl_desktop", "check", os.fsdecode(raw)],
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    assert b"valid session" in result.stdout and b"\\udcff" in result.stdout


@pytest.mark.parametrize("case", HOSTILE_FILES, ids=IDS)
def test_start_up_opens_a_new_session_and_names_the_file(
    case: BadFile, good: bytes, workspace: Workspace, tmp_path: Path
) -> None:
    clock = FakeClock()
    path, data = hostile(case, good, tmp_path)
    workspace.add_recent(path)  # the last session …
    workspace.mark_running(path)  # … and the one the crashed run had open
    marker = workspace.running_marker  # as if this copy had been killed: its process is gone
    marker.write_text(marker.read_text().replace(str(os.getpid()), "999999999"))
    plan = plan_start(workspace, clock=clock)
    assert plan.path != path and not plan.recovered
    assert len(plan.session.participants) == 0
    errors = [text for text, level in plan.notices if level == "error"]
    assert errors and all("abend.fishbowl" in e and case[3] in e for e in errors), plan.notices
    assert path.read_bytes() == data
    named = plan_start(workspace, file=path, clock=clock)  # the same file named on the command line
    assert named.path != path and any(case[3] in text for text, _ in named.notices)


@pytest.mark.parametrize("case", HOSTILE_FILES, ids=IDS)
def test_file_open_refuses_and_keeps_the_open_evening(
    case: BadFile, good: bytes, workspace: Workspace, tmp_path: Path, qtbot: QtBot
) -> None:
    clock = FakeClock()
    evening = demo_session(clock)
    ctl = SessionController(evening)
    current = tmp_path / "current.fishbowl"
    saver = Autosaver(ctl, current)
    saver.set_path(current)
    files = SessionFiles(workspace, ctl, saver, clock)
    path, data = hostile(case, good, tmp_path)
    problem = files.open_path(path)
    assert problem is not None and "abend.fishbowl" in problem and case[3] in problem
    assert ctl.session is evening and saver.path == current
    assert path.read_bytes() == data


PROBE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
from fishbowl_desktop.app import run_app
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

def report():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, report)
        return
    w = windows[0]
    print("OPENED", w.autosaver.path.name, "|", w.message_bar.text(), flush=True)
    w.close()

QTimer.singleShot(0, report)
sys.exit(run_app([]))
"""


def run_console(home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "FISHBOWL_DESKTOP_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "LANGUAGE": "en",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "name", ["surrogate-in-name", "date-year-9999-minus-14", "duration-5000-digits", "escape-in-title"]
)
def test_the_real_console_starts_over_a_remembered_hostile_file(name: str, good: bytes, tmp_path: Path) -> None:
    case = next(c for c in HOSTILE_FILES if c[0] == name)
    path, data = hostile(case, good, tmp_path)
    home = tmp_path / "home"
    ws = Workspace(home)
    ws.add_recent(path)  # the last session: every start without arguments used to end here
    result = run_console(home)
    assert result.returncode == 0, result.stderr[-2000:]
    opened = next(line for line in result.stdout.splitlines() if line.startswith("OPENED"))
    assert "abend.fishbowl" not in opened.split("|")[0]  # a new session …
    assert "Could not open abend.fishbowl" in opened and case[3] in opened  # … and why not the old one
    assert path.read_bytes() == data


@pytest.mark.parametrize("folder", ["/tmp/\u0000nul", "/tmp/\ud800"])
def test_a_hostile_remembered_sessions_folder_does_not_stop_the_start(folder: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text(json.dumps({"version": 2, "sessions_folder": folder}), encoding="utf-8")
    result = run_console(home)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "OPENED" in result.stdout
