"""An idle console (nobody speaking) as the app builds it wakes the laptop for nothing within seconds (issue 29):
the queue's waiting column woke it every second, the read-only owner's check every 3 s for a file that was not
read-only, the collector every 1.5 s."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import build_console
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.collector import UiThreadCollector
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace
from helpers.timers import timers_waking_within


def test_an_idle_console_has_no_timer_that_wakes_it_within_seconds(
    tmp_path: Path, clock: FakeClock, qtbot: QtBot, session_collector: UiThreadCollector
) -> None:
    workspace = Workspace(tmp_path / "home")
    console = build_console(plan_start(workspace, clock=clock), workspace, AppSettings())
    window = console.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    session_collector.stop()
    collector = UiThreadCollector(window)  # as run_app: on the UI thread, following the speaker clock
    collector.follow(console.ticker.displayChanged)
    try:
        window.queue_panel.entry.setText("Ada")
        window.queue_panel.submit_entry()  # someone waits
        qtbot.waitUntil(lambda: not console.autosaver.dirty, timeout=10_000)  # the change is saved: all done
        for _ in range(3):
            QApplication.processEvents()
        assert console.controller.session.turn is None and len(console.controller.session.queue) == 1
        assert timers_waking_within((window, console.controller, console.files), 4000) == {}
    finally:
        collector.stop()
        session_collector.start()


def test_the_owner_check_runs_while_a_file_is_shown_read_only_and_only_then(tmp_path: Path, qtbot: QtBot) -> None:
    workspace = Workspace(tmp_path / "home")
    console = build_console(plan_start(workspace, clock=FakeClock()), workspace, AppSettings())
    window = console.window
    qtbot.addWidget(window)
    roots = (window, console.controller, console.files)
    assert "OwnerWatch" not in timers_waking_within(roots, 4000)
    shown = console.files.path
    assert shown is not None
    console.files.become_read_only(shown)  # as when another window owns it
    assert "OwnerWatch" in timers_waking_within(roots, 4000)
    assert console.files.save_as(tmp_path / "mine.fishbowl.json") is None  # Save As…: this copy owns a file again
    assert "OwnerWatch" not in timers_waking_within(roots, 4000)
