"""A running turn's record goes to the writer thread after the second's repaints (issue 29): handed over while the
UI thread still ran Python, the two threads took turns at the interpreter's lock, three wake-ups a second."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import build_console
from fishbowl_desktop.controller import autosave
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace
from fishbowl_desktop.storage.turn_record import record_path


class Order(QObject):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched.objectName() == "timerTime":
            self.log.append("clock painted")
        return False


def test_the_turns_record_is_handed_over_after_the_clock_repainted(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    workspace = Workspace(tmp_path / "home")
    console = build_console(plan_start(workspace, clock=clock), workspace, AppSettings())
    window = console.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    controller = console.controller
    controller.replace_session(demo_session(clock))  # the sample evening, in the file the console opened
    assert controller.start_turn("aud-01")
    qtbot.waitUntil(lambda: not console.autosaver.dirty, timeout=10_000)
    log: list[str] = []
    handed = autosave._WRITER.submit

    def submit(job: Callable[[], None]) -> None:
        log.append("record handed over")
        handed(job)

    monkeypatch.setattr(autosave._WRITER, "submit", submit)
    order = Order(log)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(order)
    try:
        clock.advance(1.0)
        console.ticker.poll()  # a new second
        qtbot.waitUntil(lambda: "record handed over" in log, timeout=5000)
    finally:
        app.removeEventFilter(order)
    assert log[:2] == ["clock painted", "record handed over"], log
    assert autosave.wait_for_writes(10)
    assert console.autosaver.path is not None and record_path(console.autosaver.path).exists()
