"""Issue 23, point 8: the small reading faults of session files and the crash marker.

A format version of 25 digits printed `<HugeNumber object at 0x…>`; 1e400 was "the number inf"; a UTF-16
file from Windows Notepad was "not a text file"; a name written twice was taken silently (the last one won);
under LANG=C with Python's UTF-8 mode off, `check` called a valid file broken and the console opened a new
session instead of the last one when its name had an umlaut; a crash marker whose pid belongs to another
program after a reboot hid the recovery notice.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fishbowl_desktop.boot_id import boot_id
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import SessionFileError, Workspace, load_session, save_session


@pytest.fixture
def good(tmp_path: Path) -> bytes:
    path = tmp_path / "good.fishbowl.json"
    save_session(demo_session(FakeClock()), path)
    return path.read_bytes()


def _refusal(tmp_path: Path, content: bytes) -> str:
    path = tmp_path / "bad.fishbowl.json"
    path.write_bytes(content)
    with pytest.raises(SessionFileError) as caught:
        load_session(path)
    return str(caught.value)


def test_a_format_version_of_25_digits_is_named_in_words(good: bytes, tmp_path: Path) -> None:
    data = json.loads(good)
    text = json.dumps(data).replace(f'"version": {data["version"]}', '"version": ' + "9" * 25, 1)
    message = _refusal(tmp_path, text.encode())
    assert "object at 0x" not in message and "25 digits" in message, message


def test_1e400_is_named_as_written(good: bytes, tmp_path: Path) -> None:
    text = good.replace(b'"duration":171.0', b'"duration":1e400', 1)
    assert text != good
    message = _refusal(tmp_path, text)
    assert "1e400" in message and "inf" not in message.replace("information", ""), message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_session_from_notepad_is_read(good: bytes, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "unicode.fishbowl.json"
    body = good.decode("utf-8").encode(encoding)
    path.write_bytes(body if encoding == "utf-16" else b"\xfe\xff" + body)
    session = load_session(path)
    assert session.event.title == demo_session(FakeClock()).event.title
    assert any("ü" in p.name or "ö" in p.name or "ş" in p.name.lower() for p in session.participants)


def test_a_name_written_twice_is_refused(good: bytes, tmp_path: Path) -> None:
    text = good.replace(b'"title":', b'"title":"Erste Fassung","title":', 1)
    assert text != good
    message = _refusal(tmp_path, text)
    assert "“title” appears twice" in message, message


LANG_C = {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""}


@pytest.mark.skipif(sys.platform == "win32", reason="the C locale is POSIX")
def test_check_under_lang_c_calls_a_valid_file_valid(tmp_path: Path) -> None:
    path = tmp_path / "Begrüßung Öztürk.fishbowl.json"
    save_session(demo_session(FakeClock()), path)
    env = {**os.environ, **LANG_C}
    done = subprocess.run(
        [sys.executable, "-m", "fishbowl_desktop", "check", str(path)], env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert b"valid session" in done.stdout and b"Begr" in done.stdout


OPEN_LAST = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
from fishbowl_desktop.app import run_app
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

def opened():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, opened)
        return
    name = windows[0].autosaver.path.name
    print("OPENED", ascii(name.encode("utf-8", "surrogateescape").decode("utf-8")), flush=True)
    windows[0].commands["quit"].trigger()

QTimer.singleShot(0, opened)
sys.exit(run_app([]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="the C locale is POSIX")
def test_the_console_under_lang_c_reopens_the_last_session_with_an_umlaut(tmp_path: Path) -> None:
    home = tmp_path / "home"
    workspace = Workspace(home)
    workspace.ensure()
    path = workspace.sessions_dir / "2026-12-03 Begrüßung.fishbowl.json"
    save_session(demo_session(FakeClock()), path)
    workspace.add_recent(path)  # as a run in a UTF-8 locale left it
    env = {**os.environ, **LANG_C, "QT_QPA_PLATFORM": "offscreen", "FISHBOWL_DESKTOP_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", OPEN_LAST], env=env, capture_output=True, timeout=120)
    out = done.stdout.decode("ascii", "backslashreplace")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "OPENED '2026-12-03 Begr\\xfc\\xdfung.fishbowl.json'" in out, out
    assert Workspace(home).last_session() == path, "and the next UTF-8 run still finds it"


@pytest.mark.skipif(boot_id() is None, reason="no boot id on this system")
def test_a_crash_marker_from_before_a_reboot_is_a_crash_even_if_its_pid_runs_now(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "home")
    workspace.ensure()
    path = workspace.sessions_dir / "evening.fishbowl.json"
    save_session(demo_session(FakeClock()), path)
    marker = {"session": str(path), "pid": os.getppid(), "since": "2026-12-03T19:00:00+01:00"}  # alive: our parent
    (workspace.base_dir / "running-77.json").write_text(json.dumps({**marker, "boot": "an-earlier-boot"}))
    assert workspace.crashed_last_time() == path, "the pid is someone else's now: the console crashed"
    (workspace.base_dir / "running-77.json").write_text(json.dumps({**marker, "boot": boot_id()}))
    assert workspace.crashed_last_time() is None, "same boot, pid alive: a second window still running"
    (workspace.base_dir / "running-77.json").write_text(json.dumps(marker))
    assert workspace.crashed_last_time() is None, "no boot id (an older version): judged by the pid as before"
