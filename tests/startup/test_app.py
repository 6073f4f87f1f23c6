"""Start-up decisions: demo, a named file, crash recovery, the last session, a new one; New/Open/Save As."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import (
    build_console,
    build_parser,
    choose_language,
    run_app,
)
from fishbowl_desktop.controller import Autosaver, SessionController
from fishbowl_desktop.controller.session_files import SessionFiles
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, load_session, save_session

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("FISHBOWL_DESKTOP_HOME", str(tmp_path / "home"))
    return Workspace()


def test_workspace_follows_the_home_variable(workspace: Workspace, tmp_path: Path) -> None:
    assert workspace.base_dir == tmp_path / "home"


def test_first_start_opens_a_new_session_saved_in_the_sessions_folder(workspace: Workspace, clock: FakeClock) -> None:
    plan = plan_start(workspace, clock=clock)
    assert plan.path.parent == workspace.sessions_dir and plan.path.is_file()
    assert len(plan.session.participants) == 0 and plan.notices == [] and not plan.recovered


def test_demo_is_saved_as_a_new_file(workspace: Workspace, clock: FakeClock) -> None:
    plan = plan_start(workspace, demo=True, clock=clock)
    assert plan.path.parent == workspace.sessions_dir
    assert plan.path.name.startswith("2026-11-25 Neue Hannoveraner")
    assert len(load_session(plan.path).participants) == 17
    assert "sample evening" in plan.notices[0][0]
    again = plan_start(workspace, demo=True, clock=clock)
    assert again.path != plan.path  # never overwrites the first demo


def test_after_a_crash_the_last_autosave_is_reopened_and_said_so(workspace: Workspace, clock: FakeClock) -> None:
    first = plan_start(workspace, demo=True, clock=clock)
    workspace.mark_running(first.path)  # ... and the process dies without mark_clean_exit
    plan = plan_start(workspace, clock=clock)
    assert plan.recovered and plan.path == first.path
    text, level = plan.notices[-1]
    assert level == "warning" and "did not close properly" in text and first.path.name in text
    assert len(plan.session.participants) == 17


def test_after_a_clean_exit_the_last_session_opens_quietly(workspace: Workspace, clock: FakeClock) -> None:
    first = plan_start(workspace, demo=True, clock=clock)
    workspace.mark_running(first.path)
    workspace.mark_clean_exit()
    plan = plan_start(workspace, clock=clock)
    assert plan.path == first.path and not plan.recovered and plan.notices == []


def test_a_broken_crashed_file_is_reported_and_left_untouched(workspace: Workspace, clock: FakeClock) -> None:
    first = plan_start(workspace, demo=True, clock=clock)
    workspace.mark_running(first.path)
    broken = first.path.read_bytes()[:200]
    first.path.write_bytes(broken)
    plan = plan_start(workspace, clock=clock)
    assert not plan.recovered and plan.path != first.path
    assert plan.notices[0][1] == "error" and first.path.name in plan.notices[0][0]
    assert first.path.read_bytes() == broken


def test_a_file_named_on_the_command_line_wins_and_messages_follow_the_language(
    workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "abend.fishbowl.json"
    save_session(demo_session(clock), path)
    assert plan_start(workspace, file=path, clock=clock).path == path
    missing = plan_start(workspace, file=tmp_path / "weg.json", clock=clock, language="de")
    assert "gibt es nicht" in missing.notices[0][0] and missing.path.parent == workspace.sessions_dir


def test_session_files_new_open_save_as(workspace: Workspace, clock: FakeClock, tmp_path: Path, qtbot: QtBot) -> None:
    plan = plan_start(workspace, demo=True, clock=clock)
    ctl = SessionController(plan.session)
    saver = Autosaver(ctl, plan.path)
    files = SessionFiles(workspace, ctl, saver, clock)
    ctl.enqueue("aud-05")
    assert files.new_session() is None
    assert len(ctl.session.participants) == 0 and saver.path != plan.path
    assert saver.path is not None and saver.path.is_file()
    assert len(load_session(plan.path).queue) == 4  # the change before New was saved first
    assert files.open_path(plan.path) is None
    assert ctl.session.event.title.startswith("Neue") and saver.path == plan.path
    assert workspace.recent()[0] == plan.path.absolute()
    target = tmp_path / "kopie.fishbowl.json"
    assert files.save_as(target) is None and saver.path == target
    assert len(load_session(target).participants) == 17
    junk = tmp_path / "notes.txt"
    junk.write_text("not a session")
    problem = files.open_path(junk)
    assert problem and "notes.txt" in problem and ctl.session.event.title.startswith("Neue")
    assert files.save_as(junk) and junk.read_text() == "not a session"  # a foreign file is never overwritten


def test_build_console_shows_the_start_notices(workspace: Workspace, clock: FakeClock, qtbot: QtBot) -> None:
    first = plan_start(workspace, demo=True, clock=clock)
    workspace.mark_running(first.path)
    plan = plan_start(workspace, clock=clock)
    console = build_console(plan, workspace, AppSettings())
    qtbot.addWidget(console.window)
    assert "did not close properly" in console.window.message_bar.text()
    assert console.autosaver.path == first.path
    assert workspace.crashed_last_time() == first.path.absolute()  # running again: marked until a clean exit


def test_arguments_and_language() -> None:
    args = build_parser().parse_args(["--demo"])
    assert args.demo and args.file is None
    assert build_parser().parse_args(["x.fishbowl.json"]).file == Path("x.fishbowl.json")
    with pytest.raises(SystemExit) as done:
        run_app(["--version"])
    assert done.value.code == 0
    assert choose_language(AppSettings(), "de_DE") == "de"
    assert choose_language(AppSettings(), "fr_FR") == "en"
    assert choose_language(AppSettings(language="en"), "de_DE") == "en"


QUIT_WHEN_OPEN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
from fishbowl_desktop.app import run_app
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

def quit_when_open():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, quit_when_open)
        return
    print("TITLE", windows[0].windowTitle())
    windows[0].controller.enqueue("aud-05")  # a change in the last second before quitting
    windows[0].commands["quit"].trigger()

QTimer.singleShot(0, quit_when_open)
sys.exit(run_app(["--demo"]))
"""


def test_run_app_opens_the_demo_and_quits_cleanly(workspace: Workspace) -> None:
    """The whole start path on the app's real event loop (Qt's own), in its own process as in real life: the
    window opens, Quit saves synchronously, the exit is marked clean and the process ends normally."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FISHBOWL_DESKTOP_HOME": str(workspace.base_dir)}
    done = subprocess.run([sys.executable, "-c", QUIT_WHEN_OPEN], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "TITLE Neue Hannoveraner" in done.stdout
    assert workspace.crashed_last_time() is None
    last = workspace.last_session()
    assert last is not None
    saved = load_session(last)
    assert [e.participant_id for e in saved.queue][-1] == "aud-05"


def test_translations_load_qt_own_german_and_skip_missing_files(qapp: QApplication) -> None:
    from fishbowl_desktop.app import install_translations

    loaded = install_translations(qapp, "de")
    try:
        assert loaded, "Qt's own qtbase_de.qm ships with PySide6"
        assert any(not t.isEmpty() for t in loaded)
    finally:
        for translator in loaded:
            qapp.removeTranslator(translator)
    assert install_translations(qapp, "xx") == []


def test_a_known_broken_binding_is_refused_by_name_and_the_tested_one_is_not() -> None:
    from fishbowl_desktop.app import binding_refusal
    from fishbowl_desktop.binding_check import binding_version

    refused = binding_refusal("6.12.0", (3, 11, 7))
    assert refused is not None
    assert "PySide6 6.12.0 on Python 3.11.7" in refused and "constraints.txt" in refused and "3.12" in refused
    assert binding_refusal("6.12.0", (3, 12, 1)) is None  # immortal singletons (PEP 683): the leak is harmless
    assert binding_refusal("6.11.3", (3, 11, 7)) is None
    assert binding_version() == PySide6.__version__
    assert binding_refusal() is None, "the tests run on a binding the console refuses"


def test_the_pinned_binding_is_not_a_known_broken_one() -> None:
    """constraints.txt is what CI, the README and the bundle install: it must name a PySide6 the console runs on."""
    from fishbowl_desktop.binding_check import known_fault

    pins = dict(
        line.split("==", 1)
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    pinned = pins.get("PySide6_Essentials") or pins["PySide6-Essentials"]
    assert known_fault(pinned.strip(), (3, 11, 0), "cpython") is None
    assert pins["shiboken6"].strip() == pinned.strip()


def test_start_up_refuses_a_known_broken_binding_with_a_message(tmp_path: Path) -> None:
    """A real start of the console with the binding's version reported as 6.12.0: one line, exit 3, no window."""
    if sys.version_info >= (3, 12):
        pytest.skip("the 6.12.0 fault is harmless from CPython 3.12 on")
    script = (
        "import sys, PySide6\n"
        "PySide6.__version__ = '6.12.0'\n"
        "from fishbowl_desktop.app import run_app\n"
        "sys.exit(run_app([]))\n"
    )
    env = {
        **os.environ,
        "FISHBOWL_DESKTOP_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT / "src"),
    }
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 3, done.stderr
    assert "cannot run with PySide6 6.12.0" in done.stderr
    assert not list((tmp_path / "sessions").glob("*.fishbowl.json")), "no session was started"


SAY_READY = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
from fishbowl_desktop.app import run_app
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

def ready():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, ready)
        return
    windows[0].controller.enqueue("aud-06")
    print("READY", flush=True)

QTimer.singleShot(0, ready)
sys.exit(run_app(["--demo"]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_saves_and_exits_cleanly(workspace: Workspace) -> None:
    import signal

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FISHBOWL_DESKTOP_HOME": str(workspace.base_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-c", SAY_READY], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        if proc.poll() is None:
            proc.kill()
    assert workspace.crashed_last_time() is None
    last = workspace.last_session()
    assert last is not None
    saved = load_session(last)
    assert [e.participant_id for e in saved.queue][-1] == "aud-06"


def test_a_missing_xcb_cursor_library_is_named_instead_of_qt_aborting() -> None:
    """Through the real entry point on an X11 desktop without libxcb-cursor0 (the pip route on a fresh Debian or
    Ubuntu): one sentence that names the package, exit 1, instead of Qt's abort (exit 134) about a platform plugin."""
    child = (
        "import sys; import fishbowl_desktop.binding_check as b\n"
        "b.LIBRARY_FOLDERS = (); b._loads = lambda name: False\n"
        "from fishbowl_desktop.__main__ import main; sys.exit(main([]))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":4242"
    done = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "sudo apt install libxcb-cursor0" in done.stderr and "Traceback" not in done.stderr


def test_the_xcb_check_only_speaks_where_qt_would_use_x11() -> None:
    from fishbowl_desktop import binding_check

    never = lambda name: False
    x11 = {"DISPLAY": ":0"}
    assert binding_check.missing_x11_library(x11, "linux", never) in (None, "libxcb-cursor0")
    assert binding_check.missing_x11_library({**x11, "QT_QPA_PLATFORM": "offscreen"}, "linux", never) is None
    assert binding_check.missing_x11_library({**x11, "WAYLAND_DISPLAY": "wayland-0"}, "linux", never) is None
    assert binding_check.missing_x11_library({}, "linux", never) is None  # no X server: Qt says so itself
    assert binding_check.missing_x11_library(x11, "win32", never) is None
    assert binding_check.missing_x11_library(x11, "linux", lambda name: True) is None


TERM_WHILE_STARTING = """
import os, signal, sys
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
import fishbowl_desktop.ui.projector.textfit as textfit
from fishbowl_desktop.app import run_app

fonts = textfit.ensure_fonts
def fonts_then_term():
    fonts()
    os.kill(os.getpid(), signal.SIGTERM)  # a logout or a shutdown while the console is still starting
textfit.ensure_fonts = fonts_then_term
sys.exit(run_app(["--demo"]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_while_starting_closes_like_quit_once_the_window_is_there(workspace: Workspace) -> None:
    """A slow start on a busy laptop (the bundle's smoke test saw it at load 16): SIGTERM before the window exists
    was fatal (exit 143, no clean exit marked). It is remembered and closes the window like Quit once it is up."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FISHBOWL_DESKTOP_HOME": str(workspace.base_dir)}
    done = subprocess.run(
        [sys.executable, "-c", TERM_WHILE_STARTING], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert workspace.crashed_last_time() is None
    assert workspace.last_session() is not None


def test_the_window_icon_has_every_drawn_size_a_window_shows(qapp: QApplication) -> None:
    """From the PNGs alone (issue 29: the SVG loaded Qt's SVG library before the first frame), 16 to 256 px: the
    512 px drawing (for the desktop's menus) made X11's first frame decode and send 1 MiB of pixels (~8 ms)."""
    from fishbowl_desktop.startup.window import app_icon

    icon = app_icon()
    assert icon is not None
    assert sorted(size.width() for size in icon.availableSizes()) == [16, 32, 48, 64, 128, 256]


def test_the_app_asks_for_the_projector_probe_by_the_probe_s_own_switch() -> None:
    """run_app loads the end-to-end tests' probe only when its variable is set (issue 29): the same name."""
    from fishbowl_desktop.app import PROBE_ENV
    from fishbowl_desktop.ui.projector.probe import ENV

    assert PROBE_ENV == ENV
