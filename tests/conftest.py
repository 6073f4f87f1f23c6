"""Shared fixtures. Qt runs offscreen, so the tests need no display."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings
from PySide6.QtWidgets import QApplication

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.startup.collector import UiThreadCollector
from fishbowl_desktop.storage import Workspace

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow  # imported by the fixture that makes it

# Hypothesis' defaults time each example (a 200 ms deadline, "too slow" data generation): wall-clock budgets that
# fail on a busy machine for no defect. Budgets belong in the benchmarks; here every example runs to its end.
settings.register_profile("fishbowl", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("fishbowl")


@pytest.fixture(scope="session", autouse=True)
def session_collector(qapp: QApplication) -> Iterator[UiThreadCollector]:
    """As in the app: a Qt object in a reference cycle must never be freed by a helper thread that happens
    to allocate (the room's server, the autosave writer); startup/collector.py."""
    collector = UiThreadCollector(qapp)
    yield collector
    collector.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def demo(clock: FakeClock) -> Session:
    return demo_session(clock)


@pytest.fixture
def ctl(demo: Session) -> SessionController:
    """The demo evening behind a controller: where most console and room tests start (was copied into 14 files)."""
    return SessionController(demo)


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    """The real console over `ctl`, shown at its own size (the room's tests, the handout's); a module that needs it
    at the laptop's size and active (`helpers.console.open_console`), or not shown, overrides it."""
    from fishbowl_desktop.controller import TimerTicker
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

    w = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """A data folder of its own (the tests' FISHBOWL_DESKTOP_HOME); a module that needs another one overrides it."""
    return Workspace(tmp_path / "home")


@pytest.fixture(autouse=True)
def _no_dialog_outlives_its_test() -> Iterator[None]:
    """A dialog opened with open() and left visible stays modal and steals the next test's input."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()


TOOL_MISSING = ("not installed", "apt-get install")
"""Words every skip for a missing system tool uses (Xvfb, chromium, poppler, zbar, openbox, appstream…)."""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """With FISHBOWL_TOOLS_REQUIRED=1 (the GitHub workflow, which installs every tool) a skip for a missing tool
    fails the test: a browser that silently went missing once skipped every phone test there without a word."""
    report = yield
    if os.environ.get("FISHBOWL_TOOLS_REQUIRED") != "1" or not report.skipped:
        return report
    reason = str(report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr)
    if any(words in reason for words in TOOL_MISSING):
        report.outcome = "failed"
        report.longrepr = f"FISHBOWL_TOOLS_REQUIRED=1, but the test was skipped: {reason}"
    return report


LIFELONG_THREADS = ("fishbowl-autosave", "fishbowl-pdf-answers")
"""Threads the app keeps for its whole life on purpose: the one autosave writer for every session, and the reader
of the one PDF worker process's answers (ui/paper/pdf_export.pdf_worker)."""
THREAD_GRACE_S = 20.0
"""How long a thread a test stopped may take to end after the test, before the test counts as leaving it."""


@pytest.fixture(autouse=True)
def _a_tests_copy_lets_go_of_its_files() -> Iterator[None]:
    """Each test is a run of the app, and the OS locks its copy held on its files (storage/running_copy.py) end
    with it, as they end with the app's process; kept, they would pile up as open files over the suite."""
    from fishbowl_desktop.storage import running_copy

    before = running_copy.held()
    yield
    for path in running_copy.held() - before:
        running_copy.let_go(path)


@pytest.fixture(autouse=True)
def _no_thread_or_save_outlives_its_test() -> Iterator[None]:
    """A test ends everything it started: a thread still running afterwards fails that test (as napari's
    fixtures do), and an autosave it handed to the writer thread must have ended, so that it cannot write
    inside the next test (which may have patched os.replace or the disk)."""
    before = set(threading.enumerate())
    yield
    from fishbowl_desktop.controller.autosave import wait_for_writes

    if not wait_for_writes(60.0):
        pytest.fail("an autosave this test started was still being written 60 s after it ended")
    deadline = time.monotonic() + THREAD_GRACE_S
    left = []
    for thread in threading.enumerate():
        if thread in before or thread.name in LIFELONG_THREADS or thread is threading.current_thread():
            continue
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            left.append(thread.name)
    if left:
        pytest.fail(f"threads this test started are still running: {left}")
